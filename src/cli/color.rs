//! `--color auto|always|never`, decided once for the whole run: `always` is for a pager or a
//! terminal recorder that is not a terminal itself, `never` for a terminal that shows escapes
//! raw; `auto` colours a terminal unless `NO_COLOR` is set (no-color.org).

use std::io::IsTerminal;
use std::sync::OnceLock;

pub use clap::ColorChoice;

/// What the command line chose; set once in `cli::main` before anything is written, read by
/// every output that may colour. Unset (the library used without the CLI) means `auto`.
static CHOICE: OnceLock<ColorChoice> = OnceLock::new();

pub(super) fn choose(choice: ColorChoice) {
    // A second choice cannot happen: main runs once.
    let _ = CHOICE.set(choice);
}

/// Whether to colour what goes to stderr.
pub fn stderr_color() -> bool {
    wanted(chosen(), std::io::stderr().is_terminal(), no_color_set())
}

/// Whether to colour what goes to stdout.
pub fn stdout_color() -> bool {
    wanted(chosen(), std::io::stdout().is_terminal(), no_color_set())
}

/// Whether the reader colours its screen: it only runs on a terminal, so only `NO_COLOR` and
/// `--color never` take its colours away.
pub fn reader_color() -> bool {
    wanted(chosen(), true, no_color_set())
}

fn chosen() -> ColorChoice {
    CHOICE.get().copied().unwrap_or(ColorChoice::Auto)
}

fn no_color_set() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// An explicit choice beats both the terminal test and `NO_COLOR`: someone who typed
/// `--color always` with `NO_COLOR` in their profile meant this run.
fn wanted(choice: ColorChoice, terminal: bool, no_color: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && !no_color,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_colours_a_terminal_without_no_color_only() {
        assert!(wanted(ColorChoice::Auto, true, false));
        assert!(!wanted(ColorChoice::Auto, false, false), "a pipe or file gets no escapes");
        assert!(!wanted(ColorChoice::Auto, true, true), "NO_COLOR is honoured");
    }

    #[test]
    fn always_beats_no_color_and_a_pipe_and_never_beats_a_terminal() {
        for (terminal, no_color) in [(false, false), (false, true), (true, true), (true, false)] {
            assert!(wanted(ColorChoice::Always, terminal, no_color));
            assert!(!wanted(ColorChoice::Never, terminal, no_color));
        }
    }
}
