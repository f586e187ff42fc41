//! Loading briefs: files, folders and stdin; YAML into the model; every problem as a diagnostic
//! with file, line and column.
//!
//! The YAML crate (serde-saphyr) stays behind this module: nothing outside it sees a YAML type.

mod across_briefs;
pub mod bundled;
mod cache;
mod cut;
mod diagnostic;
mod fields;
mod quote_check;
pub mod render;
mod suggest;
mod syntax;
mod validate;
mod yaml;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use across_briefs::check_across_briefs;
pub use cache::Cache;
pub use diagnostic::{Code, Diagnostic, Severity};
pub use quote_check::{locate as locate_quote, normalise as normalise_quote, read_source, source_text};
pub use suggest::nearest;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use rayon::prelude::*;

use crate::model::{Brief, ItemRef, Section, Span};

/// Files larger than this are refused before they are read. A brief of 64 MiB holds about
/// 200,000 quotes, twice the benchmark's (the README's measured section), so the cap keeps
/// every load short.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Where a brief's text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    Stdin,
    /// Compiled into the binary; the name is what messages show.
    Embedded(&'static str),
}

impl Origin {
    /// The name messages use: the path as given, `<stdin>`, or the embedded name.
    pub fn name(&self) -> String {
        match self {
            Origin::File(path) => path.display().to_string(),
            Origin::Stdin => "<stdin>".to_string(),
            Origin::Embedded(name) => (*name).to_string(),
        }
    }

    /// Where relative paths inside the brief (a source's `file`) lead: the file's folder, the
    /// current folder for stdin, the texts compiled in for a bundled brief.
    pub fn folder(&self) -> Folder {
        match self {
            Origin::File(path) => Folder::Disk(path.parent().map(Path::to_path_buf).unwrap_or_default()),
            Origin::Stdin => Folder::Disk(PathBuf::from(".")),
            Origin::Embedded(_) => Folder::Bundled,
        }
    }
}

/// Where a brief's sources' `file`s are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Folder {
    Disk(PathBuf),
    /// The texts compiled into the binary with the bundled briefs.
    Bundled,
}

impl Default for Folder {
    fn default() -> Folder {
        Folder::Disk(PathBuf::from("."))
    }
}

/// Where fields' values were written, by item and field name. Recorded only when a file is
/// read for its diagnostics (a file without problems is read without them, twice as fast).
#[derive(Debug, Clone, Default)]
pub struct FieldSpans(HashMap<(ItemRef, &'static str), Span>);

impl FieldSpans {
    pub(crate) fn record(&mut self, item: ItemRef, spans: Vec<(&'static str, Span)>) {
        self.0.extend(spans.into_iter().map(|(field, span)| ((item, field), span)));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Where a field of an item was written, if recorded.
    pub fn get(&self, item: ItemRef, field: &'static str) -> Option<Span> {
        self.0.get(&(item, field)).copied()
    }
}

/// One YAML document of a file, read as a brief.
#[derive(Debug, Clone)]
pub struct LoadedBrief {
    /// The brief, when it could be assembled (it may still have errors among its problems).
    pub brief: Option<Brief>,
    pub problems: Vec<Diagnostic>,
    pub field_spans: FieldSpans,
    /// Sections that could not be read (not a list, or a misspelt key). Their error is
    /// reported once; references into them are not errors of their own.
    pub unread_sections: Vec<Section>,
}

impl LoadedBrief {
    pub fn has_errors(&self) -> bool {
        self.brief.is_none() || self.problems.iter().any(Diagnostic::is_error)
    }

    /// Read whole, without a problem.
    fn is_clean(&self) -> bool {
        self.brief.is_some() && self.problems.is_empty() && self.unread_sections.is_empty()
    }
}

/// Everything loaded from one file.
#[derive(Debug, Clone)]
pub struct LoadedFile {
    pub origin: Origin,
    /// The text, kept to show source lines under diagnostics.
    pub text: String,
    pub briefs: Vec<LoadedBrief>,
    /// Problems of the whole file (encoding, syntax, size), not of one brief.
    pub problems: Vec<Diagnostic>,
}

impl LoadedFile {
    /// Every problem of the file, file-level first.
    pub fn all_problems(&self) -> impl Iterator<Item = &Diagnostic> {
        self.problems.iter().chain(self.briefs.iter().flat_map(|b| b.problems.iter()))
    }

    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Diagnostic::is_error) || self.briefs.iter().any(LoadedBrief::has_errors)
    }

    /// How many briefs the file holds: the documents read, and the one the YAML parser stopped
    /// in. An empty file, or one that is not text, holds none.
    pub fn brief_count(&self) -> usize {
        self.briefs.len() + usize::from(self.stopped_in_a_brief())
    }

    /// How many of its briefs have errors, the one the YAML parser stopped in included.
    pub fn briefs_with_errors(&self) -> usize {
        self.briefs.iter().filter(|b| b.has_errors()).count() + usize::from(self.stopped_in_a_brief())
    }

    fn stopped_in_a_brief(&self) -> bool {
        self.problems.iter().any(|p| matches!(p.code, Code::YamlSyntax | Code::YamlLimit))
    }

    /// The briefs without errors, ready for the reader or an export.
    pub fn valid_briefs(&self) -> impl Iterator<Item = &Brief> {
        self.briefs.iter().filter(|b| !b.has_errors()).filter_map(|b| b.brief.as_ref())
    }

    /// The briefs without errors, letting go of the file's text (as large as the file).
    pub fn into_valid_briefs(self) -> Vec<Brief> {
        self.briefs.into_iter().filter(|b| !b.has_errors()).filter_map(|b| b.brief).collect()
    }
}

/// How far a load has got, readable from another thread while it runs.
///
/// Files read side by side count when each is done; a file read alone counts as it goes, lane
/// by lane.
#[derive(Debug, Default)]
pub struct Progress {
    bytes_total: AtomicU64,
    files_total: AtomicU64,
    /// The bytes, items and count of the files already read.
    bytes_before: AtomicU64,
    items_before: AtomicU64,
    files_done: AtomicU64,
    /// How far each lane of the current file's reading has got ([`Lane`]), when a file is read
    /// alone. A file read again (with positions, or whole after a refused cut) adds nothing
    /// until it passes the first reading.
    bytes: [AtomicU64; 3],
    items: [AtomicU64; 3],
}

/// Who reads a file: one thread reading it whole, or one of the two threads of a cut reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lane {
    Whole,
    Head,
    Rest,
}

impl Progress {
    /// A lane of the current file's reading has read this many bytes and items.
    fn advance(&self, lane: Lane, bytes: u64, items: u64) {
        self.bytes[lane as usize].fetch_max(bytes, Relaxed);
        self.items[lane as usize].fetch_max(items, Relaxed);
    }

    /// The current file's bytes and items read: by its furthest reading, whole or cut.
    fn current(&self) -> (u64, u64) {
        let [whole, head, rest] = [0, 1, 2].map(|i| (self.bytes[i].load(Relaxed), self.items[i].load(Relaxed)));
        (whole.0.max(head.0 + rest.0), whole.1.max(head.1 + rest.1))
    }

    /// A file of `bytes` bytes and `items` items is read.
    fn file_done(&self, bytes: u64, items: u64) {
        self.items_before.fetch_add(items, Relaxed);
        self.bytes_before.fetch_add(bytes, Relaxed);
        self.files_done.fetch_add(1, Relaxed);
        for lane in self.bytes.iter().chain(&self.items) {
            lane.store(0, Relaxed);
        }
    }

    /// The share of the input read so far, 0 to 1.
    pub fn fraction(&self) -> f64 {
        let total = self.bytes_total.load(Relaxed);
        let done = self.bytes_before.load(Relaxed) + self.current().0;
        if total == 0 { 0.0 } else { (done as f64 / total as f64).min(1.0) }
    }

    /// Items read so far (roughly: counted in steps).
    pub fn items(&self) -> u64 {
        self.items_before.load(Relaxed) + self.current().1
    }

    pub fn total_bytes(&self) -> u64 {
        self.bytes_total.load(Relaxed)
    }

    /// The files read so far and the files to read: "read 812 of 2,000 briefs".
    pub fn files(&self) -> (u64, u64) {
        (self.files_done.load(Relaxed), self.files_total.load(Relaxed))
    }
}

/// The items of a file's briefs, as progress counts them.
fn items_of(file: &LoadedFile) -> u64 {
    let briefs = file.briefs.iter().filter_map(|b| b.brief.as_ref());
    briefs.map(|b| Section::ALL.iter().map(|&s| b.items(s).len() as u64).sum::<u64>()).sum()
}

/// A brief's header read from the start of its file, to show while the rest loads, or in a
/// list of briefs before any is loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preview {
    pub title: String,
    pub date: Option<String>,
    pub marking: Option<String>,
    pub summary: Option<String>,
    pub tags: Vec<String>,
}

/// How much of a file [`preview`] reads first: a header is a few hundred bytes.
const PREVIEW_FIRST: usize = 4 << 10;
/// How much it reads at most, for a header that does not end in the first piece.
const PREVIEW_MOST: usize = 64 << 10;

/// Reads the header of the brief a file starts with: the top-level fields before its first
/// section, from the first 4 KiB, or from up to 64 KiB when it goes on past them. `None` when
/// there is no such header to read.
pub fn preview(path: &Path) -> Option<Preview> {
    let mut file = fs::File::open(path).ok()?;
    let mut head = Vec::with_capacity(PREVIEW_FIRST);
    (&mut file).take(PREVIEW_FIRST as u64).read_to_end(&mut head).ok()?;
    let all = head.len() < PREVIEW_FIRST;
    let text = match header_of(&head, all) {
        Some(text) => text,
        None => {
            file.take((PREVIEW_MOST - head.len()) as u64).read_to_end(&mut head).ok()?;
            header_of(&head, true)?
        }
    };
    let value = yaml::parse_value(&text)?;
    let text = |value: &serde_json::Value| match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let field = |key: &str| value.get(key).and_then(text);
    let tags = match value.get("tags") {
        Some(serde_json::Value::Array(tags)) => tags.iter().filter_map(text).collect(),
        _ => Vec::new(),
    };
    Some(Preview {
        title: field("title")?,
        date: field("date"),
        marking: field("marking"),
        summary: field("summary"),
        tags,
    })
}

/// The header in the start of a file: its lines up to the first section, or up to the last
/// whole line when `all` of what can be read is there. `None` when more must be read to know.
fn header_of(head: &[u8], all: bool) -> Option<String> {
    let head = String::from_utf8_lossy(head);
    let mut end = 0;
    for line in head.split_inclusive('\n') {
        let key = line.split(':').next().unwrap_or("");
        if crate::model::Section::from_key(key).is_some() {
            return Some(head[..end].to_string());
        }
        if !line.ends_with('\n') {
            break;
        }
        end += line.len();
    }
    all.then(|| head[..end].to_string())
}

/// The headers of files (as [`preview`] reads them), read side by side: what a list of the
/// briefs in a folder shows before any is loaded. In the order of `files`.
pub fn previews(files: &[PathBuf]) -> Vec<Option<Preview>> {
    files.par_iter().map(|file| preview(file)).collect()
}

/// Why nothing could be loaded from a path: a usage or I/O problem, not a problem of a brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot read '{}': {}", self.path, self.message)
    }
}

impl std::error::Error for LoadError {}

/// Loads a brief's text: parse, validate, check quotes against sources.
///
/// The text is read fast first; a file with problems is read again recording the place of
/// every value, so each diagnostic points at what it is about.
pub fn load_text(origin: Origin, text: String) -> LoadedFile {
    load_checked(origin, text, Reading::alone(true, None))
}

/// Reads a brief's text into the model, checking each field but not the rules across items
/// (ids, references, quotes against sources). The first stage of [`load_text`], public so the
/// benchmark can weigh the stages.
pub fn parse_text(origin: Origin, text: String) -> LoadedFile {
    load_checked(origin, text, Reading::alone(false, None))
}

/// How a file is read.
#[derive(Debug, Clone, Copy)]
struct Reading<'p> {
    /// Whether the rules across items (ids, references, quotes against sources) are checked.
    across_items: bool,
    /// Where the reading of this file reports how far it has got, lane by lane.
    progress: Option<&'p Progress>,
    /// Whether a large file may be cut and read on two threads: when it is read alone. Files
    /// read side by side each keep a core busy already.
    cut: bool,
    /// Where the briefs of files parsed before are kept.
    cache: Option<&'p cache::Pack>,
}

impl<'p> Reading<'p> {
    /// A file read on its own.
    fn alone(across_items: bool, progress: Option<&'p Progress>) -> Reading<'p> {
        Reading { across_items, progress, cut: true, cache: None }
    }

    /// One of several files read side by side: whole, on one thread, its progress counted when
    /// it is done.
    fn among_others(across_items: bool) -> Reading<'p> {
        Reading { across_items, progress: None, cut: false, cache: None }
    }
}

fn load_checked(origin: Origin, text: String, reading: Reading) -> LoadedFile {
    let fast = load_with(origin, text, yaml::Mode::Fast, reading);
    let mut file = if fast.needs_positions {
        let LoadedFile { origin, text, .. } = fast.file;
        load_with(origin, text, yaml::Mode::Positioned, reading).file
    } else {
        fast.file
    };
    // The briefs of one file are briefs opened together.
    if reading.across_items {
        check_across_briefs(std::slice::from_mut(&mut file));
    }
    file
}

/// One reading of a file, and whether it must be read again for the places of its problems.
struct Attempt {
    file: LoadedFile,
    needs_positions: bool,
}

fn load_with(origin: Origin, text: String, mode: yaml::Mode, reading: Reading) -> Attempt {
    let parsed = yaml::parse(text, mode, reading.progress, reading.cut);
    let folder = origin.folder();
    let mut briefs = Vec::with_capacity(parsed.documents.len());
    for document in parsed.documents {
        let mut problems = document.problems;
        let loaded = LoadedBrief {
            brief: document.brief,
            problems: Vec::new(),
            field_spans: document.field_spans,
            unread_sections: document.unread_sections,
        };
        if reading.across_items {
            check_items(&loaded, &folder, &mut problems);
        }
        hold_back_warnings(&mut problems);
        sort_by_place(&mut problems);
        briefs.push(LoadedBrief { problems, ..loaded });
    }
    let mut problems: Vec<Diagnostic> = parsed.fatal.into_iter().collect();
    if problems.is_empty() && briefs.is_empty() {
        problems.push(
            Diagnostic::new(Code::NotAMapping, None, "the file holds no brief")
                .help("a brief is a YAML mapping that starts with `brief: 1`; the sample in briefs/ shows the rest"),
        );
    }
    // Problems of the whole file (syntax, limits, no brief) carry their place already; only a
    // brief's own problems need the positioned reading.
    let needs_positions = parsed.inexact || briefs.iter().any(|b| !b.problems.is_empty());
    Attempt { file: LoadedFile { origin, text: parsed.text, briefs, problems }, needs_positions }
}

/// A brief's warnings are given only once it has no errors, whatever the check that found
/// them: an error can fake a warning (an item dropped for a missing field no longer refers to
/// its actor), and one rule is easier to trust than a rule per warning.
fn hold_back_warnings(problems: &mut Vec<Diagnostic>) {
    if problems.iter().any(Diagnostic::is_error) {
        problems.retain(Diagnostic::is_error);
    }
}

/// Adds the problems across a brief's items (ids, references, quotes against their sources)
/// to those its parse found.
fn check_items(loaded: &LoadedBrief, folder: &Folder, problems: &mut Vec<Diagnostic>) {
    let Some(brief) = &loaded.brief else { return };
    validate::check(brief, &loaded.field_spans, &loaded.unread_sections, problems);
    quote_check::check(brief, folder, &loaded.field_spans, problems);
}

/// Checks the rules across items of a file that [`parse_paths_reporting`] read. It only
/// reads the file, so the reader builds its index on another thread meanwhile; then
/// [`AcrossItems::add_to`] adds what was found.
pub fn check_across_items(file: &LoadedFile) -> AcrossItems {
    let folder = file.origin.folder();
    let found = file.briefs.iter().any(|loaded| {
        let mut problems = loaded.problems.clone();
        check_items(loaded, &folder, &mut problems);
        problems.len() > loaded.problems.len()
    });
    AcrossItems { found }
}

/// Whether [`check_across_items`] found problems.
#[derive(Debug, Clone, Copy)]
pub struct AcrossItems {
    found: bool,
}

impl AcrossItems {
    /// Makes the file what [`load_file`] gives. With problems found, that means reading its
    /// text again: only then are the places of the problems worth the slower reading.
    pub fn add_to(self, file: &mut LoadedFile) {
        if self.found {
            let text = std::mem::take(&mut file.text);
            *file = load_text(file.origin.clone(), text);
        }
    }
}

/// Loads raw bytes, refusing anything that is not UTF-8.
pub fn load_bytes(origin: Origin, bytes: Vec<u8>) -> LoadedFile {
    read_bytes(origin, bytes, Reading::alone(true, None))
}

fn read_bytes(origin: Origin, bytes: Vec<u8>, reading: Reading) -> LoadedFile {
    match String::from_utf8(bytes) {
        Ok(text) => load_checked(origin, text, reading),
        Err(error) => {
            let bytes = error.into_bytes();
            let valid_up_to = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
            let before = String::from_utf8_lossy(&bytes[..valid_up_to]).into_owned();
            let line = before.matches('\n').count() as u32 + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            let span = crate::model::Span { line, column, offset: valid_up_to as u32, len: 0 };
            let problem = Diagnostic::new(
                Code::NotUtf8,
                span,
                format!(
                    "the file is not UTF-8: byte 0x{:02X} at offset {valid_up_to} is not valid",
                    bytes[valid_up_to]
                ),
            )
            .help("save the file as UTF-8 (most editors offer \"Save with encoding\"); briefs are UTF-8 text");
            LoadedFile {
                origin,
                text: String::from_utf8_lossy(&bytes).into_owned(),
                briefs: Vec::new(),
                problems: vec![problem],
            }
        }
    }
}

fn too_large(origin: Origin, size: u64) -> LoadedFile {
    let problem = Diagnostic::new(
        Code::FileTooLarge,
        None,
        format!("the file is {} MiB; briefs over {} MiB are refused", size >> 20, MAX_FILE_BYTES >> 20),
    )
    .help("split the brief into several files in one folder and open the folder");
    LoadedFile { origin, text: String::new(), briefs: Vec::new(), problems: vec![problem] }
}

/// Reads a regular file, refusing it past the size cap. The error says why in words.
pub(crate) fn read_capped(path: &Path) -> Result<Vec<u8>, String> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO put in the file's place after it was looked at must not hold the open until
        // something writes to it.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| io_reason(&e))?;
    if !file.metadata().map_err(|e| io_reason(&e))?.is_file() {
        return Err("it is not a regular file".into());
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("it is over {} MiB", MAX_FILE_BYTES >> 20));
    }
    Ok(bytes)
}

/// What [`io_reason`] says of a path that does not exist.
const NOT_FOUND: &str = "no such file or folder";

/// An I/O error in a few plain words, as messages about a file say it.
pub fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => NOT_FOUND.to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "it is a folder".to_string(),
        _ => error.to_string(),
    }
}

/// Loads one file.
pub fn load_file(path: &Path) -> Result<LoadedFile, LoadError> {
    read_file(path, Reading::alone(true, None))
}

fn read_file(path: &Path, reading: Reading) -> Result<LoadedFile, LoadError> {
    let origin = Origin::File(path.to_path_buf());
    let error = |message: String| LoadError { path: path.display().to_string(), message };
    let size = fs::metadata(path).map_err(|e| error(io_reason(&e)))?.len();
    if size > MAX_FILE_BYTES {
        return Ok(too_large(origin, size));
    }
    let file = fs::File::open(path).map_err(|e| error(io_reason(&e)))?;
    let mut bytes = Vec::with_capacity(size as usize);
    // The size may have changed since we looked; the cap still holds.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| error(io_reason(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Ok(too_large(origin, bytes.len() as u64));
    }
    let Some(cache) = reading.cache else { return Ok(read_bytes(origin, bytes, reading)) };
    if let Some(briefs) = cache.get(path, &bytes) {
        match String::from_utf8(bytes) {
            Ok(text) => return Ok(parsed_before(origin, text, briefs, reading)),
            Err(error) => bytes = error.into_bytes(),
        }
    }
    let file = read_bytes(origin, bytes, reading);
    if file.problems.is_empty() && file.briefs.iter().all(LoadedBrief::is_clean) {
        let briefs: Vec<&Brief> = file.briefs.iter().filter_map(|b| b.brief.as_ref()).collect();
        cache.put(path, file.text.as_bytes(), &briefs);
    }
    Ok(file)
}

/// A file whose briefs a cache held: what reading its text would give.
fn parsed_before(origin: Origin, text: String, briefs: Vec<Brief>, reading: Reading) -> LoadedFile {
    let briefs = briefs
        .into_iter()
        .map(|brief| LoadedBrief {
            brief: Some(brief),
            problems: Vec::new(),
            field_spans: FieldSpans::default(),
            unread_sections: Vec::new(),
        })
        .collect();
    let mut file = LoadedFile { origin, text, briefs, problems: Vec::new() };
    if reading.across_items {
        check_across_items(&file).add_to(&mut file);
        check_across_briefs(std::slice::from_mut(&mut file));
    }
    file
}

/// Reads stdin to its end (or past the size cap).
fn stdin_bytes() -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError { path: "<stdin>".into(), message: io_reason(&e) })?;
    Ok(bytes)
}

fn read_stdin_bytes(bytes: Vec<u8>, reading: Reading) -> LoadedFile {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return too_large(Origin::Stdin, bytes.len() as u64);
    }
    read_bytes(Origin::Stdin, bytes, reading)
}

/// The brief files under a folder: `*.yaml` and `*.yml`, recursively, sorted by path.
/// Hidden entries are skipped, and symbolic links to folders are not followed (no loops).
pub fn brief_files(folder: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let error = |e: std::io::Error| LoadError { path: dir.display().to_string(), message: io_reason(&e) };
        for entry in fs::read_dir(&dir).map_err(error)? {
            let entry = entry.map_err(error)?;
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let kind = entry.file_type().map_err(error)?;
            if kind.is_dir() {
                pending.push(path);
            } else if is_brief_file(&path) && (kind.is_file() || path.is_file()) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Whether a path names a brief file by its extension, as a folder's walk finds them.
pub fn is_brief_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Loads every path: a file, a folder (recursively), or `-` for stdin.
pub fn load_paths(paths: &[PathBuf]) -> Result<Vec<LoadedFile>, LoadError> {
    load_paths_reporting(paths, None)
}

/// Loads every path, reporting how far it has got to `progress` (read from another thread).
pub fn load_paths_reporting(
    paths: &[PathBuf],
    progress: Option<&std::sync::Arc<Progress>>,
) -> Result<Vec<LoadedFile>, LoadError> {
    Ok(read_paths(paths, progress, Reading::among_others(true), None, &|_| ())?.0)
}

/// Loads like [`load_paths_reporting`] but leaves the rules across items (ids, references,
/// quotes against sources) to [`check_across_items`].
pub fn parse_paths_reporting(
    paths: &[PathBuf],
    progress: Option<&std::sync::Arc<Progress>>,
) -> Result<Vec<LoadedFile>, LoadError> {
    Ok(read_paths(paths, progress, Reading::among_others(false), None, &|_| ())?.0)
}

/// Parses like [`parse_paths_reporting`], taking the briefs of an unchanged file from `cache`
/// (and keeping those of a file parsed clean there), and runs `then` on each file as soon as it
/// is read, on the thread that read it: the reader checks and indexes a file there, and lets go
/// of its text, so that the texts of every file are never held at once.
pub fn parse_paths_then<T: Send>(
    paths: &[PathBuf],
    progress: Option<&std::sync::Arc<Progress>>,
    cache: Option<&Cache>,
    then: &(dyn Fn(&mut LoadedFile) -> T + Sync),
) -> Result<(Vec<LoadedFile>, Vec<T>), LoadError> {
    read_paths(paths, progress, Reading::among_others(false), cache, then)
}

/// What a load reads: a file, or stdin (`-`).
type Input = Option<PathBuf>;

/// The files a load of `paths` reads, folders expanded, in the order they are read; `None`
/// for stdin. Fails as the load would before reading anything.
fn inputs(paths: &[PathBuf]) -> Result<Vec<Input>, LoadError> {
    let mut inputs: Vec<Input> = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(None);
        } else if path.is_dir() {
            let found = brief_files(path)?;
            if found.is_empty() {
                return Err(LoadError {
                    path: path.display().to_string(),
                    message: "the folder holds no .yaml or .yml files".into(),
                });
            }
            inputs.extend(found.into_iter().map(Some));
        } else {
            inputs.push(Some(path.clone()));
        }
    }
    Ok(inputs)
}

/// The files [`load_paths`] would read, folders expanded, in its order, with the same errors
/// (a folder that holds no brief file, or that cannot be listed). Stdin (`-`) is left out: it
/// has no file to read a header from before the load, and can be read only once, by the load.
/// A file given by name is listed whether or not it can be read; the load says why not.
pub fn brief_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    Ok(inputs(paths)?.into_iter().flatten().collect())
}

/// Reads every path, as `reading` says (cut or not, as fits: a lone file is cut when large),
/// with `cache` when given, and runs `then` on each file read.
fn read_paths<T: Send>(
    paths: &[PathBuf],
    progress: Option<&std::sync::Arc<Progress>>,
    reading: Reading,
    cache: Option<&Cache>,
    then: &(dyn Fn(&mut LoadedFile) -> T + Sync),
) -> Result<(Vec<LoadedFile>, Vec<T>), LoadError> {
    // The files first, so progress knows the total before the first byte is read.
    let inputs = inputs(paths)?;
    let sizes: Vec<u64> =
        inputs.iter().map(|i| i.as_ref().and_then(|p| fs::metadata(p).ok()).map_or(0, |m| m.len())).collect();
    if let Some(progress) = progress {
        progress.bytes_total.store(sizes.iter().sum(), Relaxed);
        progress.files_total.store(inputs.len() as u64, Relaxed);
    }
    let progress = progress.map(std::sync::Arc::as_ref);
    let across_items = reading.across_items;
    let pack = cache.map(|cache| cache.pack(paths));
    let reading = Reading { cache: pack.as_ref(), ..reading };
    let files = if let [input] = inputs.as_slice() {
        // One file: cut in two when large, each lane reporting as it goes.
        let reading = Reading { progress, cut: true, ..reading };
        let mut file = match input {
            Some(path) => read_file(path, reading)?,
            None => read_stdin_bytes(stdin_bytes()?, reading),
        };
        let done = then(&mut file);
        if let Some(progress) = progress {
            progress.file_done(sizes[0], items_of(&file));
        }
        vec![(file, done)]
    } else {
        read_side_by_side(&inputs, &sizes, progress, reading, then)?
    };
    if let Some(pack) = pack {
        pack.finish();
    }
    let (mut files, done): (Vec<LoadedFile>, Vec<T>) = files.into_iter().unzip();
    if across_items {
        check_across_briefs(&mut files);
    }
    Ok((files, done))
}

/// Reads several files at once, a file per task on every core, and gives them in the order of
/// `inputs`; the first error in that order, if any, as reading them one by one would. Stdin is
/// read first, once for each `-` in their order.
fn read_side_by_side<T: Send>(
    inputs: &[Input],
    sizes: &[u64],
    progress: Option<&Progress>,
    reading: Reading,
    then: &(dyn Fn(&mut LoadedFile) -> T + Sync),
) -> Result<Vec<(LoadedFile, T)>, LoadError> {
    /// What a task reads: a file, or the bytes stdin gave.
    enum Text<'a> {
        File(&'a Path),
        Stdin(Result<Vec<u8>, LoadError>),
    }
    let texts: Vec<Text> = inputs
        .iter()
        .map(|input| match input {
            Some(path) => Text::File(path),
            None => Text::Stdin(stdin_bytes()),
        })
        .collect();
    let read: Vec<Result<(LoadedFile, T), LoadError>> = texts
        .into_par_iter()
        .zip(sizes.par_iter())
        .map(|(text, &size)| {
            let mut file = match text {
                Text::File(path) => read_file(path, reading)?,
                Text::Stdin(bytes) => read_stdin_bytes(bytes?, reading),
            };
            let done = then(&mut file);
            if let Some(progress) = progress {
                progress.file_done(size, items_of(&file));
            }
            Ok((file, done))
        })
        .collect();
    read.into_iter().collect()
}

/// For the fuzzer: a large file is read in pieces on two threads; reading any text so must
/// give what reading it whole gives, or be refused.
#[cfg(any(test, feature = "testing"))]
pub(crate) fn cut_agrees(text: &str) -> bool {
    yaml::cut_agrees(text)
}

/// Errors first, then warnings (which are often consequences), each in file order.
fn sort_by_place(problems: &mut [Diagnostic]) {
    problems.sort_by_key(|p| (p.severity(), p.span.map(|s| (s.line, s.column))));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checking_across_items_apart_gives_what_a_whole_load_gives() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths: Vec<PathBuf> = brief_files(&root.join("tests/bad")).expect("the bad briefs");
        paths.push(root.join(crate::sample::NAME));
        assert!(paths.len() > 40);
        for path in paths {
            let whole = load_file(&path).expect("readable");
            let mut apart = parse_paths_reporting(std::slice::from_ref(&path), None).expect("readable").remove(0);
            let checked = check_across_items(&apart);
            checked.add_to(&mut apart);
            check_across_briefs(std::slice::from_mut(&mut apart));
            // Field spans are a hash map, whose Debug order varies: compare what they lead to.
            let problems = |f: &LoadedFile| format!("{:?}", f.all_problems().collect::<Vec<_>>());
            assert_eq!(problems(&apart), problems(&whole), "{}", path.display());
            let briefs = |f: &LoadedFile| f.briefs.iter().map(|b| b.brief.clone()).collect::<Vec<_>>();
            assert_eq!(briefs(&apart), briefs(&whole), "{}", path.display());
            assert_eq!(apart.text, whole.text);
        }
    }

    /// A folder of two briefs (the sample, and the sample with another title) and an empty
    /// cache beside it.
    fn folder_and_cache() -> (tempfile::TempDir, [PathBuf; 2], Cache) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let briefs = dir.path().join("briefs");
        fs::create_dir(&briefs).expect("a folder");
        let files = [briefs.join("a.yaml"), briefs.join("b.yaml")];
        fs::write(&files[0], crate::sample::portable()).expect("written");
        fs::write(&files[1], crate::sample::portable().replacen("title: ", "title: Another ", 1)).expect("written");
        let cache = Cache::new(dir.path().join("cache"));
        (dir, files, cache)
    }

    fn folder_of(files: &[PathBuf]) -> Vec<PathBuf> {
        vec![files[0].parent().expect("a folder").to_path_buf()]
    }

    fn parse_with(cache: &Cache, files: &[PathBuf]) -> Vec<LoadedFile> {
        parse_paths_then(&folder_of(files), None, Some(cache), &|_| ()).expect("readable").0
    }

    /// The files of the cache: its packs.
    fn packs(cache: &Cache) -> Vec<PathBuf> {
        let listed = fs::read_dir(cache.dir()).map(|l| l.map(|e| e.expect("an entry").path()).collect());
        listed.unwrap_or_default()
    }

    fn briefs_of(files: &[LoadedFile]) -> Vec<Option<Brief>> {
        files.iter().flat_map(|f| f.briefs.iter().map(|b| b.brief.clone())).collect()
    }

    #[test]
    fn a_file_read_again_unchanged_takes_its_briefs_from_the_cache() {
        let (_dir, files, cache) = folder_and_cache();
        let first = parse_with(&cache, &files);
        assert_eq!(briefs_of(&first), briefs_of(&parse_paths_reporting(&files, None).expect("readable")));
        // Only a load that reads the entry can show what is planted in it.
        let mut planted = first[0].briefs[0].brief.clone().expect("a brief");
        planted.title = "Taken from the cache".into();
        let pack = cache.pack(&folder_of(&files));
        assert!(pack.get(&files[1], first[1].text.as_bytes()).is_some());
        pack.put(&files[0], first[0].text.as_bytes(), &[&planted]);
        pack.finish();
        let again = parse_with(&cache, &files);
        assert_eq!(briefs_of(&again), vec![Some(planted), first[1].briefs[0].brief.clone()]);
        assert_eq!(again[0].text, first[0].text);
        assert!(again.iter().all(|f| f.problems.is_empty() && f.briefs.iter().all(LoadedBrief::is_clean)));
    }

    #[test]
    fn an_edited_file_is_parsed_again_even_at_the_same_size() {
        let (_dir, files, cache) = folder_and_cache();
        parse_with(&cache, &files);
        let text = fs::read_to_string(&files[0]).expect("readable");
        let edited = text.replacen("Putin", "PUTIN", 1);
        assert!(edited != text && edited.len() == text.len());
        fs::write(&files[0], &edited).expect("written");
        let again = parse_with(&cache, &files);
        assert_eq!(briefs_of(&again[..1]), briefs_of(&[parse_text(Origin::Stdin, edited)]));
    }

    #[test]
    fn a_damaged_pack_is_read_past_and_written_anew() {
        let (_dir, files, cache) = folder_and_cache();
        let first = parse_with(&cache, &files);
        let [pack] = packs(&cache).try_into().expect("one pack for the folder");
        let good = fs::read(&pack).expect("readable");
        for damage in 0..2 {
            let mut bytes = good.clone();
            // Cut short, or a byte changed in the middle.
            if damage == 0 {
                bytes.truncate(bytes.len() / 2);
            } else {
                let middle = bytes.len() / 2;
                bytes[middle] ^= 1;
            }
            fs::write(&pack, &bytes).expect("written");
            let again = parse_with(&cache, &files);
            assert_eq!(briefs_of(&again), briefs_of(&first));
            let written = cache.pack(&folder_of(&files));
            for (file, loaded) in files.iter().zip(&first) {
                assert!(written.get(file, loaded.text.as_bytes()).is_some(), "{} is kept again", file.display());
            }
        }
    }

    #[test]
    fn a_file_read_with_a_problem_is_not_kept() {
        let (_dir, files, cache) = folder_and_cache();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        fs::write(&files[1], "brief: 1\nid: x\ntitle: [unclosed\n").expect("written");
        let loaded = parse_with(&cache, &files);
        assert!(!loaded[0].has_errors() && loaded[1].has_errors());
        let pack = cache.pack(&folder_of(&files));
        assert!(pack.get(&files[0], loaded[0].text.as_bytes()).is_some(), "a.yaml is kept");
        assert_eq!(pack.get(&files[1], loaded[1].text.as_bytes()), None, "b.yaml is not");
        // A brief the YAML reads but the format refuses is not kept either.
        fs::copy(root.join("tests/bad/E009-stance.yaml"), &files[1]).expect("copied");
        let loaded = parse_with(&cache, &files);
        assert!(loaded[1].has_errors());
        assert_eq!(cache.pack(&folder_of(&files)).get(&files[1], loaded[1].text.as_bytes()), None);
    }

    #[test]
    fn a_large_file_read_on_two_threads_gives_what_one_thread_gives() {
        let shape =
            crate::synth::Shape { actors: 100, topics: 8, claims: 60, positions: 60, quotes: 4_000, events: 12 };
        let text = crate::synth::brief_yaml(shape);
        assert!(text.len() > 1 << 20, "large enough to be cut: {} bytes", text.len());
        assert!(cut::find(&text).is_some(), "the generated brief can be cut");
        // A number where the title's text belongs keeps its spelling (a positioned reading).
        let text = text.replacen("title: ", "title: 1.10 #", 1);
        let cut = load_text(Origin::Stdin, text.clone());
        // A closing document marker leaves the brief as it is, and the file uncut.
        let whole = load_text(Origin::Stdin, format!("{text}...\n"));
        assert!(!cut.has_errors() && !whole.has_errors());
        let (cut, whole) = (cut.into_valid_briefs(), whole.into_valid_briefs());
        assert_eq!(&*cut[0].title, "1.10");
        assert_eq!(cut, whole);
    }

    #[test]
    fn progress_counts_each_byte_once_however_often_it_is_read() {
        let progress = Progress::default();
        progress.bytes_total.store(200, Relaxed);
        // A cut reading: the head and the rest at once.
        progress.advance(Lane::Head, 50, 10);
        progress.advance(Lane::Rest, 40, 8);
        assert_eq!((progress.fraction(), progress.items()), (0.45, 18));
        // Read again whole: nothing more until it passes them.
        progress.advance(Lane::Whole, 60, 12);
        assert_eq!((progress.fraction(), progress.items()), (0.45, 18));
        progress.advance(Lane::Whole, 100, 20);
        assert_eq!((progress.fraction(), progress.items()), (0.5, 20));
        progress.file_done(100, 20);
        progress.advance(Lane::Whole, 50, 5);
        assert_eq!((progress.fraction(), progress.items()), (0.75, 25));
    }

    #[test]
    fn numbers_written_where_text_belongs_keep_their_spelling() {
        let yaml = "brief: 1\nid: 2021\ntitle: 1.10\ndate: 2021\nactors:\n  - {id: a, name: 0x1F, role: 1e3}\n";
        let file = load_text(Origin::Stdin, yaml.to_string());
        assert!(!file.has_errors(), "{:?}", file.all_problems().collect::<Vec<_>>());
        let brief = file.into_valid_briefs().pop().unwrap();
        assert_eq!((&*brief.id, &*brief.title), ("2021", "1.10"));
        assert_eq!((&*brief.actors[0].name, brief.actors[0].role.as_deref()), ("0x1F", Some("1e3")));
    }

    #[test]
    fn a_clean_file_is_read_once_and_a_file_with_problems_twice() {
        let clean = load_text(Origin::Stdin, crate::sample::portable());
        assert!(clean.briefs[0].field_spans.get(ItemRef::new(crate::model::Section::Quotes, 0), "text").is_none());
        let with_warning =
            crate::sample::portable().replacen("actors:\n", "actors:\n  - {id: nobody, name: Nobody}\n", 1);
        let read_twice = load_text(Origin::Stdin, with_warning);
        assert!(read_twice.briefs[0].field_spans.get(ItemRef::new(crate::model::Section::Quotes, 0), "text").is_some());
    }

    #[test]
    fn files_read_side_by_side_come_in_path_order_with_their_progress() {
        let dir = tempfile::tempdir().unwrap();
        let bytes = crate::synth::write_library(dir.path(), 12).unwrap();
        let paths = [dir.path().to_path_buf()];
        let progress = std::sync::Arc::new(Progress::default());
        let files = load_paths_reporting(&paths, Some(&progress)).unwrap();
        let names: Vec<String> = files.iter().map(|f| f.origin.name()).collect();
        let expected: Vec<String> = brief_files(dir.path()).unwrap().iter().map(|p| p.display().to_string()).collect();
        assert_eq!(names, expected);
        assert_eq!(progress.files(), (12, 12));
        assert_eq!((progress.fraction(), progress.total_bytes()), (1.0, bytes));
        assert_eq!(progress.items(), files.iter().map(items_of).sum::<u64>());
        // What reading them one by one gives.
        for (file, path) in files.iter().zip(&expected) {
            let alone = load_file(Path::new(path)).unwrap();
            assert_eq!(
                file.briefs.iter().map(|b| &b.brief).collect::<Vec<_>>(),
                alone.briefs.iter().map(|b| &b.brief).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn the_first_error_in_path_order_is_the_one_given() {
        let dir = tempfile::tempdir().unwrap();
        crate::synth::write_library(dir.path(), 3).unwrap();
        let missing = |name: &str| dir.path().join(name);
        let paths = [dir.path().to_path_buf(), missing("a.yaml"), missing("b.yaml")];
        let error = load_paths(&paths).unwrap_err();
        assert_eq!(error.path, missing("a.yaml").display().to_string());
        assert_eq!(brief_inputs(&paths).unwrap().len(), 5, "listed, read or not");
        let empty = tempfile::tempdir().unwrap();
        let paths = [dir.path().to_path_buf(), empty.path().to_path_buf()];
        assert_eq!(brief_inputs(&paths).unwrap_err(), load_paths(&paths).unwrap_err());
    }

    #[test]
    fn brief_inputs_are_the_files_a_load_reads_without_stdin() {
        let dir = tempfile::tempdir().unwrap();
        crate::synth::write_library(&dir.path().join("sub"), 2).unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a brief").unwrap();
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::sample::NAME);
        let inputs = brief_inputs(&[sample.clone(), PathBuf::from("-"), dir.path().to_path_buf()]).unwrap();
        let mut expected = vec![sample];
        expected.extend(brief_files(&dir.path().join("sub")).unwrap());
        assert_eq!(inputs, expected);
    }

    #[test]
    fn a_preview_reads_the_header_with_its_tags_however_long_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::sample::NAME);
        let header = preview(&sample).expect("the sample has a header");
        assert_eq!(header.date.as_deref(), Some("2021-12-06"));
        assert_eq!(header.marking.as_deref(), Some("PUBLIC"));
        assert!(header.summary.is_some());
        // A summary longer than the first piece read: the rest is read too.
        let long = "word ".repeat(2_000);
        let path = dir.path().join("long.yaml");
        std::fs::write(&path, format!("brief: 1\nid: x\ntitle: Long\ntags: [a, 2]\nsummary: {long}\nactors: []\n"))
            .unwrap();
        let long_preview = preview(&path).unwrap();
        assert_eq!(long_preview.summary.as_deref(), Some(long.trim_end()));
        assert_eq!(long_preview.tags, ["a", "2"]);
        // A file that ends within the first piece, with no section.
        let short = dir.path().join("short.yaml");
        std::fs::write(&short, "brief: 1\ntitle: Short\n").unwrap();
        assert_eq!(preview(&short).map(|p| p.title), Some("Short".to_string()));
        let all = previews(&[path, dir.path().join("missing.yaml"), short, sample]);
        assert_eq!(all.len(), 4);
        assert_eq!(all[0], Some(long_preview));
        assert_eq!(all[1], None);
        assert_eq!(all[3], Some(header));
    }
}
