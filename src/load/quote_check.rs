//! Direct and partial quotes checked against the plain-text copy of their source.

use std::collections::HashMap;
use std::path::Path;

use super::FieldSpans;
use super::diagnostic::{Code, Diagnostic, with_article};
use crate::model::{Brief, ItemRef, QuoteKind, Section, Vocabulary};

/// Folds what the format says to ignore: runs of whitespace become one space, typographic
/// quote marks become their ASCII forms.
pub fn normalise(text: &str) -> String {
    normalise_mapped(text, |_, _| {})
}

/// `normalise`, telling `at` the byte offset in `text` of each character it writes.
fn normalise_mapped(text: &str, mut at: impl FnMut(usize, char)) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space: Option<usize> = None;
    for (offset, c) in text.char_indices() {
        if c.is_whitespace() {
            if !out.is_empty() && pending_space.is_none() {
                pending_space = Some(offset);
            }
            continue;
        }
        if let Some(space) = pending_space.take() {
            at(space, ' ');
            out.push(' ');
        }
        let folded = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            other => other,
        };
        at(offset, folded);
        out.push(folded);
    }
    out
}

/// Where a quote occurs in a source's text, as a byte range of the text as written
/// (whitespace and typographic quote marks folded as for the check).
pub fn locate(source: &str, quote: &str) -> Option<std::ops::Range<usize>> {
    let mut offsets: Vec<usize> = Vec::with_capacity(source.len());
    let folded = normalise_mapped(source, |offset, c| offsets.extend(std::iter::repeat_n(offset, c.len_utf8())));
    let wanted = normalise(quote);
    if wanted.is_empty() {
        return None;
    }
    let start = folded.find(&wanted)?;
    let end = start + wanted.len();
    let last = offsets[end - 1];
    let last_len = source[last..].chars().next().map_or(0, char::len_utf8);
    Some(offsets[start]..last + last_len)
}

/// Checks every direct or partial quote citing a source that has a `file`.
pub(crate) fn check(brief: &Brief, base_dir: &Path, spans: &FieldSpans, problems: &mut Vec<Diagnostic>) {
    let mut texts: HashMap<&str, Option<(String, String)>> = HashMap::new();
    for (i, source) in brief.sources.iter().enumerate() {
        let Some(file) = &source.file else { continue };
        let at = spans.get(ItemRef::new(Section::Sources, i), "file").unwrap_or(source.span);
        if Path::new(&**file).is_absolute() {
            problems.push(
                unreadable(source, file, "the path is absolute", at).help(
                    "`file` is a path relative to the brief's folder, so the brief and its sources move together",
                ),
            );
            texts.insert(&*source.id, None);
            continue;
        }
        let text = match source_text(base_dir, file) {
            Ok(text) => Some(normalise(&text)),
            Err(why) => {
                problems.push(unreadable(source, file, &why, at));
                None
            }
        };
        texts.insert(&*source.id, text.map(|t| (file.to_string(), t)));
    }
    if texts.is_empty() {
        return;
    }
    for (i, quote) in brief.quotes.iter().enumerate() {
        if quote.kind == QuoteKind::Indirect {
            continue;
        }
        let Some(source) = &quote.source else { continue };
        let Some(Some((file, text))) = texts.get(&*source.id) else { continue };
        let wanted = normalise(&quote.text);
        if text.contains(&wanted) {
            continue;
        }
        let words: Vec<&str> = wanted.split(' ').collect();
        let found = longest_found_prefix(text, &words);
        let help = if found < 3 {
            format!("copy the words exactly as {file} has them, or mark the quote `kind: indirect`")
        } else {
            let rest = &words[found..];
            let more = if rest.len() > 6 { " …" } else { "" };
            format!(
                "{file} has \"{}\" but not what follows: \"{}{more}\"",
                words[..found].join(" "),
                rest[..rest.len().min(6)].join(" ")
            )
        };
        let at = spans.get(ItemRef::new(Section::Quotes, i), "text").unwrap_or(quote.span);
        problems.push(
            Diagnostic::new(
                Code::QuoteNotInSource,
                at,
                format!("quote '{}' does not occur in {file}, the text of source '{}'", quote.id, source.id),
            )
            .label(format!("{} quote must be verbatim", with_article(quote.kind.as_str())))
            .help(help),
        );
    }
}

/// The text of a source's `file`, relative to the brief's folder; the error says why not.
pub fn source_text(base_dir: &Path, file: &str) -> Result<String, String> {
    if Path::new(file).is_absolute() {
        return Err("the path is absolute".into());
    }
    let bytes = super::read_capped(&base_dir.join(file))?;
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())
}

/// How many leading words of the quote the source holds in a row.
fn longest_found_prefix(text: &str, words: &[&str]) -> usize {
    let (mut found, mut missing) = (0, words.len());
    while found + 1 < missing {
        let mid = (found + missing) / 2;
        if text.contains(&words[..mid].join(" ")) { found = mid } else { missing = mid }
    }
    found
}

fn unreadable(source: &crate::model::Source, file: &str, why: &str, at: crate::model::Span) -> Diagnostic {
    let help = if why.contains("absolute") {
        "`file` is a path relative to the brief's folder, so the brief and its sources move together"
    } else {
        "`file` is a path relative to the brief's folder; fix the path or remove `file`"
    };
    Diagnostic::new(
        Code::SourceFileUnreadable,
        at,
        format!("cannot read '{file}', the text of source '{}': {why}", source.id),
    )
    .label("its quotes cannot be checked")
    .help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_curly_quotes_fold() {
        assert_eq!(normalise("  “We can’t\n   fail”  "), "\"We can't fail\"");
    }

    #[test]
    fn a_quote_is_located_in_the_text_as_written() {
        let source = "He said:  “We can’t\n   fail to respond,” and left.";
        let range = locate(source, "We can't fail to respond").unwrap();
        assert_eq!(&source[range], "We can’t\n   fail to respond");
        assert_eq!(locate(source, "not there"), None);
    }

    #[test]
    fn prefix_search_finds_where_a_quote_drifts() {
        let text = normalise("We are encouraging Russia to return to diplomatic avenues");
        let words = ["We", "are", "encouraging", "Moscow", "to"];
        assert_eq!(longest_found_prefix(&text, &words), 3);
    }
}
