//! What the detail pane shows, as rows: the item in full, a quote in the paragraph of its
//! source, then its cross-references grouped by relation and numbered. The view draws the rows
//! in view; moving the cursor scrolls to a reference's row.

use ratatui::text::Line;

use crate::model::ItemRef;
use crate::text::one_line;
use crate::tui::describe;
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

/// The rows of the detail pane at a text width. References are one row each, so a long list
/// costs one small entry per reference, and only the rows in view are drawn.
pub fn detail_rows(app: &App, width: usize) -> Vec<DetailRow> {
    let Some(item) = app.detail_item() else { return Vec::new() };
    let theme = Theme { color: app.color };
    let mut rows: Vec<DetailRow> =
        describe::full(app.opened(), item, theme, width).into_iter().map(DetailRow::Text).collect();
    rows.extend(in_context(app, item, theme, width).into_iter().map(DetailRow::Text));
    let mut n = 0;
    for group in app.detail_groups() {
        rows.push(DetailRow::Blank);
        rows.push(DetailRow::Heading(group.relation.label(), group.items.len()));
        for target in group.items {
            rows.push(DetailRow::Reference(n, target));
            n += 1;
        }
    }
    rows
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
    // The paragraph around the quote: from the blank line before to the blank line after,
    // kept to a few hundred bytes each side.
    let floor = |at: usize| (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let start = text[..found.start].rfind("\n\n").map_or(0, |i| i + 2).max(floor(found.start.saturating_sub(CONTEXT)));
    let end = text[found.end..]
        .find("\n\n")
        .map_or(text.len(), |i| found.end + i)
        .min(floor((found.end + CONTEXT).min(text.len())));
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
    // Each paragraph's byte range: from its first line's start to its last line's end.
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
    let std::ops::Range { start, end } = paragraphs.get(n.checked_sub(1)?)?.clone();
    let mut end = end.min(start + 2 * CONTEXT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Some(&text[start..end])
}

/// The row of reference `n`.
pub fn reference_row(rows: &[DetailRow], n: usize) -> Option<usize> {
    rows.iter().position(|r| matches!(r, DetailRow::Reference(m, _) if *m == n))
}
