//! Drawing: reads the state, never changes it. Every part clips to its area, so any terminal
//! size, down to 1x1, draws without a panic.

mod detail;
pub mod library;
mod lists;
mod overlays;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::action::Action;
use super::keymap;
use super::layout::{Areas, MIN_HEIGHT, MIN_WIDTH};
use super::state::{App, Beneath, Overlay};
use super::theme::Theme;
use crate::text::{cells, one_line, truncate_to_cells};

pub fn draw(buffer: &mut Buffer, app: &App) {
    let area = buffer.area;
    let layout = Areas::new(area, app);
    let theme = app.theme();
    if layout.too_small {
        too_small(buffer, area, theme);
        return;
    }
    // A screen across briefs takes the place of the panes, also under what opens over it.
    let beneath = match &app.overlay {
        Overlay::Library(state) => Some(Under::Library(state)),
        Overlay::Across(state) => Some(Under::Across(state)),
        Overlay::Help { beneath, .. } => under(beneath),
        Overlay::Picker(picker) => under(&picker.beneath),
        Overlay::Dialog(dialog) => under(&dialog.beneath),
        _ => None,
    };
    let beneath = match &app.overlay {
        Overlay::Problems { library: Some(state), .. } => Some(Under::Library(state)),
        _ => beneath,
    };
    match beneath {
        Some(Under::Library(state)) => library::draw_library(buffer, app, state, theme),
        Some(Under::Across(state)) => library::draw_across(buffer, app, state, theme),
        _ => {
            header(buffer, layout.header, app, theme);
            lists::draw(buffer, &layout, app, theme);
            if let Some(rect) = layout.detail {
                detail::draw(buffer, rect, app, theme);
            }
        }
    }
    hints(buffer, layout.hints, app, theme);
    overlays::draw(buffer, area, app, theme);
}

/// A screen across briefs, drawn instead of the panes.
enum Under<'a> {
    Library(&'a super::state::LibraryState),
    Across(&'a super::state::AcrossState),
}

/// The screen across briefs something was opened over.
fn under(beneath: &Beneath) -> Option<Under<'_>> {
    match beneath {
        Beneath::Library(state) => Some(Under::Library(state)),
        Beneath::Across(state) => Some(Under::Across(state)),
        _ => None,
    }
}

/// Writes a line into one row of an area; a line too wide ends in `…` at the edge.
pub(crate) fn put(buffer: &mut Buffer, area: Rect, y: u16, line: &Line) {
    if y < area.y || y >= area.y + area.height || area.width == 0 {
        return;
    }
    buffer.set_line(area.x, y, &fitted(line, area.width as usize), area.width);
}

/// A line cut to `width` cells between graphemes, ending in `…` (in the style of the text it
/// replaces) where words were cut. Blanks past the edge are not words: a line that only loses
/// them is not cut.
pub(crate) fn fitted<'a>(line: &Line<'a>, width: usize) -> Line<'a> {
    use unicode_segmentation::UnicodeSegmentation;
    if line.width() <= width || fits_but_blanks(line, width) {
        return line.clone();
    }
    let mut spans: Vec<Span<'a>> = Vec::new();
    let mut used = 0;
    let room = width.saturating_sub(1);
    for span in &line.spans {
        let mut kept = String::new();
        let mut full = true;
        for grapheme in span.content.graphemes(true) {
            let w = cells(grapheme);
            if used + w > room {
                full = false;
                break;
            }
            kept.push_str(grapheme);
            used += w;
        }
        let style = span.style;
        if !kept.is_empty() {
            spans.push(Span::styled(kept, style));
        }
        if !full {
            if width > 0 {
                spans.push(Span::styled("…", style));
            }
            break;
        }
    }
    Line { spans, style: line.style, alignment: line.alignment }
}

/// Whether everything past `width` cells is blank.
fn fits_but_blanks(line: &Line, width: usize) -> bool {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    cells(text.trim_end()) <= width
}

/// Draws a border round `rect` in `style`, `title` at its top left and `footer` at its bottom
/// right, and gives the area inside. A title or footer too long for the border ends in `…`
/// (ratatui's `Block` cuts them without a sign, a right-aligned one from its left).
pub(crate) fn bordered(buffer: &mut Buffer, rect: Rect, style: Style, title: &Line, footer: Option<&Line>) -> Rect {
    let rect = rect.intersection(buffer.area);
    let room = rect.width.saturating_sub(2) as usize;
    let mut block = Block::bordered().border_style(style).title(fitted(title, room));
    if let Some(footer) = footer {
        block = block.title_bottom(fitted(footer, room).right_aligned());
    }
    let inner = block.inner(rect);
    block.render(rect, buffer);
    inner
}

fn too_small(buffer: &mut Buffer, area: Rect, theme: Theme) {
    let message = format!("terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT})");
    // Wrapped into the space there is, centred.
    let lines = crate::text::wrap::wrap(&message, area.width as usize, "", "");
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
        let name = source.cited_as();
        let more = if brief.sources.len() > 1 { format!(" +{}", brief.sources.len() - 1) } else { String::new() };
        left.push(Span::styled(format!(" · {}{more}", one_line(name)), theme.dim()));
    }
    let mut right: Vec<Span> = Vec::new();
    if let Some(problems) = &app.reading().problems {
        let plural = if problems.errors == 1 { "" } else { "s" };
        right.push(Span::styled(
            format!(
                " file has {} error{plural} · {} ",
                problems.errors,
                app.key(keymap::Context::Lists, Action::ShowProblems)
            ),
            theme.marking(),
        ));
        right.push(Span::raw(" "));
    }
    if let Some(filter) = app.nav().filter {
        // A claim's or quote's text is long: the title keeps most of the line.
        let name = truncate_to_cells(&one_line(brief.name_of(filter)), (area.width as usize / 4).max(16)).into_owned();
        right.push(Span::styled(
            format!(" filter: {name} "),
            theme.marked().add_modifier(ratatui::style::Modifier::REVERSED),
        ));
    }
    if let Some(since) = app.since() {
        // What changed since the earlier brief, in words from 100 columns, in signs below.
        let date = crate::library::short_date(&app.earlier_brief(since).date);
        let (new, changed) = (since.new, since.changed);
        let counted = if area.width >= 100 {
            format!("{new} new · {changed} changed since {date}")
        } else {
            format!("+{new} ~{changed} since {date}")
        };
        if app.nav().only_changed {
            right.push(Span::styled(
                format!(" only {counted} "),
                theme.marked().add_modifier(ratatui::style::Modifier::REVERSED),
            ));
        } else {
            right.push(Span::styled(format!(" {counted} ·"), theme.strong()));
        }
    }
    if app.briefs.len() > 1 {
        // Its place in time among the briefs, as [ and ] go through them.
        let rank = app.library.rank(app.current) + 1;
        right.push(Span::styled(format!(" brief {rank}/{} · L library", app.briefs.len()), theme.strong()));
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
    let essential = app.keymap.essential_hint(app.context());
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
            Span::styled(search_keys(app), theme.dim()),
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

/// What the keys do while typing a search, with the keys as bound.
fn search_keys(app: &App) -> String {
    let key = |action: Action| app.keymap.first_key(keymap::Context::Search, &action).unwrap_or_default();
    let (keep, next, previous) = (key(Action::Submit), key(Action::NextMatch), key(Action::PreviousMatch));
    format!("  {keep} keep · {next}/{previous} next/previous")
}

/// The hints that fit, whole: a hint cut in half helps no one. `shown_apart` has a place of its
/// own on the bar.
fn hint_line(app: &App, theme: Theme, width: usize, shown_apart: Option<&(String, &'static str)>) -> Line<'static> {
    let mut spans = Vec::new();
    let reading = matches!(app.context(), keymap::Context::Lists | keymap::Context::Detail);
    if let Some(search) = app.nav().search.as_ref().filter(|s| reading && !s.matches.is_empty()) {
        spans.push(Span::styled(format!("/{} ", one_line(&search.query)), theme.key()));
        spans.push(Span::styled(format!("{}  ", search.counter()), theme.strong()));
    }
    let mut used: usize = spans.iter().map(|s| s.width()).sum();
    let hints = app.keymap.hints_for(app.context()).into_iter().filter(|hint| Some(hint) != shown_apart);
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

    #[test]
    fn the_hint_bar_shows_whole_hints_at_any_width() {
        let brief = crate::sample::load().into_valid_briefs().pop().expect("the sample loads");
        let mut app = App::new(vec![crate::tui::Opened::new("sample".into(), brief)]);
        for entered in [false, true] {
            if entered {
                app.update(crate::tui::Action::EnterDetail);
            }
            for width in 1..=200u16 {
                let area = Rect::new(0, 0, width, 1);
                let mut buffer = Buffer::empty(area);
                hints(&mut buffer, area, &app, Theme::new(true));
                let shown: String = (0..width).map(|x| buffer[(x, 0)].symbol()).collect();
                assert!(!shown.contains('…'), "{:?} at {width}: {shown:?}", app.context());
            }
        }
    }

    #[test]
    fn the_way_to_the_help_shows_at_every_width_it_fits_even_beside_a_message() {
        let brief = crate::sample::load().into_valid_briefs().pop().expect("the sample loads");
        let mut app = App::new(vec![crate::tui::Opened::new("sample".into(), brief)]);
        for keys in [&[][..], &[crate::tui::Action::EnterDetail], &[crate::tui::Action::ToggleMatrix]] {
            for action in keys {
                app.update(action.clone());
            }
            for message in [None, Some("a message longer than any bar, which is cut to make room ".repeat(4))] {
                app.message = message;
                for width in 6..=200u16 {
                    let area = Rect::new(0, 0, width, 1);
                    let mut buffer = Buffer::empty(area);
                    hints(&mut buffer, area, &app, Theme::new(true));
                    let shown: String = (0..width).map(|x| buffer[(x, 0)].symbol()).collect();
                    assert!(shown.trim_end().ends_with("? help"), "{:?} at {width}: {shown:?}", app.context());
                }
            }
        }
    }

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_line_too_wide_is_cut_between_graphemes_and_ends_in_an_ellipsis() {
        let bold = Style::new().bold();
        let line = Line::from(vec![Span::raw("plain "), Span::styled("日本語 café", bold)]);
        for (width, shown) in
            [(20, "plain 日本語 café"), (11, "plain 日本…"), (10, "plain 日…"), (7, "plain …"), (1, "…")]
        {
            let cut = fitted(&line, width);
            assert_eq!(text(&cut), shown, "{width}");
            assert!(cut.width() <= width, "{width}");
        }
        assert_eq!(fitted(&line, 9).spans.last().unwrap().style, bold, "the ellipsis has the cut text's style");
        assert_eq!(text(&fitted(&Line::raw("cafe\u{301}s"), 5)), "cafe\u{301}s", "a combining accent is not cut off");
        assert_eq!(text(&fitted(&Line::raw("cafe\u{301}s!"), 5)), "cafe\u{301}…");
    }

    #[test]
    fn blanks_past_the_edge_do_not_make_a_line_cut() {
        let title = Line::raw(" 1 Actors 21 ");
        assert_eq!(text(&fitted(&title, 12)), " 1 Actors 21 ");
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 1));
        put(&mut buffer, Rect::new(0, 0, 12, 1), 0, &title);
        let shown: String = (0..12).map(|x| buffer[(x, 0)].symbol()).collect();
        assert_eq!(shown, " 1 Actors 21");
    }

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
