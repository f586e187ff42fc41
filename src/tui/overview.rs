//! The overview's lines (`i`): what a brief says before its items. Its bottom line, who
//! prepared it and when, what it holds, and how good its sources are; each source's lines
//! carry the source, so the cursor and Enter can pick one.

use ratatui::style::Style;
use ratatui::text::Line;

use super::describe::{wrap, wrap_styled};
use super::state::Opened;
use super::theme::Theme;
use crate::model::Vocabulary;
use crate::text::one_line;
use crate::tui::action::Pane;

/// A line of the overview, and the source it belongs to, if any.
pub struct OverviewLine {
    pub line: Line<'static>,
    pub source: Option<usize>,
}

fn untagged(lines: Vec<Line<'static>>) -> impl Iterator<Item = OverviewLine> {
    lines.into_iter().map(|line| OverviewLine { line, source: None })
}

/// The overview at a width in cells.
pub fn lines(opened: &Opened, theme: Theme, width: usize) -> Vec<OverviewLine> {
    let brief = &opened.brief;
    let mut out: Vec<OverviewLine> = Vec::new();
    let heading = |text: &str| untagged(wrap(text, width, theme.heading()));
    let blank = || OverviewLine { line: Line::raw(""), source: None };

    out.extend(untagged(wrap(&brief.title, width, theme.heading())));
    let mut facts = vec![brief.date.human()];
    facts.extend(brief.marking.as_deref().map(|m| one_line(m).into_owned()));
    facts.extend(brief.prepared_by.as_deref().map(|p| format!("prepared by {}", one_line(p))));
    out.extend(untagged(wrap(&facts.join(" · "), width, theme.dim())));
    if !brief.tags.is_empty() {
        let tags: Vec<String> = brief.tags.iter().map(|t| one_line(t).into_owned()).collect();
        out.extend(untagged(wrap(&format!("tags: {}", tags.join(", ")), width, theme.dim())));
    }

    out.push(blank());
    out.extend(heading("Bottom line"));
    match &brief.summary {
        Some(summary) => out.extend(untagged(wrap(summary, width, Style::new()))),
        None => out.extend(untagged(wrap("the brief has no summary", width, theme.dim()))),
    }

    out.push(blank());
    out.extend(heading("In this brief"));
    // As the tabs say it, so the number is the key that opens the list; a line breaks only
    // between lists.
    let glue = crate::text::wrap::GLUE;
    let counts: Vec<String> = Pane::ALL
        .iter()
        .map(|&p| format!("{}{glue}{}{glue}{}", p.number(), p.section().title(), brief.len(p.section())))
        .collect();
    let counts = crate::text::wrap::wrap(&counts.join(" · "), width, "", "");
    out.extend(untagged(counts.into_iter().map(Line::raw).collect()));

    out.push(blank());
    out.extend(heading(&format!("Sources ({})", brief.sources.len())));
    if brief.sources.is_empty() {
        out.extend(untagged(wrap("the brief lists no sources", width, theme.dim())));
    }
    for (i, source) in brief.sources.iter().enumerate() {
        let mut facts: Vec<String> = Vec::new();
        facts.extend(source.published.as_ref().map(|d| d.human()));
        facts.push(match source.reliability {
            Some(r) => format!("{}: {}", r.as_str(), r.meaning()),
            None => "reliability not given".to_string(),
        });
        let cited = opened.index.citing_count(i);
        facts.push(format!("cited by {cited} item{}", if cited == 1 { "" } else { "s" }));
        let name = source.cited_as().to_string();
        let facts = format!(" · {}", facts.join(" · "));
        let mut lines = wrap_styled(&[(&name, theme.strong()), (&facts, Style::new())], width);
        if source.publisher.is_some() {
            lines.extend(wrap(&format!("  {}", source.title), width, theme.dim()));
        }
        if let Some(url) = &source.url {
            lines.extend(wrap(&format!("  {url}"), width, theme.dim()));
        }
        out.extend(lines.into_iter().map(|line| OverviewLine { line, source: Some(i) }));
    }

    if !brief.extensions.is_empty() {
        out.push(blank());
        out.extend(heading("Other fields"));
        for (name, value) in brief.extensions.iter() {
            let value = match value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            out.extend(untagged(wrap(&format!("{name}: {value}"), width, theme.dim())));
        }
    }
    out
}

/// The lines a source takes, as a range.
pub fn source_lines(lines: &[OverviewLine], source: usize) -> Option<std::ops::Range<usize>> {
    let start = lines.iter().position(|l| l.source == Some(source))?;
    let end = start + lines[start..].iter().take_while(|l| l.source == Some(source)).count();
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_source_is_one_run_of_lines_and_the_rest_belong_to_none() {
        let brief = crate::sample::load().into_valid_briefs().remove(0);
        let opened = Opened::new("sample".into(), brief);
        for width in [1, 20, 80, 200] {
            let lines = lines(&opened, Theme::new(false), width);
            for source in 0..opened.brief.sources.len() {
                let range = source_lines(&lines, source).expect("every source is shown");
                let tagged = lines.iter().filter(|l| l.source == Some(source)).count();
                assert_eq!(range.len(), tagged, "one run at {width}");
            }
            for l in &lines {
                assert!(l.line.width() <= width, "nothing wider than {width}: {:?}", l.line);
            }
        }
    }
}
