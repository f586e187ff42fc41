//! The export dialog (`e`): choose a format and a path; an existing file is only replaced after
//! a second Enter; the file is written whole or not at all.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::action::Action;
use super::keymap::{Context, Keymap};
use super::state::{App, Beneath};
use super::theme::Theme;
use super::view::put;
use crate::export::{self, Format, Options, Selection};
use crate::library::Listing;
use crate::text::one_line;

/// What the dialog exports: a selection of the brief in view, or a listing across briefs.
pub enum Content {
    Selection(Selection),
    Listing(Box<Listing>),
    /// What changed in the brief being read since the earlier brief (`c`, only what changed):
    /// the memo `brief diff` writes.
    Changes,
}

pub struct Dialog {
    pub content: Content,
    pub format: Format,
    /// The path as typed, relative to `folder` unless absolute.
    pub path: String,
    folder: PathBuf,
    /// Whether the path was typed; until then it follows the format.
    edited: bool,
    /// The file exists and the user has been asked to confirm.
    confirming: bool,
    pub error: Option<String>,
    items: usize,
    /// What closing the dialog returns to: the lists, or the overview or listing it was opened
    /// from.
    pub beneath: Beneath,
}

/// What an update did to the dialog.
pub enum Outcome {
    Open,
    /// Closed, with a message for the status line.
    Closed(Option<String>),
}

impl Dialog {
    pub fn new(app: &App, content: Content, beneath: Beneath) -> Dialog {
        let items = content_items(app, &content);
        Dialog {
            path: default_name(app, &content, app.export.format),
            content,
            format: app.export.format,
            folder: app.export_dir.clone(),
            edited: false,
            confirming: false,
            error: None,
            items,
            beneath,
        }
    }

    fn target(&self) -> PathBuf {
        self.folder.join(&self.path)
    }

    pub fn update(&mut self, action: Action, app: &App) -> Outcome {
        match action {
            Action::Leave => return Outcome::Closed(Some("export cancelled".into())),
            Action::NextPane => {
                let next = Format::ALL.iter().position(|&f| f == self.format).map_or(0, |i| i + 1);
                self.format = Format::ALL[next % Format::ALL.len()];
                if !self.edited {
                    self.path = default_name(app, &self.content, self.format);
                }
                self.confirming = false;
            }
            Action::Type(c) => {
                self.path.push(c);
                self.edited = true;
                self.confirming = false;
            }
            Action::Erase => {
                self.path.pop();
                self.edited = true;
                self.confirming = false;
            }
            Action::Submit => return self.submit(app),
            _ => {}
        }
        Outcome::Open
    }

    fn submit(&mut self, app: &App) -> Outcome {
        if self.path.trim().is_empty() {
            self.error = Some("type a file name".into());
            return Outcome::Open;
        }
        let target = self.target();
        if target.exists() && !self.confirming {
            self.confirming = true;
            self.error = None;
            return Outcome::Open;
        }
        let text = content_text(app, &self.content, Options { format: self.format, width: app.export.width });
        match export::write_atomically(&target, &text) {
            Ok(()) => {
                let plural = if self.items == 1 { "" } else { "s" };
                Outcome::Closed(Some(format!("wrote {} item{plural} to {}", self.items, one_line(&self.path))))
            }
            Err(error) => {
                // Nothing is lost: the dialog stays open with the path, to fix and try again.
                self.confirming = false;
                self.error = Some(format!("could not write {}: {}", one_line(&self.path), io_reason(&error)));
                Outcome::Open
            }
        }
    }

    pub fn draw(&self, buffer: &mut Buffer, area: Rect, theme: Theme, keymap: &Keymap) {
        let formats = Format::ALL.map(|f| {
            let name = f.name();
            if f == self.format {
                Span::styled(format!(" {name} "), theme.cursor(true))
            } else {
                Span::styled(format!(" {name} "), theme.dim())
            }
        });
        let plural = if self.items == 1 { "" } else { "s" };
        let mut lines = vec![
            Line::styled(format!("{} item{plural} from what is in view", self.items), theme.strong()),
            Line::from(std::iter::once(Span::raw("format ")).chain(formats).collect::<Vec<_>>()),
            Line::from(vec![
                Span::raw("file   "),
                Span::styled(one_line(&self.path).into_owned(), theme.strong()),
                Span::styled("█", theme.dim()),
            ]),
            Line::raw(""),
        ];
        let key = |action: Action| keymap.first_key(Context::Dialog, &action).unwrap_or_default();
        if self.confirming {
            let said = format!("the file exists: {} replaces it, {} keeps it", key(Action::Submit), key(Action::Leave));
            lines.push(Line::styled(said, theme.heading()));
        } else if let Some(error) = &self.error {
            lines.push(Line::styled(one_line(error).into_owned(), theme.heading()));
        } else {
            let (format, write, cancel) = (key(Action::NextPane), key(Action::Submit), key(Action::Leave));
            let said = format!("{format} changes the format · {write} writes · {cancel} cancels");
            lines.push(Line::styled(said, theme.dim()));
        }
        for (i, line) in lines.iter().enumerate().take(area.height as usize) {
            put(buffer, area, area.y + i as u16, line);
        }
    }
}

/// The text of what is exported, as `brief export` writes it.
pub fn content_text(app: &App, content: &Content, options: Options) -> String {
    match content {
        Content::Selection(selection) => {
            let opened = app.opened();
            export::export(&opened.brief, &opened.index, selection, &options)
        }
        Content::Listing(listing) => export::across::listing(listing, &app.brief_refs(), &options),
        Content::Changes => {
            let Some(since) = app.since() else { return String::new() };
            let (old, new) = ([app.earlier_brief(since)], [app.brief()]);
            let written = export::diff::Options { format: options.format, color: false, stat: false };
            export::diff::render(&crate::diff::pair(&old, &new), &old, &new, &written)
        }
    }
}

/// How many items it holds: a listing's rows.
pub fn content_items(app: &App, content: &Content) -> usize {
    match content {
        Content::Selection(selection) => export::item_count(app.brief(), &app.opened().index, selection),
        Content::Listing(listing) => listing.row_count(),
        Content::Changes => {
            app.since().map_or(0, |since| since.diff.sections().iter().map(|s| s.counts().total()).sum())
        }
    }
}

/// The file a format is written to unless another is typed: named for the brief and the
/// selection, or for the listing (`joe-biden-across-3-briefs.md`).
fn default_name(app: &App, content: &Content, format: Format) -> String {
    match content {
        Content::Selection(selection) => export::default_file_name(app.brief(), selection, format),
        Content::Changes => format!("{}-what-changed.{}", app.brief().id, format.extension()),
        Content::Listing(listing) => {
            let slug: String =
                listing.title.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
            let slug: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
            format!("{}.{}", slug.join("-"), format.extension())
        }
    }
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::StorageFull => "the disk is full".to_string(),
        _ => error.to_string(),
    }
}
