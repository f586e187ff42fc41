//! The document as plain text: wrapped to a width in terminal cells, headings underlined,
//! quotes as indented blocks. Source addresses stand on lines of their own and are never
//! broken, so they stay clickable; every other line fits the width.

use super::doc::{Block, Field, Inline, Item, Piece, QuoteBlock};
use crate::text;
use crate::text::wrap::wrap;

/// Where a block starts: items at the margin, quotes indented.
const QUOTE_INDENT: &str = "    ";
const DETAIL_INDENT: &str = "      ";

pub(crate) fn render(blocks: &[Block], width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        // The title, the line under it and the sources read as one header.
        let in_header = match (i.checked_sub(1).map(|p| &blocks[p]), i.checked_sub(2).map(|p| &blocks[p])) {
            (Some(Block::Heading(1, _)), _) => true,
            (Some(Block::Para(_)), Some(Block::Heading(1, _))) => matches!(block, Block::Fields(_)),
            _ => false,
        };
        if i > 0 && !in_header {
            lines.push(String::new());
        }
        match block {
            Block::Heading(level, title) => heading(&mut lines, *level, title, width),
            Block::Para(text) => lines.extend(wrap(text, width, "", "")),
            Block::Fields(fields) => {
                for field in fields {
                    field_lines(&mut lines, field, "", width);
                }
            }
            Block::Item(item) => item_lines(&mut lines, item, width),
            Block::Quote(quote) => quote_lines(&mut lines, quote, QUOTE_INDENT, width),
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

fn heading(lines: &mut Vec<String>, level: u8, title: &str, width: usize) {
    if level >= 3 {
        lines.extend(wrap(&format!("{title}:"), width, "", ""));
        return;
    }
    let wrapped = wrap(title, width, "", "");
    let longest = wrapped.iter().map(|l| text::cells(l)).max().unwrap_or(0).max(1);
    lines.extend(wrapped);
    let rule = if level == 1 { "=" } else { "-" };
    lines.push(rule.repeat(if width == 0 { longest } else { longest.min(width) }));
}

/// The words of an inline, and the addresses to show after it.
fn flatten(inline: &Inline) -> (String, Vec<&str>) {
    let urls = inline
        .0
        .iter()
        .filter_map(|p| match p {
            Piece::Link { url, url_in_text: true, .. } => Some(url.as_str()),
            _ => None,
        })
        .collect();
    (inline.plain(), urls)
}

fn push_wrapped(lines: &mut Vec<String>, inline: &Inline, width: usize, first: &str, rest: &str) {
    let (words, urls) = flatten(inline);
    lines.extend(wrap(&words, width, first, rest));
    for url in urls {
        lines.push(format!("{rest}{url}"));
    }
}

fn field_lines(lines: &mut Vec<String>, field: &Field, indent: &str, width: usize) {
    let hanging = format!("{indent}  ");
    if field.list {
        lines.extend(wrap(&format!("{}:", field.label), width, indent, &hanging));
        let bullet = format!("{hanging}- ");
        let under = format!("{hanging}  ");
        for value in &field.values {
            push_wrapped(lines, value, width, &bullet, &under);
        }
        return;
    }
    let mut inline = Inline::text(format!("{}: ", field.label));
    for (n, value) in field.values.iter().enumerate() {
        if n > 0 {
            inline.0.push(Piece::Text(", ".into()));
        }
        inline.0.extend(value.0.iter().cloned());
    }
    push_wrapped(lines, &inline, width, indent, &hanging);
}

fn item_lines(lines: &mut Vec<String>, item: &Item, width: usize) {
    push_wrapped(lines, &item.title, width, "- ", "  ");
    if let Some(body) = &item.body {
        lines.extend(wrap(body, width, "  ", "  "));
    }
    for field in &item.fields {
        field_lines(lines, field, "  ", width);
    }
    if !item.quotes.is_empty() {
        lines.extend(wrap("Quotes:", width, "  ", "  "));
    }
    for (n, quote) in item.quotes.iter().enumerate() {
        if n > 0 {
            lines.push(String::new());
        }
        quote_lines(lines, quote, QUOTE_INDENT, width);
    }
}

fn quote_lines(lines: &mut Vec<String>, quote: &QuoteBlock, indent: &str, width: usize) {
    lines.extend(wrap(&quote.text, width, indent, indent));
    push_wrapped(lines, &quote.attribution, width, indent, DETAIL_INDENT);
    for field in &quote.details {
        field_lines(lines, field, DETAIL_INDENT, width);
    }
}
