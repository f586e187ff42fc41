//! The help's lines: every key from the live keymap, and what every mark on screen means, from
//! the theme and the vocabularies; so the help cannot drift from what the keys do and the screen
//! shows.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::cells;
use crate::tui::Action;
use crate::tui::keymap::{self, Context, Keymap};
use crate::tui::theme::Theme;

/// The help's lines at a width: the keys of the context it was opened from, what the symbols on
/// screen mean, then every other context's keys; all from the live keymap and theme.
pub fn lines(theme: Theme, keymap: &Keymap, from: Context, width: usize) -> Vec<Line<'static>> {
    let keys_of =
        |entry: &keymap::Entry| entry.keys.iter().map(|k| keymap::display_key(k)).collect::<Vec<_>>().join(" ");
    // One column for every context's keys, as wide as the widest, so each help text lines up;
    // on a narrow screen, a third of it, and wider keys have their text below.
    let widest = Context::ALL.iter().flat_map(|&c| keymap.bindings_for(c)).map(|b| cells(&keys_of(b))).max();
    let column = (widest.unwrap_or(0) + 1).min(width / 3);
    let keys = |context: Context, lines: &mut Vec<Line<'static>>| {
        lines.push(Line::styled(context.title().to_string(), theme.heading()));
        for bound in keymap.bindings_for(context) {
            lines.extend(entry(vec![Span::styled(keys_of(bound), theme.key())], bound.binding.help, column, width));
        }
        lines.push(Line::raw(""));
    };
    let mut lines = Vec::new();
    keys(from, &mut lines);
    lines.push(Line::styled("What the screen shows", theme.heading()));
    let legend = legend(theme, keymap);
    // The long symbols (the claim statuses) take a line of their own rather than widen the column.
    let symbols = 12.min(width / 3);
    for (symbol, meaning) in legend {
        lines.extend(entry(symbol, &meaning, symbols, width));
    }
    lines.push(Line::raw(""));
    for context in Context::ALL.into_iter().filter(|&c| c != from) {
        keys(context, &mut lines);
    }
    lines
}

/// `  keys  what they do`, the text wrapped under itself at `column`; keys wider than the column,
/// or a line too narrow for both, put the text under them.
fn entry(lead: Vec<Span<'static>>, text: &str, column: usize, width: usize) -> Vec<Line<'static>> {
    let lead_width = Line::from(lead.clone()).width();
    let indent = if width >= 2 + column + 10 { 2 + column } else { 4 };
    let beside = 2 + lead_width < indent;
    let mut head = vec![Span::raw("  ")];
    head.extend(lead);
    let mut wrapped = crate::tui::describe::wrap(text, width.saturating_sub(indent), Style::new()).into_iter();
    if beside {
        head.push(Span::raw(" ".repeat(indent - 2 - lead_width)));
        head.extend(wrapped.next().map(|line| line.spans).unwrap_or_default());
    }
    let mut lines = vec![Line::from(head)];
    lines.extend(
        wrapped.map(|line| {
            Line::from(std::iter::once(Span::raw(" ".repeat(indent))).chain(line.spans).collect::<Vec<_>>())
        }),
    );
    lines
}

/// Every mark, glyph and style the reader draws, with what it means.
fn legend(theme: Theme, keymap: &Keymap) -> Vec<(Vec<Span<'static>>, String)> {
    let key = |context: Context, action: Action| keymap.first_key(context, &action).unwrap_or_default();
    use crate::model::{ClaimStatus, EventStatus, Stance, Vocabulary};
    use ratatui::style::Modifier;
    let spaced = |spans: Vec<Span<'static>>| -> Vec<Span<'static>> {
        let mut out = Vec::new();
        for span in spans {
            if !out.is_empty() {
                out.push(Span::raw(" "));
            }
            out.push(span);
        }
        out
    };
    let stances = Stance::ALL.iter().map(|&s| Span::styled(theme.stance(s).0, theme.stance(s).1)).collect();
    let statuses = ClaimStatus::ALL
        .iter()
        .filter(|&&s| s != ClaimStatus::Reported)
        .map(|&s| Span::styled(format!("[{s}]"), theme.status(s)))
        .collect();
    let event_statuses = EventStatus::ALL
        .iter()
        .filter(|&&s| s != EventStatus::Occurred)
        .map(|&s| Span::styled(format!("[{s}]"), theme.event_status(s)))
        .collect();
    vec![
        (
            vec![Span::styled(Theme::MARK, theme.marked())],
            format!("related to the selected item; {} shows only these", key(Context::Lists, Action::ToggleFilter)),
        ),
        (spaced(stances), "a position's stance: supports, opposes, neutral, mixed, unclear".into()),
        (vec![Span::styled("*", theme.strong())], "in the matrix: the actor's positions on the topic differ".into()),
        (vec![Span::styled("·", theme.dim())], "in the matrix: no position".into()),
        (spaced(statuses), "a claim's status; a claim only reported shows none".into()),
        (
            spaced(vec![
                Span::styled(Theme::ON_THE_DAY, theme.when(std::cmp::Ordering::Equal).1),
                Span::styled(Theme::AHEAD, theme.when(std::cmp::Ordering::Greater).1),
            ]),
            "in the timeline: an event on the brief's date (or within it), an event after it".into(),
        ),
        (spaced(event_statuses), "an event's status; an event that occurred shows none".into()),
        (vec![Span::raw("“ ”")], "a quote in the speaker's own words".into()),
        (vec![Span::raw("(reported)")], "reported speech: what was said, not the words".into()),
        (vec![Span::raw("(anonymous)")], "an unnamed source".into()),
        (
            vec![Span::styled("underlined", theme.strong().add_modifier(Modifier::UNDERLINED))],
            "a quote's words in the paragraph of its source".into(),
        ),
        (
            vec![Span::styled("✗ error", theme.marking())],
            format!(
                "in the library: a brief that could not open; {} lists why",
                key(Context::Library, Action::ShowProblems)
            ),
        ),
        (
            vec![Span::raw("2 earlier")],
            "across briefs: the item's versions in earlier briefs, said in words below the list".into(),
        ),
        (vec![Span::raw("…")], "cut at the edge: the detail pane shows it whole".into()),
        (
            vec![Span::raw("␛ [RLO]")],
            "control characters and direction overrides in the brief, shown, not obeyed".into(),
        ),
        (
            vec![Span::raw("3/21")],
            "in a pane's footer the cursor's row; in its title, while filtered, rows shown of all".into(),
        ),
        (vec![Span::styled("reversed", theme.cursor(true))], "the cursor, where the keyboard is".into()),
        (
            vec![Span::styled("underlined", theme.cursor(false))],
            "the selection of a pane the keyboard is not in".into(),
        ),
    ]
}
