//! `brief man`: the manual, in roff, from the same `Cli` that parses the command line. One
//! stream holds brief(1) and then a page for each subcommand (brief-check(1), …), the pages
//! brief(1) refers to, so the one file `brief man` writes is the whole manual.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_mangen::Man;

pub(super) fn print() -> ExitCode {
    match roff() {
        Ok(text) => super::print_stdout(&text),
        Err(error) => super::usage_error(&format!("cannot render the manual page: {error}")),
    }
}

fn roff() -> std::io::Result<String> {
    // Built first, so each subcommand knows its full name (`brief check`) for its synopsis.
    let mut cli = super::Cli::command().disable_help_subcommand(true);
    cli.build();
    let mut out = Vec::new();
    Man::new(cli.clone()).render(&mut out)?;
    for sub in cli.get_subcommands().filter(|s| !s.is_hide_set()) {
        Man::new(sub.clone()).render(&mut out)?;
    }
    Ok(ascii(&String::from_utf8_lossy(&out)))
}

/// The roff with every character outside ASCII written as a groff escape (`…` as `\[u2026]`):
/// clap_mangen leaves them as they are, and groff and man read a page as Latin-1 unless told
/// otherwise, so a help text's ellipsis came out as three wrong characters and a warning.
fn ascii(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    for c in roff.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn characters_outside_ascii_become_groff_escapes() {
        assert_eq!(super::ascii("since \u{2026} and caf\u{e9}"), "since \\[u2026] and caf\\[u00E9]");
    }
}
