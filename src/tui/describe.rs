//! How items read on screen: one row in a list, or in full in the detail pane. All brief text
//! passes through `text::one_line` / `text::visible`, so it cannot act on the terminal.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::state::Opened;
use super::theme::Theme;
use crate::model::{ClaimStatus, EventStatus, ItemRef, Ref, Section, Stance, Vocabulary};
use crate::text::{Lines, one_line, visible};

/// At most this many bytes of a long text are looked at for one row: a row is never wider.
fn head(text: &str, cells: usize) -> &str {
    let limit = cells.saturating_mul(4).max(16);
    if text.len() <= limit {
        return text;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn plain(text: &str, cells: usize) -> String {
    one_line(head(text, cells)).into_owned()
}

/// An actor's name, by reference.
pub fn actor_name(opened: &Opened, reference: &Ref) -> String {
    match opened.index.resolve(&opened.brief, reference, Section::Actors) {
        Some(i) => one_line(&opened.brief.actors[i].name).into_owned(),
        None => one_line(&reference.id).into_owned(),
    }
}

fn topic_label(opened: &Opened, reference: &Ref) -> String {
    match opened.index.resolve(&opened.brief, reference, Section::Topics) {
        Some(i) => one_line(&opened.brief.topics[i].label).into_owned(),
        None => one_line(&reference.id).into_owned(),
    }
}

/// One item as a list row, at most about `cells` wide.
pub fn row(opened: &Opened, item: ItemRef, theme: Theme, cells: usize) -> Vec<Span<'static>> {
    let brief = &opened.brief;
    let i = item.index();
    match item.section {
        Section::Actors => {
            let actor = &brief.actors[i];
            let mut spans = vec![Span::raw(plain(&actor.name, cells))];
            // An unnamed official's role often repeats the name: say it once.
            if let Some(role) = actor.role.as_ref().filter(|r| !r.eq_ignore_ascii_case(&actor.name)) {
                spans.push(Span::styled(format!(" · {}", plain(role, cells)), theme.dim()));
            }
            if actor.anonymous {
                spans.push(Span::styled(" (anonymous)", theme.dim()));
            }
            spans
        }
        Section::Claims => {
            let claim = &brief.claims[i];
            let mut spans = Vec::new();
            if claim.status != ClaimStatus::Reported {
                spans.push(Span::styled(format!("[{}] ", claim.status), theme.status(claim.status)));
            }
            spans.push(Span::raw(plain(&claim.text, cells)));
            spans
        }
        Section::Positions => {
            let position = &brief.positions[i];
            let (glyph, style) = theme.stance(position.stance);
            let mut spans = vec![
                Span::styled(glyph.to_string(), style),
                Span::raw(" "),
                Span::styled(actor_name(opened, &position.actor), theme.strong()),
            ];
            if let Some(topic) = &position.topic {
                spans.push(Span::styled(format!(" · {}", topic_label(opened, topic)), theme.dim()));
            }
            spans.push(Span::raw(format!(": {}", plain(&position.text, cells))));
            spans
        }
        Section::Quotes => {
            let quote = &brief.quotes[i];
            // Reported speech is not in quotation marks: it is not the speaker's words.
            let text = match quote.kind {
                crate::model::QuoteKind::Indirect => format!(" (reported): {}", plain(&quote.text, cells)),
                _ => format!(": “{}”", plain(&quote.text, cells)),
            };
            vec![Span::styled(actor_name(opened, &quote.speaker), theme.strong()), Span::raw(text)]
        }
        Section::Topics => {
            let mut spans = vec![Span::raw(plain(&brief.topics[i].label, cells))];
            for (stance, count) in opened.index.stance_tally(brief, i) {
                let (_, style) = theme.stance(stance);
                spans.push(Span::styled(" · ", theme.dim()));
                spans.push(Span::styled(format!("{count} {}", tally_word(stance)), style));
            }
            spans
        }
        Section::Events => {
            let event = &brief.events[i];
            let (glyph, style) = theme.when(event.date.against(&brief.date));
            // The day only, so the timeline's dates line up; the detail pane gives the time.
            let date = crate::model::Date { time: None, ..event.date.clone() }.human();
            let pad = " ".repeat(11usize.saturating_sub(crate::text::cells(&date)));
            let mut spans = vec![Span::styled(format!("{date}{pad} "), theme.dim()), Span::styled(glyph, style)];
            if event.status != EventStatus::Occurred {
                spans.push(Span::styled(format!(" [{}]", event.status), theme.event_status(event.status)));
            }
            let text_style = theme.event_text(event.status);
            spans.push(Span::styled(format!(" {}", plain(&event.text, cells)), text_style));
            if !event.actors.is_empty() {
                // As many names as the row could show, however many actors the event has.
                let mut names = String::new();
                for actor in &event.actors {
                    if crate::text::cells(&names) > cells {
                        break;
                    }
                    names.push_str(if names.is_empty() { " · " } else { ", " });
                    names.push_str(&actor_name(opened, actor));
                }
                spans.push(Span::styled(names, theme.dim()));
            }
            spans
        }
        Section::Sources => {
            let source = &brief.sources[i];
            let mut spans = vec![Span::styled(plain(source.cited_as(), cells), theme.strong())];
            if let Some(reliability) = source.reliability {
                spans.push(Span::raw(format!(" · {}, {}", reliability.as_str(), reliability.meaning())));
            }
            let cited = opened.index.citing_count(i);
            spans.push(Span::styled(format!(" · cited by {cited}"), theme.dim()));
            if source.publisher.is_some() {
                spans.push(Span::styled(format!(" · {}", plain(&source.title, cells)), theme.dim()));
            }
            spans
        }
    }
}

/// How a topic's tally names those of a stance: `2 support`.
pub fn tally_word(stance: Stance) -> &'static str {
    match stance {
        Stance::Supports => "support",
        Stance::Opposes => "oppose",
        Stance::Neutral => "neutral",
        Stance::Mixed => "mixed",
        Stance::Unclear => "unclear",
    }
}

/// "— Sergey Lavrov, Russian Foreign Minister, 2 Dec 2021 (Al Jazeera, para 19)", as exports
/// write it.
pub fn attribution(opened: &Opened, quote: usize) -> String {
    crate::export::attribution(&opened.brief, &opened.index, quote)
}

/// "Al Jazeera (B, usually reliable), para 19": the source and the place in it as exports write
/// them, with how far the source is trusted beside it, so an item is weighed where it is read;
/// with several, how many first: "2 sources: Al Jazeera (B, usually reliable), para 19; White House".
pub fn citation(opened: &Opened, sources: &[Ref], at: Option<&str>) -> Option<String> {
    let (brief, index) = (&opened.brief, &opened.index);
    let citation = crate::export::citation(brief, index, sources, at, true)?;
    let mut distinct: Vec<usize> = sources.iter().filter_map(|r| index.resolve(brief, r, Section::Sources)).collect();
    distinct.sort_unstable();
    distinct.dedup();
    Some(if distinct.len() > 1 { format!("{} sources: {citation}", distinct.len()) } else { citation })
}

/// Wraps text to a width in terminal cells, keeping the author's line breaks.
pub fn wrap(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    crate::text::wrap::wrap(&visible(text, Lines::Keep), width.max(1), "", "")
        .into_iter()
        .map(|line| Line::styled(line, style))
        .collect()
}

/// Wraps text made of differently styled pieces to a width in cells, joining its lines; each
/// piece keeps its style on whatever lines it falls.
pub fn wrap_styled(pieces: &[(&str, Style)], width: usize) -> Vec<Line<'static>> {
    let mut joined = String::new();
    // Where each piece ends in the joined text, with its style.
    let mut ends: Vec<(usize, Style)> = Vec::new();
    for (text, style) in pieces {
        joined.push_str(&visible(text, Lines::Join));
        ends.push((joined.len(), *style));
    }
    let mut lines = Vec::new();
    for range in crate::text::wrap::line_ranges(&joined, width, width) {
        let mut spans = Vec::new();
        let mut at = range.start;
        for &(end, style) in ends.iter().filter(|(end, _)| *end > range.start) {
            let to = end.min(range.end);
            if to > at {
                spans.push(Span::styled(joined[at..to].to_string(), style));
                at = to;
            }
            if at == range.end {
                break;
            }
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// The item in full, wrapped to `width`: the top of the detail pane.
pub fn full(opened: &Opened, item: ItemRef, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let brief = &opened.brief;
    let i = item.index();
    let mut lines: Vec<Line<'static>> = Vec::new();
    let facts = |lines: &mut Vec<Line<'static>>, parts: Vec<String>| {
        let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        if !parts.is_empty() {
            lines.extend(wrap(&parts.join(" · "), width, theme.dim()));
        }
    };
    match item.section {
        Section::Actors => {
            let actor = &brief.actors[i];
            lines.extend(wrap(&actor.name, width, theme.heading()));
            let mut parts = vec![actor.kind.to_string()];
            let role = actor.role.as_deref().filter(|r| !r.eq_ignore_ascii_case(&actor.name));
            parts.extend(role.map(|r| one_line(r).into_owned()));
            if actor.anonymous {
                parts.push("anonymous".into());
            }
            facts(&mut lines, parts);
            if !actor.aliases.is_empty() {
                let aliases: Vec<String> = actor.aliases.iter().map(|a| one_line(a).into_owned()).collect();
                lines.extend(wrap(&format!("also: {}", aliases.join(", ")), width, theme.dim()));
            }
            if let Some(summary) = &actor.summary {
                lines.extend(wrap(summary, width, Style::new()));
            }
        }
        Section::Claims => {
            let claim = &brief.claims[i];
            lines.extend(wrap(&claim.text, width, theme.strong()));
            let mut parts = vec![claim.status.to_string()];
            if let Some(c) = claim.credibility {
                parts.push(format!("credibility {} ({})", c.as_str(), c.meaning()));
            }
            if claim.by.is_empty() {
                parts.push("the source's own narration".into());
            }
            parts.extend(claim.date.as_ref().map(|d| d.human()));
            parts.extend(citation(opened, &claim.source, claim.at.as_deref()));
            facts(&mut lines, parts);
        }
        Section::Positions => {
            let position = &brief.positions[i];
            let (glyph, style) = theme.stance(position.stance);
            let mut head = vec![
                Span::styled(format!("{glyph} "), style),
                Span::styled(actor_name(opened, &position.actor), theme.heading()),
                Span::styled(format!(" {}", position.stance), style),
            ];
            if let Some(topic) = &position.topic {
                head.push(Span::styled(format!(" · {}", topic_label(opened, topic)), theme.strong()));
            }
            lines.push(Line::from(head));
            lines.extend(wrap(&position.text, width, Style::new()));
            let mut parts = Vec::new();
            parts.extend(position.date.as_ref().map(|d| d.human()));
            parts.extend(citation(opened, &position.source, position.at.as_deref()));
            facts(&mut lines, parts);
        }
        Section::Quotes => {
            let quote = &brief.quotes[i];
            let text = match quote.kind {
                crate::model::QuoteKind::Indirect => quote.text.to_string(),
                _ => format!("“{}”", quote.text),
            };
            lines.extend(wrap(&text, width, theme.strong()));
            lines.extend(wrap(&attribution(opened, i), width, Style::new()));
            let mut parts = vec![format!("{} quote", quote.kind)];
            parts.extend(quote.to.as_deref().map(|t| format!("to {}", one_line(t))));
            parts.extend(quote.context.as_deref().map(|c| one_line(c).into_owned()));
            // The byline above names the source and the place in it, as exports write it; what
            // it leaves out is how far that source is trusted.
            let rated = quote.source.as_ref().filter(|r| {
                opened.index.resolve(brief, r, Section::Sources).is_some_and(|s| brief.sources[s].reliability.is_some())
            });
            parts.extend(rated.and_then(|r| citation(opened, std::slice::from_ref(r), None)));
            facts(&mut lines, parts);
        }
        Section::Topics => {
            let topic = &brief.topics[i];
            lines.extend(wrap(&topic.label, width, theme.heading()));
            let tally: Vec<String> = opened
                .index
                .stance_tally(brief, i)
                .into_iter()
                .map(|(stance, count)| format!("{count} {}", tally_word(stance)))
                .collect();
            let tally = if tally.is_empty() { "no positions".to_string() } else { tally.join(" · ") };
            lines.extend(wrap(&tally, width, theme.dim()));
            if let Some(summary) = &topic.summary {
                lines.extend(wrap(summary, width, Style::new()));
            }
        }
        Section::Events => {
            let event = &brief.events[i];
            lines.push(Line::styled(format!("{} · {}", event.date.human(), event.status), theme.heading()));
            lines.extend(wrap(&event.text, width, Style::new()));
            facts(&mut lines, citation(opened, &event.source, event.at.as_deref()).into_iter().collect());
        }
        Section::Sources => {
            let source = &brief.sources[i];
            lines.extend(wrap(&source.title, width, theme.heading()));
            let mut parts = Vec::new();
            parts.extend(source.publisher.as_deref().map(|p| one_line(p).into_owned()));
            parts.extend(source.published.as_ref().map(|d| d.human()));
            parts.extend(source.reliability.map(|r| format!("reliability {} ({})", r.as_str(), r.meaning())));
            facts(&mut lines, parts);
            if let Some(url) = &source.url {
                lines.extend(wrap(url, width, theme.dim()));
            }
            if let Some(file) = &source.file {
                lines.extend(wrap(&format!("text: {file}"), width, theme.dim()));
            }
        }
    }
    for (name, value) in brief.extensions_of(item).iter() {
        let value = match value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        lines.extend(wrap(&format!("{name}: {value}"), width, theme.dim()));
    }
    lines.push(Line::styled(format!("{} {}", item.section.singular(), one_line(brief.id_of(item))), theme.dim()));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    #[test]
    fn styled_pieces_wrap_to_the_width_in_cells() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let lines =
            wrap_styled(&[("He said ", Style::new()), ("東京 is near", bold), (" and left.", Style::new())], 12);
        assert_eq!(texts(&lines), ["He said 東京", "is near and", "left."]);
        assert!(lines.iter().all(|l| l.width() <= 12));
        assert_eq!(lines[0].spans.last().unwrap().style, bold, "the quoted words keep their style");
    }

    #[test]
    fn the_reader_wraps_as_it_measures_in_cells() {
        let hearts = ["❤\u{fe0f}"; 12].join(" ");
        for lines in [wrap(&hearts, 20, Style::new()), wrap_styled(&[(&hearts, Style::new())], 20)] {
            assert!(lines.len() > 1);
            for line in lines {
                assert!(crate::text::cells(&line.to_string()) <= 20, "{line}");
            }
        }
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut() {
        let lines = wrap_styled(&[(&"x".repeat(25), Style::new())], 10);
        assert_eq!(texts(&lines), ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"]);
    }
}
