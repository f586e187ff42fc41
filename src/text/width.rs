//! Width in terminal cells, never bytes or chars: CJK and most emoji take two cells.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// How many terminal cells the text takes on one line.
pub fn cells(text: &str) -> usize {
    text.width()
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
