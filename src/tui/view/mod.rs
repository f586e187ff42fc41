//! Drawing: reads the state, never changes it. Every part clips to its area, so any terminal
//! size, down to 1x1, draws without a panic.

mod border;
mod detail;
mod lists;
mod overlays;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub use detail::{DetailRow, detail_rows, reference_row};
pub use overlays::{help_lines, help_scroll_end};

use super::app::{App, Overlay};
use super::keymap;
use super::layout::{Layout, MIN_HEIGHT, MIN_WIDTH};
use super::theme::Theme;
use crate::text::{cells, is_plain_cell, one_line, truncate_to_cells};

pub fn draw(buffer: &mut Buffer, app: &App) {
    let area = buffer.area;
    let layout = Layout::new(area, app);
    let theme = Theme { color: app.color };
    if layout.too_small {
        too_small(buffer, area, theme);
        return;
    }
    header(buffer, layout.header, app, theme);
    lists::draw(buffer, &layout, app, theme);
    if let Some(rect) = layout.detail {
        detail::draw(buffer, rect, app, theme);
    }
    hints(buffer, layout.hints, app, theme);
    overlays::draw(buffer, area, app, theme);
}

/// Writes a line into one row of an area; a line too wide ends in `…` at the edge.
pub(crate) fn put(buffer: &mut Buffer, area: Rect, y: u16, line: &Line) {
    if y < area.y || y >= area.y + area.height || area.width == 0 {
        return;
    }
    if set_line(buffer, area.x, y, line, area.width) {
        // The cut fell at the edge: the last cell says so, in the style it had. When a wide
        // character ends there, the ellipsis takes its first cell and the second is cleared.
        let last = area.x + area.width - 1;
        let wide_before =
            last > area.x && buffer.cell((last - 1, y)).is_some_and(|c| crate::text::cells(c.symbol()) > 1);
        if wide_before {
            if let Some(cell) = buffer.cell_mut((last - 1, y)) {
                cell.set_symbol("…");
            }
            if let Some(cell) = buffer.cell_mut((last, y)) {
                cell.set_symbol(" ");
            }
        } else if let Some(cell) = buffer.cell_mut((last, y)) {
            cell.set_symbol("…");
        }
    }
}

/// Writes a line as [`Buffer::set_line`] does and tells whether it was cut. A span of plain
/// cells ([`is_plain_cell`]), most of a brief, goes a character at a time: splitting every
/// span into graphemes was a third of a frame's time.
fn set_line(buffer: &mut Buffer, x: u16, y: u16, line: &Line, max_width: u16) -> bool {
    let (mut x, mut remaining) = (x, max_width.min(buffer.area.right().saturating_sub(x)));
    for (n, span) in line.spans.iter().enumerate() {
        if remaining == 0 {
            return line.spans[n..].iter().any(|span| span.width() > 0);
        }
        let style = line.style.patch(span.style);
        let (end, cut) = match set_plain(buffer, x, y, &span.content, remaining, style) {
            Some(written) => written,
            None => {
                let end = buffer.set_stringn(x, y, &span.content, remaining as usize, style).0;
                (end, span.width() > remaining as usize)
            }
        };
        if cut {
            return true;
        }
        remaining = remaining.saturating_sub(end.saturating_sub(x));
        x = end;
    }
    false
}

/// Writes `text` from (x, y) a character at a time, if it is made of plain cells only, and
/// gives where it ended and whether it was cut at `room` cells. `None` leaves the rest
/// to the grapheme-aware path, which writes over whatever was written here.
fn set_plain(buffer: &mut Buffer, x: u16, y: u16, text: &str, room: u16, style: Style) -> Option<(u16, bool)> {
    let start = buffer.index_of(x, y);
    let row = &mut buffer.content[start..start + room as usize];
    let mut chars = text.chars();
    let mut written = 0;
    for (cell, c) in row.iter_mut().zip(chars.by_ref()) {
        if !is_plain_cell(c) {
            return None;
        }
        cell.set_char(c).set_style(style);
        written += 1;
    }
    // A plain character after the last cell needs a cell of its own: the line is cut. Any
    // other (a combining accent) may belong to the last cell.
    match chars.next() {
        Some(c) if !is_plain_cell(c) => None,
        next => Some((x + written, next.is_some())),
    }
}

fn too_small(buffer: &mut Buffer, area: Rect, theme: Theme) {
    let message = format!("terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT})");
    let words: Vec<&str> = message.split(' ').collect();
    // Wrap the message into the space there is, centred.
    let mut lines: Vec<String> = Vec::new();
    for word in words {
        match lines.last_mut() {
            Some(last) if cells(last) + 1 + cells(word) <= area.width as usize => {
                last.push(' ');
                last.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, text) in lines.iter().enumerate() {
        let shown = truncate_to_cells(text, area.width as usize);
        let x = area.x + (area.width.saturating_sub(cells(&shown) as u16)) / 2;
        let row = Rect::new(x, top + i as u16, area.width.saturating_sub(x - area.x), 1);
        put(buffer, row.intersection(area), top + i as u16, &Line::styled(shown.into_owned(), theme.strong()));
    }
}

fn header(buffer: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let brief = app.brief();
    let mut left: Vec<Span> = Vec::new();
    if let Some(marking) = &brief.marking {
        left.push(Span::styled(format!(" {} ", one_line(marking)), theme.marking()));
        left.push(Span::raw(" "));
    }
    left.push(Span::styled(one_line(&brief.title).into_owned(), theme.heading()));
    left.push(Span::styled(format!(" · {}", brief.date.human()), theme.dim()));
    if let Some(source) = brief.sources.first() {
        let name = source.publisher.as_deref().unwrap_or(&source.title);
        let more = if brief.sources.len() > 1 { format!(" +{}", brief.sources.len() - 1) } else { String::new() };
        left.push(Span::styled(format!(" · {}{more}", one_line(name)), theme.dim()));
    }
    let mut right: Vec<Span> = Vec::new();
    if let Some(problems) = &app.reading().problems {
        let plural = if problems.errors == 1 { "" } else { "s" };
        right.push(Span::styled(format!(" file has {} error{plural} · D ", problems.errors), theme.marking()));
        right.push(Span::raw(" "));
    }
    if let Some(filter) = app.view().filter {
        right.push(Span::styled(
            format!(" filter: {} ", super::app::item_name(brief, filter)),
            theme.marked().add_modifier(ratatui::style::Modifier::REVERSED),
        ));
    }
    if app.briefs.len() > 1 {
        right.push(Span::styled(format!(" brief {}/{}", app.current + 1, app.briefs.len()), theme.strong()));
    }
    let right_line = Line::from(right);
    let right_width = right_line.width() as u16;
    put(buffer, Rect { width: area.width.saturating_sub(right_width), ..area }, area.y, &Line::from(left));
    if right_width <= area.width {
        let x = area.x + area.width - right_width;
        put(buffer, Rect::new(x, area.y, right_width, 1), area.y, &right_line);
    }
}

/// The bottom line: what is being typed, a message, or the keys that matter here; and at its
/// right end, whatever else is there, the way to the help (or out).
fn hints(buffer: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let essential = keymap::essential_hint(app.context());
    let essential_line = essential
        .as_ref()
        .map(|(key, hint)| Line::from(vec![Span::styled(key.clone(), theme.key()), Span::raw(format!(" {hint}"))]));
    // Up to two spaces keep it apart from what is on its left; a bar too narrow for it is left
    // to the rest.
    let essential_line = essential_line.filter(|line| line.width() <= area.width as usize);
    let reserved = essential_line.as_ref().map_or(0, |line| (line.width() as u16 + 2).min(area.width));
    let left = Rect { width: area.width - reserved, ..area };
    let line = match &app.overlay {
        Overlay::Search(search) => Line::from(vec![
            Span::styled("/", theme.key()),
            Span::raw(one_line(&search.query).into_owned()),
            Span::styled("█", theme.dim()),
            Span::styled(format!("  {}", search.counter()), theme.strong()),
            Span::styled("  Enter keep · ↓/↑ next/previous", theme.dim()),
        ]),
        _ => match &app.message {
            Some(message) => Line::styled(one_line(message).into_owned(), theme.message()),
            None => hint_line(app, theme, left.width as usize, essential.as_ref()),
        },
    };
    put(buffer, left, area.y, &line);
    if let Some(line) = essential_line {
        let width = line.width() as u16;
        put(buffer, Rect { x: area.right() - width, width, ..area }, area.y, &line);
    }
}

/// The hints that fit, whole: a hint cut in half helps no one. `shown_apart` has a place of its
/// own on the bar.
fn hint_line(app: &App, theme: Theme, width: usize, shown_apart: Option<&(String, &'static str)>) -> Line<'static> {
    let mut spans = Vec::new();
    let reading = matches!(app.context(), keymap::Context::Lists | keymap::Context::Detail);
    if let Some(search) = app.view().search.as_ref().filter(|s| reading && !s.matches.is_empty()) {
        spans.push(Span::styled(format!("/{} ", one_line(&search.query)), theme.key()));
        spans.push(Span::styled(format!("{}  ", search.counter()), theme.strong()));
    }
    let mut used: usize = spans.iter().map(|s| s.width()).sum();
    let hints = keymap::hints_for(app.context()).into_iter().filter(|hint| Some(hint) != shown_apart);
    for (n, (key, hint)) in hints.enumerate() {
        // Two spaces between hints, none after the last: a line that only ran out of spaces
        // would still be cut, and its ellipsis would take the last hint's last letter.
        let gap = if n == 0 { "" } else { "  " };
        let text = format!(" {hint}");
        let needed = gap.len() + cells(&key) + cells(&text);
        if used + needed > width {
            break;
        }
        used += needed;
        if !gap.is_empty() {
            spans.push(Span::raw(gap));
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::styled(text, Style::new()));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `put` should draw: each span through ratatui's grapheme-aware `set_stringn` until
    /// one takes more cells than are left, and then `…` in the last cell.
    fn reference(line: &Line, width: u16) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, width + 2, 1));
        let (mut x, mut remaining, mut cut) = (0, width as usize, false);
        for span in &line.spans {
            let end = buffer.set_stringn(x, 0, &span.content, remaining, line.style.patch(span.style)).0;
            if span.width() > remaining {
                cut = true;
                break;
            }
            remaining -= (end - x) as usize;
            x = end;
        }
        if cut {
            let last = width - 1;
            if last > 0 && cells(buffer[(last - 1, 0)].symbol()) > 1 {
                buffer[(last - 1, 0)].set_symbol("…");
                buffer[(last, 0)].set_symbol(" ");
            } else {
                buffer[(last, 0)].set_symbol("…");
            }
        }
        buffer
    }

    #[test]
    fn the_hint_bar_shows_whole_hints_at_any_width() {
        let brief = crate::sample::load().into_valid_briefs().pop().expect("the sample loads");
        let mut app = App::new(vec![crate::tui::Loaded::new("sample".into(), brief)]);
        for entered in [false, true] {
            if entered {
                app.update(crate::tui::Action::EnterDetail);
            }
            for width in 1..=200u16 {
                let area = Rect::new(0, 0, width, 1);
                let mut buffer = Buffer::empty(area);
                hints(&mut buffer, area, &app, Theme { color: true });
                let shown: String = (0..width).map(|x| buffer[(x, 0)].symbol()).collect();
                assert!(!shown.contains('…'), "{:?} at {width}: {shown:?}", app.context());
            }
        }
    }

    #[test]
    fn the_way_to_the_help_shows_at_every_width_it_fits_even_beside_a_message() {
        let brief = crate::sample::load().into_valid_briefs().pop().expect("the sample loads");
        let mut app = App::new(vec![crate::tui::Loaded::new("sample".into(), brief)]);
        for keys in [&[][..], &[crate::tui::Action::EnterDetail], &[crate::tui::Action::ToggleMatrix]] {
            for action in keys {
                app.update(action.clone());
            }
            for message in [None, Some("a message longer than any bar, which is cut to make room ".repeat(4))] {
                app.message = message;
                for width in 6..=200u16 {
                    let area = Rect::new(0, 0, width, 1);
                    let mut buffer = Buffer::empty(area);
                    hints(&mut buffer, area, &app, Theme { color: true });
                    let shown: String = (0..width).map(|x| buffer[(x, 0)].symbol()).collect();
                    assert!(shown.trim_end().ends_with("? help"), "{:?} at {width}: {shown:?}", app.context());
                }
            }
        }
    }

    #[test]
    fn put_draws_as_ratatui_does_and_ends_a_cut_line_with_an_ellipsis() {
        let texts = [
            "plain text",
            "café",
            "cafe\u{301}",
            "e\u{301}e\u{301}e\u{301}",
            "日本語のテキスト",
            "a日b",
            "👍🏽 ok",
            "ab\u{200d}cd",
            "",
            "→ ← ─ │",
        ];
        let styles = [Style::new(), Style::new().bold(), Style::new().reversed()];
        for (i, first) in texts.iter().enumerate() {
            for second in texts.iter().skip(i) {
                let line =
                    Line::from(vec![Span::styled(*first, styles[i % 3]), Span::styled(*second, styles[(i + 1) % 3])]);
                for width in 1..=line.width() as u16 + 1 {
                    let mut drawn = Buffer::empty(Rect::new(0, 0, width + 2, 1));
                    put(&mut drawn, Rect::new(0, 0, width, 1), 0, &line);
                    assert_eq!(drawn, reference(&line, width), "{first:?} + {second:?} in {width} cells");
                }
            }
        }
    }
}
