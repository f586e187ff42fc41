//! Wrapping in terminal cells. textwrap's own `wrap` measures a word as the sum of its
//! characters' widths, which differs from [`text::cells`] for some emoji sequences (`❤️` is
//! one cell by the sum and two on screen); here every fragment is measured with `cells`, and
//! textwrap's optimal-fit algorithm lays them out, so a line that fits by the count fits on
//! screen.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};
use unicode_segmentation::UnicodeSegmentation;

use crate::text;

/// A space that does not break a line: the layouts put it between the words of a short unit
/// (`2 Dec 2021`, `(Al Jazeera, para 19)`), and it comes out as a plain space. Brief text never
/// holds it: [`text::visible`] shows every C0 control as a symbol.
pub(crate) const GLUE: char = '\u{1f}';

/// Cells on screen, the glue counting as the space it becomes.
fn cells(text: &str) -> usize {
    if text.contains(GLUE) { text::cells(&text.replace(GLUE, " ")) } else { text::cells(text) }
}

/// A word and the spaces after it.
#[derive(Debug)]
struct Piece<'a> {
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

/// Splits one line at spaces; a word wider than `max` is cut between graphemes.
fn pieces(line: &str, max: usize) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = line.trim_start_matches(' ');
    while !rest.is_empty() {
        let end = rest.find(' ').unwrap_or(rest.len());
        let word = &rest[..end];
        let after = &rest[end..];
        let spaces = after.len() - after.trim_start_matches(' ').len();
        rest = &after[spaces..];
        if cells(word) > max && word.contains(GLUE) {
            // A glued unit that cannot fit on any line breaks at its spaces after all.
            let parts: Vec<&str> = word.split(GLUE).filter(|p| !p.is_empty()).collect();
            for (n, part) in parts.iter().enumerate() {
                push_word(&mut out, part, if n + 1 == parts.len() { spaces } else { 1 }, max);
            }
        } else {
            push_word(&mut out, word, spaces, max);
        }
    }
    out
}

/// Adds a word, cut into pieces that fit when it is wider than `max`, the spaces after the
/// last piece.
fn push_word<'a>(out: &mut Vec<Piece<'a>>, word: &'a str, spaces: usize, max: usize) {
    let width = cells(word);
    if width <= max {
        out.push(Piece { word, width, spaces });
        return;
    }
    let mut start = 0;
    let mut used = 0;
    for (at, grapheme) in word.grapheme_indices(true) {
        let w = cells(grapheme);
        if used + w > max && used > 0 {
            out.push(Piece { word: &word[start..at], width: used, spaces: 0 });
            start = at;
            used = 0;
        }
        used += w;
    }
    out.push(Piece { word: &word[start..], width: used, spaces });
}

/// Wraps `text` to `width` cells (0: no wrapping). The first line starts with `first`, every
/// other line (including those after a line break in the text) with `rest`. Lines end without
/// trailing spaces; an empty line in the text stays empty.
pub(crate) fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        let indent = if n == 0 { first } else { rest };
        if width == 0 {
            lines.push(format!("{indent}{line}").replace(GLUE, " ").trim_end().to_string());
            continue;
        }
        let first_width = width.saturating_sub(text::cells(indent)).max(1);
        let rest_width = width.saturating_sub(text::cells(rest)).max(1);
        let pieces = pieces(line, first_width.min(rest_width));
        if pieces.is_empty() {
            lines.push(indent.trim_end().to_string());
            continue;
        }
        let widths = [first_width as f64, rest_width as f64];
        let fits = |laid: &[&[Piece]]| {
            laid.iter().enumerate().all(|(i, l)| {
                let w: usize = l.iter().map(|p| p.width + p.spaces).sum::<usize>() - l.last().map_or(0, |p| p.spaces);
                w <= if i == 0 { first_width } else { rest_width }
            })
        };
        let laid = match wrap_optimal_fit(&pieces, &widths, &Penalties::new()) {
            Ok(laid) if fits(&laid) => laid,
            _ => wrap_first_fit(&pieces, &widths),
        };
        for (i, group) in laid.iter().enumerate() {
            let mut out = String::from(if i == 0 { indent } else { rest });
            for (j, piece) in group.iter().enumerate() {
                out.push_str(piece.word);
                if j + 1 < group.len() {
                    out.extend(std::iter::repeat_n(' ', piece.spaces));
                }
            }
            lines.push(out.replace(GLUE, " ").trim_end().to_string());
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
    fn zero_width_keeps_lines_and_indents() {
        assert_eq!(wrap("a b\nc", 0, "> ", "  "), ["> a b", "  c"]);
        assert_eq!(wrap("a\n\nb", 5, "", ""), ["a", "", "b"]);
    }
}
