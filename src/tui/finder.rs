//! Finding things: `/` searches the text of the focused pane as you type; Ctrl-p picks any item
//! of any section by a fuzzy match on its name, id or text.

use std::sync::OnceLock;

use memchr::memmem;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::action::Pane;
use super::state::Opened;
use crate::index::Index;
use crate::model::{Brief, ItemRef, Section};

/// One pane's searchable text: every item's names, aliases, roles and text, lower-cased and
/// joined in the order the pane lists them, so a search is one fast scan and its matches are
/// places in the list (see [`crate::index::Index::place`]).
pub struct Haystack {
    text: String,
    /// Item `i` is `text[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    /// For each item, which byte values its text holds: a one-letter search reads these
    /// 32 bytes per item instead of the text.
    bytes: Vec<[u64; 4]>,
}

impl Haystack {
    fn build(brief: &Brief, index: &Index, pane: Pane) -> Haystack {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(brief.len(pane.section()) + 1);
        let actor_name =
            |id: &str| brief.actors.iter().find(|a| &*a.id == id).map_or(id.to_string(), |a| a.name.to_string());
        let mut names: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
        for actor in &brief.actors {
            names.insert(&actor.id, &actor.name);
        }
        let name = |id: &str| names.get(id).copied().map_or_else(|| actor_name(id), str::to_string);
        let mut push = |parts: &[&str]| {
            starts.push(text.len() as u32);
            for part in parts {
                text.push_str(&part.to_lowercase());
                text.push('\u{1}');
            }
            text.push('\n');
        };
        for item in index.listed(brief, pane.section()) {
            let i = item.index();
            match pane {
                Pane::Actors => {
                    let a = &brief.actors[i];
                    let aliases = a.aliases.join("\u{1}");
                    push(&[&a.name, &aliases, a.role.as_deref().unwrap_or(""), &a.id]);
                }
                Pane::Claims => {
                    let c = &brief.claims[i];
                    let by: Vec<String> = c.by.iter().map(|r| name(&r.id)).collect();
                    push(&[&c.text, &by.join("\u{1}"), &c.id]);
                }
                Pane::Positions => {
                    let p = &brief.positions[i];
                    let topic = p
                        .topic
                        .as_ref()
                        .and_then(|t| brief.topics.iter().find(|x| x.id == t.id))
                        .map_or("", |t| &*t.label);
                    push(&[&name(&p.actor.id), topic, &p.text, &p.id]);
                }
                Pane::Quotes => {
                    let q = &brief.quotes[i];
                    push(&[
                        &name(&q.speaker.id),
                        &q.text,
                        q.to.as_deref().unwrap_or(""),
                        q.context.as_deref().unwrap_or(""),
                        &q.id,
                    ]);
                }
                Pane::Events => {
                    let e = &brief.events[i];
                    let actors: Vec<String> = e.actors.iter().map(|r| name(&r.id)).collect();
                    push(&[&e.text, &actors.join("\u{1}"), &e.date.human(), &e.id]);
                }
                Pane::Sources => {
                    let s = &brief.sources[i];
                    push(&[s.publisher.as_deref().unwrap_or(""), &s.title, &s.id]);
                }
                Pane::Topics => {
                    let t = &brief.topics[i];
                    push(&[&t.label, t.summary.as_deref().unwrap_or(""), &t.id]);
                }
            }
        }
        starts.push(text.len() as u32);
        // Grown by doubling: up to half of it would be room never used, for every pane of every brief.
        text.shrink_to_fit();
        let bytes = starts
            .windows(2)
            .map(|w| {
                let mut set = [0u64; 4];
                for &b in &text.as_bytes()[w[0] as usize..w[1] as usize] {
                    set[usize::from(b >> 6)] |= 1 << (b & 63);
                }
                set
            })
            .collect();
        Haystack { text, starts, bytes }
    }

    fn item_text(&self, item: usize) -> &str {
        &self.text[self.starts[item] as usize..self.starts[item + 1] as usize]
    }

    /// Whether a word of the item's name (its first field) starts with the needle: what a
    /// user typing a name means first. Asked of every match until one says yes, so it looks
    /// only where the needle is.
    fn name_starts_with(&self, item: usize, needle: &memmem::Finder) -> bool {
        let text = self.item_text(item);
        a_word_starts_with(&text[..memchr::memchr(1, text.as_bytes()).unwrap_or(text.len())], needle)
    }

    /// Every item whose text holds the (lower-case) needle, in order.
    fn find_all(&self, needle: &str) -> Found {
        if let [byte] = needle.as_bytes() {
            let (word, bit) = (usize::from(byte >> 6), byte & 63);
            let items =
                (0..self.bytes.len() as u32).filter(|&i| self.bytes[i as usize][word] >> bit & 1 == 1).collect();
            return Found { items, named: None };
        }
        let finder = memmem::Finder::new(needle.as_bytes());
        Found::from(in_parallel(self.starts.len() - 1, |items| self.find_in(&finder, items)))
    }

    /// The items of a range holding the needle, each with whether a word of its name starts
    /// with it. After a hit the scan jumps to the next item, so a common letter costs one hit
    /// per item, not one per letter; a name is looked at only when the first hit is in it.
    fn find_in(&self, finder: &memmem::Finder, items: std::ops::Range<usize>) -> Vec<(u32, bool)> {
        let text = &self.text.as_bytes()[..self.starts[items.end] as usize];
        let mut found = Vec::new();
        let (mut from, mut item) = (self.starts[items.start] as usize, items.start);
        while from < text.len() {
            let Some(hit) = finder.find(&text[from..]) else { break };
            let at = from + hit;
            // Items are in text order: walk forward to the one holding the hit.
            while self.starts[item + 1] as usize <= at {
                item += 1;
            }
            // The first hit is in the name when no field ends before it.
            let in_name = memchr::memchr(1, &text[self.starts[item] as usize..at]).is_none();
            found.push((item as u32, in_name && self.name_starts_with(item, finder)));
            item += 1;
            from = self.starts[item] as usize;
        }
        found
    }

    /// How many items hold the (lower-case) needle.
    fn count(&self, needle: &memmem::Finder) -> usize {
        let text = self.text.as_bytes();
        let (mut from, mut count, mut item) = (0, 0, 0);
        while let Some(hit) = needle.find(&text[from..]) {
            let at = from + hit;
            item += self.starts[item..].partition_point(|&start| start as usize <= at) - 1;
            count += 1;
            item += 1;
            match self.starts.get(item) {
                Some(&start) if item < self.starts.len() - 1 => from = start as usize,
                _ => break,
            }
        }
        count
    }

    /// Those of `items` whose text holds the needle: a longer query only narrows a shorter one.
    /// Items that follow one another are one stretch of text, scanned as one.
    fn narrow(&self, needle: &str, items: &[u32]) -> Found {
        let finder = memmem::Finder::new(needle.as_bytes());
        Found::from(in_parallel(items.len(), |range| {
            let items = &items[range];
            let mut found = Vec::new();
            let mut first = 0;
            while first < items.len() {
                let run = items[first..].windows(2).take_while(|w| w[1] == w[0] + 1).count() + 1;
                let (start, end) = (items[first] as usize, items[first + run - 1] as usize + 1);
                found.extend(self.find_in(&finder, start..end));
                first += run;
            }
            found
        }))
    }
}

/// The items a search found, and for each whether a word of its name starts with what was
/// typed (not known for one letter, which is found without reading the text).
struct Found {
    items: Vec<u32>,
    named: Option<Vec<bool>>,
}

impl From<Vec<(u32, bool)>> for Found {
    fn from(found: Vec<(u32, bool)>) -> Found {
        let (items, named) = found.into_iter().unzip();
        Found { items, named: Some(named) }
    }
}

impl Found {
    /// Keeps the items among `rows` (sorted).
    fn retain_rows(&mut self, rows: &[u32]) {
        let keep: Vec<bool> = self.items.iter().map(|m| rows.binary_search(m).is_ok()).collect();
        let mut kept = keep.iter();
        self.items.retain(|_| kept.next().copied().unwrap_or(false));
        if let Some(named) = &mut self.named {
            let mut kept = keep.iter();
            named.retain(|_| kept.next().copied().unwrap_or(false));
        }
    }
}

/// Runs `work` over `count` items in contiguous chunks, one per core, and joins the results in
/// order. Searching 100,000 quotes on one core takes longer than a keystroke should.
fn in_parallel<T: Send>(count: usize, work: impl Fn(std::ops::Range<usize>) -> Vec<T> + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || count < 20_000 {
        return work(0..count);
    }
    let chunk = count.div_ceil(threads);
    let work = &work;
    std::thread::scope(|scope| {
        let parts: Vec<_> = (0..threads)
            .map(|t| (t * chunk).min(count)..((t + 1) * chunk).min(count))
            .map(|range| scope.spawn(move || work(range)))
            .collect();
        parts.into_iter().flat_map(|part| part.join().unwrap_or_default()).collect()
    })
}

/// Whether the needle stands at the start of `name` or of a word in it.
fn a_word_starts_with(name: &str, needle: &memmem::Finder) -> bool {
    needle.find_iter(name.as_bytes()).any(|at| name[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

/// The first of `matches[range]` whose name starts with the needle. The nearest are asked one
/// by one (the usual case ends there); when none is among them, the rest on every core, as a
/// keystroke may have 100,000 matches to ask.
fn first_named(
    haystack: &Haystack,
    matches: &[u32],
    needle: &memmem::Finder,
    range: std::ops::Range<usize>,
) -> Option<usize> {
    const NEARBY: usize = 4096;
    let named = |k: &usize| haystack.name_starts_with(matches[*k] as usize, needle);
    let near = range.start..range.end.min(range.start + NEARBY);
    if let Some(k) = near.clone().find(named) {
        return Some(k);
    }
    let rest = near.end..range.end;
    let firsts = in_parallel(rest.len(), |chunk| {
        (rest.start + chunk.start..rest.start + chunk.end).find(named).map(|k| k as u32).into_iter().collect()
    });
    firsts.first().map(|&k| k as usize)
}

/// The searchable texts of a brief's panes, built on first use.
#[derive(Default)]
pub struct FinderCache {
    haystacks: [OnceLock<Haystack>; Pane::COUNT],
}

impl FinderCache {
    pub fn haystack(&self, brief: &Brief, index: &Index, pane: Pane) -> &Haystack {
        self.haystacks[pane as usize].get_or_init(|| Haystack::build(brief, index, pane))
    }

    /// Builds everything now (a thread reading meanwhile waits for it rather than racing).
    pub fn warm(&self, brief: &Brief, index: &Index) {
        for pane in Pane::ALL {
            self.haystack(brief, index, pane);
        }
    }
}

/// An incremental search in one pane.
#[derive(Debug, Clone)]
pub struct Search {
    pub pane: Pane,
    /// The cursor row when the search started, to return to on Esc.
    pub origin: usize,
    pub query: String,
    /// Matching items, as places in the pane's list, in order, among the rows shown.
    pub matches: Vec<u32>,
    /// Which match is current.
    pub current: usize,
    /// The matches before each character typed, so erasing one is instant.
    earlier: Vec<Vec<u32>>,
}

impl Search {
    pub fn new(pane: Pane, origin: usize) -> Search {
        Search { pane, origin, query: String::new(), matches: Vec::new(), current: 0, earlier: Vec::new() }
    }

    pub fn push(&mut self, c: char, opened: &Opened, rows: Option<&[u32]>) {
        let extends = !self.query.is_empty();
        self.query.push(c);
        let needle = self.query.to_lowercase();
        let haystack = opened.finder.haystack(&opened.brief, &opened.index, self.pane);
        let found = if extends {
            haystack.narrow(&needle, &self.matches)
        } else {
            let mut found = haystack.find_all(&needle);
            if let Some(rows) = rows {
                found.retain_rows(rows);
            }
            found
        };
        self.earlier.push(std::mem::replace(&mut self.matches, found.items));
        self.first_from_origin(rows);
        // A match whose name starts with what was typed comes first: `/kr` finds the Kremlin,
        // not the Kremlin's spokesman listed above it.
        let (current, count) = (self.current, self.matches.len());
        let named = match found.named {
            Some(named) => (current..count).chain(0..current).find(|&k| named[k]),
            None => {
                let needle = memmem::Finder::new(needle.as_bytes());
                first_named(haystack, &self.matches, &needle, current..count)
                    .or_else(|| first_named(haystack, &self.matches, &needle, 0..current))
            }
        };
        if let Some(named) = named {
            self.current = named;
        }
    }

    pub fn pop(&mut self, rows: Option<&[u32]>) {
        if self.query.pop().is_some() {
            self.matches = self.earlier.pop().unwrap_or_default();
        }
        self.first_from_origin(rows);
    }

    /// The current match is the first at or after where the search started.
    fn first_from_origin(&mut self, rows: Option<&[u32]>) {
        let origin_item = match rows {
            Some(rows) => rows.get(self.origin).copied().unwrap_or(0),
            None => self.origin as u32,
        };
        self.current = self.matches.partition_point(|&m| m < origin_item);
        if self.current >= self.matches.len() {
            self.current = 0;
        }
    }

    pub fn step(&mut self, forward: bool) {
        let count = self.matches.len();
        if count == 0 {
            return;
        }
        self.current = if forward { (self.current + 1) % count } else { (self.current + count - 1) % count };
    }

    /// Moves to the next (or previous) match after a place in the list, wrapping around.
    pub fn step_from(&mut self, place: Option<usize>, forward: bool) {
        let count = self.matches.len();
        if count == 0 {
            return;
        }
        let Some(item) = place.map(|i| i as u32) else {
            self.current = 0;
            return;
        };
        self.current = if forward {
            self.matches.partition_point(|&m| m <= item) % count
        } else {
            (self.matches.partition_point(|&m| m < item) + count - 1) % count
        };
    }

    /// The current match's place in the pane's list.
    pub fn current_place(&self) -> Option<usize> {
        self.matches.get(self.current).map(|&i| i as usize)
    }

    /// "3/14", or "no match".
    pub fn counter(&self) -> String {
        if self.query.is_empty() {
            String::new()
        } else if self.matches.is_empty() {
            "no match".to_string()
        } else {
            format!("{}/{}", self.current + 1, self.matches.len())
        }
    }

    /// Where the query occurs in a piece of shown text, as byte ranges (case-insensitive).
    pub fn highlights(&self, shown: &str) -> Vec<std::ops::Range<usize>> {
        highlights(shown, &self.query)
    }
}

/// Byte ranges of `shown` where `query` occurs, ignoring case.
pub fn highlights(shown: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<(usize, char)> = shown.char_indices().collect();
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut matched = 0;
        let mut j = i;
        while j < chars.len() && matched < needle.len() {
            let lower: Vec<char> = chars[j].1.to_lowercase().collect();
            if needle[matched..].starts_with(&lower) {
                matched += lower.len();
                j += 1;
            } else {
                break;
            }
        }
        if matched == needle.len() {
            let end = chars.get(j).map_or(shown.len(), |&(at, _)| at);
            ranges.push(chars[i].0..end);
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    ranges
}

/// One item as the picker lists it.
pub struct Entry {
    pub item: ItemRef,
    /// What the picker shows and matches: section, name or text, id.
    pub label: String,
}

/// How many items the picker numbers in a brief: all of them.
fn entry_count(brief: &Brief) -> usize {
    Section::ALL.iter().map(|&section| brief.len(section)).sum()
}

/// The item numbered `n` in a brief: sources first, then topics, actors and the rest, each
/// section's items in order, so names come before long texts.
fn item_at(brief: &Brief, mut n: usize) -> Option<ItemRef> {
    for section in Section::ALL {
        let len = brief.len(section);
        if n < len {
            return Some(ItemRef::new(section, n));
        }
        n -= len;
    }
    None
}

/// An item's label, `name · id`, into `out`. Labels are made as they are scored rather than
/// kept: across a library of 2,000 briefs they took 48 MB.
fn write_label(out: &mut String, brief: &Brief, item: ItemRef) {
    let i = item.index();
    let name = match item.section {
        Section::Sources => &*brief.sources[i].title,
        Section::Topics => &*brief.topics[i].label,
        Section::Actors => &*brief.actors[i].name,
        Section::Claims => &*brief.claims[i].text,
        Section::Positions => &*brief.positions[i].text,
        Section::Quotes => &*brief.quotes[i].text,
        Section::Events => &*brief.events[i].text,
    };
    // Long texts are cut: the picker finds by name and opening words.
    out.extend(crate::text::one_line(name).chars().take(64));
    out.push_str(" · ");
    out.push_str(brief.id_of(item));
}

/// How many items of a brief, in any list, hold a (lower-case) needle.
pub fn count_matching(opened: &Opened, needle: &memmem::Finder) -> usize {
    let haystack = |pane| opened.finder.haystack(&opened.brief, &opened.index, pane);
    Pane::ALL.into_iter().map(|pane| haystack(pane).count(needle)).sum()
}

/// The fuzzy picker over every item of the briefs open: the current brief's first, then the
/// others newest first, so among equal matches the brief being read comes first.
///
/// Scoring 100,000 items takes longer than a keystroke may, so it is done in slices: each
/// keystroke scores the first slice and shows what it found; [`Picker::work`] scores the next,
/// which the reader calls while no key is waiting. Items come names first (sources, topics,
/// actors), so the likely picks are scored first.
pub struct Picker {
    pub query: String,
    /// The best matches so far with their scores, best first.
    pub results: Vec<(u32, u32)>,
    pub cursor: usize,
    /// Entries to score for this query, and how far scoring has got.
    queue: Vec<u32>,
    next: usize,
    /// Every match so far with its score, in entry order, noise included: a longer query scores
    /// only these, and a match below the bar may clear it with one more character.
    matched: Vec<(u32, u32)>,
    /// The briefs picked from, each with its place among the reader's briefs.
    briefs: Vec<(usize, std::sync::Arc<Opened>)>,
    /// Where each brief's entries start in the numbering of all, and the count of all last.
    starts: Vec<u32>,
    matcher: Matcher,
    pattern: Pattern,
    /// The score below which a match is noise, for this query.
    min_score: u32,
    /// What Esc returns to.
    pub beneath: super::state::Beneath,
}

/// The picker lists at most this many results, best first.
const PICKER_SHOWN: usize = 200;
/// Entries scored per slice: a few milliseconds of work.
const PICKER_SLICE: usize = 1500;
/// The score a match must reach for each character typed: what a character earns matched on its
/// own. Letters found only far apart in a long text lose points for the gaps and fall below it,
/// so they are not offered; letters that start the words of a name earn bonuses and stay.
const PICKER_MIN_SCORE_PER_CHAR: u32 = 16;

impl Picker {
    pub fn new(briefs: Vec<(usize, std::sync::Arc<Opened>)>) -> Picker {
        let mut starts = vec![0u32];
        for (_, opened) in &briefs {
            let count = entry_count(&opened.brief) as u32;
            starts.push(starts.last().copied().unwrap_or(0) + count);
        }
        let count = starts.last().copied().unwrap_or(0) as usize;
        Picker {
            query: String::new(),
            results: (0..count.min(PICKER_SHOWN) as u32).map(|e| (e, 0)).collect(),
            cursor: 0,
            queue: Vec::new(),
            next: 0,
            matched: Vec::new(),
            briefs,
            starts,
            beneath: super::state::Beneath::Panes,
            matcher: Matcher::new(Config::DEFAULT),
            pattern: Pattern::default(),
            min_score: 0,
        }
    }

    /// How many items there are to pick from.
    pub fn entry_count(&self) -> usize {
        self.starts.last().copied().unwrap_or(0) as usize
    }

    /// Whether the items come from more than one brief.
    pub fn across_briefs(&self) -> bool {
        self.briefs.len() > 1
    }

    /// Entry `e` of the numbering of all: its brief (its place among the reader's briefs) and
    /// the entry.
    pub fn entry_at(&self, e: u32) -> Option<(usize, Entry)> {
        let (brief, opened, item) = self.locate(e)?;
        let mut label = String::new();
        write_label(&mut label, &opened.brief, item);
        Some((brief, Entry { item, label }))
    }

    /// Entry `e` of the numbering of all the briefs' entries: its brief's place among the
    /// reader's briefs, the brief, and the item.
    fn locate(&self, e: u32) -> Option<(usize, &Opened, ItemRef)> {
        let b = self.starts.partition_point(|&start| start <= e).checked_sub(1)?;
        let (brief, opened) = self.briefs.get(b)?;
        Some((*brief, opened, item_at(&opened.brief, (e - self.starts[b]) as usize)?))
    }

    /// The result at a row: its brief and entry.
    pub fn entry(&self, result: usize) -> Option<(usize, Entry)> {
        self.results.get(result).and_then(|&(e, _)| self.entry_at(e))
    }

    pub fn push(&mut self, c: char) {
        // A longer query can only match what the shorter one matched, or has yet to score;
        // except where a word to avoid (`!x`) grows, and so excludes less.
        let extends = !self.query.is_empty() && !self.query.contains('!') && c != '!';
        self.query.push(c);
        let queue = if extends {
            self.matched.iter().map(|&(e, _)| e).chain(self.queue[self.next..].iter().copied()).collect()
        } else {
            (0..self.entry_count() as u32).collect()
        };
        self.restart(queue);
    }

    pub fn pop(&mut self) {
        self.query.pop();
        let all = (0..self.entry_count() as u32).collect();
        self.restart(all);
    }

    fn restart(&mut self, queue: Vec<u32>) {
        self.cursor = 0;
        self.queue = queue;
        self.next = 0;
        self.matched.clear();
        self.results.clear();
        if self.query.is_empty() {
            self.results = (0..self.entry_count().min(PICKER_SHOWN) as u32).map(|e| (e, 0)).collect();
            self.queue.clear();
            return;
        }
        self.pattern = Pattern::parse(&self.query, CaseMatching::Smart, Normalization::Smart);
        // What scores: the characters of the words to find, not those of words to avoid (`!x`)
        // nor nucleo's `^`, `'` and `$` marks.
        let typed: usize =
            self.pattern.atoms.iter().filter(|atom| !atom.negative).map(|atom| atom.needle_text().len()).sum();
        self.min_score = PICKER_MIN_SCORE_PER_CHAR * typed as u32;
        self.work();
    }

    /// Whether scoring is still under way.
    pub fn pending(&self) -> bool {
        self.next < self.queue.len()
    }

    /// Scores the next slice of entries and merges what matched into the results.
    pub fn work(&mut self) {
        let end = (self.next + PICKER_SLICE).min(self.queue.len());
        let (mut buffer, mut label) = (Vec::new(), String::new());
        let first_new = self.matched.len();
        for k in self.next..end {
            let e = self.queue[k];
            let Some((_, opened, item)) = self.locate(e) else { continue };
            label.clear();
            write_label(&mut label, &opened.brief, item);
            let haystack = Utf32Str::new(&label, &mut buffer);
            if let Some(score) = self.pattern.score(haystack, &mut self.matcher) {
                self.matched.push((e, score));
            }
        }
        self.next = end;
        let min_score = self.min_score;
        let new = self.matched[first_new..].iter().copied().filter(|&(_, score)| score >= min_score);
        let mut best: Vec<(u32, u32)> = self.results.iter().copied().chain(new).collect();
        let order = |a: &(u32, u32), b: &(u32, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        if best.len() > PICKER_SHOWN {
            best.select_nth_unstable_by(PICKER_SHOWN, order);
            best.truncate(PICKER_SHOWN);
        }
        best.sort_unstable_by(order);
        let chosen = self.results.get(self.cursor).map(|r| r.0);
        self.results = best;
        // Keep the cursor on the same entry while results arrive.
        self.cursor = chosen.and_then(|c| self.results.iter().position(|r| r.0 == c)).unwrap_or(0);
    }

    pub fn move_cursor(&mut self, by: isize) {
        let count = self.results.len();
        if count > 0 {
            self.cursor = (self.cursor as isize + by).rem_euclid(count as isize) as usize;
        }
    }

    /// The result under the cursor: its brief and item.
    pub fn chosen(&self) -> Option<(usize, ItemRef)> {
        self.entry(self.cursor).map(|(brief, e)| (brief, e.item))
    }

    /// How many items matched so far, noise left out, for the prompt.
    pub fn matched(&self) -> usize {
        if self.query.is_empty() {
            self.entry_count()
        } else {
            self.matched.iter().filter(|&&(_, score)| score >= self.min_score).count()
        }
    }

    /// What the prompt says of the results: `98 items` before anything is typed, then `1 match`,
    /// `7 matches`, `no match`.
    pub fn counter(&self) -> String {
        let count = self.matched();
        let (one, many) = if self.query.is_empty() { ("item", "items") } else { ("match", "matches") };
        match count {
            0 if !self.query.is_empty() => "no match".to_string(),
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scan_tells_which_matches_are_named_as_asking_each_one_does() {
        let brief = crate::sample::load().into_valid_briefs().remove(0);
        for pane in Pane::ALL {
            let haystack = Haystack::build(&brief, &crate::index::Index::build(&brief), pane);
            for needle in ["pu", "kr", "sanc", "in", "an", "the", "biden", "ru", "e "] {
                let finder = memmem::Finder::new(needle);
                let found = haystack.find_all(needle);
                let named = found.named.expect("known past one letter");
                for (&item, &named) in found.items.iter().zip(&named) {
                    assert_eq!(
                        named,
                        haystack.name_starts_with(item as usize, &finder),
                        "{needle:?} in {pane:?} {item}"
                    );
                }
                let all: Vec<u32> = (0..haystack.starts.len() as u32 - 1).collect();
                let narrowed = haystack.narrow(needle, &all);
                assert_eq!((narrowed.items, narrowed.named), (found.items, Some(named)));
            }
        }
    }

    #[test]
    fn typing_a_query_finds_what_scoring_it_whole_finds() {
        let brief = crate::sample::load().into_valid_briefs().remove(0);
        let opened = std::sync::Arc::new(crate::tui::Opened::new("sample".into(), brief));
        for query in ["bdn", "lav", "nato", "sanc", "pk", "vp", "kremlin guar", "lavrov !sanctions"] {
            let mut picker = Picker::new(vec![(0, opened.clone())]);
            for c in query.chars() {
                picker.push(c);
                while picker.pending() {
                    picker.work();
                }
            }
            let typed: std::collections::BTreeSet<u32> = picker.results.iter().map(|r| r.0).collect();
            let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
            let (mut matcher, mut buffer) = (Matcher::new(Config::DEFAULT), Vec::new());
            let whole: std::collections::BTreeSet<u32> = (0..picker.entry_count() as u32)
                .filter(|&e| {
                    let entry = picker.entry_at(e).unwrap().1;
                    let label = Utf32Str::new(&entry.label, &mut buffer);
                    pattern.score(label, &mut matcher).is_some_and(|score| score >= picker.min_score)
                })
                .collect();
            assert_eq!(typed, whole, "{query}");
            assert_eq!(picker.matched(), whole.len(), "{query}");
        }
        let mut picker = Picker::new(vec![(0, opened)]);
        "lavrov !sanctions".chars().for_each(|c| picker.push(c));
        assert!(picker.matched() > 0, "a word to avoid does not raise the bar");
    }

    #[test]
    fn a_name_is_found_by_the_start_of_any_of_its_words() {
        let starts = |name: &str, needle: &str| a_word_starts_with(name, &memmem::Finder::new(needle));
        assert!(starts("vladimir putin", "pu"));
        assert!(starts("vladimir putin", "vla"));
        assert!(starts("al-jazeera", "jaz"));
        assert!(starts("владимир путин", "пу"));
        assert!(!starts("input", "pu"));
        assert!(!starts("путин", "тин"));
    }

    #[test]
    fn highlights_ignore_case_and_keep_byte_ranges() {
        assert_eq!(highlights("Vladimir Putin", "putin"), vec![9..14]);
        assert_eq!(highlights("Ünïcode ünï", "ÜNÏ"), [0..5, 10..15]);
        assert!(highlights("abc", "").is_empty());
    }
}
