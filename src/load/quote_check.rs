//! Direct and partial quotes checked against the plain-text copy of their source.

use std::collections::{HashMap, VecDeque};
use std::ffi::OsString;
use std::fs;
use std::path::{Component, Path, PathBuf};

use super::diagnostic::{Code, Diagnostic, with_article};
use super::{FieldSpans, Folder, bundled};
use crate::model::{Brief, ItemRef, QuoteKind, Section, Vocabulary};

/// Folds what the format says to ignore: runs of whitespace become one space, typographic
/// quote marks become their ASCII forms.
pub fn normalise(text: &str) -> String {
    normalise_mapped(text, |_, _| {})
}

/// `normalise`, telling `at` the byte offset in `text` of each character it writes.
fn normalise_mapped(text: &str, mut at: impl FnMut(usize, char)) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space: Option<usize> = None;
    for (offset, c) in text.char_indices() {
        if c.is_whitespace() {
            if !out.is_empty() && pending_space.is_none() {
                pending_space = Some(offset);
            }
            continue;
        }
        if let Some(space) = pending_space.take() {
            at(space, ' ');
            out.push(' ');
        }
        let folded = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            other => other,
        };
        at(offset, folded);
        out.push(folded);
    }
    out
}

/// Where a quote occurs in a source's folded text: as written, or without the punctuation
/// that ends its sentence (`.`, `,`, `;`, `:`, `!`, `?`, and a closing quote mark after it),
/// since a quote may end a sentence where the source goes on (`nothing more.` from
/// `nothing more,” Ruiz said`). Anything else must be in the source, in whole words: a quote
/// that starts or ends inside a word of the source (`win` in `winnow`) is not found.
fn occurs(text: &str, wanted: &str) -> Option<std::ops::Range<usize>> {
    whole_words(text, wanted).or_else(|| {
        let unquoted = wanted.strip_suffix(['"', '\'', '»', '›']).unwrap_or(wanted);
        whole_words(text, unquoted.strip_suffix(['.', ',', ';', ':', '!', '?'])?.trim_end())
    })
}

/// The first place `wanted` stands in `text` neither right after nor right before a letter or
/// digit it does not itself end with.
fn whole_words(text: &str, wanted: &str) -> Option<std::ops::Range<usize>> {
    if wanted.is_empty() {
        return None;
    }
    let joins =
        |a: Option<char>, b: Option<char>| a.is_some_and(char::is_alphanumeric) && b.is_some_and(char::is_alphanumeric);
    let mut from = 0;
    while let Some(found) = text[from..].find(wanted) {
        let range = from + found..from + found + wanted.len();
        let starts = !joins(text[..range.start].chars().next_back(), wanted.chars().next());
        let ends = !joins(wanted.chars().next_back(), text[range.end..].chars().next());
        if starts && ends {
            return Some(range);
        }
        from = range.start + text[range.start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Where a quote occurs in a source's text, as a byte range of the text as written
/// (whitespace and typographic quote marks folded as for the check).
pub fn locate(source: &str, quote: &str) -> Option<std::ops::Range<usize>> {
    let mut offsets: Vec<usize> = Vec::with_capacity(source.len());
    let folded = normalise_mapped(source, |offset, c| offsets.extend(std::iter::repeat_n(offset, c.len_utf8())));
    let found = occurs(&folded, &normalise(quote))?;
    let (start, end) = (found.start, found.end);
    let last = offsets[end - 1];
    let last_len = source[last..].chars().next().map_or(0, char::len_utf8);
    Some(offsets[start]..last + last_len)
}

/// Checks every direct or partial quote citing a source that has a `file`.
pub(crate) fn check(brief: &Brief, folder: &Folder, spans: &FieldSpans, problems: &mut Vec<Diagnostic>) {
    let mut texts: HashMap<&str, Option<(String, String)>> = HashMap::new();
    for (i, source) in brief.sources.iter().enumerate() {
        let Some(file) = &source.file else { continue };
        let at = spans.get(ItemRef::new(Section::Sources, i), "file").unwrap_or(source.span);
        let text = match read_source(folder, file) {
            Ok(text) => Some(normalise(&text)),
            Err(why) => {
                let near = match folder {
                    Folder::Disk(base_dir) if why == super::NOT_FOUND => nearest_file(base_dir, file),
                    Folder::Disk(_) => None,
                    Folder::Bundled => {
                        super::nearest(file, bundled::SOURCES.iter().map(|(name, _)| *name)).map(str::to_string)
                    }
                };
                problems.push(unreadable(source, file, &why, at).suggest(near.as_deref()));
                None
            }
        };
        texts.insert(&*source.id, text.map(|t| (file.to_string(), t)));
    }
    if texts.is_empty() {
        return;
    }
    for (i, quote) in brief.quotes.iter().enumerate() {
        if quote.kind == QuoteKind::Indirect {
            continue;
        }
        let Some(source) = &quote.source else { continue };
        let Some(Some((file, text))) = texts.get(&*source.id) else { continue };
        let wanted = normalise(&quote.text);
        if occurs(text, &wanted).is_some() {
            continue;
        }
        let words: Vec<&str> = wanted.split(' ').collect();
        let found = longest_found_prefix(text, &words);
        let help = if found < 3 {
            format!("copy the words exactly as {file} has them, or mark the quote `kind: indirect`")
        } else {
            let rest = &words[found..];
            let more = if rest.len() > 6 { " …" } else { "" };
            format!(
                "{file} has \"{}\" but not what follows: \"{}{more}\"",
                words[..found].join(" "),
                rest[..rest.len().min(6)].join(" ")
            )
        };
        let at = spans.get(ItemRef::new(Section::Quotes, i), "text").unwrap_or(quote.span);
        problems.push(
            Diagnostic::new(
                Code::QuoteNotInSource,
                at,
                format!("quote '{}' does not occur in {file}, the text of source '{}'", quote.id, source.id),
            )
            .label(format!("{} quote must be verbatim", with_article(quote.kind.as_str())))
            .help(help),
        );
    }
}

/// The text of a source's `file` where its brief came from: a file on disk (see
/// [`source_text`]), or a text compiled in with the bundled briefs.
pub fn read_source(folder: &Folder, file: &str) -> Result<String, String> {
    match folder {
        Folder::Disk(base_dir) => source_text(base_dir, file),
        Folder::Bundled => bundled::source(file).map(str::to_string).ok_or_else(|| super::NOT_FOUND.to_string()),
    }
}

/// The text of a source's `file`, relative to the brief's folder; the error says why not.
///
/// Only a regular file inside the folder that holds the brief (or its subfolders) is read,
/// after every `..` and symbolic link: a brief received from someone else must not show, or
/// confirm, the reader's other files. A FIFO or a device is refused before it is opened (reading
/// one would wait for ever, or never end).
pub fn source_text(base_dir: &Path, file: &str) -> Result<String, String> {
    let path = inside(base_dir, file)?;
    let kind = fs::symlink_metadata(&path).map_err(|e| super::io_reason(&e))?.file_type();
    if !kind.is_file() {
        return Err(not_a_file(kind));
    }
    let bytes = super::read_capped(&path)?;
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())
}

const OUTSIDE: &str = "it lies outside the brief's folder";

/// For a file that is not there, the nearest name among the files of its folder, written as
/// the path was (`sources/gazete.txt` → `sources/gazette.txt`).
fn nearest_file(base_dir: &Path, file: &str) -> Option<String> {
    // `file_name` skips a trailing `/` or `/.`: the name is the part after the last `/`.
    let (folder, name) =
        file.rsplit_once('/').map_or((String::new(), file), |(folder, name)| (format!("{folder}/"), name));
    if name.is_empty() || name == "." || name == ".." {
        return None;
    }
    let entries = fs::read_dir(inside(base_dir, &folder).ok()?).ok()?;
    let names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|candidate| !candidate.starts_with('.'))
        .collect();
    let near = super::nearest(name, names.iter().map(String::as_str))?;
    Some(format!("{folder}{near}"))
}

/// Where `file` leads from `base_dir`, each `..` and symbolic link followed one step at a time.
/// Only paths inside the folder are ever looked at, so an answer says nothing about any file
/// outside it, not even whether it exists.
fn inside(base_dir: &Path, file: &str) -> Result<PathBuf, String> {
    if Path::new(file).is_absolute() {
        return Err("the path is absolute".into());
    }
    // A brief named without a folder (`brief.yaml`) lies in the current one.
    let base = if base_dir.as_os_str().is_empty() { Path::new(".") } else { base_dir };
    let root = fs::canonicalize(base).map_err(|e| super::io_reason(&e))?;
    let mut at = root.clone();
    let mut pending: VecDeque<OsString> = parts(Path::new(file))?.collect();
    let mut links = 0;
    while let Some(part) = pending.pop_front() {
        if part == ".." {
            if at == root {
                return Err(OUTSIDE.into());
            }
            at.pop();
            continue;
        }
        let next = at.join(&part);
        if !fs::symlink_metadata(&next).map_err(|e| super::io_reason(&e))?.file_type().is_symlink() {
            at = next;
            continue;
        }
        links += 1;
        if links > MAX_LINKS {
            return Err("its symbolic links go round in a loop".into());
        }
        let target = fs::read_link(&next).map_err(|e| super::io_reason(&e))?;
        let target = if target.is_absolute() {
            at = root.clone();
            target.strip_prefix(&root).map_err(|_| OUTSIDE.to_string())?.to_path_buf()
        } else {
            target
        };
        let mut ahead: Vec<OsString> = parts(&target).map_err(|_| OUTSIDE.to_string())?.collect();
        ahead.extend(pending.drain(..));
        pending = ahead.into();
    }
    Ok(at)
}

/// As many links as the system follows in one path before it gives up.
const MAX_LINKS: usize = 40;

/// A relative path's names and `..`s, with the `.`s left out.
fn parts(path: &Path) -> Result<impl Iterator<Item = OsString> + '_, String> {
    if path.components().any(|c| matches!(c, Component::RootDir | Component::Prefix(_))) {
        return Err("the path is absolute".into());
    }
    Ok(path.components().filter_map(|c| match c {
        Component::ParentDir => Some(OsString::from("..")),
        Component::Normal(name) => Some(name.to_os_string()),
        _ => None,
    }))
}

fn not_a_file(kind: fs::FileType) -> String {
    if kind.is_dir() {
        return "it is a folder".into();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "it is a FIFO (a named pipe), not a regular file".into();
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "it is a device, not a regular file".into();
        }
        if kind.is_socket() {
            return "it is a socket, not a regular file".into();
        }
    }
    "it is not a regular file".into()
}

/// How many leading words of the quote the source holds in a row.
fn longest_found_prefix(text: &str, words: &[&str]) -> usize {
    let (mut found, mut missing) = (0, words.len());
    while found + 1 < missing {
        let mid = (found + missing) / 2;
        if text.contains(&words[..mid].join(" ")) { found = mid } else { missing = mid }
    }
    found
}

fn unreadable(source: &crate::model::Source, file: &str, why: &str, at: crate::model::Span) -> Diagnostic {
    let help = if why == OUTSIDE || why.contains("absolute") {
        "`file` is a path from the brief's folder to a file inside it, so the brief and its sources move together and a brief cannot read your other files"
    } else {
        "`file` is a path relative to the brief's folder; fix the path or remove `file`"
    };
    Diagnostic::new(
        Code::SourceFileUnreadable,
        at,
        format!("cannot read '{file}', the text of source '{}': {why}", source.id),
    )
    .label("its quotes cannot be checked")
    .help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_curly_quotes_fold() {
        assert_eq!(normalise("  “We can’t\n   fail”  "), "\"We can't fail\"");
    }

    #[test]
    fn a_quote_is_located_in_the_text_as_written() {
        let source = "He said:  “We can’t\n   fail to respond,” and left.";
        let range = locate(source, "We can't fail to respond").unwrap();
        assert_eq!(&source[range], "We can’t\n   fail to respond");
        assert_eq!(locate(source, "not there"), None);
    }

    /// A folder holding a brief's folder (`brief/`) and a private file beside it.
    fn folders() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let brief = dir.path().join("brief");
        std::fs::create_dir_all(brief.join("sources")).unwrap();
        std::fs::write(dir.path().join("private.txt"), "a secret").unwrap();
        std::fs::write(brief.join("sources/gazette.txt"), "the toll pays").unwrap();
        (dir, brief)
    }

    #[test]
    fn a_source_file_is_read_only_inside_the_briefs_folder() {
        let (_dir, brief) = folders();
        assert_eq!(source_text(&brief, "sources/gazette.txt").as_deref(), Ok("the toll pays"));
        assert_eq!(source_text(&brief, "sources/../sources/./gazette.txt").as_deref(), Ok("the toll pays"));
        let outside = Err("it lies outside the brief's folder".to_string());
        assert_eq!(source_text(&brief, "../private.txt"), outside);
        assert_eq!(source_text(&brief, "sources/../../private.txt"), outside);
        // Outside is outside whether or not the file is there: nothing is said about it.
        assert_eq!(source_text(&brief, "../no-such-file.txt"), outside);
    }

    #[test]
    fn a_missing_file_is_offered_the_nearest_name_in_its_folder() {
        let (_dir, brief) = folders();
        assert_eq!(nearest_file(&brief, "sources/gazete.txt").as_deref(), Some("sources/gazette.txt"));
        assert_eq!(nearest_file(&brief, "sources/minutes.txt"), None);
        // Never a name from outside the brief's folder.
        assert_eq!(nearest_file(&brief, "../privat.txt"), None);
        // A path that ends in a folder names no file; a folder that is not there, no names.
        assert_eq!(nearest_file(&brief, "sources/gazette.txt/"), None);
        assert_eq!(nearest_file(&brief, "notes/é/"), None);
        assert_eq!(nearest_file(&brief, "notes/é/x.txt"), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_only_while_it_stays_inside() {
        use std::os::unix::fs::symlink;
        let (dir, brief) = folders();
        symlink(dir.path().join("private.txt"), brief.join("key.txt")).unwrap();
        symlink("../private.txt", brief.join("relative-key.txt")).unwrap();
        symlink("/dev/zero", brief.join("zero.txt")).unwrap();
        symlink(dir.path().join("gone.txt"), brief.join("dangling.txt")).unwrap();
        symlink("sources", brief.join("texts")).unwrap();
        symlink(brief.join("sources/gazette.txt"), brief.join("gazette.txt")).unwrap();
        let outside = Err("it lies outside the brief's folder".to_string());
        for link in ["key.txt", "relative-key.txt", "zero.txt", "dangling.txt", "texts/../../private.txt"] {
            assert_eq!(source_text(&brief, link), outside, "{link}");
        }
        assert_eq!(source_text(&brief, "texts/gazette.txt").as_deref(), Ok("the toll pays"));
        assert_eq!(source_text(&brief, "gazette.txt").as_deref(), Ok("the toll pays"));
    }

    #[cfg(unix)]
    #[test]
    fn a_source_file_that_is_not_a_regular_file_is_refused_without_opening_it() {
        let (_dir, brief) = folders();
        let fifo = std::ffi::CString::new(brief.join("pipe.txt").into_os_string().into_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates the file.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        // Opened, a FIFO with no writer would block the read for ever: the answer must come
        // without it, so the check runs on a thread and the test fails rather than hangs.
        let (sender, answer) = std::sync::mpsc::channel();
        let folder = brief.clone();
        std::thread::spawn(move || sender.send(source_text(&folder, "pipe.txt")));
        let answer = answer.recv_timeout(std::time::Duration::from_secs(10)).expect("a FIFO is not waited on");
        assert_eq!(answer, Err("it is a FIFO (a named pipe), not a regular file".to_string()));
        // A device, in a folder that holds it.
        assert_eq!(source_text(Path::new("/dev"), "zero"), Err("it is a device, not a regular file".to_string()));
    }

    #[test]
    fn a_quote_may_end_its_sentence_where_the_source_goes_on() {
        let source = "“The toll pays for the repairs,   nothing\nmore,” Ruiz told reporters. “Will it work?” he asked.";
        let texts = normalise(source);
        for (quote, found) in [
            ("The toll pays for the repairs, nothing more.", true),
            ("The toll pays for the repairs, nothing more!", true),
            ("the repairs, nothing more;", true),
            ("The toll pays for the repairs, nothing more.”", true),
            ("Ruiz told reporters.", true),
            ("Will it work?", true),
            ("Will it work.", true),
            ("The toll pays for the repairs, nothing more —", false),
            ("The toll pays for the repairs, nothing more…", false),
            ("The toll pays for the repairs, nothing more..", false),
            ("The toll pays for the repairs, nothing less.", false),
            ("The toll pays for the repairs, nothing mor.", false),
            ("Will it wo?", false),
            ("the repair", false),
            ("oll pays for the repairs", false),
            ("toll pays", true),
            ("!", false),
        ] {
            assert_eq!(occurs(&texts, &normalise(quote)).is_some(), found, "{quote}");
            // The reader shows a quote in its context exactly when the check accepts it.
            assert_eq!(locate(source, quote).is_some(), found, "{quote}");
        }
        let range = locate(source, "nothing more.").unwrap();
        assert_eq!(&source[range], "nothing\nmore");
    }

    #[test]
    fn prefix_search_finds_where_a_quote_drifts() {
        let text = normalise("We are encouraging Russia to return to diplomatic avenues");
        let words = ["We", "are", "encouraging", "Moscow", "to"];
        assert_eq!(longest_found_prefix(&text, &words), 3);
    }
}
