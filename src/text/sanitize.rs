//! Text from a brief is data. Control characters, terminal escape sequences and bidirectional
//! overrides are turned into visible symbols before they reach a terminal or an exported file,
//! so a brief can neither drive the terminal nor reorder what the reader sees.

use std::borrow::Cow;

/// How line breaks inside a value are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Line breaks become spaces: list rows, headers, one-line fields.
    Join,
    /// Line breaks are kept: wrapped paragraphs.
    Keep,
}

/// Whether a character would act on a terminal or on text direction rather than print.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || bidi_name(c).is_some() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The text with every unsafe character replaced by a visible stand-in:
/// C0 controls by their Control Pictures (ESC shows as `␛`), DEL as `␡`, C1 controls as
/// `[U+009B]`, bidi controls by name (`[RLO]`), tabs as a space.
pub fn visible(text: &str, lines: Lines) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut out, c, lines);
    }
    Cow::Owned(out)
}

/// `visible(text, Lines::Join)`: the common case of one line of output.
pub fn one_line(text: &str) -> Cow<'_, str> {
    visible(text, Lines::Join)
}

fn push_visible(out: &mut String, c: char, lines: Lines) {
    match c {
        '\n' | '\u{2028}' | '\u{2029}' => match lines {
            Lines::Keep => out.push('\n'),
            Lines::Join => out.push(' '),
        },
        '\t' => out.push(' '),
        '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
        '\u{7f}' => out.push('\u{2421}'),
        '\u{80}'..='\u{9f}' => out.push_str(&format!("[U+{:04X}]", c as u32)),
        _ => match bidi_name(c) {
            Some(name) => {
                out.push('[');
                out.push_str(name);
                out.push(']');
            }
            None if c.is_control() => out.push_str(&format!("[U+{:04X}]", c as u32)),
            None => out.push(c),
        },
    }
}

/// The explicit directional formatting characters of Unicode's bidi algorithm.
fn bidi_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{061C}' => "ALM",
        '\u{200E}' => "LRM",
        '\u{200F}' => "RLM",
        '\u{202A}' => "LRE",
        '\u{202B}' => "RLE",
        '\u{202C}' => "PDF",
        '\u{202D}' => "LRO",
        '\u{202E}' => "RLO",
        '\u{2066}' => "LRI",
        '\u{2067}' => "RLI",
        '\u{2068}' => "FSI",
        '\u{2069}' => "PDI",
        _ => return None,
    })
}

/// Makes serialized JSON safe to print: serde_json escapes C0 controls but passes C1 controls
/// and bidi overrides through, so those are written as `\uXXXX` escapes. Such characters can
/// only occur inside JSON strings, where the escape means the same character: the data is
/// unchanged for any JSON reader.
pub fn json_escape_unsafe(json: String) -> String {
    if !json.chars().any(is_unsafe) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_untouched() {
        let text = "Lavrov: “We can’t fail to respond.” 東京 🙂";
        assert!(matches!(visible(text, Lines::Join), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible() {
        let shown = one_line("\u{1b}[31mred\u{1b}]0;title\u{7}\u{9b}2J");
        assert_eq!(shown, "␛[31mred␛]0;title␇[U+009B]2J");
        assert!(!shown.chars().any(is_unsafe));
    }

    #[test]
    fn bidi_overrides_are_named() {
        assert_eq!(one_line("abc\u{202E}fed\u{202C}"), "abc[RLO]fed[PDF]");
        assert_eq!(one_line("\u{2066}x\u{2069}"), "[LRI]x[PDI]");
    }

    #[test]
    fn json_keeps_its_meaning_but_not_the_raw_characters() {
        let json = serde_json::to_string(&serde_json::json!({"t": "a\u{202E}b\u{9b}c\u{1b}"})).unwrap();
        let safe = json_escape_unsafe(json);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["t"], "a\u{202E}b\u{9b}c\u{1b}");
    }

    #[test]
    fn line_breaks_join_or_stay() {
        assert_eq!(visible("a\nb\r\nc\td", Lines::Join), "a b␍ c d");
        assert_eq!(visible("a\nb\u{8}", Lines::Keep), "a\nb␈");
        assert_eq!(one_line("x\u{7f}"), "x␡");
    }
}
