//! The seven list panes, and the tabs of those shown one at a time. Only the rows in view are
//! laid out, so a pane of 100,000 quotes draws as fast as one of ten.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::bordered;
use super::put;
use crate::tui::action::Pane;
use crate::tui::describe;
use crate::tui::layout::{Areas, TabWords, count_label, tab_label};
use crate::tui::state::{App, Focus, Overlay};
use crate::tui::theme::Theme;

pub fn draw(buffer: &mut Buffer, layout: &Areas, app: &App, theme: Theme) {
    for pane in Pane::ALL {
        if let Some(tab) = layout.tabs[pane as usize] {
            draw_tab(buffer, tab, pane, layout.tab_words, app, theme);
        }
        if let Some(rect) = layout.pane(pane) {
            draw_pane(buffer, rect, pane, app, theme);
        }
    }
}

/// A tab: reversed for the pane the keyboard is in, underlined for the one shown in the place
/// it shares with others.
fn draw_tab(buffer: &mut Buffer, tab: Rect, pane: Pane, words: TabWords, app: &App, theme: Theme) {
    let nav = app.nav();
    let style = if nav.active == pane {
        theme.cursor(true)
    } else if pane.is_shared() && nav.shared == pane && !nav.active.is_shared() {
        theme.cursor(false)
    } else {
        Style::new()
    };
    put(buffer, tab, tab.y, &Line::styled(tab_label(app, pane, words), style));
}

fn draw_pane(buffer: &mut Buffer, rect: Rect, pane: Pane, app: &App, theme: Theme) {
    let nav = app.nav();
    let active = nav.active == pane;
    let focused = active && nav.focus == Focus::List && matches!(app.overlay, Overlay::None | Overlay::Search(_));
    let state = nav.panes[pane as usize];
    let count = app.row_count(pane);
    let mut title = format!(" {} {} {} ", pane.number(), pane.section().title(), count_label(app, pane));
    if pane == Pane::Events {
        // The key to the timeline's marks: what the brief's date is.
        title.push_str(&format!("· {} {} ", Theme::ON_THE_DAY, app.brief().date.human()));
    }
    let title = Line::styled(title, if active { theme.heading() } else { theme.strong() });
    let position = (count > 0).then(|| Line::styled(format!(" {}/{} ", state.cursor + 1, count), theme.dim()));
    let inner = bordered(buffer, rect, theme.border(active), &title, position.as_ref());
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if count == 0 {
        let empty = if nav.filter.is_some() { "nothing related" } else { "none" };
        put(buffer, inner, inner.y, &Line::styled(empty, theme.dim()));
        return;
    }
    let query = match &app.overlay {
        Overlay::Search(search) if search.pane == pane => Some(search.query.as_str()),
        _ => nav.search.as_ref().filter(|s| s.pane == pane).map(|s| s.query.as_str()),
    };
    // What changed since the earlier brief takes a column of the gutter: `+` new, `~` changed.
    let since = app.since();
    let gutter_cells = if since.is_some() { 3 } else { 2 };
    let text_cells = inner.width.saturating_sub(gutter_cells) as usize;
    for line_no in 0..inner.height as usize {
        let row = state.offset + line_no;
        let Some(item) = app.item_at(pane, row) else { break };
        let y = inner.y + line_no as u16;
        let marked = app.is_marked(pane, item);
        let item_ref = crate::model::ItemRef::new(pane.section(), item);
        let mut spans = describe::row(app.opened(), item_ref, theme, text_cells);
        if let Some(query) = query.filter(|q| !q.is_empty()) {
            spans = highlight(spans, query, theme.found());
        }
        let mark = if marked { Span::styled(Theme::MARK.to_string(), theme.marked()) } else { Span::raw(" ") };
        let mut gutter = vec![mark];
        if let Some(since) = since {
            // Beside the mark of what is related: `+` new, `~` changed since the earlier brief.
            gutter.push(match since.glyph(item_ref) {
                Some(glyph) => Span::styled(glyph.to_string(), theme.strong()),
                None => Span::raw(" "),
            });
        }
        gutter.push(Span::raw(" "));
        let mut line = Line::from(gutter.into_iter().chain(spans).collect::<Vec<_>>());
        if marked {
            line = line.patch_style(theme.marked());
        }
        if row == state.cursor {
            let style = if focused { theme.cursor(true) } else { theme.cursor(false) };
            line = line.patch_style(style);
            // The whole row shows the cursor, not just its text.
            buffer.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        put(buffer, inner, y, &line);
    }
}

/// Splits spans so the parts matching a query get the search style.
pub fn highlight(spans: Vec<Span<'static>>, query: &str, style: Style) -> Vec<Span<'static>> {
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    let ranges = crate::tui::finder::highlights(&text, query);
    if ranges.is_empty() {
        return spans;
    }
    let mut out = Vec::new();
    let mut at = 0;
    for span in spans {
        let content = span.content.to_string();
        let (start, end) = (at, at + content.len());
        at = end;
        let mut cut = start;
        for range in ranges.iter().filter(|r| r.start < end && r.end > start) {
            let (from, to) = (range.start.max(start), range.end.min(end));
            if from > cut {
                out.push(Span::styled(content[cut - start..from - start].to_string(), span.style));
            }
            out.push(Span::styled(content[from - start..to - start].to_string(), span.style.patch(style)));
            cut = to;
        }
        if cut < end {
            out.push(Span::styled(content[cut - start..].to_string(), span.style));
        }
    }
    out
}
