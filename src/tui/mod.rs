//! The reader. (Being built: for now it checks the briefs and lists them.)

use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(paths: &[PathBuf]) -> ExitCode {
    let files = match crate::cli::load_or_sample(paths) {
        Ok(files) => files,
        Err(error) => return crate::cli::usage_error(&error.to_string()),
    };
    if files.iter().any(|f| f.has_errors()) {
        crate::cli::report_problems(&files);
        return ExitCode::from(crate::cli::EXIT_INVALID);
    }
    ExitCode::SUCCESS
}
