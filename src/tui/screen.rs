//! What the terminal shows, and how the next frame gets there: a frame is drawn into a buffer,
//! compared with the one shown row by row, and only the cells that changed are written, as
//! escape sequences, into one piece of output.
//!
//! ratatui's `Terminal` does the same, but measures the width of every cell of the screen before
//! comparing it and formats each escape sequence through `fmt`: together half of a key's time on
//! the sample. Here an unchanged row is one pass of comparisons that look at colours before
//! symbols, a cell is measured only when it is not plain, and escape sequences are written
//! straight into the output.

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use crate::text::{cells, is_plain_cell};

/// The frame on the terminal and the one being drawn.
pub struct Screen {
    shown: Buffer,
    next: Buffer,
}

impl Screen {
    /// A screen of `width` × `height` cells, taken to be blank.
    pub fn new(width: u16, height: u16) -> Screen {
        let area = Rect::new(0, 0, width, height);
        Screen { shown: Buffer::empty(area), next: Buffer::empty(area) }
    }

    pub fn size(&self) -> (u16, u16) {
        (self.shown.area.width, self.shown.area.height)
    }

    /// Takes a new size, and the terminal to be blank: the caller has cleared it.
    pub fn clear_at(&mut self, width: u16, height: u16) {
        *self = Screen::new(width, height);
    }

    /// Draws a frame with `render` and appends to `out` what turns the frame shown into it.
    pub fn draw(&mut self, render: impl FnOnce(&mut Buffer), out: &mut Vec<u8>) {
        self.next.reset();
        render(&mut self.next);
        changes(&self.shown, &self.next, out);
        std::mem::swap(&mut self.shown, &mut self.next);
    }
}

/// The style a cell is written in.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    fn of(cell: &Cell) -> Pen {
        Pen { fg: cell.fg, bg: cell.bg, underline: cell.underline_color, modifier: cell.modifier }
    }

    const PLAIN: Pen = Pen { fg: Color::Reset, bg: Color::Reset, underline: Color::Reset, modifier: Modifier::empty() };
}

/// The cells a cell's symbol takes: plain text is one, and the measure is taken only for the rest.
fn width_of(cell: &Cell) -> u16 {
    let symbol = cell.symbol();
    if symbol.len() == 1 {
        return 1;
    }
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if is_plain_cell(c) => 1,
        _ => (cells(symbol) as u16).max(1),
    }
}

/// Whether two cells look the same: `Cell`'s own comparison decodes both symbols before
/// anything else, and was most of the time a frame spent here.
fn same(a: &Cell, b: &Cell) -> bool {
    if a.fg != b.fg || a.bg != b.bg || a.modifier != b.modifier || a.underline_color != b.underline_color {
        return false;
    }
    let (a, b) = (a.symbol().as_bytes(), b.symbol().as_bytes());
    match (a, b) {
        // Most cells hold one byte: compared as bytes, without a call to compare slices.
        ([a], [b]) => a == b,
        _ => a == b,
    }
}

/// Appends to `out` the escape sequences and text that turn `shown` into `next` on a terminal
/// showing `shown`. Both have the same area.
fn changes(shown: &Buffer, next: &Buffer, out: &mut Vec<u8>) {
    let width = next.area.width as usize;
    if width == 0 {
        return;
    }
    // Where the terminal's cursor is, and its pen; unknown until the first cell is written.
    let mut cursor: Option<(u16, u16)> = None;
    let mut pen: Option<Pen> = None;
    let rows = next.content.chunks(width).zip(shown.content.chunks(width));
    for (y, (row, was)) in (0u16..).zip(rows) {
        if row.iter().zip(was).all(|(cell, before)| same(cell, before)) {
            continue;
        }
        let mut x = 0;
        // Cells a wide character covered in the frame shown: written again, whatever they hold,
        // since writing over part of a wide character blanks the rest of it in the pen of the
        // moment.
        let mut uncovered_until = 0;
        while x < width {
            let (cell, before) = (&row[x], &was[x]);
            let cell_width = width_of(cell);
            if !same(cell, before) || x < uncovered_until {
                let at = (x as u16, y);
                if cursor != Some(at) {
                    move_to(out, at);
                }
                let wanted = Pen::of(cell);
                if pen != Some(wanted) {
                    set_pen(out, wanted);
                    pen = Some(wanted);
                }
                let symbol = cell.symbol();
                out.extend_from_slice(if symbol.is_empty() { b" " } else { symbol.as_bytes() });
                cursor = Some((at.0 + cell_width, y));
                let overwritten = x..(x + cell_width as usize).min(width);
                uncovered_until = overwritten.map(|i| i + width_of(&was[i]) as usize).fold(uncovered_until, usize::max);
            }
            // The cells a wide character covers are not written: they would overwrite it.
            x += cell_width as usize;
        }
    }
    if pen.is_some_and(|pen| pen != Pen::PLAIN) {
        out.extend_from_slice(b"\x1b[0m");
    }
}

fn move_to(out: &mut Vec<u8>, (x, y): (u16, u16)) {
    out.extend_from_slice(b"\x1b[");
    number(out, u32::from(y) + 1);
    out.push(b';');
    number(out, u32::from(x) + 1);
    out.push(b'H');
}

/// Sets every part of the pen at once, from the terminal's defaults.
fn set_pen(out: &mut Vec<u8>, pen: Pen) {
    out.extend_from_slice(b"\x1b[0");
    for (flag, code) in [
        (Modifier::BOLD, b'1'),
        (Modifier::DIM, b'2'),
        (Modifier::ITALIC, b'3'),
        (Modifier::UNDERLINED, b'4'),
        (Modifier::SLOW_BLINK, b'5'),
        (Modifier::RAPID_BLINK, b'6'),
        (Modifier::REVERSED, b'7'),
        (Modifier::HIDDEN, b'8'),
        (Modifier::CROSSED_OUT, b'9'),
    ] {
        if pen.modifier.contains(flag) {
            out.extend_from_slice(&[b';', code]);
        }
    }
    colour(out, pen.fg, 30);
    colour(out, pen.bg, 40);
    colour(out, pen.underline, 50);
    out.push(b'm');
}

/// A colour's SGR parameters, after `base`: 30 for the foreground, 40 for the background, 50
/// for underlines (which have no short codes for the sixteen colours of the palette).
fn colour(out: &mut Vec<u8>, colour: Color, base: u32) {
    let palette = match colour {
        Color::Reset => return,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(n) => u32::from(n) + 256,
        Color::Rgb(r, g, b) => {
            out.push(b';');
            number(out, base + 8);
            for part in [2, r.into(), g.into(), b.into()] {
                out.push(b';');
                number(out, part);
            }
            return;
        }
    };
    out.push(b';');
    match palette {
        0..8 if base != 50 => number(out, base + palette),
        8..16 if base != 50 => number(out, base + 60 + palette - 8),
        _ => {
            number(out, base + 8);
            out.extend_from_slice(b";5;");
            number(out, palette % 256);
        }
    }
}

/// Writes a number in decimal.
fn number(out: &mut Vec<u8>, n: u32) {
    if n >= 10 {
        number(out, n / 10);
    }
    out.push(b'0' + (n % 10) as u8);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::Rng;
    use ratatui::style::Style;

    const TEXTS: [&str; 8] = ["plain words", "日本語", "café", "cafe\u{301}", "┌─┐│", "ёлка", "a日b本", "  "];
    const COLOURS: [Color; 6] =
        [Color::Reset, Color::Red, Color::LightCyan, Color::Indexed(208), Color::Rgb(1, 2, 3), Color::Gray];
    const MODIFIERS: [Modifier; 4] = [Modifier::empty(), Modifier::BOLD, Modifier::REVERSED, Modifier::UNDERLINED];

    /// A frame of random texts in random styles, written as the views write them.
    fn random_frame(dice: &mut Rng, buffer: &mut Buffer) {
        let area = buffer.area;
        for _ in 0..dice.below(12) {
            let (x, y) = (dice.below(area.width as usize) as u16, dice.below(area.height as usize) as u16);
            let style = Style::new()
                .fg(COLOURS[dice.below(COLOURS.len())])
                .bg(COLOURS[dice.below(COLOURS.len())])
                .add_modifier(MODIFIERS[dice.below(MODIFIERS.len())]);
            let room = (area.width - x) as usize;
            buffer.set_stringn(x, y, TEXTS[dice.below(TEXTS.len())], room, style);
        }
    }

    fn expected_colour(colour: Color) -> vt100::Color {
        match colour {
            Color::Reset => vt100::Color::Default,
            Color::Red => vt100::Color::Idx(1),
            Color::Gray => vt100::Color::Idx(7),
            Color::LightCyan => vt100::Color::Idx(14),
            Color::Indexed(n) => vt100::Color::Idx(n),
            Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
            other => unreachable!("not drawn by these tests: {other:?}"),
        }
    }

    /// Every cell the terminal shows, as the buffer holds it: the text, colours and modifiers.
    fn assert_terminal_shows(parser: &vt100::Parser, buffer: &Buffer, frame: usize) {
        let screen = parser.screen();
        let area = buffer.area;
        for y in 0..area.height {
            let mut x = 0;
            while x < area.width {
                let cell = &buffer[(x, y)];
                let shown = screen.cell(y, x).expect("inside the screen");
                let contents = if shown.contents().is_empty() { " ".to_string() } else { shown.contents().to_string() };
                let at = format!("frame {frame}, cell {x},{y}");
                assert_eq!(contents, cell.symbol(), "{at}");
                assert_eq!(shown.fgcolor(), expected_colour(cell.fg), "{at}");
                assert_eq!(shown.bgcolor(), expected_colour(cell.bg), "{at}");
                assert_eq!(shown.bold(), cell.modifier.contains(Modifier::BOLD), "{at}");
                assert_eq!(shown.inverse(), cell.modifier.contains(Modifier::REVERSED), "{at}");
                assert_eq!(shown.underline(), cell.modifier.contains(Modifier::UNDERLINED), "{at}");
                x += width_of(cell);
            }
        }
    }

    #[test]
    fn the_terminal_shows_each_frame_exactly_after_only_its_changes() {
        let (width, height) = (24, 6);
        let mut dice = Rng(0x5eed);
        let mut screen = Screen::new(width, height);
        let size = |n: u16| std::num::NonZero::new(n).expect("not zero");
        let mut parser = vt100::Parser::new(size(height), size(width), 0);
        for frame in 0..400 {
            let mut out = Vec::new();
            let mut drawn = Buffer::empty(Rect::new(0, 0, width, height));
            screen.draw(
                |buffer| {
                    random_frame(&mut dice, buffer);
                    drawn = buffer.clone();
                },
                &mut out,
            );
            parser.process(&out);
            assert_terminal_shows(&parser, &drawn, frame);
        }
    }

    #[test]
    fn an_unchanged_frame_writes_nothing_and_one_changed_cell_writes_that_cell() {
        let mut screen = Screen::new(10, 3);
        let draw = |screen: &mut Screen, text: &str| {
            let mut out = Vec::new();
            screen.draw(|buffer| buffer.set_string(0, 1, text, Style::new()), &mut out);
            String::from_utf8(out).expect("text")
        };
        assert_eq!(draw(&mut screen, "abc"), "\x1b[2;1H\x1b[0mabc");
        assert_eq!(draw(&mut screen, "abc"), "");
        assert_eq!(draw(&mut screen, "abd"), "\x1b[2;3H\x1b[0md");
    }

    #[test]
    fn colours_and_modifiers_are_set_in_one_sequence() {
        let mut out = Vec::new();
        let pen = Pen { fg: Color::LightRed, bg: Color::Blue, underline: Color::Red, modifier: Modifier::BOLD };
        set_pen(&mut out, pen);
        assert_eq!(out, b"\x1b[0;1;91;44;58;5;1m");
        out.clear();
        set_pen(&mut out, Pen { fg: Color::Indexed(7), bg: Color::Rgb(10, 20, 30), ..Pen::PLAIN });
        assert_eq!(out, b"\x1b[0;38;5;7;48;2;10;20;30m");
    }
}
