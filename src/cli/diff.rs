//! `brief diff OLD NEW`, and the same called by git as a diff driver with seven arguments (nine
//! for a renamed file): `path old-file old-hex old-mode new-file new-hex new-mode [new-path
//! rename-info]`.
//!
//! As `diff` does, it exits 0 when nothing changed, 1 when something did, and 2 for trouble,
//! a brief with errors included. Git takes any status but 0 from a driver as its failure and
//! stops, so as a driver it exits 0 whatever changed, and a side with errors is shown with its
//! diagnostics in the diff rather than ending `git log -p` there.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::pager::print_stdout;
use super::{EXIT_USAGE, print_stderr, report_problems, stdout_color, usage_error};
use crate::export::{self, Format};
use crate::load::{self, LoadedFile, Origin, render};
use crate::model::Brief;
use crate::text::one_line;

/// What git passes for the side of a file that does not exist (added or deleted); `brief diff`
/// takes it for no brief too.
const NO_FILE: &str = "/dev/null";

/// Exit status when the briefs differ.
const EXIT_CHANGED: u8 = 1;

pub(super) fn diff(paths: &[PathBuf], format: Format, stat: bool, pager: bool) -> ExitCode {
    if stat && format == Format::Json {
        return usage_error("--stat is for text and Markdown; the JSON gives every section's `counts` anyway");
    }
    let options = export::diff::Options { format, color: format == Format::Text && stdout_color(), stat };
    match paths {
        [old, new] => files(old, new, &options, pager),
        [path, old, _, _, new, _, _] => driver(path, old, new, path, &options, pager),
        [path, old, _, _, new, _, _, new_path, _] => driver(path, old, new, new_path, &options, pager),
        _ => usage_error(&format!(
            "brief diff takes two paths, OLD and NEW, or the seven arguments git gives a diff driver; {} given",
            paths.len()
        )),
    }
}

/// `brief diff OLD NEW`.
fn files(old: &Path, new: &Path, options: &export::diff::Options, pager: bool) -> ExitCode {
    if old.as_os_str() == "-" && new.as_os_str() == "-" {
        return usage_error("only one side can be read from stdin (-)");
    }
    let (old_files, new_files) = match (side(old), side(new)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(error), _) | (_, Err(error)) => return usage_error(&error.to_string()),
    };
    let broken: Vec<&[LoadedFile]> =
        [&old_files, &new_files].into_iter().filter(|f| f.iter().any(LoadedFile::has_errors)).map(|f| &f[..]).collect();
    if !broken.is_empty() {
        for files in broken {
            report_problems(files);
        }
        print_stderr("error: nothing was compared: a brief has errors; `brief check` lists them\n");
        return ExitCode::from(EXIT_USAGE);
    }
    let (old, new) = (briefs(&old_files), briefs(&new_files));
    let pairs = crate::diff::pair(&old, &new);
    let code = print_stdout(&export::diff::render(&pairs, &old, &new, options), pager);
    if code != ExitCode::SUCCESS {
        return code;
    }
    if pairs.iter().all(crate::diff::Pair::is_unchanged) { ExitCode::SUCCESS } else { ExitCode::from(EXIT_CHANGED) }
}

/// The files of one side: none for `/dev/null`.
fn side(path: &Path) -> Result<Vec<LoadedFile>, load::LoadError> {
    if path.as_os_str() == NO_FILE { Ok(Vec::new()) } else { load::load_paths(&[path.to_path_buf()]) }
}

fn briefs(files: &[LoadedFile]) -> Vec<&Brief> {
    files.iter().flat_map(LoadedFile::valid_briefs).collect()
}

/// Git's diff driver: the path's two versions, a header naming it, and the diff; exit 0.
///
/// Git hands the old version over in a temporary file, so each side is read as if it were the
/// file at its path in the working tree: diagnostics name that path, and a source's `file` is
/// found beside it.
fn driver(
    path: &Path,
    old: &Path,
    new: &Path,
    new_path: &Path,
    options: &export::diff::Options,
    pager: bool,
) -> ExitCode {
    let (old_file, new_file) = match (version(old, path), version(new, new_path)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(message), _) | (_, Err(message)) => return usage_error(&message),
    };
    let mut out = String::new();
    if options.format != Format::Json {
        let (a, b) = (
            one_line(&path.display().to_string()).into_owned(),
            one_line(&new_path.display().to_string()).into_owned(),
        );
        out.push_str(&format!("brief diff a/{a} b/{b}\n"));
        match (&old_file, &new_file) {
            (None, _) => out.push_str("new file\n"),
            (_, None) => out.push_str("deleted file\n"),
            _ if path != new_path => out.push_str(&format!("renamed from {a}\n")),
            _ => {}
        }
    }
    let sides = [("old", &old_file), ("new", &new_file)];
    let broken: Vec<_> = sides.iter().filter(|(_, f)| f.as_ref().is_some_and(LoadedFile::has_errors)).collect();
    if !broken.is_empty() {
        for (which, file) in broken {
            out.push_str(&format!("the {which} version has errors; not compared:\n\n"));
            if let Some(file) = file {
                out.push_str(&render::human(file, false));
            }
        }
        return print_stdout(&out, pager);
    }
    let (old, new) = (briefs(old_file.as_slice()), briefs(new_file.as_slice()));
    let pairs = crate::diff::pair(&old, &new);
    let shown = export::diff::render(&pairs, &old, &new, options);
    if shown.is_empty() {
        out.push_str("no change to the briefs: only their layout, comments or order\n");
    }
    out.push_str(&shown);
    print_stdout(&out, pager)
}

/// One version of the file at `path`, read from `file`; none for `/dev/null`.
fn version(file: &Path, path: &Path) -> Result<Option<LoadedFile>, String> {
    if file.as_os_str() == NO_FILE {
        return Ok(None);
    }
    let bytes = load::read_capped(file).map_err(|why| format!("cannot read '{}': {why}", file.display()))?;
    Ok(Some(load::load_bytes(Origin::File(path.to_path_buf()), bytes)))
}
