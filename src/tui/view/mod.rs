//! Drawing: reads the state, never changes it. Every part clips to its area, so any terminal
//! size, down to 1x1, draws without a panic.

mod border;
mod detail;
mod lists;
mod overlays;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub use detail::{DetailRow, detail_rows, reference_row};
pub use overlays::help_lines;

use super::app::{App, Overlay};
use super::keymap;
use super::layout::{Layout, MIN_HEIGHT, MIN_WIDTH};
use super::theme::Theme;
use crate::text::{cells, is_plain_cell, one_line, truncate_to_cells};

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let layout = Layout::new(area, app);
    let theme = Theme { color: app.color };
    let buffer = frame.buffer_mut();
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
    set_line(buffer, area.x, y, line, area.width);
    if wider_than(line, area.width as usize) {
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

/// Writes a line as [`Buffer::set_line`] does, but a span of plain cells ([`is_plain_cell`]),
/// most of a brief, goes a character at a time: splitting every span into graphemes was a
/// third of a frame's time.
fn set_line(buffer: &mut Buffer, x: u16, y: u16, line: &Line, max_width: u16) {
    let (mut x, mut remaining) = (x, max_width);
    for span in &line.spans {
        if remaining == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let end = if span.content.chars().all(is_plain_cell) {
            let room = buffer.area.right().saturating_sub(x).min(remaining);
            let mut at = x;
            for c in span.content.chars().take(room as usize) {
                buffer[(at, y)].set_char(c).set_style(style);
                at += 1;
            }
            at
        } else {
            buffer.set_stringn(x, y, &span.content, remaining as usize, style).0
        };
        remaining = remaining.saturating_sub(end.saturating_sub(x));
        x = end;
    }
}

/// Whether a line takes more than `width` cells, stopping as soon as it knows.
fn wider_than(line: &Line, width: usize) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    let mut used = 0;
    for span in &line.spans {
        if span.content.chars().all(is_plain_cell) {
            used += span.content.chars().count();
            if used > width {
                return true;
            }
            continue;
        }
        for grapheme in span.content.graphemes(true) {
            used += grapheme.width();
            if used > width {
                return true;
            }
        }
    }
    false
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
    left.push(Span::styled(format!(" · {}", brief.date), theme.dim()));
    if let Some(source) = brief.sources.first() {
        let name = source.publisher.as_deref().unwrap_or(&source.title);
        let more = if brief.sources.len() > 1 { format!(" +{}", brief.sources.len() - 1) } else { String::new() };
        left.push(Span::styled(format!(" · {}{more}", one_line(name)), theme.dim()));
    }
    let mut right: Vec<Span> = Vec::new();
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

/// The bottom line: what is being typed, a message, or the keys that matter here.
fn hints(buffer: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let line = match &app.overlay {
        Overlay::Search(search) => Line::from(vec![
            Span::styled("/", theme.key()),
            Span::raw(one_line(&search.query).into_owned()),
            Span::styled("█", theme.dim()),
            Span::styled(format!("  {}", search.counter()), theme.strong()),
            Span::styled("  Enter keep · Esc cancel · ↓/↑ next/previous", theme.dim()),
        ]),
        _ => match &app.message {
            Some(message) => Line::styled(one_line(message).into_owned(), theme.message()),
            None => hint_line(app, theme, area.width as usize),
        },
    };
    put(buffer, area, area.y, &line);
}

/// The hints that fit, whole: a hint cut in half helps no one.
fn hint_line(app: &App, theme: Theme, width: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let reading = matches!(app.context(), keymap::Context::Lists | keymap::Context::Detail);
    if let Some(search) = app.view().search.as_ref().filter(|s| reading && !s.matches.is_empty()) {
        spans.push(Span::styled(format!("/{} ", one_line(&search.query)), theme.key()));
        spans.push(Span::styled(format!("{}  ", search.counter()), theme.strong()));
    }
    let mut used: usize = spans.iter().map(|s| s.width()).sum();
    for (key, hint) in keymap::hints_for(app.context()) {
        let text = format!(" {hint}  ");
        let needed = cells(&key) + cells(&text) - 2;
        if used + needed > width {
            break;
        }
        used += needed + 2;
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::styled(text, Style::new()));
    }
    Line::from(spans)
}
