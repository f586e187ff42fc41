//! A pane's border with its title and footer.
//!
//! ratatui's `Block` first restyles every cell it covers; with a block round every pane that was
//! a pass over the whole screen each frame, a tenth of a key's time, for cells the reset screen
//! already has in the plain style.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border::PLAIN;
use ratatui::text::Line;

use super::put;

/// Draws a border round `rect` in `style`, `title` at its top left and `footer` at its bottom
/// right, and gives the area inside. A title or footer too long for the border ends in `…`.
pub(crate) fn bordered(buffer: &mut Buffer, rect: Rect, style: Style, title: &Line, footer: Option<&Line>) -> Rect {
    let rect = rect.intersection(buffer.area);
    if rect.is_empty() {
        return Rect::new(rect.x, rect.y, 0, 0);
    }
    let (left, top, right, bottom) = (rect.left(), rect.top(), rect.right() - 1, rect.bottom() - 1);
    let mut set = |x: u16, y: u16, symbol: &str| {
        buffer[(x, y)].set_symbol(symbol).set_style(style);
    };
    for x in left..=right {
        set(x, top, PLAIN.horizontal_top);
        set(x, bottom, PLAIN.horizontal_bottom);
    }
    for y in top..=bottom {
        set(left, y, PLAIN.vertical_left);
        set(right, y, PLAIN.vertical_right);
    }
    // In this order, a border one cell wide or high still shows its first corner.
    set(right, bottom, PLAIN.bottom_right);
    set(right, top, PLAIN.top_right);
    set(left, bottom, PLAIN.bottom_left);
    set(left, top, PLAIN.top_left);

    let between = |y: u16| Rect::new(left + 1, y, rect.width.saturating_sub(2), 1);
    put(buffer, between(top), top, title);
    if let Some(footer) = footer {
        let room = between(bottom);
        let width = (footer.width() as u16).min(room.width);
        put(buffer, Rect { x: room.right() - width, width, ..room }, bottom, footer);
    }
    Rect::new(left + 1, top + 1, rect.width.saturating_sub(2), rect.height.saturating_sub(2)).intersection(Rect::new(
        left,
        top,
        rect.width,
        rect.height,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(width: u16, height: u16, title: &str, footer: Option<&str>) -> (Vec<String>, Rect) {
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
        let footer = footer.map(Line::raw);
        let area = buffer.area;
        let inner = bordered(&mut buffer, area, Style::new(), &Line::raw(title), footer.as_ref());
        let rows =
            (0..height).map(|y| (0..width).map(|x| buffer[(x, y)].symbol().to_string()).collect::<String>()).collect();
        (rows, inner)
    }

    #[test]
    fn a_border_holds_its_title_top_left_and_its_footer_bottom_right() {
        let (rows, inner) = drawn(12, 4, " Actors ", Some(" 1/9 "));
        assert_eq!(rows, ["┌ Actors ──┐", "│          │", "│          │", "└───── 1/9 ┘"]);
        assert_eq!(inner, Rect::new(1, 1, 10, 2));
    }

    #[test]
    fn a_title_too_long_for_the_border_ends_in_an_ellipsis() {
        let (rows, _) = drawn(8, 3, " Positions ", Some(" 12/100 "));
        assert_eq!(rows, ["┌ Posi…┐", "│      │", "└ 12/1…┘"]);
    }

    #[test]
    fn a_border_one_cell_wide_or_high_shows_its_corners_and_leaves_no_inside() {
        assert_eq!(drawn(1, 3, "t", None).0, ["┌", "│", "└"]);
        assert_eq!(drawn(4, 1, "t", None).0, ["┌t─┐"]);
        assert_eq!(drawn(1, 1, "t", None).0, ["┌"]);
        for (w, h) in [(1, 3), (4, 1), (1, 1), (2, 2)] {
            let inner = drawn(w, h, "t", None).1;
            assert!(inner.is_empty(), "{w}x{h} has no inside: {inner:?}");
        }
    }
}
