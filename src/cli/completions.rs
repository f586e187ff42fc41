//! `brief completions SHELL`: clap_complete's script for the shell, from the same `Cli` that
//! parses the command line, so a new flag or section is completed without anyone remembering to.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

pub(super) fn print(shell: Shell) -> ExitCode {
    super::print_stdout(&script(shell))
}

fn script(shell: Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut super::Cli::command(), "brief", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}
