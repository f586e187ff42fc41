//! What is wrong with a config file, where, and how to fix it: shown like a compiler's error.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::text::{cells, one_line};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// Where in the file, when the fault has a place (boxed: errors travel up every `?`).
    pub place: Option<Box<Place>>,
    pub message: String,
    pub fix: String,
}

/// A place in the file: line and column from 1 (the column in characters), with the line's text
/// and how many cells of it to underline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    text: String,
    start: usize,
    width: usize,
}

impl Place {
    /// The place of a byte range of `text`; a range past the end points at the end.
    pub fn of(text: &str, span: Range<usize>) -> Place {
        let at = floor_char(text, span.start.min(text.len()));
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        let end = floor_char(text, span.end.clamp(at, line_end));
        let line_text = text[line_start..line_end].trim_end_matches('\r');
        // Control characters in the file are shown as symbols; the underline measures the line
        // as it is shown.
        let before = &text[line_start..at];
        Place {
            line: text[..at].matches('\n').count() + 1,
            column: before.chars().count() + 1,
            text: one_line(line_text).into_owned(),
            start: cells(&one_line(before)),
            width: cells(&one_line(&text[at..end])).max(1),
        }
    }
}

fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl ConfigError {
    pub fn at(path: &Path, text: &str, span: Range<usize>, message: impl Into<String>, fix: impl Into<String>) -> Self {
        ConfigError {
            path: path.to_path_buf(),
            place: Some(Box::new(Place::of(text, span))),
            message: message.into(),
            fix: fix.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = one_line(&self.path.display().to_string()).into_owned();
        let message = one_line(&self.message).into_owned();
        match &self.place {
            None => writeln!(f, "{path}: {message}")?,
            Some(place) => {
                writeln!(f, "{path}:{}:{}: {message}", place.line, place.column)?;
                let number = place.line.to_string();
                let gutter = " ".repeat(number.len());
                writeln!(f, "{gutter} |")?;
                writeln!(f, "{number} | {}", place.text)?;
                writeln!(f, "{gutter} | {}{}", " ".repeat(place.start), "^".repeat(place.width))?;
            }
        }
        write!(f, "  = fix: {}", one_line(&self.fix))
    }
}

/// Every mistake of a config file, in the file's order: all told at once, as `brief check`
/// tells all of a brief's, so fixing one does not reveal the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl From<ConfigError> for ConfigErrors {
    fn from(error: ConfigError) -> ConfigErrors {
        ConfigErrors(vec![error])
    }
}

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, error) in self.0.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            writeln!(f, "error: {error}")?;
        }
        let count = match self.0.len() {
            1 => String::new(),
            n => format!(" ({n} mistakes)"),
        };
        write!(f, "  = note: the file was not used{count}; `brief --no-config` starts without it")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_is_its_line_and_column_from_one() {
        let text = "[keys]\nquit = [\"x\"]\n";
        let place = Place::of(text, 7..11);
        assert_eq!((place.line, place.column, place.width), (2, 1, 4));
        let place = Place::of(text, 100..101);
        assert_eq!(place.line, 3);
    }

    #[test]
    fn the_line_shown_has_its_control_characters_as_symbols() {
        let text = "a = \"\u{1b}[31m\"\n";
        let error = ConfigError::at(Path::new("c.toml"), text, 0..1, "bad", "fix it");
        let shown = error.to_string();
        assert!(!shown.contains('\u{1b}'), "{shown}");
        assert!(shown.starts_with("c.toml:1:1: bad\n"), "{shown}");
    }
}
