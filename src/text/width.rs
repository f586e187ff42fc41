//! Width in terminal cells, never bytes or chars: CJK and most emoji take two cells.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// How many terminal cells the text takes on one line.
pub fn cells(text: &str) -> usize {
    text.width()
}

/// Whether a character is one cell and a grapheme of its own next to ASCII or any other such
/// character: printable ASCII, and Latin, Cyrillic, punctuation, arrows and box drawing, which
/// hold no combining, joining or wide characters. Text made only of these can be laid out a
/// character at a time, without the cost of finding graphemes.
pub fn is_plain_cell(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{a0}'..='\u{ac}'
        | '\u{ae}'..='\u{2ff}'
        | '\u{400}'..='\u{482}'
        | '\u{48a}'..='\u{52f}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{2190}'..='\u{21ff}'
        | '\u{2500}'..='\u{25fc}'
    )
}

/// The longest prefix that fits in `max` cells, cut between graphemes, with `…` when cut.
pub fn truncate_to_cells(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if cells(text) <= max {
        return std::borrow::Cow::Borrowed(text);
    }
    if max == 0 {
        return std::borrow::Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w > max - 1 {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    out.push('…');
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_cell_is_one_cell_and_one_grapheme_beside_any_other() {
        let plain: Vec<char> = (0..=0x2fff_u32).filter_map(char::from_u32).filter(|&c| is_plain_cell(c)).collect();
        assert!(plain.len() > 1000);
        // Neighbours that could join a grapheme: ASCII, a sample of the plain set, and
        // characters that combine or join (which are never plain).
        let mut neighbours: Vec<char> = plain.iter().copied().step_by(7).collect();
        neighbours.extend(['a', ' ', '\u{301}', '\u{200d}', '\u{fe0f}', '\u{20e3}', '\u{600}', 'ा', '\u{1f1fa}']);
        for &c in &plain {
            assert_eq!(cells(c.encode_utf8(&mut [0; 4])), 1, "{c:?}");
            for &n in &neighbours {
                let plain_pair = is_plain_cell(n);
                for pair in [format!("{c}{n}"), format!("{n}{c}")] {
                    let graphemes = pair.graphemes(true).count();
                    assert!(!plain_pair || graphemes == 2, "{pair:?} is {graphemes} grapheme(s)");
                }
            }
        }
        for c in ['\u{ad}', '\u{300}', '\u{483}', '\u{200d}', '\u{2028}', '東', '🙂', '\u{7f}', '\t'] {
            assert!(!is_plain_cell(c), "{c:?}");
        }
    }

    #[test]
    fn wide_characters_take_two_cells() {
        assert_eq!(cells("abc"), 3);
        assert_eq!(cells("東京"), 4);
        assert_eq!(cells("🙂"), 2);
    }

    #[test]
    fn truncation_counts_cells_and_marks_the_cut() {
        assert_eq!(truncate_to_cells("Vladimir Putin", 20), "Vladimir Putin");
        assert_eq!(truncate_to_cells("Vladimir Putin", 6), "Vladi…");
        assert_eq!(truncate_to_cells("東京都庁", 5), "東京…");
        assert_eq!(cells(&truncate_to_cells("東京都庁", 4)), 3);
        assert_eq!(truncate_to_cells("abc", 0), "");
        assert_eq!(truncate_to_cells("abc", 1), "…");
    }
}
