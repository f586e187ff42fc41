//! What is drawn over the panes: the help, the stance matrix, the picker, the export dialog.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::bordered;
use super::put;
use crate::index::StanceMatrix;
use crate::text::{cells, one_line, truncate_to_cells};
use crate::tui::Action;
use crate::tui::finder::Picker;
use crate::tui::keymap::Context;
use crate::tui::state::{App, MatrixState, Overlay, OverviewState};
use crate::tui::theme::Theme;

pub fn draw(buffer: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    match &app.overlay {
        Overlay::None | Overlay::Search(_) | Overlay::Library(_) | Overlay::Across(_) => {}
        Overlay::Help { from, scroll, .. } => help(buffer, area, app, *from, *scroll, theme),
        Overlay::Matrix(state) => matrix(buffer, area, app, *state, theme),
        Overlay::Picker(picker) => picker_view(buffer, area, app, picker, theme),
        Overlay::Problems { scroll, shelved, .. } => problems(buffer, area, app, *scroll, *shelved, theme),
        Overlay::Overview(state) => overview(buffer, area, app, *state, theme),
        Overlay::Dialog(dialog) => {
            let rect = crate::tui::layout::centered(area, 70, 9);
            let inner = frame(buffer, rect, " export ", theme);
            dialog.draw(buffer, inner, theme, &app.keymap);
        }
    }
}

/// Clears an area, draws a titled border, and returns the inside.
fn frame(buffer: &mut Buffer, rect: Rect, title: &str, theme: Theme) -> Rect {
    Clear.render(rect, buffer);
    bordered(buffer, rect, theme.border(true), &Line::styled(title, theme.heading()), None)
}

fn help(buffer: &mut Buffer, area: Rect, app: &App, from: Context, scroll: usize, theme: Theme) {
    let rect = crate::tui::layout::help_area(area);
    let lines = crate::tui::help::lines(theme, &app.keymap, from, rect.width.saturating_sub(2) as usize);
    // The keys that close it, as the keymap has them: a config file may have changed them.
    let closing = app.keymap.entries(Context::Help).find(|e| e.binding.action == crate::tui::Action::Leave);
    let keys: Vec<String> =
        closing.map_or_else(Vec::new, |e| e.keys.iter().take(2).map(|k| crate::tui::keymap::display_key(k)).collect());
    let title = if keys.is_empty() { " keys ".to_string() } else { format!(" keys · {} closes ", keys.join(" or ")) };
    scrolled(buffer, rect, &title, &lines, scroll, theme);
}

/// Lines in a titled frame from `scroll` on, its footer saying which are in view and whether
/// more lie above or below, when they do not all fit.
fn scrolled(buffer: &mut Buffer, rect: Rect, title: &str, lines: &[Line], scroll: usize, theme: Theme) {
    let rows = rect.height.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    let footer = (lines.len() > rows && rows > 0).then(|| {
        let last = (scroll + rows).min(lines.len());
        let arrows = match (scroll > 0, last < lines.len()) {
            (true, true) => " ↑↓",
            (false, true) => " ↓",
            (true, false) => " ↑",
            (false, false) => "",
        };
        Line::styled(format!(" {}–{last} of {}{arrows} ", scroll + 1, lines.len()), theme.dim())
    });
    Clear.render(rect, buffer);
    let inner = bordered(buffer, rect, theme.border(true), &Line::styled(title, theme.heading()), footer.as_ref());
    for (i, line) in lines.iter().skip(scroll).take(inner.height as usize).enumerate() {
        put(buffer, inner, inner.y + i as u16, line);
    }
}

/// The overview, the source under the cursor reversed.
fn overview(buffer: &mut Buffer, area: Rect, app: &App, state: OverviewState, theme: Theme) {
    let rect = crate::tui::layout::overview_area(area);
    let width = rect.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = crate::tui::overview::lines(app.opened(), theme, width.max(1))
        .into_iter()
        .map(|l| if l.source == Some(state.source) { l.line.patch_style(theme.cursor(true)) } else { l.line })
        .collect();
    let title = format!(" overview · {} closes ", app.key(Context::Overview, Action::Leave));
    scrolled(buffer, rect, &title, &lines, state.scroll, theme);
}

/// The diagnostics of the last reload, as `brief check` prints them.
fn problems(buffer: &mut Buffer, area: Rect, app: &App, scroll: usize, shelved: Option<usize>, theme: Theme) {
    let Some(problems) = app.problems_shown(shelved) else { return };
    let lines: Vec<Line> = problems
        .report
        .iter()
        .map(|line| {
            let style = if line.starts_with("error") { theme.heading() } else { Style::new() };
            Line::styled(line.as_str(), style)
        })
        .collect();
    let rect =
        crate::tui::layout::centered(area, area.width.saturating_sub(4).max(20), area.height.saturating_sub(2).max(3));
    let title = match shelved {
        Some(_) => " errors in the brief; the other briefs open · Esc closes ",
        None => " errors in the file; showing what was loaded before · Esc closes ",
    };
    scrolled(buffer, rect, title, &lines, scroll, theme);
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

/// Header lines at most, above the matrix's columns.
const HEADER_ROWS: usize = 3;

/// Each topic column's header: its label wrapped to the column's `width` in up to `rows` lines.
/// Where a label does not fit, or two columns would read the same, every label starts with its
/// number, so that each column tells itself apart (the line under the matrix names the topic
/// under the cursor in full).
fn topic_headers(labels: &[String], width: usize, rows: usize) -> Vec<Vec<String>> {
    let wrap = |label: &str| -> (Vec<String>, bool) {
        let mut lines = crate::text::wrap::fewest_lines(label, width);
        let cut = lines.len() > rows;
        lines.truncate(rows);
        // The last line shown says the label goes on.
        if let Some(last) = lines.last_mut().filter(|_| cut) {
            *last = truncate_to_cells(&format!("{last}…"), width).into_owned();
        }
        (lines, cut)
    };
    let plain: Vec<(Vec<String>, bool)> = labels.iter().map(|label| wrap(label)).collect();
    let distinct = plain.iter().enumerate().all(|(i, (a, _))| plain[..i].iter().all(|(b, _)| a != b));
    if distinct && plain.iter().all(|(_, cut)| !cut) {
        return plain.into_iter().map(|(lines, _)| lines).collect();
    }
    labels.iter().enumerate().map(|(n, label)| wrap(&format!("{} {label}", n + 1)).0).collect()
}

fn matrix(buffer: &mut Buffer, area: Rect, app: &App, state: MatrixState, theme: Theme) {
    let brief = app.brief();
    let matrix: StanceMatrix = app.opened().index.stance_matrix(brief);
    // Rows, up to three header lines, the legend and the cursor line, inside a border.
    let wanted = (matrix.rows.len() + HEADER_ROWS + 4) as u16;
    let rect = crate::tui::layout::centered(
        area,
        area.width.saturating_sub(4).max(20),
        wanted.min(area.height.saturating_sub(2)).max(5),
    );
    let (open, close) = (app.key(Context::Matrix, Action::Follow), app.key(Context::Matrix, Action::Leave));
    let inner = frame(buffer, rect, &format!(" stance: actors × topics · {open} opens · {close} closes "), theme);
    if inner.height < 3 || inner.width < 8 {
        return;
    }
    let names: Vec<String> = matrix.rows.iter().map(|&a| one_line(&brief.actors[a].name).into_owned()).collect();
    let longest_name = names.iter().map(|n| cells(n)).max().unwrap_or(0);
    // Names get their width where the topics still get 18 cells a column; else a third of it.
    let inner_width = inner.width as usize;
    let wanted = (longest_name + 1).clamp(6, 40);
    let label_width = if inner_width >= wanted + 18 * matrix.columns.len() {
        wanted
    } else {
        wanted.min(inner_width / 3).clamp(6, 26)
    };
    // The rest of the width is the topics', up to 24 cells a column: a label wraps within it.
    let room = inner.width as usize - label_width;
    let column_width = (room / matrix.columns.len().max(1)).clamp(3, 24);
    let visible_columns = (room / column_width).max(1);
    let first_column = state.column.saturating_sub(visible_columns - 1);
    // Under the headers at least one row of the grid, then the legend and the cursor line.
    let header_room = (inner.height as usize).saturating_sub(4).clamp(1, HEADER_ROWS);
    let labels: Vec<String> = matrix.columns.iter().map(|&t| one_line(&brief.topics[t].label).into_owned()).collect();
    let headers = topic_headers(&labels, column_width - 1, header_room);
    let header_rows = headers.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let visible_rows = (inner.height as usize).saturating_sub(header_rows + 2).max(1);
    let first_row = state.row.saturating_sub(visible_rows - 1);

    for line in 0..header_rows {
        let mut head = vec![Span::raw(" ".repeat(label_width))];
        for (c, header) in headers.iter().enumerate().skip(first_column).take(visible_columns) {
            // Centred over the column's glyphs, like them; the column's last cell stays a gap.
            let text = header.get(line).map_or("", String::as_str);
            let left = (column_width - 1).saturating_sub(cells(text)) / 2;
            let right = column_width.saturating_sub(left + cells(text));
            let style = if c == state.column { theme.heading() } else { theme.strong() };
            head.push(Span::styled(format!("{}{text}{}", " ".repeat(left), " ".repeat(right)), style));
        }
        put(buffer, inner, inner.y + line as u16, &Line::from(head));
    }

    for (line_no, r) in (first_row..matrix.rows.len()).take(visible_rows).enumerate() {
        let y = inner.y + (header_rows + line_no) as u16;
        let name = truncate_to_cells(&names[r], label_width - 1).into_owned();
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
            format!(
                "{} on {}: {} ({} position{})",
                names[state.row],
                labels[state.column],
                position.stance,
                positions.len(),
                if positions.len() == 1 { "" } else { "s" }
            )
        }
        _ => format!("{} on {}: no position", names[state.row], labels[state.column]),
    };
    put(buffer, inner, bottom, &Line::styled(here, theme.strong()));
}

fn picker_view(buffer: &mut Buffer, area: Rect, app: &App, picker: &Picker, theme: Theme) {
    let rect = crate::tui::layout::centered(area, 90, area.height.saturating_sub(4).max(5));
    let (go, close) = (app.key(Context::Picker, Action::Submit), app.key(Context::Picker, Action::Leave));
    let inner = frame(buffer, rect, &format!(" jump to · {go} goes · {close} closes "), theme);
    if inner.height == 0 {
        return;
    }
    let prompt = Line::from(vec![
        Span::styled("› ", theme.key()),
        Span::raw(one_line(&picker.query).into_owned()),
        Span::styled("█", theme.dim()),
        Span::styled(format!("  {}", picker.counter()), theme.dim()),
    ]);
    put(buffer, inner, inner.y, &prompt);
    let visible = inner.height.saturating_sub(1) as usize;
    let first = picker.cursor.saturating_sub(visible.saturating_sub(1));
    for (line_no, result) in (first..picker.results.len()).take(visible).enumerate() {
        let Some((brief, entry)) = picker.entry(result) else { break };
        let y = inner.y + 1 + line_no as u16;
        let tag = format!("{:<9} ", entry.item.section.singular());
        let mut spans = vec![Span::styled(tag, theme.dim())];
        // Across briefs, each result says its brief first: the same item in two briefs reads
        // the same after it.
        if picker.across_briefs() {
            let date = crate::library::short_date(&app.briefs[brief].opened.brief.date);
            spans.push(Span::styled(format!("{date:<8} "), theme.strong()));
        }
        spans.push(Span::raw(entry.label.clone()));
        let mut line = Line::from(spans);
        if result == picker.cursor {
            buffer.set_style(Rect::new(inner.x, y, inner.width, 1), theme.cursor(true));
            line = line.patch_style(theme.cursor(true));
        }
        put(buffer, inner, y, &line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn topic_headers_wrap_to_their_column_and_stay_unnumbered_when_they_fit() {
        let headers = topic_headers(&labels(&["NATO expansion to Ukraine", "Sanctions"]), 12, 3);
        assert_eq!(headers, [vec!["NATO", "expansion to", "Ukraine"], vec!["Sanctions"]]);
    }

    #[test]
    fn headers_that_would_be_cut_or_read_the_same_are_numbered() {
        let western = labels(&["Western economic sanctions on Russia", "Western military support for Ukraine"]);
        let headers = topic_headers(&western, 9, 1);
        assert_eq!(headers, [vec!["1 Wester…"], vec!["2 Wester…"]]);
        let headers = topic_headers(&western, 10, 2);
        assert_eq!(headers, [vec!["1 Western", "economic…"], vec!["2 Western", "military…"]]);
        let same = topic_headers(&labels(&["Gas", "Gas"]), 10, 3);
        assert_eq!(same, [vec!["1 Gas"], vec!["2 Gas"]]);
        for header in headers.iter().flatten() {
            assert!(cells(header) <= 10, "{header:?}");
        }
    }
}
