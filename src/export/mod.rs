//! Exporting a brief, or part of it, as text, Markdown or JSON: for a memo, a colleague's
//! email, a script. `brief export` calls [`export_briefs`] and the reader [`export`], its
//! one-brief case, so both give the same shape. What the library lists across briefs (an id's
//! dossier, the timeline) is exported by [`across::listing`], from the command line and the
//! reader alike.
//!
//! Every export is deterministic (the same brief and selection give the same bytes) and safe
//! to print: text and Markdown show control characters, escape sequences and bidi overrides as
//! visible symbols; JSON escapes them.

pub mod across;
pub mod diff;
mod doc;
mod json;
mod markdown;
mod plain;

use std::io::{self, Write};
use std::path::Path;

use crate::index::{Index, Relation};
use crate::model::{Brief, ItemRef, Section};

/// The form of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text, wrapped, for an email.
    Text,
    /// CommonMark.
    Markdown,
    /// Every field plus the resolved cross-references, pretty-printed.
    Json,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Text, Format::Markdown, Format::Json];

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }

    /// The name the command line uses: `text`, `markdown`, `json`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
        }
    }
}

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// The whole brief, with its summary and tags.
    All,
    /// Every item of one section.
    Section(Section),
    /// Some items of one section, in the order given (a filtered pane). Indices out of range
    /// are skipped.
    Items(Section, Vec<usize>),
    /// One item with its references resolved.
    Item(ItemRef),
    /// Everything cross-referenced to an item; for an actor, a dossier.
    Related(ItemRef),
    /// The brief at a glance: its title, date, marking, author, tags, summary and `x-` fields,
    /// how many items each section holds, and its sources with their publisher, date and
    /// reliability in words.
    Overview,
}

impl Selection {
    /// A short name for file names and messages: `quotes`, `lavrov`, `all`, `overview`.
    pub fn slug(&self, brief: &Brief) -> String {
        match self {
            Selection::All => "all".to_string(),
            Selection::Overview => "overview".to_string(),
            Selection::Section(section) | Selection::Items(section, _) => section.key().to_string(),
            Selection::Item(item) | Selection::Related(item) if item.index() < brief.len(item.section) => {
                brief.id_of(*item).to_string()
            }
            Selection::Item(item) | Selection::Related(item) => item.section.key().to_string(),
        }
    }
}

/// How to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub format: Format,
    /// Text lines are wrapped to this many terminal cells; 0 means no wrapping. Markdown and
    /// JSON are never wrapped (a Markdown renderer reflows paragraphs itself).
    pub width: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options { format: Format::Text, width: 80 }
    }
}

/// The selection of one brief in the chosen format, ending with a line break: [`export_briefs`]
/// of one brief, so JSON is an array of one.
pub fn export(brief: &Brief, index: &Index, selection: &Selection, options: &Options) -> String {
    export_briefs(&[(brief, index, selection)], options)
}

/// A selection from each of several briefs as one export: text and Markdown one brief after
/// another, a blank line between; JSON one array holding each brief's export object, the same
/// shape for one brief as for several.
pub fn export_briefs(briefs: &[(&Brief, &Index, &Selection)], options: &Options) -> String {
    let document = |brief, index, selection| doc::Builder::new(brief, index).document(selection);
    match options.format {
        Format::Text => briefs
            .iter()
            .map(|&(brief, index, selection)| plain::render(&document(brief, index, selection), options.width))
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Markdown => briefs
            .iter()
            .map(|&(brief, index, selection)| markdown::render(&document(brief, index, selection)))
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Json => json::render(
            &briefs.iter().map(|&(brief, index, selection)| json::export(brief, index, selection)).collect::<Vec<_>>(),
        ),
    }
}

/// A quote's byline as exports write it, for the reader to show the same:
/// `— Sergey Lavrov, Russian Foreign Minister, 2 Dec 2021 (Al Jazeera, para 19)`.
pub fn attribution(brief: &Brief, index: &Index, quote: usize) -> String {
    doc::Builder::new(brief, index).attribution(quote).plain().replace(crate::text::wrap::GLUE, " ")
}

/// Where an item comes from, as exports write it: `Al Jazeera, para 19; White House`, each
/// source once, the locator after the first. With `reliability`, as the reader shows it at the
/// point of use: `Al Jazeera (B, usually reliable), para 19; White House`.
pub fn citation(
    brief: &Brief,
    index: &Index,
    sources: &[crate::model::Ref],
    at: Option<&str>,
    reliability: bool,
) -> Option<String> {
    doc::Builder::new(brief, index)
        .citation(sources, at, reliability)
        .map(|c| c.plain().replace(crate::text::wrap::GLUE, " "))
}

/// How many items an export holds (`wrote 7 items`): for `Related`, the subject and every
/// distinct item related to it; for `Overview`, the sources it lists.
pub fn item_count(brief: &Brief, index: &Index, selection: &Selection) -> usize {
    match selection {
        Selection::Overview => brief.sources.len(),
        Selection::All => Section::ALL.iter().map(|&s| brief.len(s)).sum(),
        Selection::Section(section) => brief.len(*section),
        Selection::Items(section, items) => items.iter().filter(|&&i| i < brief.len(*section)).count(),
        Selection::Item(item) => usize::from(item.index() < brief.len(item.section)),
        Selection::Related(item) if item.index() < brief.len(item.section) => related_items(brief, index, *item).len(),
        Selection::Related(_) => 0,
    }
}

/// A default file name for an export: `<brief-id>-<section>.txt`, `<brief-id>-<item-id>.md`.
/// Ids are restricted to `[A-Za-z0-9._-]`, so the name is safe in any folder.
pub fn default_file_name(brief: &Brief, selection: &Selection, format: Format) -> String {
    format!("{}-{}.{}", brief.id, selection.slug(brief), format.extension())
}

/// Writes a file atomically: the text goes to a new temporary file in the same folder, which
/// then replaces `path` in one rename. A reader of `path` sees the old contents or the new,
/// never half; on failure the temporary file is removed and `path` is untouched. An existing
/// file is replaced without asking (the caller decides whether to ask), keeping its
/// permissions.
pub fn write_atomically(path: &Path, contents: &str) -> io::Result<()> {
    let name =
        path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path does not name a file"))?;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let (temporary, mut file) = create_temporary(folder, name)?;
    let written = (|| {
        file.write_all(contents.as_bytes())?;
        if let Ok(existing) = std::fs::metadata(path)
            && existing.is_file()
        {
            file.set_permissions(existing.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temporary, path)
    })();
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(error);
    }
    // Make the rename itself durable where the platform allows it.
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// A new, empty, hidden file beside the target: `.name.<pid>-<n>.tmp`.
fn create_temporary(folder: &Path, name: &std::ffi::OsStr) -> io::Result<(std::path::PathBuf, std::fs::File)> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let mut temporary_name = std::ffi::OsString::from(".");
        temporary_name.push(name);
        temporary_name.push(format!(".{}-{n}.tmp", std::process::id()));
        let temporary = folder.join(temporary_name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&temporary) {
            Ok(file) => return Ok((temporary, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 10_000 => continue,
            Err(e) => return Err(e),
        }
    }
}

/// One kind of item related to a subject, in the order an export shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    pub relation: Relation,
    pub items: Vec<ItemRef>,
}

impl Part {
    /// The heading an export gives the part.
    pub fn title(&self) -> &'static str {
        title(self.relation)
    }
}

/// A heading for each relation, worded for a reader of an export.
pub(crate) fn title(relation: Relation) -> &'static str {
    match relation {
        Relation::SaidBy => "Speaker",
        Relation::HeldBy => "Held by",
        Relation::AssertedBy => "Asserted by",
        Relation::OnBehalfOf => "On behalf of",
        Relation::Said => "What they said",
        Relation::SaidOnItsBehalf => "Said on their behalf",
        Relation::SpeaksFor => "Speaks for",
        Relation::Spokespeople => "Spokespeople",
        Relation::MemberOf => "Part of",
        Relation::Members => "Members",
        Relation::Positions => "Positions",
        Relation::Asserts => "Claims they assert",
        Relation::Supports => "Claims it backs",
        Relation::Disputes => "Claims it contests",
        Relation::SupportedBy => "Positions that back it",
        Relation::DisputedBy => "Positions that contest it",
        Relation::Quotes => "Quotes",
        Relation::BacksClaims => "Claims it backs",
        Relation::BacksPositions => "Positions it evidences",
        Relation::Mentions => "Mentions",
        Relation::MentionedIn => "Mentioned in",
        Relation::Topic => "Topic",
        Relation::SameTopicAgrees => "Agreeing positions on the topic",
        Relation::SameTopicDisagrees => "Disagreeing positions on the topic",
        Relation::SameTopicOther => "Other positions on the topic",
        Relation::Supporting => "Supporting",
        Relation::Opposing => "Opposing",
        Relation::OtherStances => "Other stances",
        Relation::Claims => "Claims",
        Relation::Events => "Events",
        Relation::Involves => "Actors involved",
        Relation::Source => "Source",
        Relation::CitedBy => "Cited by",
    }
}

/// The JSON key of a relation: its label in snake case (`said_by`, `same_topic_agrees`).
pub(crate) fn key(relation: Relation) -> String {
    relation.label().replace(": ", "_").replace(' ', "_")
}

/// Everything cross-referenced to an item, by relation, as the reader's detail pane groups it
/// ([`crate::index::references`]). An actor's affiliation, members, spokespeople and the actors
/// it speaks for are part of who the actor is, shown with the actor, not as parts.
pub(crate) fn related_parts(brief: &Brief, index: &Index, subject: ItemRef) -> Vec<Part> {
    crate::index::references(brief, index, subject)
        .into_iter()
        .filter(|group| {
            subject.section != Section::Actors
                || !matches!(
                    group.relation,
                    Relation::MemberOf | Relation::Members | Relation::SpeaksFor | Relation::Spokespeople
                )
        })
        .map(|group| Part { relation: group.relation, items: group.items })
        .collect()
}

/// The subject and every distinct item related to it, subject first, then in part order.
pub(crate) fn related_items(brief: &Brief, index: &Index, subject: ItemRef) -> Vec<ItemRef> {
    let mut seen = std::collections::BTreeSet::from([subject]);
    let mut items = vec![subject];
    for part in related_parts(brief, index, subject) {
        items.extend(part.items.into_iter().filter(|&item| seen.insert(item)));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn writes_then_replaces_keeping_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_atomically(&path, "first").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
            write_atomically(&path, "second").unwrap();
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
        }
        write_atomically(&path, "third").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "third");
        assert_eq!(names(dir.path()), ["out.txt"]);
    }

    #[test]
    fn a_failure_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_atomically(&dir.path().join("missing/out.txt"), "x").is_err());
        let folder = dir.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        assert!(write_atomically(&folder, "x").is_err(), "a folder is not replaced");
        assert_eq!(names(dir.path()), ["folder"]);
        assert!(names(&folder).is_empty());
        assert!(write_atomically(Path::new("/"), "x").is_err(), "no file name");
    }
}
