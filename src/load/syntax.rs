//! YAML syntax errors said as what to change. The parser's words ("did not find expected '-'
//! indicator") name its state, not the author's mistake, and its position is often the line
//! after or before the mistake; so the mistake is found in the text, and the parser's words
//! are kept in a note.

use super::diagnostic::{Code, Diagnostic};
use crate::model::Span;

/// A syntax error the parser reported as `said` at a line and column (1-based, in characters).
pub(crate) fn explain(said: &str, at: Option<(u32, u32)>, text: &str) -> Diagnostic {
    let said = said.trim();
    let explained = at.and_then(|(line, column)| {
        let lines = Lines::of(text);
        let place = Place { line, column, lines: &lines };
        find_mistake(said, &place)
    });
    match explained {
        Some(diagnostic) => diagnostic.note(format!("the YAML parser said: {said}")),
        None => Diagnostic::new(
            Code::YamlSyntax,
            at.map(|(line, column)| Lines::of(text).point(line, column, 1)),
            format!("YAML syntax: {said}"),
        )
        .label("the YAML parser stopped here")
        .help(
            "check the indentation and the brackets and quotes opened above this point; text holding `: ` or ` #` needs quotes",
        ),
    }
}

/// Where the parser stopped, in the file's lines.
struct Place<'a> {
    line: u32,
    column: u32,
    lines: &'a Lines<'a>,
}

impl Place<'_> {
    fn text(&self) -> &str {
        self.lines.get(self.line).unwrap_or("")
    }

    /// The character the parser points at.
    fn char(&self) -> Option<char> {
        self.text().chars().nth(self.column.saturating_sub(1) as usize)
    }
}

fn find_mistake(said: &str, at: &Place) -> Option<Diagnostic> {
    if said.contains("tab") {
        return tab(at.lines, at.line);
    }
    if said.contains("unclosed quote") {
        return unclosed_quote(at);
    }
    if said.contains("unclosed bracket") {
        return unclosed_bracket(at.lines, at.line, at.column);
    }
    if said.contains("unknown escape character") {
        return unknown_escape(at);
    }
    if said.contains("misplaced bracket") {
        let bracket = at.char().filter(|c| matches!(c, ']' | '}'))?;
        return Some(
            mistake(at.lines.point(at.line, at.column, 1), format!("a `{bracket}` that closes nothing"))
                .label("nothing opened here")
                .help("remove it, or put the whole text in quotes"),
        );
    }
    if said.contains("illegal placement of ':'") || said.contains("flow") {
        // The parser stops where the list should have ended, often a line later.
        let (line, column) = open_bracket_before(at.lines, at.line, at.column)?;
        return unclosed_bracket(at.lines, line, column);
    }
    if said.contains("trailing content after") {
        return text_after_quote(at);
    }
    if let Some(found) = reserved_start(at) {
        return Some(found);
    }
    if said.contains("mapping values are not allowed") {
        return colon(at);
    }
    if said.contains("did not find expected") {
        return text_after_list(at).or_else(|| indentation(at.lines, at.line));
    }
    if said.contains("simple key expected ':'") {
        return missing_colon(at);
    }
    None
}

fn mistake(span: Span, message: String) -> Diagnostic {
    Diagnostic::new(Code::YamlSyntax, span, message)
}

/// A tab in a line's indentation, from `line` on (the parser names the line before it).
fn tab(lines: &Lines, line: u32) -> Option<Diagnostic> {
    let (line, column) = (line.max(1)..=lines.count()).find_map(|number| {
        let text = lines.get(number)?;
        let indentation = text.len() - text.trim_start_matches([' ', '\t']).len();
        let tab = text[..indentation].find('\t')?;
        Some((number, text[..tab].chars().count() as u32 + 1))
    })?;
    Some(
        mistake(lines.point(line, column, 1), "YAML indents with spaces, not tabs".to_string())
            .label("a tab")
            .help("replace the tab with spaces, lined up with the lines above"),
    )
}

fn unclosed_quote(at: &Place) -> Option<Diagnostic> {
    let quote = at.char().filter(|c| matches!(c, '"' | '\''))?;
    let inside = if quote == '"' { "`\\\"`" } else { "twice, `''`" };
    Some(
        mistake(
            at.lines.point(at.line, at.column, 1),
            format!("the `{quote}` here opens a quote that is never closed"),
        )
        .label("opened here")
        .help(format!("end the text with `{quote}`; a `{quote}` inside the text is written {inside}")),
    )
}

fn unclosed_bracket(lines: &Lines, line: u32, column: u32) -> Option<Diagnostic> {
    let text = lines.get(line)?;
    let bracket = text.chars().nth(column.saturating_sub(1) as usize).filter(|c| matches!(c, '[' | '{'))?;
    let (what, close, example) =
        if bracket == '[' { ("list", ']', "`[first, second]`") } else { ("mapping", '}', "`{key: value}`") };
    Some(
        mistake(lines.point(line, column, 1), format!("the `{bracket}` here opens a {what} that is never closed"))
            .label("opened here")
            .help(format!("close it with `{close}` on the same line: {example}")),
    )
}

/// The last `[` or `{` before a place that is not closed before it, outside quotes.
fn open_bracket_before(lines: &Lines, line: u32, column: u32) -> Option<(u32, u32)> {
    let mut open: Vec<(u32, u32)> = Vec::new();
    for number in 1..=line {
        let text = lines.get(number)?;
        let mut quote = None;
        for (index, c) in text.chars().enumerate() {
            let here = index as u32 + 1;
            if number == line && here >= column {
                break;
            }
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '#') if index == 0 || text[..text.char_indices().nth(index)?.0].ends_with(' ') => break,
                (None, '"' | '\'') => quote = Some(c),
                (None, '[' | '{') => open.push((number, here)),
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
        }
    }
    open.pop()
}

/// A backslash in double quotes followed by a letter YAML has no escape for (`"C:\sources"`).
fn unknown_escape(at: &Place) -> Option<Diagnostic> {
    let text = at.text();
    let from = text.char_indices().nth(at.column.saturating_sub(1) as usize).map_or(0, |(i, _)| i);
    let mut chars = text[from..].char_indices().skip(1);
    while let Some((index, c)) = chars.next() {
        match c {
            '"' => return None,
            '\\' => {
                let (_, escaped) = chars.next()?;
                if !"0abt\tnvfre \"/\\N_LPxuU".contains(escaped) {
                    let column = text[..from + index].chars().count() as u32 + 1;
                    return Some(
                        mistake(
                            at.lines.point(at.line, column, 1 + escaped.len_utf8() as u32),
                            format!("`\\{escaped}` is not an escape in double-quoted text"),
                        )
                        .label("a backslash starts an escape here")
                        .help("write a backslash as `\\\\`, or put the text in single quotes, where `\\` is just `\\`"),
                    );
                }
            }
            _ => {}
        }
    }
    None
}

/// `key: value` split at its first `: `, with the value's column.
fn key_and_value(text: &str) -> Option<(&str, &str, u32)> {
    let start = text.len() - text.trim_start_matches([' ', '-']).len();
    let colon = text[start..].find(": ").map(|i| start + i)?;
    let value_at = colon + 2 + (text[colon + 2..].len() - text[colon + 2..].trim_start().len());
    Some((&text[start..colon], text[value_at..].trim_end(), text[..value_at].chars().count() as u32 + 1))
}

/// Text after a quoted value's closing quote: `text: "The toll is "fair" and …"`.
fn text_after_quote(at: &Place) -> Option<Diagnostic> {
    let (key, value, _) = key_and_value(at.text())?;
    // The outer quotes are the author's delimiters when the text ends with one too.
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let inner = value.strip_prefix(quote).and_then(|v| v.strip_suffix(quote)).unwrap_or(value);
    let quoted = if quote == '"' { format!("'{}'", inner.replace('\'', "''")) } else { double_quoted(inner) };
    let help = if value.starts_with('"') {
        format!("a `\"` inside quoted text is written `\\\"`; or quote the whole text with `'`: `{key}: {quoted}`")
    } else {
        format!(
            "a `'` inside single-quoted text is written twice, `''`; or quote the whole text with `\"`: `{key}: {quoted}`"
        )
    };
    Some(
        mistake(at.lines.point(at.line, at.column, 1), "text goes on after its closing quote".to_string())
            .label("after the closing quote")
            .help(help),
    )
}

/// A plain value starting with a character YAML reserves: `text: @union says …`.
fn reserved_start(at: &Place) -> Option<Diagnostic> {
    let text = at.text();
    let (key, value, column) = key_and_value(text)?;
    let first = value.chars().next()?;
    let reserved =
        matches!(first, '@' | '`' | '%' | '*' | '&' | '!' | '|' | '>') || (first == '-' && value[1..].starts_with(' '));
    if column != at.column || !reserved {
        return None;
    }
    // A backquote cannot stand inside backquotes.
    let shown = if first == '`' { "a backquote".to_string() } else { format!("`{first}`") };
    Some(
        mistake(at.lines.point(at.line, column, 1), format!("text cannot start with {shown} unless it is in quotes"))
            .label(format!("YAML reads {shown} here as syntax"))
            .help(format!("put the text in quotes: `{key}: {}`", double_quoted(value))),
    )
}

/// A value that starts as a flow list or mapping and goes on after it: `text: [sic] the toll`.
fn text_after_list(at: &Place) -> Option<Diagnostic> {
    let (key, value, column) = key_and_value(at.text())?;
    let bracket = value.chars().next().filter(|c| matches!(c, '[' | '{'))?;
    if at.column <= column {
        return None;
    }
    let (what, close) = if bracket == '[' { ("list", ']') } else { ("mapping", '}') };
    Some(
        mistake(
            at.lines.point(at.line, column, 1),
            format!("a value starting with `{bracket}` is a {what}, and text follows its `{close}`"),
        )
        .label(format!("a {what} starts here"))
        .help(format!(
            "for text that starts with `{bracket}`, put it all in quotes: `{key}: {}`",
            double_quoted(value)
        )),
    )
}

/// `: ` in a value: either the key of a line indented too far (the parser read the line as
/// the text above going on), or a colon inside unquoted text.
fn colon(at: &Place) -> Option<Diagnostic> {
    let text = at.text();
    let indent = text.len() - text.trim_start().len();
    let key_colon = text[indent..].find(':').map(|i| text[..indent + i].chars().count() as u32 + 1);
    if key_colon == Some(at.column) {
        return indentation(at.lines, at.line);
    }
    let (key, value, _) = key_and_value(text)?;
    Some(
        mistake(at.lines.point(at.line, at.column, 1), "a `: ` inside text that is not in quotes".to_string())
            .label("YAML reads this as the start of a field")
            .help(format!("put the text in quotes: `{key}: {}`", double_quoted(value))),
    )
}

/// A line not lined up with its neighbours: a field of an item, or an item of a list.
fn indentation(lines: &Lines, line: u32) -> Option<Diagnostic> {
    let text = lines.get(line)?;
    let indent = text.len() - text.trim_start_matches(' ').len();
    if text[indent..].starts_with('\t') {
        return tab(lines, line);
    }
    let rest = &text[indent..];
    if rest.starts_with("- ") || rest == "-" {
        let (sibling, sibling_text) = (1..line)
            .rev()
            .filter_map(|n| Some((n, lines.get(n)?)))
            .find(|(_, t)| t.trim_start_matches(' ').starts_with("- "))?;
        let sibling_indent = sibling_text.len() - sibling_text.trim_start_matches(' ').len();
        let direction = match indent.cmp(&sibling_indent) {
            std::cmp::Ordering::Less => "less",
            std::cmp::Ordering::Greater => "more",
            std::cmp::Ordering::Equal => return None,
        };
        return Some(
            mistake(
                lines.point(line, indent as u32 + 1, 1),
                format!("this item's `-` is indented {direction} than the `-` on line {sibling}"),
            )
            .label(indented(indent))
            .help(format!(
                "the items of a list line up: {} the `-` {}, like the item on line {sibling}",
                if sibling_indent == 0 { "write" } else { "indent" },
                by(sibling_indent)
            )),
        );
    }
    let (above, above_text) = (1..line).rev().filter_map(|n| Some((n, lines.get(n)?))).find(|(_, t)| {
        let t = t.trim_start();
        !t.is_empty() && !t.starts_with('#')
    })?;
    let above_indent = above_text.len() - above_text.trim_start_matches([' ', '-']).len();
    let direction = match indent.cmp(&above_indent) {
        std::cmp::Ordering::Less => "less",
        std::cmp::Ordering::Greater => "more",
        std::cmp::Ordering::Equal => return None,
    };
    let name = |t: &str| {
        let t = t.trim_start_matches([' ', '-']);
        t.find(':').map(|colon| format!("`{}:`", &t[..colon]))
    };
    let this = name(text)?;
    let span = lines.point(line, indent as u32 + 1, this.len() as u32 - 3);
    // An item's first field where its `-` should be: the item lost its `- `.
    let dash_above = (1..line)
        .rev()
        .filter_map(|n| lines.get(n))
        .find(|t| t.trim_start_matches(' ').starts_with("- "))
        .map(|t| t.len() - t.trim_start_matches(' ').len());
    if direction == "less" && dash_above == Some(indent) {
        return Some(
            mistake(span, format!("a new item starts with `- `, but {this} has none"))
                .label("the next item starts here")
                .help(format!(
                    "write `- {}`, and indent the item's other fields to line up with {this}",
                    rest.trim_end()
                )),
        );
    }
    let other = name(above_text).unwrap_or_else(|| "the line".to_string());
    let otherwise = if direction == "less" {
        "a new item starts with `- `"
    } else {
        "if it goes on with the text above, put that text in quotes"
    };
    Some(mistake(span, format!("{this} is indented {direction} than {other} above")).label(indented(indent)).help(
        format!(
            "fields that belong together line up: {} {this} {}, like {other} on line {above}; {otherwise}",
            if above_indent == 0 { "write" } else { "indent" },
            by(above_indent)
        ),
    ))
}

/// `indented 3 spaces`, for a label.
fn indented(spaces: usize) -> String {
    match spaces {
        0 => "not indented".to_string(),
        1 => "indented 1 space".to_string(),
        n => format!("indented {n} spaces"),
    }
}

/// `by 4 spaces`, after "indent …"; after "write …" for none.
fn by(spaces: usize) -> String {
    match spaces {
        0 => "at the start of the line".to_string(),
        1 => "by 1 space".to_string(),
        n => format!("by {n} spaces"),
    }
}

/// A field name on a line of its own without its `:` (`actors` above its list).
fn missing_colon(at: &Place) -> Option<Diagnostic> {
    let text = at.text();
    let word = text.trim();
    if word.is_empty() || word.contains([' ', ':', '#', '-']) {
        return None;
    }
    let indent = text.len() - text.trim_start().len();
    Some(
        mistake(
            at.lines.point(at.line, indent as u32 + 1, word.len() as u32),
            format!("`{word}` needs a `:` after it"),
        )
        .label("no `:`")
        .help(format!("write `{word}:`; a field is `name: value`, or `name:` with its list or text indented below")),
    )
}

fn double_quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The file's lines, by number, with where each starts.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn of(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { text, starts }
    }

    fn count(&self) -> u32 {
        self.starts.len() as u32
    }

    /// A line's text without its line end.
    fn get(&self, line: u32) -> Option<&'a str> {
        let start = *self.starts.get(line.checked_sub(1)? as usize)?;
        let end = self.starts.get(line as usize).map_or(self.text.len(), |next| next - 1);
        Some(self.text[start..end].trim_end_matches('\r'))
    }

    /// A span of `len` bytes at a line and (character) column.
    fn point(&self, line: u32, column: u32, len: u32) -> Span {
        let start = line.checked_sub(1).and_then(|i| self.starts.get(i as usize)).copied().unwrap_or(0);
        let text = self.get(line).unwrap_or("");
        let within = text.char_indices().nth(column.saturating_sub(1) as usize).map_or(text.len(), |(i, _)| i);
        let len = (len as usize).min(text.len() - within);
        Span { line, column, offset: (start + within) as u32, len: len as u32 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(text: &str, said: &str, line: u32, column: u32) -> Diagnostic {
        explain(said, Some((line, column)), text)
    }

    #[test]
    fn a_tab_is_found_on_its_own_line_not_the_line_the_parser_names() {
        let text = "actors:\n  - id: a\n \t name: A\n";
        let found = explained(text, "while scanning a plain scalar, found a tab", 2, 9);
        assert_eq!(found.message, "YAML indents with spaces, not tabs");
        assert_eq!(found.span.map(|s| (s.line, s.column, s.offset)), Some((3, 2, 19)));
        assert_eq!(found.note.as_deref(), Some("the YAML parser said: while scanning a plain scalar, found a tab"));
    }

    #[test]
    fn a_tab_inside_quoted_or_block_text_is_not_the_mistake() {
        // The tab is text; the mistake is the unclosed list below it.
        let text = "summary: |\n  a\tb\nactors: [a,\n";
        let found = explained(text, "unclosed bracket '['", 3, 9);
        assert_eq!(found.message, "the `[` here opens a list that is never closed");
    }

    #[test]
    fn an_unclosed_list_is_found_above_where_the_parser_stopped() {
        let text = "a:\n  mentions: [x, \"]\", y\n  text: t\n";
        assert_eq!(open_bracket_before(&Lines::of(text), 3, 7), Some((2, 13)));
        assert_eq!(open_bracket_before(&Lines::of("a: [x] # [\nb: c\n"), 2, 2), None);
    }

    #[test]
    fn a_colon_in_text_is_told_from_a_key_indented_too_far() {
        let colon_in_text = "quotes:\n  - id: q\n    text: My answer: no\n";
        let found = explained(colon_in_text, "mapping values are not allowed in this context", 3, 20);
        assert_eq!(found.message, "a `: ` inside text that is not in quotes");
        assert_eq!(found.help.as_deref(), Some("put the text in quotes: `text: \"My answer: no\"`"));
        let indented = "actors:\n  - id: a\n    name: A\n     role: R\n";
        let found = explained(indented, "mapping values are not allowed in this context", 4, 10);
        assert_eq!(found.message, "`role:` is indented more than `name:` above");
    }

    #[test]
    fn an_unknown_message_keeps_the_parsers_words() {
        let found = explained("a: b\n", "something new", 1, 1);
        assert_eq!(found.message, "YAML syntax: something new");
        assert_eq!(found.note, None);
    }
}
