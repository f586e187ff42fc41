//! Diagnostics for people (rustc style, with the source line and a caret) and for tools (JSON).

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use super::{Diagnostic, LoadedFile, Severity};
use crate::model::Span;
use crate::text::{json_escape_unsafe, one_line};

/// Lines longer than this are cut around the problem, so a 10 MB line prints as one screen line.
const MAX_SHOWN_LINE: usize = 160;

/// Totals over a set of files, for the closing line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub files: usize,
    pub briefs: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Briefs with errors, whose warnings are not looked for until the errors are fixed.
    pub briefs_with_errors: usize,
}

impl Totals {
    pub fn of(files: &[LoadedFile]) -> Totals {
        let mut totals = Totals { files: files.len(), ..Totals::default() };
        for file in files {
            totals.briefs += file.brief_count();
            totals.briefs_with_errors += file.briefs_with_errors();
            for problem in file.all_problems() {
                match problem.severity() {
                    Severity::Error => totals.errors += 1,
                    Severity::Warning => totals.warnings += 1,
                }
            }
        }
        totals
    }
}

impl std::fmt::Display for Totals {
    /// `3 briefs, 0 errors, 2 warnings`, or `2 files, 3 briefs, …` when files and briefs are not
    /// one for one (a file of several briefs, an empty file). A brief with errors is not
    /// checked for warnings (see `load`), so then the line says so rather than count warnings
    /// it never looked for.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
        if self.files != self.briefs {
            write!(f, "{}, ", plural(self.files, "file"))?;
        }
        write!(f, "{}, {}", plural(self.briefs, "brief"), plural(self.errors, "error"))?;
        if self.errors == 0 || self.warnings > 0 {
            write!(f, ", {}", plural(self.warnings, "warning"))?;
        }
        match (self.briefs_with_errors, self.warnings) {
            (0, _) => Ok(()),
            (_, 0) => f.write_str(" (warnings are checked once the errors are fixed)"),
            (_, _) => f.write_str(" (briefs with errors are checked for warnings once the errors are fixed)"),
        }
    }
}

/// Every diagnostic of a file in the rustc style, each followed by a blank line.
pub fn human(file: &LoadedFile, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let name = one_line(&file.origin.name()).into_owned();
    let mut out = String::new();
    for problem in file.all_problems() {
        out.push_str(&render_one(&renderer, &name, &file.text, problem));
        out.push_str("\n\n");
    }
    out
}

fn render_one(renderer: &Renderer, name: &str, text: &str, problem: &Diagnostic) -> String {
    let level = match problem.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let message = one_line(&problem.message);
    let title = level.primary_title(message.as_ref()).id(problem.code.as_str());
    let mut group = match problem.span.and_then(|span| shown_line(text, span)) {
        Some(shown) => {
            let mut annotation = AnnotationKind::Primary.span(shown.range.clone());
            if let Some(label) = &problem.label {
                annotation = annotation.label(one_line(label).into_owned());
            }
            title.element(
                Snippet::source(shown.line).line_start(shown.number).path(name.to_string()).annotation(annotation),
            )
        }
        None => {
            let mut origin = annotate_snippets::Origin::path(name.to_string());
            if let Some(span) = problem.span {
                origin = origin.line(span.line as usize).char_column(span.column.saturating_sub(1) as usize);
            }
            title.element(origin)
        }
    };
    if let Some(fix) = problem.fix() {
        group = group.element(Level::HELP.message(one_line(&fix).into_owned()));
    }
    if problem.suggestion.is_some()
        && let Some(help) = &problem.help
    {
        group = group.element(Level::NOTE.message(one_line(help).into_owned()));
    }
    if let Some(note) = &problem.note {
        group = group.element(Level::NOTE.message(one_line(note).into_owned()));
    }
    let report: [Group; 1] = [group];
    renderer.render(&report)
}

/// The source line a span starts on, made safe to print and cut to a readable width, with the
/// span's byte range inside it.
struct ShownLine {
    number: usize,
    line: String,
    range: std::ops::Range<usize>,
}

fn shown_line(text: &str, span: Span) -> Option<ShownLine> {
    let offset = (span.offset as usize).min(text.len());
    if span.line == 0 || !text.is_char_boundary(offset) {
        return None;
    }
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let raw = text[start..end].trim_end_matches('\r');
    let from = (offset - start).min(raw.len());
    let mut to = (from + span.len as usize).min(raw.len());
    while !raw.is_char_boundary(to) {
        to -= 1;
    }
    if to == from {
        // A point, not a range: mark the character there.
        to = from + raw[from..].chars().next().map_or(0, char::len_utf8);
    }
    let (window_start, window_end) = window(raw, from);
    let to = to.min(window_end);
    let lead = if window_start > 0 { "…" } else { "" };
    let tail = if window_end < raw.len() { "…" } else { "" };
    let before = format!("{lead}{}", one_line(&raw[window_start..from]));
    let marked = one_line(&raw[from..to]);
    let line = format!("{before}{marked}{}{tail}", one_line(&raw[to..window_end]));
    Some(ShownLine { number: span.line as usize, range: before.len()..before.len() + marked.len(), line })
}

fn window(raw: &str, from: usize) -> (usize, usize) {
    if raw.len() <= MAX_SHOWN_LINE {
        return (0, raw.len());
    }
    let mut start = from.saturating_sub(MAX_SHOWN_LINE / 3);
    while !raw.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + MAX_SHOWN_LINE).min(raw.len());
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    (start, end)
}

/// One diagnostic for tools.
#[derive(Debug, Clone, Serialize)]
pub struct JsonDiagnostic {
    pub file: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub end_line: Option<u32>,
    pub end_column: Option<u32>,
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The nearest valid value ("did you mean"), ready to replace the one at fault.
    pub suggestion: Option<String>,
    /// How to fix it, in one sentence.
    pub help: Option<String>,
    /// Background: the YAML parser's own words for a syntax error.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct JsonReport {
    #[serde(flatten)]
    pub totals: Totals,
    pub diagnostics: Vec<JsonDiagnostic>,
}

/// Every diagnostic of every file as one JSON document.
pub fn json(files: &[LoadedFile]) -> String {
    let mut diagnostics = Vec::new();
    for file in files {
        for problem in file.all_problems() {
            let end = problem.span.map(|s| end_of(&file.text, s));
            diagnostics.push(JsonDiagnostic {
                file: file.origin.name(),
                line: problem.span.map(|s| s.line),
                column: problem.span.map(|s| s.column),
                end_line: end.map(|e| e.0),
                end_column: end.map(|e| e.1),
                code: problem.code.as_str(),
                severity: problem.severity(),
                message: problem.message.clone(),
                suggestion: problem.suggestion.clone(),
                help: problem.help.clone(),
                note: problem.note.clone(),
            });
        }
    }
    let report = JsonReport { totals: Totals::of(files), diagnostics };
    let json = serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    json_escape_unsafe(json)
}

/// Line and column (1-based, in characters) just past a span.
fn end_of(text: &str, span: Span) -> (u32, u32) {
    let start = (span.offset as usize).min(text.len());
    let mut end = (start + span.len as usize).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let inside = text.get(start..end).unwrap_or("");
    match inside.rfind('\n') {
        Some(i) => (span.line + inside.matches('\n').count() as u32, inside[i + 1..].chars().count() as u32 + 1),
        None => (span.line, span.column + inside.chars().count() as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Origin, load_bytes, load_text};

    fn line(files: &[LoadedFile]) -> String {
        Totals::of(files).to_string()
    }

    #[test]
    fn the_summary_counts_files_apart_only_when_they_are_not_one_brief_each() {
        let sample = || load_text(Origin::Stdin, crate::sample::portable());
        assert_eq!(line(&[sample(), sample()]), "2 briefs, 0 errors, 0 warnings");
        let two = format!("{}\n---\n{}", crate::sample::portable(), crate::sample::portable());
        assert_eq!(line(&[load_text(Origin::Stdin, two)]), "1 file, 2 briefs, 0 errors, 0 warnings");
        assert_eq!(line(&[load_text(Origin::Stdin, String::new())]), "1 file, 0 briefs, 1 error");
        assert_eq!(line(&[load_bytes(Origin::Stdin, vec![0xff, 0xfe])]), "1 file, 0 briefs, 1 error");
        // The brief the parser stopped in is a brief, with its error.
        let broken = load_text(Origin::Stdin, "brief: 1\ntitle: \"open\n".to_string());
        assert_eq!(line(&[broken]), "1 brief, 1 error (warnings are checked once the errors are fixed)");
    }

    #[test]
    fn the_summary_says_when_warnings_wait_for_the_errors() {
        let warned = load_text(
            Origin::Stdin,
            crate::sample::portable().replacen("actors:\n", "actors:\n  - {id: nobody, name: N}\n", 1),
        );
        let broken =
            load_text(Origin::Stdin, crate::sample::portable().replacen("speaker: lavrov", "speaker: lavrof", 1));
        assert_eq!(line(std::slice::from_ref(&warned)), "1 brief, 0 errors, 1 warning");
        assert_eq!(
            line(std::slice::from_ref(&broken)),
            "1 brief, 1 error (warnings are checked once the errors are fixed)"
        );
        assert_eq!(
            line(&[warned, broken]),
            "2 briefs, 1 error, 1 warning (briefs with errors are checked for warnings once the errors are fixed)"
        );
    }
}
