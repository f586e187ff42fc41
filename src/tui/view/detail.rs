//! The detail pane: the item in full, then its cross-references as a numbered list grouped by
//! relation. Enter or the number follows one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::bordered;
use super::put;
use crate::text::one_line;
use crate::tui::Action;
use crate::tui::describe;
use crate::tui::detail_rows::{DetailRow, detail_rows};
use crate::tui::keymap::Context;
use crate::tui::state::{App, Focus, Overlay};
use crate::tui::theme::Theme;

pub fn draw(buffer: &mut Buffer, rect: Rect, app: &App, theme: Theme) {
    let focused = app.nav().focus == Focus::Detail && matches!(app.overlay, Overlay::None);
    // The item's name stays in the border while its text scrolls.
    let title = match app.detail_item() {
        Some(item) => {
            format!(" {} · {} ", item.section.singular(), one_line(app.brief().name_of(item)))
        }
        None => " detail ".to_string(),
    };
    let title = Line::styled(title, if focused { theme.heading() } else { theme.strong() });
    let references = app.reference_count();
    let hint = if focused {
        format!("{} or number follows", app.key(Context::Detail, Action::Follow))
    } else {
        format!("{} to read", app.key(Context::Lists, Action::EnterDetail))
    };
    let footer = (references > 0).then(|| Line::styled(format!(" {references} references · {hint} "), theme.dim()));
    let inner = bordered(buffer, rect, theme.border(focused), &title, footer.as_ref());
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let rows = detail_rows(app, inner.width as usize);
    if rows.is_empty() {
        put(buffer, inner, inner.y, &Line::styled("nothing selected", theme.dim()));
        return;
    }
    let detail = &app.nav().detail;
    let numbers = references.to_string().len();
    for (line_no, row) in rows.from(detail.scroll).take(inner.height as usize).enumerate() {
        let y = inner.y + line_no as u16;
        let line = match row {
            DetailRow::Text(line) => line,
            DetailRow::Blank => Line::raw(""),
            DetailRow::Heading(label, count) => Line::from(vec![
                Span::styled(label.to_string(), theme.heading()),
                Span::styled(format!(" ({count})"), theme.dim()),
            ]),
            DetailRow::Reference(n, target) => {
                let mut spans = vec![Span::styled(format!(" {:>numbers$} ", n + 1), theme.key())];
                spans.extend(describe::row(app.opened(), target, theme, inner.width as usize));
                let line = Line::from(spans);
                if focused && n == detail.cursor {
                    buffer.set_style(Rect::new(inner.x, y, inner.width, 1), theme.cursor(true));
                    line.patch_style(theme.cursor(true))
                } else {
                    line
                }
            }
        };
        put(buffer, inner, y, &line);
    }
}
