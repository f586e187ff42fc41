//! What is drawn over the panes: the help, the stance matrix, the picker, the export dialog.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::border::bordered;
use super::put;
use crate::index::StanceMatrix;
use crate::text::{cells, one_line, truncate_to_cells};
use crate::tui::app::{App, MatrixState, Overlay, item_name};
use crate::tui::finder::Picker;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;

pub fn draw(buffer: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    match &app.overlay {
        Overlay::None | Overlay::Search(_) => {}
        Overlay::Help { scroll } => help(buffer, area, *scroll, theme),
        Overlay::Matrix(state) => matrix(buffer, area, app, *state, theme),
        Overlay::Picker(picker) => picker_view(buffer, area, picker, theme),
        Overlay::Dialog(dialog) => {
            let rect = centered(area, 70, 9);
            let inner = frame(buffer, rect, " export ", theme);
            dialog.draw(buffer, inner, theme);
        }
    }
}

/// A centred area of at most `width` × `height` inside `area`, with a margin where there is room.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2)).max(area.width.min(width));
    let h = height.min(area.height.saturating_sub(2)).max(area.height.min(height));
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

/// Clears an area, draws a titled border, and returns the inside.
fn frame(buffer: &mut Buffer, rect: Rect, title: &str, theme: Theme) -> Rect {
    Clear.render(rect, buffer);
    bordered(buffer, rect, theme.border(true), &Line::styled(title, theme.heading()), None)
}

/// The help's lines: every key of every context, from the live keymap.
pub fn help_lines(theme: Theme) -> Vec<Line<'static>> {
    let keys_of =
        |binding: &keymap::Binding| binding.keys.iter().map(|k| keymap::display_key(k)).collect::<Vec<_>>().join(" ");
    // One column for every context's keys, as wide as the widest, so each help text lines up.
    let column =
        Context::ALL.iter().flat_map(|&c| keymap::bindings_for(c)).map(|b| cells(&keys_of(b))).max().unwrap_or(0) + 1;
    let mut lines = Vec::new();
    for context in Context::ALL {
        lines.push(Line::styled(context.title().to_string(), theme.heading()));
        for binding in keymap::bindings_for(context) {
            let keys = keys_of(binding);
            let pad = column - cells(&keys);
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys}"), theme.key()),
                Span::raw(" ".repeat(pad)),
                Span::raw(binding.help.to_string()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines
}

fn help(buffer: &mut Buffer, area: Rect, scroll: usize, theme: Theme) {
    let rect = centered(area, 84, area.height.saturating_sub(2).max(3));
    let inner = frame(buffer, rect, " keys · Esc or ? closes ", theme);
    let lines = help_lines(theme);
    let scroll = scroll.min(lines.len().saturating_sub(inner.height as usize));
    for (i, line) in lines.iter().skip(scroll).take(inner.height as usize).enumerate() {
        put(buffer, inner, inner.y + i as u16, line);
    }
}

/// The glyph of a matrix cell: the stance of the actor's position on the topic; `*` when the
/// actor holds several that differ; `·` when none.
fn cell_glyph(app: &App, positions: &[usize], theme: Theme) -> (String, Style) {
    let brief = app.brief();
    match positions {
        [] => ("·".to_string(), theme.dim()),
        [first, rest @ ..] => {
            let stance = brief.positions[*first].stance;
            if rest.iter().all(|p| brief.positions[*p].stance == stance) {
                let (glyph, style) = theme.stance(stance);
                (glyph.to_string(), style)
            } else {
                ("*".to_string(), theme.strong())
            }
        }
    }
}

fn matrix(buffer: &mut Buffer, area: Rect, app: &App, state: MatrixState, theme: Theme) {
    let brief = app.brief();
    let matrix: StanceMatrix = app.loaded().index.stance_matrix(brief);
    // Rows, the topic line, the legend and the cursor line, inside a border.
    let wanted = matrix.rows.len() as u16 + 5;
    let rect = centered(area, area.width.saturating_sub(4).max(20), wanted.min(area.height.saturating_sub(2)).max(5));
    let inner = frame(buffer, rect, " stance: actors × topics · Enter opens · Esc closes ", theme);
    if inner.height < 3 || inner.width < 8 {
        return;
    }
    let label_width = (inner.width as usize / 3).clamp(6, 26);
    let column_width = 13usize.min((inner.width as usize - label_width) / matrix.columns.len().max(1)).max(3);
    let visible_columns = ((inner.width as usize - label_width) / column_width).max(1);
    let first_column = state.column.saturating_sub(visible_columns - 1);
    // Two rows under the grid: the legend and what the cursor is on.
    let visible_rows = (inner.height as usize).saturating_sub(3).max(1);
    let first_row = state.row.saturating_sub(visible_rows - 1);

    let mut head = vec![Span::raw(" ".repeat(label_width))];
    for (c, &topic) in matrix.columns.iter().enumerate().skip(first_column).take(visible_columns) {
        let label = truncate_to_cells(&one_line(&brief.topics[topic].label), column_width - 1).into_owned();
        let pad = column_width - cells(&label);
        let style = if c == state.column { theme.heading() } else { theme.strong() };
        head.push(Span::styled(format!("{label}{}", " ".repeat(pad)), style));
    }
    put(buffer, inner, inner.y, &Line::from(head));

    for (line_no, r) in (first_row..matrix.rows.len()).take(visible_rows).enumerate() {
        let y = inner.y + 1 + line_no as u16;
        let actor = &brief.actors[matrix.rows[r]];
        let name = truncate_to_cells(&one_line(&actor.name), label_width - 1).into_owned();
        let pad = label_width - cells(&name);
        let name_style = if r == state.row { theme.heading() } else { Style::new() };
        let mut spans = vec![Span::styled(format!("{name}{}", " ".repeat(pad)), name_style)];
        for c in (first_column..matrix.columns.len()).take(visible_columns) {
            let (glyph, mut style) = cell_glyph(app, &matrix.cells[r][c], theme);
            if r == state.row && c == state.column {
                style = style.patch(theme.cursor(true));
            }
            let left = (column_width - 1) / 2;
            spans.push(Span::raw(" ".repeat(left)));
            spans.push(Span::styled(glyph, style));
            spans.push(Span::raw(" ".repeat(column_width - left - 1)));
        }
        put(buffer, inner, y, &Line::from(spans));
    }

    let bottom = inner.y + inner.height - 1;
    let legend = ["+ supports", "- opposes", "= neutral", "± mixed", "? unclear", "* several", "· none"].join("  ");
    put(buffer, inner, bottom - 1, &Line::styled(legend, theme.dim()));
    let here = match matrix.cells.get(state.row).and_then(|row| row.get(state.column)) {
        Some(positions) if !positions.is_empty() => {
            let position = &brief.positions[positions[0]];
            let topic = matrix.columns[state.column];
            format!(
                "{} on {}: {} ({} position{})",
                one_line(&brief.actors[matrix.rows[state.row]].name),
                one_line(&brief.topics[topic].label),
                position.stance,
                positions.len(),
                if positions.len() == 1 { "" } else { "s" }
            )
        }
        _ => format!(
            "{}: no position on this topic",
            item_name(brief, crate::model::ItemRef::new(crate::model::Section::Actors, matrix.rows[state.row]))
        ),
    };
    put(buffer, inner, bottom, &Line::styled(here, theme.strong()));
}

fn picker_view(buffer: &mut Buffer, area: Rect, picker: &Picker, theme: Theme) {
    let rect = centered(area, 90, area.height.saturating_sub(4).max(5));
    let inner = frame(buffer, rect, " jump to · Enter goes · Esc closes ", theme);
    if inner.height == 0 {
        return;
    }
    let prompt = Line::from(vec![
        Span::styled("› ", theme.key()),
        Span::raw(one_line(&picker.query).into_owned()),
        Span::styled("█", theme.dim()),
        Span::styled(format!("  {} of {}", picker.matched(), picker.entries().len()), theme.dim()),
    ]);
    put(buffer, inner, inner.y, &prompt);
    let visible = inner.height.saturating_sub(1) as usize;
    let first = picker.cursor.saturating_sub(visible.saturating_sub(1));
    for (line_no, result) in (first..picker.results.len()).take(visible).enumerate() {
        let Some(entry) = picker.entry(result) else { break };
        let y = inner.y + 1 + line_no as u16;
        let tag = format!("{:<9} ", entry.item.section.singular());
        let mut line = Line::from(vec![Span::styled(tag, theme.dim()), Span::raw(entry.label.clone())]);
        if result == picker.cursor {
            buffer.set_style(Rect::new(inner.x, y, inner.width, 1), theme.cursor(true));
            line = line.patch_style(theme.cursor(true));
        }
        put(buffer, inner, y, &line);
    }
}
