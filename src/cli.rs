//! The command line: `brief [PATH]...` opens the reader; `check`, `export` and `schema` are
//! for scripts and editors.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::load::{self, LoadedFile, render};

#[derive(Debug, Parser)]
#[command(name = "brief", version, about = "A terminal reader for briefing notes: who said what, cross-referenced.")]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Brief files or folders to open (`-` reads stdin). None opens the bundled sample brief.
    pub paths: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check briefs and report every problem with file, line and column.
    ///
    /// Exit status: 0 without errors (warnings allowed), 1 when any brief has errors,
    /// 2 for usage and I/O errors.
    Check {
        /// Brief files or folders (`-` reads stdin). None checks the bundled sample brief.
        paths: Vec<PathBuf>,
        /// `human` (rustc-style, on stderr) or `json` (on stdout, for editors and scripts).
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
    },
    /// Print the JSON Schema (2020-12) of the brief format.
    Schema,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
}

/// Exit status for usage and I/O errors.
pub const EXIT_USAGE: u8 = 2;
/// Exit status when a brief has errors.
pub const EXIT_INVALID: u8 = 1;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { paths, format }) => check(&paths, format),
        Some(Command::Schema) => print_stdout(&crate::schema::json_schema()),
        None => crate::tui::run(&cli.paths),
    }
}

/// Whether to colour what goes to stderr: only on a terminal, never with `NO_COLOR`.
pub fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Loads the paths, or the bundled sample when there are none.
pub fn load_or_sample(paths: &[PathBuf]) -> Result<Vec<LoadedFile>, load::LoadError> {
    if paths.is_empty() { Ok(vec![crate::sample::load()]) } else { load::load_paths(paths) }
}

fn check(paths: &[PathBuf], format: CheckFormat) -> ExitCode {
    let files = match load_or_sample(paths) {
        Ok(files) => files,
        Err(error) => return usage_error(&error.to_string()),
    };
    let totals = render::Totals::of(&files);
    match format {
        CheckFormat::Human => {
            let color = stderr_color();
            let mut report = String::new();
            for file in &files {
                report.push_str(&render::human(file, color));
            }
            report.push_str(&format!("{totals}\n"));
            print_stderr(&report);
        }
        CheckFormat::Json => {
            let code = print_stdout(&(render::json(&files) + "\n"));
            if code != ExitCode::SUCCESS {
                return code;
            }
        }
    }
    if totals.errors > 0 { ExitCode::from(EXIT_INVALID) } else { ExitCode::SUCCESS }
}

/// Prints the diagnostics of files with errors the way `brief check` does. Used where a
/// command refuses to work on a brief with errors.
pub fn report_problems(files: &[LoadedFile]) {
    let color = stderr_color();
    let mut report = String::new();
    for file in files.iter().filter(|f| f.has_errors()) {
        report.push_str(&render::human(file, color));
    }
    report.push_str(&format!("{}\n", render::Totals::of(files)));
    print_stderr(&report);
}

pub fn usage_error(message: &str) -> ExitCode {
    print_stderr(&format!("error: {}\n", crate::text::one_line(message)));
    ExitCode::from(EXIT_USAGE)
}

fn print_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Writes to stdout; a closed pipe (`brief … | head -1`) ends quietly with success.
pub fn print_stdout(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => usage_error(&format!("cannot write to standard output: {e}")),
    }
}
