//! The screens across briefs: the library (every brief opened, newest first, and the selected
//! one's summary) and a listing (a dossier or the timeline), each a list above and the selected
//! row in full below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::{bordered, put};
use crate::library::{Listing, Row, short_date};
use crate::model::Section;
use crate::text::{cells, one_line, truncate_to_cells};
use crate::tui::Action;
use crate::tui::describe;
use crate::tui::keymap::Context;
use crate::tui::state::{AcrossKind, AcrossState, App, LibraryState, Shelf};
use crate::tui::theme::Theme;

/// The list's place and the place of the selected row in full, above the hint bar. The list
/// takes the lines it has, up to two thirds of the screen; the rest is the summary's.
pub fn areas(screen: Rect, lines: usize) -> (Rect, Rect) {
    let body = Rect { height: screen.height.saturating_sub(1), ..screen };
    let most = ((u32::from(body.height) * 2 / 3) as u16).max(body.height.saturating_sub(5).min(4));
    let list_height = (lines.saturating_add(2).min(usize::from(u16::MAX)) as u16).clamp(4.min(most), most);
    let list = Rect { height: list_height, ..body };
    let summary = Rect { y: list.bottom(), height: body.height - list_height, ..body };
    (list, summary)
}

/// Rows a page of the library shows: inside its border, under its column heads.
pub fn list_rows(screen: Rect, rows: usize) -> usize {
    areas(screen, rows + 1).0.height.saturating_sub(3) as usize
}

/// Lines a page of a listing shows.
pub fn listing_lines(screen: Rect, lines: usize) -> usize {
    areas(screen, lines).0.height.saturating_sub(2) as usize
}

/// The listing's line of each row: rows come under their group's heading.
pub fn line_of_row(listing: &Listing, row: usize) -> usize {
    let mut before = 0;
    for (g, group) in listing.groups.iter().enumerate() {
        if row < before + group.rows.len() {
            return row + g + 1;
        }
        before += group.rows.len();
    }
    before + listing.groups.len()
}

/// The row on a line of a listing; `None` on a heading or past the end.
pub fn row_of_line(listing: &Listing, line: usize) -> Option<usize> {
    let (mut at, mut before) = (0, 0);
    for group in &listing.groups {
        if line == at {
            return None;
        }
        if line <= at + group.rows.len() {
            return Some(before + line - at - 1);
        }
        at += 1 + group.rows.len();
        before += group.rows.len();
    }
    None
}

/// The first line of a listing in view with `rows` lines shown: where the state left it, moved
/// as little as needed to show the cursor.
pub fn first_line(state: &AcrossState, rows: usize) -> usize {
    first_in_view(state.offset, line_of_row(&state.listing, state.cursor), rows)
}

/// The first row of the library in view with `rows` rows shown: where the state left it,
/// moved as little as needed to show the cursor (after a resize, say).
pub fn first_row(state: &LibraryState, rows: usize) -> usize {
    first_in_view(state.offset, state.cursor, rows)
}

/// The first of `rows` lines in view: from `offset`, moved as little as shows `cursor`.
fn first_in_view(offset: usize, cursor: usize, rows: usize) -> usize {
    offset.min(cursor).max((cursor + 1).saturating_sub(rows))
}

pub fn draw_library(buffer: &mut Buffer, app: &App, state: &LibraryState, theme: Theme) {
    let (list, summary) = areas(buffer.area, state.rows.len() + 1);
    Clear.render(Rect { height: list.height + summary.height, ..list }, buffer);
    let count = app.briefs.len() + app.shelved.len();
    let briefs = |n: usize| if n == 1 { "brief" } else { "briefs" };
    let title = match (state.query.is_empty(), state.typing) {
        (true, false) => format!(" Library · {count} {}, newest first ", briefs(count)),
        _ => format!(" Library · {} of {count} {} ", state.rows.len(), briefs(count)),
    };
    let footer = (!state.rows.is_empty()).then(|| {
        let (open, find) = (app.key(Context::Library, Action::Follow), app.key(Context::Library, Action::StartSearch));
        Line::styled(
            format!(" {} of {} · {open} opens · {find} finds ", state.cursor + 1, state.rows.len()),
            theme.dim(),
        )
    });
    let inner = bordered(buffer, list, theme.border(true), &Line::styled(title, theme.heading()), footer.as_ref());
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let counts = if width >= 110 { Counts::Sections } else { Counts::Total };
    let query_line = if state.typing || !state.query.is_empty() {
        let mut spans = vec![Span::styled("/", theme.key()), Span::raw(one_line(&state.query).into_owned())];
        if state.typing {
            spans.push(Span::styled("█", theme.dim()));
        }
        let found = state.rows.len();
        spans.push(Span::styled(
            format!(
                "  {found} {} · {} shows all",
                if found == 1 { "brief" } else { "briefs" },
                app.key(Context::Library, Action::Leave)
            ),
            theme.dim(),
        ));
        Line::from(spans)
    } else {
        let mut head = format!("{:<11} {}", "date", "title");
        let heads = match counts {
            Counts::Sections => count_heads(),
            Counts::Total => format!("{:>6}", "items"),
        };
        head.push_str(&" ".repeat(width.saturating_sub(cells(&head) + cells(&heads))));
        head.push_str(&heads);
        Line::styled(head, theme.dim())
    };
    put(buffer, inner, inner.y, &query_line);
    let rows = inner.height.saturating_sub(1) as usize;
    let first = first_row(state, rows);
    for (line_no, (n, row)) in state.rows.iter().enumerate().skip(first).take(rows).enumerate() {
        let y = inner.y + 1 + line_no as u16;
        let mut line = match row.entry {
            Shelf::Brief(b) => brief_row(app, b, row.matches, width, counts, theme),
            Shelf::Broken(s) => {
                let shelved = &app.shelved[s];
                Line::from(vec![
                    Span::styled(format!("{:<11}", "✗ error"), theme.marking()),
                    Span::raw(" "),
                    Span::styled(one_line(&shelved.first).into_owned(), theme.strong()),
                ])
            }
        };
        if n == state.cursor {
            buffer.set_style(Rect::new(inner.x, y, inner.width, 1), theme.cursor(true));
            line = line.patch_style(theme.cursor(true));
        }
        put(buffer, inner, y, &line);
    }
    if state.rows.is_empty() {
        let said = format!("no brief holds this; {} shows them all", app.key(Context::Library, Action::Leave));
        put(buffer, inner, inner.y + 1, &Line::styled(said, theme.dim()));
    }
    let selected = state.rows.get(state.cursor).map(|r| r.entry);
    draw_summary(buffer, summary, app, selected, theme);
}

const COUNT_HEADS: [&str; 5] = ["actors", "claims", "positions", "quotes", "events"];

/// What a row counts: each section where there is room, else all items.
#[derive(Clone, Copy)]
enum Counts {
    Sections,
    Total,
}

fn count_heads() -> String {
    COUNT_HEADS.iter().map(|h| format!("{h:>w$}", w = h.len().max(6) + 1)).collect()
}

fn brief_row(app: &App, b: usize, matches: u32, width: usize, counts: Counts, theme: Theme) -> Line<'static> {
    let brief = &app.briefs[b].opened.brief;
    let mut spans = vec![Span::styled(format!("{:<11} ", brief.date.human()), theme.strong())];
    if let Some(marking) = &brief.marking {
        spans.push(Span::styled(format!(" {} ", one_line(marking)), theme.marking()));
        spans.push(Span::raw(" "));
    }
    let sections = [Section::Actors, Section::Claims, Section::Positions, Section::Quotes, Section::Events];
    let right = match counts {
        _ if matches > 0 => format!("  {matches} {}", if matches == 1 { "match" } else { "matches" }),
        Counts::Sections => sections
            .iter()
            .zip(COUNT_HEADS)
            .map(|(&s, h)| format!("{:>w$}", brief.len(s), w = h.len().max(6) + 1))
            .collect(),
        Counts::Total => format!("{:>6}", Section::ALL.iter().map(|&s| brief.len(s)).sum::<usize>()),
    };
    let used: usize = spans.iter().map(Span::width).sum();
    let room = width.saturating_sub(used + cells(&right) + 1);
    let mut title = one_line(&brief.title).into_owned();
    if !brief.tags.is_empty() && width >= 120 {
        let tags: Vec<String> = brief.tags.iter().map(|t| format!("#{}", one_line(t))).collect();
        title = format!("{title}  {}", tags.join(" "));
    }
    let title = truncate_to_cells(&title, room).into_owned();
    let pad = room.saturating_sub(cells(&title)) + 1;
    spans.push(Span::raw(title));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(right, if matches > 0 { theme.marked() } else { theme.dim() }));
    Line::from(spans)
}

/// The selected brief's header in full: title, date, marking, file, tags and its summary.
fn draw_summary(buffer: &mut Buffer, rect: Rect, app: &App, selected: Option<Shelf>, theme: Theme) {
    let inner = bordered(buffer, rect, theme.border(false), &Line::styled(" summary ", theme.strong()), None);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    match selected {
        Some(Shelf::Brief(b)) => {
            let opened = &app.briefs[b].opened;
            let brief = &opened.brief;
            lines.extend(describe::wrap(&brief.title, width, theme.heading()));
            let mut about = vec![brief.date.human()];
            if let Some(marking) = &brief.marking {
                about.push(one_line(marking).into_owned());
            }
            about.push(one_line(&opened.name).into_owned());
            if !brief.tags.is_empty() {
                about.push(brief.tags.iter().map(|t| format!("#{}", one_line(t))).collect::<Vec<_>>().join(" "));
            }
            lines.extend(describe::wrap(&about.join(" · "), width, theme.dim()));
            if let Some(summary) = &brief.summary {
                lines.push(Line::raw(""));
                lines.extend(describe::wrap(summary, width, Style::new()));
            }
        }
        Some(Shelf::Broken(s)) => {
            let shelved = &app.shelved[s];
            let errors = shelved.problems.errors;
            let errors = format!("{errors} {}", if errors == 1 { "error" } else { "errors" });
            let said = match shelved.opened {
                0 => format!("{} could not open: {errors}", shelved.name),
                1 => format!("{}: {errors}; its other brief opened and is in the list", shelved.name),
                n => format!("{}: {errors}; {n} of its briefs opened and are in the list", shelved.name),
            };
            lines.extend(describe::wrap(&said, width, theme.heading()));
            lines.extend(describe::wrap(&shelved.first, width, Style::new()));
            let problems = app.key(Context::Library, Action::ShowProblems);
            let edit = app.key(Context::Library, Action::Edit);
            let said = format!(
                "{problems} lists every problem, {edit} opens the first in your editor; the other briefs open as they are"
            );
            lines.extend(describe::wrap(&said, width, theme.dim()));
        }
        None => {}
    }
    for (n, line) in lines.iter().take(inner.height as usize).enumerate() {
        put(buffer, inner, inner.y + n as u16, line);
    }
}

pub fn draw_across(buffer: &mut Buffer, app: &App, state: &AcrossState, theme: Theme) {
    let (list, summary) = areas(buffer.area, state.listing.row_count() + state.listing.groups.len());
    Clear.render(Rect { height: list.height + summary.height, ..list }, buffer);
    let listing = &state.listing;
    let title = format!(" {} ", one_line(&listing.title));
    let footer = match state.kind {
        AcrossKind::Timeline { narrowed: false } => " Enter opens · f narrows to an actor or topic ",
        AcrossKind::Timeline { narrowed: true } => " Enter opens · f shows everything ",
        AcrossKind::Dossier => " Enter opens the item in its brief ",
    };
    let footer = Line::styled(footer, theme.dim());
    let inner = bordered(buffer, list, theme.border(true), &Line::styled(title, theme.heading()), Some(&footer));
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let briefs = app.brief_refs();
    if listing.groups.is_empty() {
        put(buffer, inner, inner.y, &Line::styled("nothing across the briefs opened", theme.dim()));
    }
    let rows = inner.height as usize;
    let first = first_line(state, rows);
    // Only the lines in view are laid out: a dossier may run to thousands of rows.
    let (mut line, mut n) = (0, 0);
    for (g, group) in listing.groups.iter().enumerate() {
        let end = line + 1 + group.rows.len();
        if end <= first {
            (line, n) = (end, n + group.rows.len());
            continue;
        }
        if line >= first + rows {
            break;
        }
        if line >= first {
            let y = inner.y + (line - first) as u16;
            put(buffer, inner, y, &group_heading(&group.heading, group.rows.len(), g == 0, width, theme));
        }
        let skip = first.saturating_sub(line + 1);
        for (k, row) in group.rows.iter().enumerate().skip(skip) {
            let at = line + 1 + k;
            if at >= first + rows {
                break;
            }
            let y = inner.y + (at - first) as u16;
            let mut shown = listing_row(&briefs, row, width, theme);
            if n + k == state.cursor {
                buffer.set_style(Rect::new(inner.x, y, inner.width, 1), theme.cursor(true));
                shown = shown.patch_style(theme.cursor(true));
            }
            put(buffer, inner, y, &shown);
        }
        (line, n) = (end, n + group.rows.len());
    }
    let selected = listing.rows().nth(state.cursor);
    draw_row_in_full(buffer, summary, &briefs, selected, theme);
}

/// A group's heading with its count; the first says what the column on the right is.
fn group_heading(heading: &str, count: usize, first: bool, width: usize, theme: Theme) -> Line<'static> {
    let mut spans =
        vec![Span::styled(heading.to_string(), theme.heading()), Span::styled(format!(" ({count})"), theme.dim())];
    if first {
        let said = "in the brief of";
        let used: usize = spans.iter().map(Span::width).sum();
        spans.push(Span::raw(" ".repeat(width.saturating_sub(used + said.len()))));
        spans.push(Span::styled(said, theme.dim()));
    }
    Line::from(spans)
}

/// A listing's row: the date it is of, its text, and the brief it comes from.
fn listing_row(briefs: &[&crate::model::Brief], row: &Row, width: usize, theme: Theme) -> Line<'static> {
    let brief = briefs[row.at.brief()];
    // The day: its time, if it has one, is in the row in full below.
    let date = row.date.as_ref().map_or_else(String::new, |d| crate::model::Date { time: None, ..d.clone() }.human());
    let date = truncate_to_cells(&date, 11).into_owned();
    let from = format!("  {}", short_date(&brief.date));
    let history = if row.history.is_empty() { String::new() } else { format!(" {} earlier", row.history.len()) };
    let right = format!("{history}{from}");
    let room = width.saturating_sub(12 + cells(&right));
    let text = truncate_to_cells(&one_line(&row.text), room).into_owned();
    let pad = room.saturating_sub(cells(&text));
    Line::from(vec![
        Span::styled(format!("{date:<11} "), theme.strong()),
        Span::raw(text),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, theme.dim()),
    ])
}

/// The row under the cursor in full: its text, the brief it is from, and its earlier versions.
fn draw_row_in_full(buffer: &mut Buffer, rect: Rect, briefs: &[&crate::model::Brief], row: Option<&Row>, theme: Theme) {
    let title = match row {
        Some(row) => format!(" {} · {} ", row.at.item.section.singular(), briefs[row.at.brief()].id_of(row.at.item)),
        None => " detail ".to_string(),
    };
    let inner = bordered(buffer, rect, theme.border(false), &Line::styled(title, theme.strong()), None);
    let Some(row) = row else { return };
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let brief = briefs[row.at.brief()];
    let mut lines = describe::wrap(&row.text, width, Style::new());
    if let Some(date) = row.date.as_ref().filter(|d| d.time.is_some()) {
        lines.extend(describe::wrap(&date.human(), width, theme.dim()));
    }
    let from = format!("from {} · {}", brief.date.human(), one_line(&brief.title));
    lines.extend(describe::wrap(&from, width, theme.dim()));
    if !row.history.is_empty() {
        let version = |v: &crate::library::Version| {
            let date = short_date(&briefs[v.at.brief()].date);
            match v.state {
                Some(state) => format!("{date} {state}"),
                None => date,
            }
        };
        // The first version and the last few: a year of briefs would not fit.
        let history = &row.history;
        let mut earlier: Vec<String> = Vec::new();
        if history.len() > 6 {
            earlier.push(version(&history[0]));
            earlier.push(format!("({} more)", history.len() - 5));
            earlier.extend(history[history.len() - 4..].iter().map(version));
        } else {
            earlier.extend(history.iter().map(version));
        }
        let now = crate::library::state_of(brief, row.at.item).map_or(String::new(), |s| format!(" → now {s}"));
        lines.extend(describe::wrap(&format!("earlier: {}{now}", earlier.join(" → ")), width, theme.marked()));
    }
    for (n, line) in lines.iter().take(inner.height as usize).enumerate() {
        put(buffer, inner, inner.y + n as u16, line);
    }
}
