//! Direct and partial quotes checked against the plain-text copy of their source.

use std::collections::HashMap;
use std::path::Path;

use super::diagnostic::{Code, Diagnostic};
use crate::model::{Brief, QuoteKind};

/// Folds what the format says to ignore: runs of whitespace become one space, typographic
/// quote marks become their ASCII forms.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            other => other,
        });
    }
    out
}

/// Checks every direct or partial quote citing a source that has a `file`.
pub(crate) fn check(brief: &Brief, base_dir: &Path, problems: &mut Vec<Diagnostic>) {
    let mut texts: HashMap<&str, Option<(String, String)>> = HashMap::new();
    for source in &brief.sources {
        let Some(file) = &source.file else { continue };
        let path = base_dir.join(file);
        let text = match super::read_capped(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Some(normalise(&text)),
                Err(_) => {
                    problems.push(unreadable(source, file, "it is not UTF-8 text"));
                    None
                }
            },
            Err(why) => {
                problems.push(unreadable(source, file, &why));
                None
            }
        };
        texts.insert(source.id.as_str(), text.map(|t| (file.clone(), t)));
    }
    if texts.is_empty() {
        return;
    }
    for quote in &brief.quotes {
        if quote.kind == QuoteKind::Indirect {
            continue;
        }
        let Some(source) = &quote.source else { continue };
        let Some(Some((file, text))) = texts.get(source.id.as_str()) else { continue };
        let wanted = normalise(&quote.text);
        if text.contains(&wanted) {
            continue;
        }
        let words: Vec<&str> = wanted.split(' ').collect();
        let found = longest_found_prefix(text, &words);
        let help = if found == 0 {
            format!("copy the words exactly as {file} has them, or mark the quote `kind: indirect`")
        } else {
            format!(
                "{file} has the first {found} of its {} words; it differs from \"{}\" on",
                words.len(),
                words[found..].iter().take(6).copied().collect::<Vec<_>>().join(" ")
            )
        };
        problems.push(
            Diagnostic::new(
                Code::QuoteNotInSource,
                quote.span,
                format!("quote '{}' does not occur in {file}, the text of source '{}'", quote.id, source.id),
            )
            .label(format!("a {} quote must be verbatim", quote.kind))
            .help(help),
        );
    }
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

fn unreadable(source: &crate::model::Source, file: &str, why: &str) -> Diagnostic {
    Diagnostic::new(
        Code::SourceFileUnreadable,
        source.span,
        format!("cannot read '{file}', the text of source '{}': {why}", source.id),
    )
    .label("its quotes cannot be checked")
    .help("`file` is a path relative to the brief's folder; fix the path or remove `file`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_curly_quotes_fold() {
        assert_eq!(normalise("  “We can’t\n   fail”  "), "\"We can't fail\"");
    }

    #[test]
    fn prefix_search_finds_where_a_quote_drifts() {
        let text = normalise("We are encouraging Russia to return to diplomatic avenues");
        let words = ["We", "are", "encouraging", "Moscow", "to"];
        assert_eq!(longest_found_prefix(&text, &words), 3);
    }
}
