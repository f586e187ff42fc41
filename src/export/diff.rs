//! What changed between two files of briefs ([`crate::diff`]) as text, Markdown or JSON:
//! `brief diff` prints it, and as git's diff driver it is what `git diff` shows of a brief.
//!
//! Text is one line per item and per changed field, unwrapped, as diffs are: `+` an item
//! added, `-` removed, `~` changed (its fields below it), `=` given another id and otherwise
//! the same. Changed words are marked `[-deleted-]` and `{+inserted+}`, so the diff reads
//! without colour; on a terminal, deletions are red and insertions green as well. Markdown is
//! a memo, "What changed since …", with `<del>` and `<ins>` around the changed words. JSON
//! holds every change, its shape documented in the README and by
//! `assets/brief-diff.schema.json` ([`json_schema`]).
//!
//! As every export, the same input gives the same bytes, and text from a brief is shown with
//! its control characters, escape sequences and bidi overrides as visible symbols (JSON
//! escapes them).

use schemars::JsonSchema;
use serde::Serialize;

use super::doc::line;
use super::markdown::escape;
use crate::diff::{Change, Counts, FieldChange, Pair, SectionDiff, Words};
use crate::model::{Brief, ItemRef, Section};

/// How to write a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub format: super::Format,
    /// Text: red deletions and green insertions (the markers stay).
    pub color: bool,
    /// Text and Markdown: only how many items of each section changed.
    pub stat: bool,
}

/// The diff of two files' briefs in the chosen form, ending with a line break; empty text or
/// Markdown when nothing changed. `old` and `new` are the briefs [`crate::diff::pair`] paired.
pub fn render(pairs: &[Pair], old: &[&Brief], new: &[&Brief], options: &Options) -> String {
    let briefs = Briefs { old, new };
    match (options.format, options.stat) {
        (super::Format::Json, _) => json(pairs, briefs),
        (super::Format::Text, true) => text_stat(pairs, briefs),
        (super::Format::Text, false) => text(pairs, briefs, Paint(options.color)),
        (super::Format::Markdown, true) => markdown_stat(pairs, briefs),
        (super::Format::Markdown, false) => markdown(pairs, briefs),
    }
}

/// The briefs the pairs point into.
#[derive(Clone, Copy)]
struct Briefs<'a> {
    old: &'a [&'a Brief],
    new: &'a [&'a Brief],
}

impl<'a> Briefs<'a> {
    fn old_of(self, pair: &Pair) -> Option<&'a Brief> {
        pair.old.and_then(|at| self.old.get(at).copied())
    }

    fn new_of(self, pair: &Pair) -> Option<&'a Brief> {
        pair.new.and_then(|at| self.new.get(at).copied())
    }
}

/// The pairs with something to show: a brief on one side only, or changed.
fn shown(pairs: &[Pair]) -> impl Iterator<Item = &Pair> {
    pairs.iter().filter(|pair| !pair.is_unchanged())
}

/// `2 added, 1 removed, 3 changed`: the counts that are not zero.
fn counted(counts: Counts) -> String {
    [(counts.added, "added"), (counts.removed, "removed"), (counts.changed, "changed"), (counts.renamed, "renamed")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a reader knows an item by, on one line: a name, a label, a title or a text.
fn name(brief: &Brief, item: ItemRef) -> String {
    line(brief.name_of(item))
}

/// Colours for a terminal, or none.
#[derive(Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn red(self, text: &str) -> String {
        if self.0 { format!("\x1b[31m{text}\x1b[0m") } else { text.to_string() }
    }

    fn green(self, text: &str) -> String {
        if self.0 { format!("\x1b[32m{text}\x1b[0m") } else { text.to_string() }
    }
}

fn text(pairs: &[Pair], briefs: Briefs, paint: Paint) -> String {
    let mut blocks: Vec<Vec<String>> = Vec::new();
    for pair in shown(pairs) {
        let mut head = Vec::new();
        match (briefs.old_of(pair), briefs.new_of(pair)) {
            (Some(old), Some(new)) if old.id == new.id => head.push(format!("Brief {}", line(&new.id))),
            (Some(old), Some(new)) => head.push(format!("Brief {} → {}", line(&old.id), line(&new.id))),
            (None, Some(new)) => head.push(paint.green(&format!("+ Brief {}: {}", line(&new.id), line(&new.title)))),
            (Some(old), None) => head.push(paint.red(&format!("- Brief {}: {}", line(&old.id), line(&old.title)))),
            (None, None) => continue,
        }
        head.extend(pair.diff.header().iter().map(|field| text_field(field, paint, "  ")));
        blocks.push(head);
        for section in pair.diff.sections().iter().filter(|s| !s.is_empty()) {
            blocks.push(text_section(section, pair, briefs, paint));
        }
    }
    blocks.iter().map(|lines| lines.join("\n") + "\n").collect::<Vec<_>>().join("\n")
}

fn text_section(section: &SectionDiff, pair: &Pair, briefs: Briefs, paint: Paint) -> Vec<String> {
    let (old, new) = (briefs.old_of(pair), briefs.new_of(pair));
    let mut lines = vec![format!("{}: {}", section.section.title(), counted(section.counts()))];
    let item = |brief: &Brief, item: ItemRef| format!("{}: {}", line(brief.id_of(item)), name(brief, item));
    if let Some(new) = new {
        lines.extend(section.added.iter().map(|&i| paint.green(&format!("+ {}", item(new, i)))));
    }
    if let Some(old) = old {
        lines.extend(section.removed.iter().map(|&i| paint.red(&format!("- {}", item(old, i)))));
    }
    if let (Some(old), Some(new)) = (old, new) {
        for change in &section.changed {
            lines.push(format!("~ {}", item(new, change.new)));
            lines.extend(change.fields.iter().map(|field| text_field(field, paint, "    ")));
        }
        for rename in &section.renamed {
            let (from, to) = (line(old.id_of(rename.old)), line(new.id_of(rename.new)));
            lines.push(format!("= {from} → {to}: {}", name(new, rename.new)));
        }
    }
    lines
}

/// A value as the text shows it: `(none)` where the field is not given.
fn value(value: Option<&str>) -> String {
    value.map_or_else(|| "(none)".to_string(), line)
}

/// Whether a value is words rather than one word: shown as a deletion and an insertion, each
/// on its own line, where an arrow between two sentences would be lost.
fn is_prose(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| v.trim().contains(char::is_whitespace))
}

/// `status: reported → confirmed`, `supports: + c-troop-buildup, - c-x`, or the words of a text
/// with `[-deleted-]` and `{+inserted+}`, after `indent`; a value in words replaced whole is
/// deleted and inserted on lines of their own below.
fn text_field(field: &FieldChange, paint: Paint, indent: &str) -> String {
    let change = match &field.change {
        Change::Value { old, new } if is_prose(old) || is_prose(new) => {
            let mut lines = vec![format!("{indent}{}:", line(&field.field))];
            if let Some(old) = old {
                lines.push(format!("{indent}  {}", paint.red(&format!("[-{}-]", line(old)))));
            }
            if let Some(new) = new {
                lines.push(format!("{indent}  {}", paint.green(&format!("{{+{}+}}", line(new)))));
            }
            return lines.join("\n");
        }
        Change::Value { old, new } => {
            format!("{} → {}", paint.red(&value(old.as_deref())), paint.green(&value(new.as_deref())))
        }
        Change::Order { old, new } => {
            let listed = |list: &[String]| list.iter().map(|e| line(e)).collect::<Vec<_>>().join(", ");
            format!("{} → {}", listed(old), listed(new))
        }
        Change::List { added, removed } => added
            .iter()
            .map(|a| paint.green(&format!("+ {}", line(a))))
            .chain(removed.iter().map(|r| paint.red(&format!("- {}", line(r)))))
            .collect::<Vec<_>>()
            .join(", "),
        Change::Text { words, .. } if words.iter().all(|w| matches!(w, Words::Same(_))) => {
            "(only the spacing changed)".to_string()
        }
        Change::Text { words, .. } => words
            .iter()
            .map(|w| match w {
                Words::Same(text) => line(text),
                Words::Deleted(text) => paint.red(&format!("[-{}-]", line(text))),
                Words::Inserted(text) => paint.green(&format!("{{+{}+}}", line(text))),
            })
            .collect::<Vec<_>>()
            .join(" "),
    };
    format!("{indent}{}: {change}", line(&field.field))
}

/// A field's change in the words the text diff uses, without colour: `status: reported →
/// confirmed`, or a line per deletion and insertion for a value in words. The reader's detail
/// pane shows an item's changes so.
pub fn field_in_words(field: &FieldChange) -> String {
    text_field(field, Paint(false), "")
}

/// The name of a pair for a summary: its id, or both when the id changed.
fn pair_name(pair: &Pair, briefs: Briefs) -> String {
    match (briefs.old_of(pair), briefs.new_of(pair)) {
        (Some(old), Some(new)) if old.id != new.id => format!("{} → {}", line(&old.id), line(&new.id)),
        (_, Some(brief)) | (Some(brief), None) => line(&brief.id),
        (None, None) => String::new(),
    }
}

/// `+` a brief only the new file has, `-` one only the old has, `~` one both have.
fn sign(pair: &Pair) -> &'static str {
    match (pair.old, pair.new) {
        (None, _) => "+",
        (_, None) => "-",
        _ => "~",
    }
}

fn text_stat(pairs: &[Pair], briefs: Briefs) -> String {
    let mut out = String::new();
    for pair in shown(pairs) {
        out.push_str(&format!("{} Brief {}", sign(pair), pair_name(pair, briefs)));
        let fields = pair.diff.header().len();
        if fields > 0 {
            out.push_str(&format!(": {fields} of its own {} changed", if fields == 1 { "field" } else { "fields" }));
        }
        out.push('\n');
        let sections: Vec<&SectionDiff> = pair.diff.sections().iter().filter(|s| !s.is_empty()).collect();
        let width = sections.iter().map(|s| s.section.key().len()).max().unwrap_or(0);
        for section in sections {
            out.push_str(&format!("  {:width$}  {}\n", section.section.key(), counted(section.counts())));
        }
    }
    out
}

/// `6 Dec 2021, “Biden to warn Putin…”`: a brief as the memo names it.
fn brief_line(brief: &Brief) -> String {
    format!("{}, “{}”", brief.date.human(), line(&brief.title))
}

fn markdown(pairs: &[Pair], briefs: Briefs) -> String {
    let mut out: Vec<String> = Vec::new();
    for pair in shown(pairs) {
        if !out.is_empty() {
            out.push(String::new());
        }
        let (old, new) = (briefs.old_of(pair), briefs.new_of(pair));
        match (old, new) {
            (Some(old), Some(new)) => {
                out.push(format!("# What changed since {}", escape(&brief_line(old))));
                out.push(String::new());
                out.push(format!("In the brief of {}.", escape(&brief_line(new))));
            }
            (None, Some(new)) => out.push(format!("# A new brief: {}", escape(&brief_line(new)))),
            (Some(old), None) => out.push(format!("# A brief no longer there: {}", escape(&brief_line(old)))),
            (None, None) => continue,
        }
        if !pair.diff.header().is_empty() {
            out.push(String::new());
            out.push("## The brief".to_string());
            out.push(String::new());
            out.extend(pair.diff.header().iter().map(|field| format!("- {}", markdown_field(field))));
        }
        for section in pair.diff.sections().iter().filter(|s| !s.is_empty()) {
            out.push(String::new());
            out.push(format!("## {}: {}", section.section.title(), counted(section.counts())));
            out.push(String::new());
            markdown_section(&mut out, section, old, new);
        }
    }
    if out.is_empty() {
        return String::new();
    }
    out.join("\n") + "\n"
}

fn markdown_section(out: &mut Vec<String>, section: &SectionDiff, old: Option<&Brief>, new: Option<&Brief>) {
    let item = |brief: &Brief, item: ItemRef| {
        format!("**{}**: {}", escape(&line(brief.id_of(item))), escape(&name(brief, item)))
    };
    if let Some(new) = new {
        out.extend(section.added.iter().map(|&i| format!("- Added {}", item(new, i))));
    }
    if let Some(old) = old {
        out.extend(section.removed.iter().map(|&i| format!("- Removed {}", item(old, i))));
    }
    if let (Some(old), Some(new)) = (old, new) {
        for change in &section.changed {
            out.push(format!("- Changed {}", item(new, change.new)));
            out.extend(change.fields.iter().map(|field| format!("  - {}", markdown_field(field))));
        }
        for rename in &section.renamed {
            out.push(format!(
                "- Renamed **{}** → **{}**: {}",
                escape(&line(old.id_of(rename.old))),
                escape(&line(new.id_of(rename.new))),
                escape(&name(new, rename.new))
            ));
        }
    }
}

/// A field change in Markdown: `status: reported → confirmed`, `supports: added c-x; removed
/// c-y`, or a text with `<del>` and `<ins>` around its changed words.
fn markdown_field(field: &FieldChange) -> String {
    let shown = |v: Option<&str>| escape(&value(v));
    let change = match &field.change {
        Change::Value { old, new } if is_prose(old) || is_prose(new) => {
            let old = old.as_deref().map(|old| format!("<del>{}</del>", escape(&line(old))));
            let new = new.as_deref().map(|new| format!("<ins>{}</ins>", escape(&line(new))));
            [old, new].into_iter().flatten().collect::<Vec<_>>().join(" ")
        }
        Change::Value { old, new } => format!("{} → {}", shown(old.as_deref()), shown(new.as_deref())),
        Change::Order { old, new } => {
            let listed = |list: &[String]| list.iter().map(|e| escape(&line(e))).collect::<Vec<_>>().join(", ");
            format!("{} → {}", listed(old), listed(new))
        }
        Change::List { added, removed } => {
            let listed = |what: &str, ids: &[String]| {
                (!ids.is_empty()).then(|| {
                    format!("{what} {}", ids.iter().map(|id| escape(&line(id))).collect::<Vec<_>>().join(", "))
                })
            };
            [listed("added", added), listed("removed", removed)].into_iter().flatten().collect::<Vec<_>>().join("; ")
        }
        Change::Text { words, .. } if words.iter().all(|w| matches!(w, Words::Same(_))) => {
            "only the spacing changed".to_string()
        }
        Change::Text { words, .. } => words
            .iter()
            .map(|w| match w {
                Words::Same(text) => escape(&line(text)),
                Words::Deleted(text) => format!("<del>{}</del>", escape(&line(text))),
                Words::Inserted(text) => format!("<ins>{}</ins>", escape(&line(text))),
            })
            .collect::<Vec<_>>()
            .join(" "),
    };
    format!("{}: {change}", escape(&line(&field.field)))
}

fn markdown_stat(pairs: &[Pair], briefs: Briefs) -> String {
    let mut out: Vec<String> = Vec::new();
    for pair in shown(pairs) {
        if !out.is_empty() {
            out.push(String::new());
        }
        let heading = match (briefs.old_of(pair), briefs.new_of(pair)) {
            (Some(old), Some(_)) => format!("What changed since {}", brief_line(old)),
            (None, Some(new)) => format!("A new brief: {}", brief_line(new)),
            (Some(old), None) => format!("A brief no longer there: {}", brief_line(old)),
            (None, None) => continue,
        };
        out.push(format!("# {}", escape(&heading)));
        out.push(String::new());
        out.push(format!("The brief's own fields changed: {}.", pair.diff.header().len()));
        out.push(String::new());
        out.push("| section | added | removed | changed | renamed |".to_string());
        out.push("|---|---|---|---|---|".to_string());
        for section in pair.diff.sections().iter().filter(|s| !s.is_empty()) {
            let c = section.counts();
            out.push(format!(
                "| {} | {} | {} | {} | {} |",
                section.section.key(),
                c.added,
                c.removed,
                c.changed,
                c.renamed
            ));
        }
    }
    if out.is_empty() {
        return String::new();
    }
    out.join("\n") + "\n"
}

// JSON: the types below are the shape, and `json_schema` describes it from them.

/// `brief diff --format json`: what changed between two files of briefs.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "BriefDiff")]
struct DiffJson<'a> {
    /// The version of this shape, 1; a change that would break a script reading it raises it.
    #[schemars(schema_with = "version_schema")]
    version: u32,
    /// Every brief of either file: paired by id, or on one side only.
    briefs: Vec<PairJson<'a>>,
}

fn version_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "const": 1 })
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
enum Status {
    /// On both sides, the same.
    Unchanged,
    /// On both sides, with changes.
    Changed,
    /// Only in the new file: every item added.
    Added,
    /// Only in the old file: every item removed.
    Removed,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename = "Pair")]
struct PairJson<'a> {
    status: Status,
    /// The old version, `null` for a brief only the new file holds.
    old: Option<BriefJson<'a>>,
    /// The new version, `null` for a brief only the old file holds.
    new: Option<BriefJson<'a>>,
    /// The brief's own fields that changed (everything but its sections).
    fields: &'a [FieldChange],
    /// Every section, in the format's order, changed or not.
    sections: Vec<SectionJson<'a>>,
}

/// A brief, as the diff names it.
#[derive(Serialize, JsonSchema)]
#[serde(rename = "Brief")]
struct BriefJson<'a> {
    id: &'a str,
    title: &'a str,
    /// ISO 8601, as written.
    date: String,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename = "Section")]
struct SectionJson<'a> {
    /// `sources`, `topics`, `actors`, `claims`, `positions`, `quotes` or `events`.
    section: &'static str,
    counts: Counts,
    /// Items of the new brief, in its order.
    added: Vec<ItemJson<'a>>,
    /// Items of the old brief, in its order.
    removed: Vec<ItemJson<'a>>,
    /// Items in both that differ, in the new brief's order.
    changed: Vec<ChangedJson<'a>>,
    /// Items given another id and nothing else, in the new brief's order.
    renamed: Vec<RenamedJson<'a>>,
}

/// An item added or removed.
#[derive(Serialize, JsonSchema)]
#[serde(rename = "Item")]
struct ItemJson<'a> {
    id: &'a str,
    /// What a reader knows it by: an actor's name, a topic's label, a source's title, or a
    /// claim's, position's, quote's or event's text.
    name: &'a str,
    /// Every field, as `brief export --format json` gives the item.
    item: serde_json::Value,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename = "ChangedItem")]
struct ChangedJson<'a> {
    id: &'a str,
    /// What a reader knows it by, in the new brief.
    name: &'a str,
    /// Its fields that differ, in the format's order, `x-` fields last by name.
    fields: &'a [FieldChange],
}

#[derive(Serialize, JsonSchema)]
#[serde(rename = "RenamedItem")]
struct RenamedJson<'a> {
    old_id: &'a str,
    new_id: &'a str,
    name: &'a str,
}

/// An item of a brief as the model serializes it.
fn item_json(brief: &Brief, item: ItemRef) -> serde_json::Value {
    let i = item.index();
    let value = match item.section {
        Section::Sources => serde_json::to_value(&brief.sources[i]),
        Section::Topics => serde_json::to_value(&brief.topics[i]),
        Section::Actors => serde_json::to_value(&brief.actors[i]),
        Section::Claims => serde_json::to_value(&brief.claims[i]),
        Section::Positions => serde_json::to_value(&brief.positions[i]),
        Section::Quotes => serde_json::to_value(&brief.quotes[i]),
        Section::Events => serde_json::to_value(&brief.events[i]),
    };
    value.unwrap_or_default()
}

fn brief_json(brief: &Brief) -> BriefJson<'_> {
    BriefJson { id: &brief.id, title: &brief.title, date: brief.date.to_string() }
}

/// Items added or removed, from the brief that holds them.
fn listed<'a>(brief: Option<&'a Brief>, items: &[ItemRef]) -> Vec<ItemJson<'a>> {
    brief.map_or_else(Vec::new, |b| {
        items.iter().map(|&i| ItemJson { id: b.id_of(i), name: b.name_of(i), item: item_json(b, i) }).collect()
    })
}

fn json(pairs: &[Pair], briefs: Briefs) -> String {
    let mut out = Vec::new();
    for pair in pairs {
        let (old, new) = (briefs.old_of(pair), briefs.new_of(pair));
        let status = match (old, new) {
            (None, _) => Status::Added,
            (_, None) => Status::Removed,
            _ if pair.diff.is_empty() => Status::Unchanged,
            _ => Status::Changed,
        };
        let sections = pair
            .diff
            .sections()
            .iter()
            .map(|section| SectionJson {
                section: section.section.key(),
                counts: section.counts(),
                added: listed(new, &section.added),
                removed: listed(old, &section.removed),
                changed: match new {
                    Some(new) => section
                        .changed
                        .iter()
                        .map(|c| ChangedJson { id: new.id_of(c.new), name: new.name_of(c.new), fields: &c.fields })
                        .collect(),
                    None => Vec::new(),
                },
                renamed: match (old, new) {
                    (Some(old), Some(new)) => section
                        .renamed
                        .iter()
                        .map(|r| RenamedJson {
                            old_id: old.id_of(r.old),
                            new_id: new.id_of(r.new),
                            name: new.name_of(r.new),
                        })
                        .collect(),
                    _ => Vec::new(),
                },
            })
            .collect();
        out.push(PairJson {
            status,
            old: old.map(brief_json),
            new: new.map(brief_json),
            fields: pair.diff.header(),
            sections,
        });
    }
    let json = serde_json::to_string_pretty(&DiffJson { version: 1, briefs: out })
        .expect("a diff serializes: all keys are strings");
    let mut out = crate::text::json_escape_unsafe(json);
    out.push('\n');
    out
}

/// The JSON Schema (2020-12) of `brief diff --format json`, as `assets/brief-diff.schema.json`
/// holds it: pretty JSON with a trailing newline.
pub fn json_schema() -> String {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<DiffJson>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClaimStatus;

    fn text_of(old: &Brief, new: &Brief, color: bool) -> String {
        let pairs = crate::diff::pair(&[old], &[new]);
        render(&pairs, &[old], &[new], &Options { format: super::super::Format::Text, color, stat: false })
    }

    #[test]
    fn colour_marks_deletions_red_and_insertions_green_and_keeps_the_markers() {
        let old = crate::sample::load().into_valid_briefs().remove(0);
        let mut new = old.clone();
        new.claims[0].status = ClaimStatus::Confirmed;
        new.claims[0].text = format!("{} Now confirmed.", old.claims[0].text).into();
        new.quotes.remove(0);
        let plain = text_of(&old, &new, false);
        assert!(!plain.contains('\x1b'), "{plain}");
        assert!(plain.contains("{+Now confirmed.+}") && plain.contains("status: reported → confirmed"), "{plain}");
        let colour = text_of(&old, &new, true);
        assert!(colour.contains("\x1b[32m{+Now confirmed.+}\x1b[0m"), "{colour}");
        assert!(colour.contains("status: \x1b[31mreported\x1b[0m → \x1b[32mconfirmed\x1b[0m"), "{colour}");
        assert!(colour.contains(&format!("\x1b[31m- {}: ", old.quotes[0].id)), "{colour}");
        let stripped = colour.replace("\x1b[31m", "").replace("\x1b[32m", "").replace("\x1b[0m", "");
        assert_eq!(stripped, plain, "colour only adds colour");
    }
}
