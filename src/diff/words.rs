//! Text compared word by word, as `git diff --word-diff` shows it: the words kept, the words
//! deleted and the words inserted, each stretch of changed words deleted first, then inserted.
//! Words are what whitespace separates; the whitespace itself is not compared, so a text whose
//! words are all the same has no change to show (its spacing changed).

use serde::Serialize;
use similar::{Algorithm, DiffTag};

/// A run of words of a text, as written (with the spacing inside the run), without the
/// whitespace around it: the runs of a text read as one when joined with spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Words {
    /// In both texts.
    Same(String),
    /// Only in the old text.
    Deleted(String),
    /// Only in the new text.
    Inserted(String),
}

impl Words {
    pub fn text(&self) -> &str {
        match self {
            Words::Same(text) | Words::Deleted(text) | Words::Inserted(text) => text,
        }
    }
}

/// Past this many changed words on the two sides together (after the words both texts begin
/// and end with), the middle is shown deleted and inserted whole: Myers' algorithm takes time
/// in proportion to the words times the changes, and two long texts with nothing in common
/// would take seconds to compare word by word.
const MAX_WORDS: usize = 4_000;

/// Where each word of a text lies in it.
fn word_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(from)) => {
                ranges.push(from..at);
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(from) = start {
        ranges.push(from..text.len());
    }
    ranges
}

/// The words of `old` and `new`, kept, deleted and inserted, in reading order.
pub fn diff(old: &str, new: &str) -> Vec<Words> {
    let (old_at, new_at) = (word_ranges(old), word_ranges(new));
    let old_words: Vec<&str> = old_at.iter().map(|r| &old[r.clone()]).collect();
    let new_words: Vec<&str> = new_at.iter().map(|r| &new[r.clone()]).collect();
    let prefix = old_words.iter().zip(&new_words).take_while(|(a, b)| a == b).count();
    let suffix =
        old_words[prefix..].iter().rev().zip(new_words[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    let (old_middle, new_middle) =
        (&old_words[prefix..old_words.len() - suffix], &new_words[prefix..new_words.len() - suffix]);

    // Each step: its kind and its words' places in the old and the new text.
    let mut steps: Vec<(DiffTag, std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
    steps.push((DiffTag::Equal, 0..prefix, 0..prefix));
    if old_middle.len() + new_middle.len() > MAX_WORDS {
        steps.push((DiffTag::Replace, prefix..prefix + old_middle.len(), prefix..prefix + new_middle.len()));
    } else {
        for op in similar::capture_diff_slices(Algorithm::Myers, old_middle, new_middle) {
            let (tag, o, n) = op.as_tag_tuple();
            steps.push((tag, o.start + prefix..o.end + prefix, n.start + prefix..n.end + prefix));
        }
    }
    let (old_end, new_end) = (old_words.len(), new_words.len());
    steps.push((DiffTag::Equal, old_end - suffix..old_end, new_end - suffix..new_end));

    // The text of words `range` of a text, with the spacing between them as written.
    let span = |text: &str, at: &[std::ops::Range<usize>], range: std::ops::Range<usize>| {
        text[at[range.start].start..at[range.end - 1].end].to_string()
    };
    let mut out = Vec::new();
    // A stretch of changes: the first and last word deleted, and inserted.
    let mut deleted: Option<std::ops::Range<usize>> = None;
    let mut inserted: Option<std::ops::Range<usize>> = None;
    let flush = |out: &mut Vec<Words>, deleted: &mut Option<_>, inserted: &mut Option<_>| {
        if let Some(range) = deleted.take() {
            out.push(Words::Deleted(span(old, &old_at, range)));
        }
        if let Some(range) = inserted.take() {
            out.push(Words::Inserted(span(new, &new_at, range)));
        }
    };
    let widen = |stretch: &mut Option<std::ops::Range<usize>>, range: std::ops::Range<usize>| {
        if !range.is_empty() {
            *stretch = Some(match stretch.take() {
                Some(so_far) => so_far.start..range.end,
                None => range,
            });
        }
    };
    for (tag, o, n) in steps {
        match tag {
            DiffTag::Equal if n.is_empty() => {}
            DiffTag::Equal => {
                flush(&mut out, &mut deleted, &mut inserted);
                match out.last_mut() {
                    // The end of a text that changed nowhere in the middle.
                    Some(Words::Same(before)) => {
                        before.push(' ');
                        before.push_str(&span(new, &new_at, n));
                    }
                    _ => out.push(Words::Same(span(new, &new_at, n))),
                }
            }
            DiffTag::Delete | DiffTag::Insert | DiffTag::Replace => {
                widen(&mut deleted, o);
                widen(&mut inserted, n);
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

/// Whether the words kept make at least half of the longer text: a text rewritten further
/// reads better as the old text and the new than as a few common words (`the`, `and`) between
/// long deletions and insertions.
pub fn mostly_kept(words: &[Words], old: &str, new: &str) -> bool {
    let kept: usize =
        words.iter().filter(|w| matches!(w, Words::Same(_))).map(|w| w.text().split_whitespace().count()).sum();
    kept * 2 >= old.split_whitespace().count().max(new.split_whitespace().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diff as `git diff --word-diff` writes it.
    fn marked(old: &str, new: &str) -> String {
        diff(old, new)
            .iter()
            .map(|w| match w {
                Words::Same(t) => t.clone(),
                Words::Deleted(t) => format!("[-{t}-]"),
                Words::Inserted(t) => format!("{{+{t}+}}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_changed_word_is_deleted_then_inserted() {
        assert_eq!(
            marked(
                "Russia has about 70,000 troops near the border.",
                "Russia has roughly 70,000 troops near the border."
            ),
            "Russia has [-about-] {+roughly+} 70,000 troops near the border."
        );
    }

    #[test]
    fn neighbouring_changes_make_one_stretch() {
        assert_eq!(marked("the big dog barks", "a small cat barks"), "[-the big dog-] {+a small cat+} barks");
        assert_eq!(marked("one two", "one two three four"), "one two {+three four+}");
        assert_eq!(marked("zero one two", "one two"), "[-zero-] one two");
    }

    #[test]
    fn spacing_is_not_a_change_and_is_kept_inside_runs() {
        assert_eq!(diff("a  b\nc", "a b c"), [Words::Same("a b c".into())]);
        assert_eq!(
            diff("x  y z", "x  y w"),
            [Words::Same("x  y".into()), Words::Deleted("z".into()), Words::Inserted("w".into())]
        );
    }

    #[test]
    fn empty_and_identical_texts() {
        assert!(diff("", "").is_empty());
        assert_eq!(diff("", "new words"), [Words::Inserted("new words".into())]);
        assert_eq!(diff("old words", " "), [Words::Deleted("old words".into())]);
        assert_eq!(diff("same", "same"), [Words::Same("same".into())]);
    }

    #[test]
    fn the_runs_rebuild_both_texts() {
        let (old, new) = ("a b c d e f g", "a x c d y z g h");
        let runs = diff(old, new);
        let side =
            |keep: fn(&Words) -> bool| runs.iter().filter(|w| keep(w)).map(Words::text).collect::<Vec<_>>().join(" ");
        assert_eq!(side(|w| !matches!(w, Words::Inserted(_))), old);
        assert_eq!(side(|w| !matches!(w, Words::Deleted(_))), new);
    }

    #[test]
    fn huge_texts_with_nothing_in_common_are_replaced_whole_and_fast() {
        let old: String = (0..20_000).map(|i| format!("o{i} ")).collect();
        let new: String = (0..20_000).map(|i| format!("n{i} ")).collect();
        let started = std::time::Instant::now();
        let runs = diff(&format!("same {old} end"), &format!("same {new} end"));
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        assert_eq!(runs.len(), 4, "kept, deleted, inserted, kept");
        assert_eq!(runs[0], Words::Same("same".into()));
        assert_eq!(runs[3], Words::Same("end".into()));
    }

    #[test]
    fn a_text_mostly_kept_is_worth_a_word_diff() {
        let kept = |old, new| mostly_kept(&diff(old, new), old, new);
        assert!(kept("para 12", "para 14"));
        assert!(kept("Russia has about 70,000 troops.", "Russia has roughly 70,000 troops."));
        assert!(!kept("PUBLIC", "SECRET"));
        assert!(!kept(
            "Biden warns Putin of penalties over Ukraine",
            "After the call, Biden rules out troops in Ukraine"
        ));
    }
}
