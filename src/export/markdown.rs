//! The document as CommonMark: `#` headings, `>` block quotes, lists, links for sources with an
//! address. Text from the brief is escaped so it reads as written and cannot add formatting,
//! links, HTML or character references of its own.

use super::doc::{Block, Field, Inline, Item, Piece, QuoteBlock};
use crate::text::wrap::GLUE;

pub(crate) fn render(blocks: &[Block]) -> String {
    let mut out: Vec<String> = Vec::new();
    for block in blocks {
        if !out.is_empty() {
            out.push(String::new());
        }
        match block {
            Block::Heading(level, title) => {
                out.push(format!("{} {}", "#".repeat(usize::from((*level).clamp(1, 6))), escape(title)));
            }
            Block::Para(text) => {
                for (n, paragraph) in paragraphs(text).iter().enumerate() {
                    if n > 0 {
                        out.push(String::new());
                    }
                    out.push(escape(paragraph));
                }
            }
            Block::Fields(fields) => {
                for field in fields {
                    field_lines(&mut out, field, "");
                }
            }
            Block::Item(item) => item_lines(&mut out, item),
            Block::Quote(quote) => quote_lines(&mut out, quote, ""),
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// Paragraphs of a text: separated by blank lines, each on one line.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.split('\n').map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// Brief text as Markdown that shows exactly that text: every character with a meaning inside
/// a line is backslash-escaped, and so is a first character that could open a block (a list
/// item, a setext underline, a definition). Line breaks become spaces.
pub(crate) fn escape(text: &str) -> String {
    guard_start(escape_inline(text.trim()))
}

fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '|' | '~' | '$' | '^' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | GLUE => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes a first character that would open a block: `-`, `+`, `=`, `:`, or `1.` / `1)`.
fn guard_start(mut line: String) -> String {
    if line.starts_with(['-', '+', '=', ':']) {
        line.insert(0, '\\');
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        line.insert(digits, '\\');
    }
    line
}

/// Only web and mail addresses become links; anything else (`javascript:`) stays text.
fn linkable(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["https://", "http://", "mailto:"].iter().any(|scheme| lower.starts_with(scheme))
}

/// A link destination: as written when it holds only characters without a meaning there,
/// otherwise in angle brackets (which allow any character but `<`, `>` and a line break) with
/// backslashes, brackets and `&` escaped, so no character reference is decoded.
fn destination(url: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-._~:/?#@!$'*+,;=%".contains(c);
    if !url.is_empty() && url.chars().all(plain) {
        return url.to_string();
    }
    let mut out = String::from("<");
    for c in url.chars() {
        match c {
            '\\' | '<' | '>' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out.push('>');
    out
}

/// An inline at the start of a line (or of a list item), where it must not open a block.
fn inline(inline: &Inline) -> String {
    guard_start(inline_within(inline))
}

/// An inline after other text on its line (`- Label: 0.8`), where a leading `0.` or `-`
/// means nothing and needs no backslash.
fn inline_within(inline: &Inline) -> String {
    let mut out = String::new();
    for piece in &inline.0 {
        match piece {
            Piece::Text(text) => out.push_str(&escape_inline(text)),
            Piece::Link { text, url, .. } if linkable(url) => {
                // Inline, so a part copied on its own keeps its links.
                out.push_str(&format!("[{}]({})", escape_inline(text.trim()), destination(url)));
            }
            Piece::Link { text, url, url_in_text } => {
                out.push_str(&escape_inline(text));
                if *url_in_text {
                    out.push_str(&format!(" ({})", escape_inline(url)));
                }
            }
        }
    }
    out.trim().to_string()
}

fn field_lines(out: &mut Vec<String>, field: &Field, indent: &str) {
    let label = escape(&field.label);
    if field.list {
        out.push(format!("{indent}- {label}:"));
        for value in &field.values {
            out.push(format!("{indent}  - {}", inline(value)));
        }
        return;
    }
    let values: Vec<String> = field.values.iter().map(inline_within).collect();
    out.push(format!("{indent}- {label}: {}", values.join(", ")));
}

fn item_lines(out: &mut Vec<String>, item: &Item) {
    out.push(format!("- **{}**", inline(&item.title)));
    if let Some(body) = &item.body {
        for paragraph in paragraphs(body) {
            out.push(String::new());
            out.push(format!("  {}", escape(&paragraph)));
        }
    }
    if !item.fields.is_empty() {
        out.push(String::new());
        for field in &item.fields {
            field_lines(out, field, "  ");
        }
    }
    if !item.quotes.is_empty() {
        out.push(String::new());
        out.push("  Quotes:".to_string());
    }
    for quote in &item.quotes {
        out.push(String::new());
        quote_lines(out, quote, "  ");
    }
}

fn quote_lines(out: &mut Vec<String>, quote: &QuoteBlock, indent: &str) {
    out.push(format!("{indent}> {}", escape(&quote.text)));
    out.push(format!("{indent}>"));
    out.push(format!("{indent}> {}", inline(&quote.attribution)));
    if !quote.details.is_empty() {
        out.push(String::new());
        for field in &quote.details {
            field_lines(out, field, indent);
        }
    }
}
