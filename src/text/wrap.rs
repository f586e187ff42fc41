//! Wrapping in terminal cells, for the reader and the exports alike. textwrap's own `wrap`
//! measures a word as the sum of its characters' widths, which differs from [`text::cells`] for
//! some emoji sequences (`❤️` is one cell by the sum and two on screen); here every fragment is
//! measured with `cells`, and textwrap's optimal-fit algorithm lays them out, so a line that
//! fits by the count fits on screen.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};
use unicode_segmentation::UnicodeSegmentation;

use crate::text;

/// A space that does not break a line: the layouts put it between the words of a short unit
/// (`2 Dec 2021`, `(Al Jazeera, para 19)`), and it comes out as a plain space. Brief text never
/// holds it: [`text::visible`] shows every C0 control as a symbol.
pub const GLUE: char = '\u{1f}';

/// Cells on screen, the glue counting as the space it becomes.
fn cells(text: &str) -> usize {
    if text.contains(GLUE) { text::cells(&text.replace(GLUE, " ")) } else { text::cells(text) }
}

/// A word (where it starts in its line) and the spaces after it.
#[derive(Debug)]
struct Piece<'a> {
    start: usize,
    word: &'a str,
    width: usize,
    spaces: usize,
}

impl Fragment for Piece<'_> {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        self.spaces as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Splits one line at spaces, and with `hyphens` after the hyphens inside words too; a word
/// wider than `max` is cut between graphemes.
fn pieces(line: &str, max: usize, hyphens: bool) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut at = line.len() - line.trim_start_matches(' ').len();
    while at < line.len() {
        let rest = &line[at..];
        let end = rest.find(' ').unwrap_or(rest.len());
        let word = &rest[..end];
        let after = &rest[end..];
        let spaces = after.len() - after.trim_start_matches(' ').len();
        if cells(word) > max && word.contains(GLUE) {
            // A glued unit that cannot fit on any line breaks at its spaces after all.
            let mut offset = 0;
            let parts: Vec<(usize, &str)> = word
                .split(GLUE)
                .map(|part| {
                    let start = offset;
                    offset += part.len() + GLUE.len_utf8();
                    (start, part)
                })
                .filter(|(_, part)| !part.is_empty())
                .collect();
            for (n, &(start, part)) in parts.iter().enumerate() {
                push_word(&mut out, at + start, part, if n + 1 == parts.len() { spaces } else { 1 }, max);
            }
        } else if hyphens && word.trim_matches('-').contains('-') {
            let mut start = 0;
            for (i, _) in word.match_indices('-').filter(|&(i, _)| i > 0 && i + 1 < word.len()) {
                push_word(&mut out, at + start, &word[start..=i], 0, max);
                start = i + 1;
            }
            push_word(&mut out, at + start, &word[start..], spaces, max);
        } else {
            push_word(&mut out, at, word, spaces, max);
        }
        at += end + spaces;
    }
    out
}

/// Adds a word starting at `at`, cut into pieces that fit when it is wider than `max`, the
/// spaces after the last piece.
fn push_word<'a>(out: &mut Vec<Piece<'a>>, at: usize, word: &'a str, spaces: usize, max: usize) {
    let width = cells(word);
    if width <= max {
        out.push(Piece { start: at, word, width, spaces });
        return;
    }
    let mut start = 0;
    let mut used = 0;
    for (offset, grapheme) in word.grapheme_indices(true) {
        let w = cells(grapheme);
        if used + w > max && used > 0 {
            out.push(Piece { start: at + start, word: &word[start..offset], width: used, spaces: 0 });
            start = offset;
            used = 0;
        }
        used += w;
    }
    out.push(Piece { start: at + start, word: &word[start..], width: used, spaces });
}

/// Where to break one line (no `\n` in it) to fit `first` cells on its first line and `rest` on
/// the others: each line's byte range in `line`, without the spaces between lines. Lines are
/// balanced (textwrap's optimal fit), as a paragraph reads best.
pub fn line_ranges(line: &str, first: usize, rest: usize) -> Vec<std::ops::Range<usize>> {
    lay(line, first, rest, true)
}

/// [`wrap`] into as few lines as it takes, each filled in turn, breaking after hyphens too: for
/// headings with little room.
pub fn fewest_lines(text: &str, width: usize) -> Vec<String> {
    lay(text, width, width, false).into_iter().map(|range| text[range].replace(GLUE, " ")).collect()
}

/// `balanced`: lines of even length (a paragraph); else as few lines as it takes (a heading).
fn lay(line: &str, first: usize, rest: usize, balanced: bool) -> Vec<std::ops::Range<usize>> {
    let (first, rest) = (first.max(1), rest.max(1));
    let pieces = pieces(line, first.min(rest), !balanced);
    let widths = [first as f64, rest as f64];
    let fits = |laid: &[&[Piece]]| {
        laid.iter().enumerate().all(|(i, l)| {
            let w: usize = l.iter().map(|p| p.width + p.spaces).sum::<usize>() - l.last().map_or(0, |p| p.spaces);
            w <= if i == 0 { first } else { rest }
        })
    };
    let laid = match wrap_optimal_fit(&pieces, &widths, &Penalties::new()) {
        Ok(laid) if balanced && fits(&laid) => laid,
        _ => wrap_first_fit(&pieces, &widths),
    };
    laid.iter().filter_map(|group| Some(group.first()?.start..group.last().map(|p| p.start + p.word.len())?)).collect()
}

/// Wraps `text` to `width` cells (0: no wrapping). The first line starts with `first`, every
/// other line (including those after a line break in the text) with `rest`. Lines end without
/// trailing spaces; an empty line in the text stays empty.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        let indent = if n == 0 { first } else { rest };
        if width == 0 {
            lines.push(format!("{indent}{line}").replace(GLUE, " ").trim_end().to_string());
            continue;
        }
        let first_width = width.saturating_sub(text::cells(indent));
        let rest_width = width.saturating_sub(text::cells(rest));
        let ranges = line_ranges(line, first_width, rest_width);
        if ranges.is_empty() {
            lines.push(indent.trim_end().to_string());
        }
        for (i, range) in ranges.into_iter().enumerate() {
            let indent = if i == 0 { indent } else { rest };
            lines.push(format!("{indent}{}", &line[range]).replace(GLUE, " ").trim_end().to_string());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_with_a_hanging_indent() {
        let lines = wrap("one two three four five six", 12, "- ", "  ");
        assert_eq!(lines, ["- one two", "  three four", "  five six"]);
    }

    #[test]
    fn long_words_and_wide_characters_are_cut_to_fit() {
        let lines = wrap("東京東京東京東京東京 abcdefghijklmnop", 10, "", "");
        for line in &lines {
            assert!(text::cells(line) <= 10, "{line:?} in {lines:?}");
        }
        assert_eq!(lines.concat(), "東京東京東京東京東京abcdefghijklmnop");
    }

    #[test]
    fn emoji_sequences_are_measured_as_shown() {
        let heart = "❤\u{fe0f}";
        assert_eq!(text::cells(heart), 2);
        let many = [heart; 12].join(" ");
        for line in wrap(&many, 20, "", "") {
            assert!(text::cells(&line) <= 20, "{line}");
        }
    }

    #[test]
    fn glued_words_stay_on_one_line() {
        let glued = format!("a long line ending (Al{GLUE}Jazeera,{GLUE}para{GLUE}21)");
        assert_eq!(wrap(&glued, 30, "", ""), ["a long line ending", "(Al Jazeera, para 21)"]);
    }

    #[test]
    fn a_glued_unit_too_wide_for_any_line_breaks_at_its_spaces() {
        let glued = format!("x (Al{GLUE}Jazeera,{GLUE}para{GLUE}19)");
        assert_eq!(wrap(&glued, 12, "", ""), ["x (Al", "Jazeera,", "para 19)"]);
        for line in wrap(&glued, 12, "", "") {
            assert_eq!(line, line.trim_end(), "no trailing space");
        }
    }

    #[test]
    fn headings_take_as_few_lines_as_they_can_breaking_after_hyphens() {
        assert_eq!(
            fewest_lines("Russia's military build-up near Ukraine", 16),
            ["Russia's", "military build-", "up near Ukraine"]
        );
        assert_eq!(fewest_lines("-x- build-", 6), ["-x-", "build-"], "no break at a hyphen that starts or ends a word");
    }

    #[test]
    fn zero_width_keeps_lines_and_indents() {
        assert_eq!(wrap("a b\nc", 0, "> ", "  "), ["> a b", "  c"]);
        assert_eq!(wrap("a\n\nb", 5, "", ""), ["a", "", "b"]);
    }
}
