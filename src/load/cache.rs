//! Parsed briefs kept between runs, so that reopening an unchanged library skips the YAML parse
//! (nine tenths of reading one: the README's measured section has the numbers).
//!
//! A load of some paths (a folder, usually) keeps its entries in one pack under
//! `$XDG_CACHE_HOME/brief/parsed/` (else `~/.cache/brief/…`), named by a hash of those paths:
//! one file, because creating two thousand small ones took a second here, more than half the
//! parse they save. An entry records a file's canonical path, its size and modification time, a
//! hash of its content, and the briefs as the parse gave them, in a compact binary form of the
//! model written by hand below: serde's derives serve the JSON export, whose shape (no places,
//! flattened `x-` fields) cannot be read back. An entry is used only when the path, the size and
//! the content hash all match: the file is read anyway (its text is kept for diagnostics), so its
//! content decides, and a file touched or checked out again unchanged still hits while an edit
//! within the clock's resolution never does. The modification time is kept for whoever inspects
//! an entry, not trusted.
//!
//! Only a clean parse is kept (no problem in the file or any brief): the checks across items and
//! across briefs run on every load, since they read other files. Anything unexpected (another
//! layout, a bad checksum, a truncated or foreign file) makes an entry a miss, and the file is
//! parsed again. A load that parsed anything writes the pack anew, beside the old one, and
//! renames it over: its entries are those of the files it read. Writing is best effort: a cache
//! that cannot be written (read-only home, full disk) only costs the parse next time.

use std::collections::HashMap;
use std::fs;
use std::hash::BuildHasher;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use crate::model::{
    Actor, ActorKind, Brief, Claim, ClaimStatus, Credibility, Date, Event, EventStatus, Extensions, Position, Quote,
    QuoteKind, Ref, Reliability, Source, Span, Stance, Topic, Vocabulary,
};

/// Where packs are kept.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"briefc\x00\x01";

/// The last bytes of a pack, after its table's length.
const PACK_MAGIC: &[u8; 8] = b"briefp\x00\x01";

impl Cache {
    /// A cache in `dir` (its packs go in `dir/parsed`).
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into().join("parsed") }
    }

    /// The user's cache: `$XDG_CACHE_HOME/brief`, else `$HOME/.cache/brief`; none without either.
    pub fn from_env() -> Option<Cache> {
        Cache::from_vars(|name| std::env::var_os(name))
    }

    fn from_vars(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<Cache> {
        let set = |name| var(name).filter(|v| !v.is_empty()).map(PathBuf::from);
        // The XDG rule: a relative XDG_CACHE_HOME is invalid and ignored.
        let base = set("XDG_CACHE_HOME").filter(|p| p.is_absolute()).or_else(|| Some(set("HOME")?.join(".cache")))?;
        Some(Cache::new(base.join("brief")))
    }

    /// The folder packs are written to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The pack of a load of `paths`, as earlier loads of them left it.
    pub(super) fn pack(&self, paths: &[PathBuf]) -> Pack {
        let mut named = Vec::new();
        for path in paths {
            let path = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            named.extend_from_slice(path.as_os_str().as_encoded_bytes());
            named.push(0);
        }
        let path = self.dir.join(format!("{:016x}", hash(&named)));
        let old = fs::File::open(&path).ok().and_then(|mut file| {
            let table = read_table(&mut file)?;
            Some(Stored { file: Mutex::new(file), table })
        });
        Pack { dir: self.dir.clone(), path, old, new: Mutex::new(Writing::default()) }
    }
}

/// The entries one load reads and writes.
#[derive(Debug)]
pub(super) struct Pack {
    dir: PathBuf,
    path: PathBuf,
    old: Option<Stored>,
    new: Mutex<Writing>,
}

/// A pack as an earlier load wrote it: each entry's place, by the canonical path of its file.
#[derive(Debug)]
struct Stored {
    file: Mutex<fs::File>,
    table: HashMap<Box<[u8]>, Place>,
}

/// Where an entry lies in a pack.
#[derive(Debug, Clone, Copy)]
struct Place {
    offset: u64,
    len: u64,
}

/// An entry's place, and whose it is: the canonical path of its file.
type Placed = (Box<[u8]>, Place);

/// The pack this load writes, begun when it first parses a file: the entries it wrote, and
/// those it found in the old pack, to be copied over at the end.
#[derive(Debug, Default)]
struct Writing {
    out: Option<(PathBuf, fs::File)>,
    end: u64,
    written: Vec<Placed>,
    found: Vec<Placed>,
    failed: bool,
}

impl Pack {
    /// The briefs parsed from `bytes`, the content of `file`, when the pack holds them.
    pub(super) fn get(&self, file: &Path, bytes: &[u8]) -> Option<Vec<Brief>> {
        let old = self.old.as_ref()?;
        let key = Key::of(file, bytes)?;
        let name = key.path.as_os_str().as_encoded_bytes();
        let &place = old.table.get(name)?;
        let mut entry = vec![0; usize::try_from(place.len).ok()?];
        {
            let mut stored = old.file.lock().ok()?;
            stored.seek(SeekFrom::Start(place.offset)).ok()?;
            stored.read_exact(&mut entry).ok()?;
        }
        let briefs = decode(&entry, &key)?;
        self.new.lock().ok()?.found.push((name.into(), place));
        Some(briefs)
    }

    /// Keeps the briefs parsed from `bytes`, the content of `file`.
    pub(super) fn put(&self, file: &Path, bytes: &[u8], briefs: &[&Brief]) {
        let Some(key) = Key::of(file, bytes) else { return };
        let entry = encode(&key, briefs);
        let Ok(mut new) = self.new.lock() else { return };
        if new.failed {
            return;
        }
        if new.out.is_none() {
            // Written aside and renamed over at the end, so a load never sees half a pack.
            let aside = self.path.with_extension(std::process::id().to_string());
            match fs::create_dir_all(&self.dir).and_then(|()| fs::File::create(&aside)) {
                Ok(out) => new.out = Some((aside, out)),
                Err(_) => {
                    new.failed = true;
                    return;
                }
            }
        }
        let Some((_, out)) = new.out.as_mut() else { return };
        if out.write_all(&entry).is_err() {
            new.failed = true;
            return;
        }
        let place = Place { offset: new.end, len: entry.len() as u64 };
        new.end += place.len;
        new.written.push((key.path.as_os_str().as_encoded_bytes().into(), place));
    }

    /// Writes the pack anew when this load parsed a file: the entries it wrote, then those it
    /// found in the old pack, then the table.
    pub(super) fn finish(self) {
        let Ok(Writing { out: Some((aside, mut out)), mut end, mut written, found, failed }) = self.new.into_inner()
        else {
            return;
        };
        let copy = || -> std::io::Result<()> {
            if failed {
                return Err(std::io::ErrorKind::Other.into());
            }
            if let Some(old) = &self.old {
                let mut stored = old.file.lock().map_err(|_| std::io::ErrorKind::Other)?;
                for (name, place) in found {
                    stored.seek(SeekFrom::Start(place.offset))?;
                    let copied = std::io::copy(&mut (&mut *stored).take(place.len), &mut out)?;
                    written.push((name, Place { offset: end, len: copied }));
                    end += copied;
                }
            }
            let mut table = Output::default();
            (written.len() as u64).put(&mut table);
            for (name, place) in &written {
                put_slice(name, &mut table);
                place.offset.put(&mut table);
                place.len.put(&mut table);
            }
            out.write_all(&table.bytes)?;
            out.write_all(&(table.bytes.len() as u64).to_le_bytes())?;
            out.write_all(PACK_MAGIC)?;
            drop(out);
            fs::rename(&aside, &self.path)
        };
        if copy().is_err() {
            let _ = fs::remove_file(&aside);
        }
    }
}

/// A pack's table: where each entry is. `None` for anything but a pack's last bytes.
fn read_table(file: &mut fs::File) -> Option<HashMap<Box<[u8]>, Place>> {
    let size = file.seek(SeekFrom::End(0)).ok()?;
    file.seek(SeekFrom::Start(size.checked_sub(16)?)).ok()?;
    let mut footer = [0u8; 16];
    file.read_exact(&mut footer).ok()?;
    let (length, magic) = footer.split_at(8);
    if magic != PACK_MAGIC {
        return None;
    }
    let length = u64::from_le_bytes(length.try_into().ok()?);
    let start = size.checked_sub(16)?.checked_sub(length)?;
    file.seek(SeekFrom::Start(start)).ok()?;
    let mut bytes = vec![0; usize::try_from(length).ok()?];
    file.read_exact(&mut bytes).ok()?;
    let mut input = Input { bytes: &bytes, text: "" };
    let count = u64::take(&mut input)?;
    let mut table = HashMap::new();
    for _ in 0..count {
        let name: Box<[u8]> = input.slice()?.into();
        let place = Place { offset: u64::take(&mut input)?, len: u64::take(&mut input)? };
        if place.offset.checked_add(place.len)? > start {
            return None;
        }
        table.insert(name, place);
    }
    Some(table)
}

/// What an entry must match to be used.
struct Key {
    path: PathBuf,
    size: u64,
    modified: u64,
    content: u64,
}

impl Key {
    fn of(file: &Path, bytes: &[u8]) -> Option<Key> {
        let path = fs::canonicalize(file).ok()?;
        let meta = fs::metadata(&path).ok()?;
        let modified = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok());
        let modified = modified.map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        Some(Key { path, size: bytes.len() as u64, modified, content: hash(bytes) })
    }
}

/// A hash that stays the same from run to run (a fixed seed): a different one in another build
/// only makes its entries misses.
fn hash(bytes: &[u8]) -> u64 {
    foldhash::quality::FixedState::with_seed(0x6272_6965_665f_6361).hash_one(bytes)
}

/// An entry: the magic, the layout of the model it was written with, the length of its
/// structure, the structure (the key, then the briefs but for their text), the text of every
/// string in the order written, and a checksum of all that. The text is kept apart so that it
/// is checked for UTF-8 once, not string by string.
fn encode(key: &Key, briefs: &[&Brief]) -> Vec<u8> {
    let mut out = Output::default();
    put_slice(key.path.as_os_str().as_encoded_bytes(), &mut out);
    for number in [key.size, key.modified, key.content] {
        number.put(&mut out);
    }
    (briefs.len() as u64).put(&mut out);
    for brief in briefs {
        brief.put(&mut out);
    }
    let mut entry = Vec::with_capacity(32 + out.bytes.len() + out.text.len());
    entry.extend_from_slice(MAGIC);
    entry.extend_from_slice(&hash(LAYOUT.as_bytes()).to_le_bytes());
    let mut length = Output::default();
    (out.bytes.len() as u64).put(&mut length);
    entry.extend_from_slice(&length.bytes);
    entry.extend_from_slice(&out.bytes);
    entry.extend_from_slice(out.text.as_bytes());
    let checksum = hash(&entry);
    entry.extend_from_slice(&checksum.to_le_bytes());
    entry
}

fn decode(entry: &[u8], key: &Key) -> Option<Vec<Brief>> {
    let (body, checksum) = entry.split_at_checked(entry.len().checked_sub(8)?)?;
    if hash(body) != u64::from_le_bytes(checksum.try_into().ok()?) {
        return None;
    }
    let (layout, body) = body.strip_prefix(MAGIC)?.split_at_checked(8)?;
    if u64::from_le_bytes(layout.try_into().ok()?) != hash(LAYOUT.as_bytes()) {
        return None;
    }
    let mut length = Input { bytes: body, text: "" };
    let structure = usize::try_from(u64::take(&mut length)?).ok()?;
    let (bytes, text) = length.bytes.split_at_checked(structure)?;
    let mut input = Input { bytes, text: std::str::from_utf8(text).ok()? };
    let path = input.slice()?;
    let (size, _modified, content) = (u64::take(&mut input)?, u64::take(&mut input)?, u64::take(&mut input)?);
    if path != key.path.as_os_str().as_encoded_bytes() || size != key.size || content != key.content {
        return None;
    }
    let briefs = Vec::<Brief>::take(&mut input)?;
    (input.bytes.is_empty() && input.text.is_empty()).then_some(briefs)
}

/// What an entry is written into: its structure, and the text of its strings.
#[derive(Default)]
struct Output {
    bytes: Vec<u8>,
    text: String,
}

/// What is left of an entry to read.
struct Input<'a> {
    bytes: &'a [u8],
    text: &'a str,
}

impl<'a> Input<'a> {
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let (taken, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        Some(taken)
    }

    /// Bytes written by [`put_slice`].
    fn slice(&mut self) -> Option<&'a [u8]> {
        let len = usize::try_from(u64::take(self)?).ok()?;
        self.bytes(len)
    }

    /// A string written by [`put_str`].
    fn str(&mut self) -> Option<&'a str> {
        let len = usize::try_from(u64::take(self)?).ok()?;
        // `get` refuses a length that would cut a character.
        let taken = self.text.get(..len)?;
        self.text = &self.text[len..];
        Some(taken)
    }
}

/// A length, then that many bytes.
fn put_slice(bytes: &[u8], out: &mut Output) {
    (bytes.len() as u64).put(out);
    out.bytes.extend_from_slice(bytes);
}

/// A length; the string goes with the text.
fn put_str(text: &str, out: &mut Output) {
    (text.len() as u64).put(out);
    out.text.push_str(text);
}

/// A value in an entry: written with [`Cached::put`], read back with [`Cached::take`], which
/// gives `None` for anything it could not have written.
trait Cached: Sized {
    fn put(&self, out: &mut Output);
    fn take(input: &mut Input) -> Option<Self>;
}

impl Cached for u8 {
    fn put(&self, out: &mut Output) {
        out.bytes.push(*self);
    }
    fn take(input: &mut Input) -> Option<u8> {
        Some(input.bytes(1)?[0])
    }
}

/// Wider integers in seven-bit groups, low first, the high bit saying another follows (LEB128):
/// most are lengths, lines and columns, which fit in a byte or two.
macro_rules! cached_integers {
    ($($int:ty),+) => {$(
        impl Cached for $int {
            fn put(&self, out: &mut Output) {
                let mut rest = *self;
                while rest >= 0x80 {
                    out.bytes.push(rest as u8 | 0x80);
                    rest >>= 7;
                }
                out.bytes.push(rest as u8);
            }
            fn take(input: &mut Input) -> Option<$int> {
                let mut value: $int = 0;
                for shift in (0..<$int>::BITS).step_by(7) {
                    let byte = u8::take(input)?;
                    value |= <$int>::from(byte & 0x7f).checked_shl(shift)?;
                    if byte & 0x80 == 0 {
                        return Some(value);
                    }
                }
                None
            }
        }
    )+};
}

cached_integers!(u16, u32, u64);

impl Cached for bool {
    fn put(&self, out: &mut Output) {
        out.bytes.push(u8::from(*self));
    }
    fn take(input: &mut Input) -> Option<bool> {
        match u8::take(input)? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Cached for Box<str> {
    fn put(&self, out: &mut Output) {
        put_str(self, out);
    }
    fn take(input: &mut Input) -> Option<Box<str>> {
        Some(input.str()?.into())
    }
}

impl<T: Cached> Cached for Option<T> {
    fn put(&self, out: &mut Output) {
        self.is_some().put(out);
        if let Some(value) = self {
            value.put(out);
        }
    }
    fn take(input: &mut Input) -> Option<Option<T>> {
        Some(if bool::take(input)? { Some(T::take(input)?) } else { None })
    }
}

impl<T: Cached> Cached for Vec<T> {
    fn put(&self, out: &mut Output) {
        (self.len() as u64).put(out);
        for value in self {
            value.put(out);
        }
    }
    fn take(input: &mut Input) -> Option<Vec<T>> {
        let len = usize::try_from(u64::take(input)?).ok()?;
        // Every value takes a byte at least: a length past what is left is not to be trusted
        // with an allocation.
        let mut values = Vec::with_capacity(len.min(input.bytes.len()));
        for _ in 0..len {
            values.push(T::take(input)?);
        }
        Some(values)
    }
}

/// `x-` fields as their JSON text: rare, and never interpreted.
impl Cached for Extensions {
    fn put(&self, out: &mut Output) {
        (self.len() as u64).put(out);
        for (name, value) in self.iter() {
            put_str(name, out);
            put_str(&value.to_string(), out);
        }
    }
    fn take(input: &mut Input) -> Option<Extensions> {
        let mut extensions = Extensions::new();
        for _ in 0..u64::take(input)? {
            let name = input.str()?.to_string();
            let value = serde_json::from_str(input.str()?).ok()?;
            extensions.insert(name, value);
        }
        Some(extensions)
    }
}

/// A word of a closed vocabulary, as its place in the list.
macro_rules! cached_vocabulary {
    ($($name:ident),+) => {$(
        impl Cached for $name {
            fn put(&self, out: &mut Output) {
                let place = $name::ALL.iter().position(|v| v == self).unwrap_or_default();
                (place as u8).put(out);
            }
            fn take(input: &mut Input) -> Option<$name> {
                $name::ALL.get(usize::from(u8::take(input)?)).copied()
            }
        }
    )+};
}

cached_vocabulary!(ActorKind, ClaimStatus, Credibility, EventStatus, QuoteKind, Reliability, Stance);

/// A struct, field by field in the order listed. Reading builds it with every field named, so
/// a field added to the model and not here does not compile; the list is also the layout an
/// entry records, so entries written before a change are misses after it.
macro_rules! cached_structs {
    ($($name:ident { $($field:ident: $type:ty),+ $(,)? })+) => {
        $(
            impl Cached for $name {
                fn put(&self, out: &mut Output) {
                    $(<$type as Cached>::put(&self.$field, out);)+
                }
                fn take(input: &mut Input) -> Option<$name> {
                    Some($name { $($field: <$type as Cached>::take(input)?),+ })
                }
            }
        )+
        /// The layout of an entry, as written above.
        const LAYOUT: &str = concat!("1", $(stringify!($name { $($field: $type),+ })),+);
    };
}

cached_structs! {
    Span { line: u32, column: u32, offset: u32, len: u32 }
    Ref { id: Box<str>, span: Span }
    Date { year: u16, month: Option<u8>, day: Option<u8>, time: Option<Box<str>> }
    Brief {
        brief: u64, id: Box<str>, title: Box<str>, date: Date, summary: Option<Box<str>>,
        prepared_by: Option<Box<str>>, marking: Option<Box<str>>, tags: Vec<Box<str>>,
        follows: Option<Ref>, sources: Vec<Source>, topics: Vec<Topic>, actors: Vec<Actor>, claims: Vec<Claim>,
        positions: Vec<Position>, quotes: Vec<Quote>, events: Vec<Event>, extensions: Extensions, span: Span,
    }
    Source {
        id: Box<str>, title: Box<str>, publisher: Option<Box<str>>, published: Option<Date>, url: Option<Box<str>>,
        reliability: Option<Reliability>, file: Option<Box<str>>, extensions: Extensions, span: Span,
    }
    Topic { id: Box<str>, label: Box<str>, summary: Option<Box<str>>, extensions: Extensions, span: Span }
    Actor {
        id: Box<str>, name: Box<str>, kind: ActorKind, role: Option<Box<str>>, anonymous: bool,
        affiliation: Option<Ref>, speaks_for: Vec<Ref>, aliases: Vec<Box<str>>, summary: Option<Box<str>>,
        extensions: Extensions, span: Span,
    }
    Claim {
        id: Box<str>, text: Box<str>, by: Vec<Ref>, topic: Option<Ref>, status: ClaimStatus,
        credibility: Option<Credibility>, quotes: Vec<Ref>, date: Option<Date>, source: Vec<Ref>,
        at: Option<Box<str>>, extensions: Extensions, span: Span,
    }
    Position {
        id: Box<str>, actor: Ref, text: Box<str>, topic: Option<Ref>, stance: Stance, supports: Vec<Ref>,
        disputes: Vec<Ref>, quotes: Vec<Ref>, date: Option<Date>, source: Vec<Ref>, at: Option<Box<str>>,
        extensions: Extensions, span: Span,
    }
    Quote {
        id: Box<str>, speaker: Ref, text: Box<str>, kind: QuoteKind, on_behalf_of: Option<Ref>,
        to: Option<Box<str>>, context: Option<Box<str>>, mentions: Vec<Ref>, date: Option<Date>,
        source: Option<Ref>, at: Option<Box<str>>, extensions: Extensions, span: Span,
    }
    Event {
        id: Box<str>, date: Date, text: Box<str>, status: EventStatus, actors: Vec<Ref>, source: Vec<Ref>,
        at: Option<Box<str>>, extensions: Extensions, span: Span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Brief {
        crate::sample::load().into_valid_briefs().remove(0)
    }

    /// A folder with a file in it, and a cache beside it.
    fn folder() -> (tempfile::TempDir, PathBuf, Cache) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        fs::write(&file, "a").unwrap();
        let cache = Cache::new(dir.path().join("cache"));
        (dir, file, cache)
    }

    #[test]
    fn a_brief_comes_back_as_it_went_in_places_and_x_fields_too() {
        let mut brief = sample();
        brief.quotes[0].extensions.insert("x-note".into(), serde_json::json!({"n": [1, "two", null]}));
        let (dir, file, cache) = folder();
        let paths = [dir.path().to_path_buf()];
        let pack = cache.pack(&paths);
        assert_eq!(pack.get(&file, b"a"), None);
        pack.put(&file, b"a", &[&brief, &brief]);
        pack.finish();
        assert_eq!(cache.pack(&paths).get(&file, b"a"), Some(vec![brief.clone(), brief]));
    }

    #[test]
    fn another_content_or_path_is_a_miss() {
        let brief = sample();
        let (dir, a, cache) = folder();
        let b = dir.path().join("b.yaml");
        fs::write(&b, "a").unwrap();
        let paths = [dir.path().to_path_buf()];
        let pack = cache.pack(&paths);
        pack.put(&a, b"a", &[&brief]);
        pack.finish();
        let pack = cache.pack(&paths);
        assert!(pack.get(&a, b"a").is_some());
        assert_eq!(pack.get(&a, b"b"), None, "same size, other content");
        assert_eq!(pack.get(&a, b"ab"), None);
        assert_eq!(pack.get(&b, b"a"), None, "same content, other file");
        assert_eq!(cache.pack(std::slice::from_ref(&a)).get(&a, b"a"), None, "another load's pack");
    }

    #[test]
    fn a_pack_holds_what_its_last_load_read() {
        let brief = sample();
        let (dir, a, cache) = folder();
        let (b, c) = (dir.path().join("b.yaml"), dir.path().join("c.yaml"));
        for file in [&b, &c] {
            fs::write(file, "a").unwrap();
        }
        let paths = [dir.path().to_path_buf()];
        let pack = cache.pack(&paths);
        pack.put(&a, b"a", &[&brief]);
        pack.put(&b, b"a", &[&brief]);
        pack.finish();
        // The next load finds a, parses c, and does not read b (deleted, say).
        let pack = cache.pack(&paths);
        assert!(pack.get(&a, b"a").is_some());
        pack.put(&c, b"a", &[&brief]);
        pack.finish();
        let pack = cache.pack(&paths);
        assert!(pack.get(&a, b"a").is_some() && pack.get(&c, b"a").is_some());
        assert_eq!(pack.get(&b, b"a"), None);
        // A load that parses nothing leaves the pack as it was.
        let before = fs::read(&cache.pack(&paths).path).unwrap();
        let pack = cache.pack(&paths);
        assert!(pack.get(&a, b"a").is_some());
        pack.finish();
        assert_eq!(fs::read(&cache.pack(&paths).path).unwrap(), before);
    }

    #[test]
    fn any_damage_to_a_pack_is_a_miss() {
        let brief = sample();
        let (dir, file, cache) = folder();
        let paths = [dir.path().to_path_buf()];
        let pack = cache.pack(&paths);
        pack.put(&file, b"a", &[&brief]);
        let written = pack.path.clone();
        pack.finish();
        let good = fs::read(&written).unwrap();
        assert!(cache.pack(&paths).get(&file, b"a").is_some());
        let damaged = |bytes: &[u8]| {
            fs::write(&written, bytes).unwrap();
            cache.pack(&paths).get(&file, b"a")
        };
        for at in (0..good.len()).step_by(97).chain(good.len() - 40..good.len()) {
            let mut bad = good.clone();
            bad[at] ^= 0x20;
            assert_eq!(damaged(&bad), None, "a byte changed at {at} of {}", good.len());
        }
        for len in [0, 7, 8, 20, good.len() / 2, good.len() - 1] {
            assert_eq!(damaged(&good[..len]), None, "cut at {len}");
        }
    }

    #[test]
    fn the_cache_lives_where_xdg_says() {
        let dir = |vars: &[(&str, &str)]| {
            let var = |name: &str| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.into());
            Cache::from_vars(var).map(|c| c.dir().to_path_buf())
        };
        let home = ("HOME", "/home/u");
        assert_eq!(dir(&[("XDG_CACHE_HOME", "/x/cache"), home]), Some(PathBuf::from("/x/cache/brief/parsed")));
        let from_home = Some(PathBuf::from("/home/u/.cache/brief/parsed"));
        assert_eq!(dir(&[home]), from_home);
        assert_eq!(dir(&[("XDG_CACHE_HOME", "relative"), home]), from_home, "a relative path is ignored");
        assert_eq!(dir(&[("XDG_CACHE_HOME", ""), home]), from_home);
        assert_eq!(dir(&[]), None);
    }
}
