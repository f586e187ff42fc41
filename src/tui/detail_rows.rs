//! What the detail pane shows, as rows: the item in full, a quote in the paragraph of its
//! source, then its cross-references grouped by relation and numbered. The view draws the rows
//! in view; moving the cursor scrolls to a reference's row.

use ratatui::text::Line;

use crate::index::Group;
use crate::model::ItemRef;
use crate::text::one_line;
use crate::tui::Action;
use crate::tui::describe;
use crate::tui::keymap::Context;
use crate::tui::state::App;
use crate::tui::theme::Theme;

/// One row of the detail pane.
pub enum DetailRow {
    Text(Line<'static>),
    Blank,
    /// A relation's heading and how many items it holds.
    Heading(&'static str, usize),
    /// Reference `n` (0-based) and the item it points to.
    Reference(usize, ItemRef),
}

/// The rows of the detail pane: the item's text, laid out, then its groups of references,
/// counted rather than listed, so a source cited by 200,000 items costs no more per frame than
/// one cited by two.
pub struct DetailRows<'a> {
    text: Vec<Line<'static>>,
    groups: &'a [Group],
    /// The row each group starts on (its blank row), after the text.
    starts: Vec<usize>,
    /// The first reference number of each group.
    firsts: Vec<usize>,
    len: usize,
}

impl DetailRows<'_> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The row at a place, if there is one.
    pub fn get(&self, row: usize) -> Option<DetailRow> {
        if let Some(line) = self.text.get(row) {
            return Some(DetailRow::Text(line.clone()));
        }
        let g = self.starts.partition_point(|&start| start <= row).checked_sub(1)?;
        let group = &self.groups[g];
        match row - self.starts[g] {
            0 => Some(DetailRow::Blank),
            1 => Some(DetailRow::Heading(group.relation.label(), group.items.len())),
            k => group.items.get(k - 2).map(|&target| DetailRow::Reference(self.firsts[g] + k - 2, target)),
        }
    }

    /// The rows from `from` on.
    pub fn from(&self, from: usize) -> impl Iterator<Item = DetailRow> + '_ {
        (from..self.len).map_while(|row| self.get(row))
    }

    /// The row of reference `n`.
    pub fn reference_row(&self, n: usize) -> Option<usize> {
        let g = self.firsts.partition_point(|&first| first <= n).checked_sub(1)?;
        (n - self.firsts[g] < self.groups[g].items.len()).then(|| self.starts[g] + 2 + n - self.firsts[g])
    }
}

/// The rows of the detail pane at a text width; only the rows in view are drawn.
pub fn detail_rows(app: &App, width: usize) -> DetailRows<'_> {
    let groups = app.detail_groups();
    let mut text = Vec::new();
    if let Some(item) = app.detail_item() {
        let theme = app.theme();
        text = describe::full(app.opened(), item, theme, width);
        text.extend(since_earlier(app, item, theme, width));
        text.extend(in_context(app, item, theme, width));
        text.extend(across_briefs(app, theme, width));
    }
    let (mut starts, mut firsts) = (Vec::with_capacity(groups.len()), Vec::with_capacity(groups.len()));
    let (mut row, mut n) = (text.len(), 0);
    for group in groups {
        starts.push(row);
        firsts.push(n);
        row += 2 + group.items.len();
        n += group.items.len();
    }
    DetailRows { text, groups, starts, firsts, len: row }
}

/// What became of the item since the earlier brief: new, or its changes field by field in the
/// words `brief diff` uses, and how to open the earlier version.
fn since_earlier(app: &App, item: ItemRef, theme: Theme, width: usize) -> Vec<Line<'static>> {
    use crate::diff::ItemState;
    let Some(since) = app.since() else { return Vec::new() };
    let earlier = app.earlier_brief(since);
    let date = crate::library::short_date(&earlier.date);
    let heading = |what: String| Line::styled(what, theme.heading());
    let mut lines = vec![Line::raw("")];
    match since.diff.state(item) {
        ItemState::Unchanged => return Vec::new(),
        ItemState::Added => {
            lines.push(heading(format!("+ new since {date}")));
            return lines;
        }
        ItemState::Renamed { from } => {
            lines.push(heading(format!("~ changed since {date}")));
            let was = format!("id: {} → {}", one_line(earlier.id_of(from)), one_line(app.brief().id_of(item)));
            lines.extend(describe::wrap(&was, width, ratatui::style::Style::new()));
        }
        ItemState::Changed(change) => {
            lines.push(heading(format!("~ changed since {date}")));
            for field in &change.fields {
                for said in crate::export::diff::field_in_words(field).lines() {
                    lines.extend(describe::wrap(said, width, ratatui::style::Style::new()));
                }
            }
        }
    }
    let how = match since.earlier {
        crate::tui::since::Earlier::Open(_) => {
            let (open, back) = (app.key(Context::Detail, Action::OpenEarlier), app.key(Context::Detail, Action::Back));
            format!("{open} opens the earlier version ({back} returns)")
        }
        crate::tui::since::Earlier::Given(_) => "the earlier version is in the --since file".to_string(),
    };
    lines.extend(describe::wrap(&how, width, theme.dim()));
    lines
}

/// For an actor or topic in other briefs too: how many, and the stances over time, brief by
/// brief. `a` opens the whole dossier.
fn across_briefs(app: &App, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let Some((count, stances)) = &app.reading().across else { return Vec::new() };
    let mut lines = vec![Line::raw("")];
    lines.push(Line::from(vec![
        ratatui::text::Span::styled(format!("Across {count} briefs"), theme.heading()),
        ratatui::text::Span::styled(
            format!(" · {} opens the dossier", app.key(Context::Detail, Action::Dossier)),
            theme.dim(),
        ),
    ]));
    for stance in stances {
        lines.extend(describe::wrap_styled(&[(stance, ratatui::style::Style::new())], width));
    }
    lines
}

/// Each paragraph's byte range, from its first line's start to its last line's end:
/// paragraphs are the blocks between blank lines (a line of spaces or no-break spaces is blank).
fn paragraphs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut paragraphs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut offset = 0;
    let mut open = false;
    for line in text.split_inclusive('\n') {
        let content = offset..offset + line.trim_end().len();
        if line.trim().is_empty() {
            open = false;
        } else if let Some(last) = paragraphs.last_mut().filter(|_| open) {
            last.end = content.end;
        } else {
            paragraphs.push(content);
            open = true;
        }
        offset += line.len();
    }
    paragraphs
}

/// Bytes of a source's text shown around a quote, at most, on each side.
const CONTEXT: usize = 400;

/// A quote in the paragraph of its source it comes from, the quoted words underlined. Reported
/// speech is not the speaker's words, so it is not looked for: the paragraph its `at` names is
/// shown instead, when it names one.
fn in_context(app: &App, item: ItemRef, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let Some((source, file)) = app.quoted_source() else { return Vec::new() };
    let quote = &app.brief().quotes[item.index()];
    let text = match app.reading().source_texts.get(&source) {
        Some(Ok(text)) => text,
        Some(Err(why)) => {
            let heading = Line::styled(format!("in context ({})", one_line(file)), theme.heading());
            return vec![Line::raw(""), heading, Line::styled(format!("unavailable: {why}"), theme.dim())];
        }
        None => return Vec::new(),
    };
    if quote.kind == crate::model::QuoteKind::Indirect {
        let cited = quote.at.as_deref().and_then(|at| Some((at, cited_paragraph(text, at)?)));
        let Some((at, paragraph)) = cited else {
            let heading = Line::styled(format!("in context ({})", one_line(file)), theme.heading());
            let why = "reported speech is not matched word for word; `at: para N` shows the paragraph it reports";
            let mut lines = vec![Line::raw(""), heading];
            lines.extend(describe::wrap(why, width, theme.dim()));
            return lines;
        };
        let heading = format!("in context ({}, {}) · reported speech", one_line(file), one_line(at));
        let mut lines = vec![Line::raw(""), Line::styled(heading, theme.heading())];
        lines.extend(describe::wrap_styled(&[(paragraph, ratatui::style::Style::new())], width));
        return lines;
    }
    let heading = Line::styled(format!("in context ({})", one_line(file)), theme.heading());
    let Some(found) = crate::load::locate_quote(text, &quote.text) else {
        return vec![Line::raw(""), heading, Line::styled("the quote is not in this text", theme.dim())];
    };
    // The paragraph around the quote: from the blank line before to the blank line after (a
    // line of spaces is blank too, as `para N` counts them), kept to a few hundred bytes each side.
    let floor = |at: usize| (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let paragraph = paragraphs(text).into_iter().find(|p| p.start <= found.start && found.start < p.end);
    let (start, end) = paragraph.map_or((0, text.len()), |p| (p.start, p.end.max(found.end)));
    let start = start.max(floor(found.start.saturating_sub(CONTEXT)));
    let end = end.min(floor((found.end + CONTEXT).min(text.len())));
    let pieces = [
        (&text[start..found.start], ratatui::style::Style::new()),
        (&text[found.clone()], theme.strong().add_modifier(ratatui::style::Modifier::UNDERLINED)),
        (&text[found.end..end], ratatui::style::Style::new()),
    ];
    let mut lines = vec![Line::raw(""), heading];
    lines.extend(describe::wrap_styled(&pieces, width));
    lines
}

/// The paragraph a locator such as `para 3`, `paragraph 3` or `¶3` names: paragraphs are the
/// text's blocks between blank lines, counted from 1. Long paragraphs are cut to a few hundred
/// bytes.
fn cited_paragraph<'t>(text: &'t str, at: &str) -> Option<&'t str> {
    let at = at.trim().to_lowercase();
    let number = ["paragraph", "para.", "para", "¶"].iter().find_map(|word| at.strip_prefix(word))?;
    let n: usize = number.trim().parse().ok()?;
    let std::ops::Range { start, end } = paragraphs(text).get(n.checked_sub(1)?)?.clone();
    let mut end = end.min(start + 2 * CONTEXT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Some(&text[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_rows_read_as_the_groups_listed_in_full() {
        let brief = crate::sample::load().into_valid_briefs().remove(0);
        let mut app = App::new(vec![crate::tui::Opened::new("sample".into(), brief)]);
        // Every actor, whatever its groups: a row for each text line, then per group a blank,
        // its heading and one row per reference, numbered on through the groups.
        for _ in 0..app.brief().actors.len() {
            let rows = detail_rows(&app, 60);
            let mut listed: Vec<String> = Vec::new();
            let mut n = 0;
            for group in app.detail_groups() {
                listed.push("blank".into());
                listed.push(format!("{} {}", group.relation.label(), group.items.len()));
                for item in &group.items {
                    assert_eq!(rows.reference_row(n), Some(rows.text.len() + listed.len()), "reference {n}");
                    listed.push(format!("{n} {item:?}"));
                    n += 1;
                }
            }
            assert_eq!(rows.reference_row(n), None, "no reference past the last");
            let counted: Vec<String> = rows
                .from(rows.text.len())
                .map(|row| match row {
                    DetailRow::Blank => "blank".into(),
                    DetailRow::Heading(label, count) => format!("{label} {count}"),
                    DetailRow::Reference(n, item) => format!("{n} {item:?}"),
                    DetailRow::Text(line) => panic!("text after the text: {line}"),
                })
                .collect();
            assert_eq!(counted, listed);
            assert_eq!(rows.len(), rows.text.len() + listed.len());
            assert!(rows.get(rows.len()).is_none());
            app.update(crate::tui::Action::Down);
        }
    }

    #[test]
    fn a_line_of_spaces_or_no_break_spaces_parts_paragraphs() {
        let text = "front: matter\n---\n \nfirst line\nsecond\n\u{a0}\u{a0}\nnext\n\n\nlast";
        let parts: Vec<&str> = paragraphs(text).into_iter().map(|p| &text[p]).collect();
        assert_eq!(parts, ["front: matter\n---", "first line\nsecond", "next", "last"]);
        assert_eq!(cited_paragraph(text, "para 2"), Some("first line\nsecond"));
    }
}
