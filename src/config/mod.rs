//! The user's config file, `$XDG_CONFIG_HOME/brief/config.toml` (else
//! `~/.config/brief/config.toml`): keys, colours, export defaults and reader options, each
//! optional. A file that is there is read whole and checked before any command runs: anything
//! unknown or wrong stops it with the place and a fix, never a silent fall back to the defaults
//! (the pitfall of gitui #448 and zellij #5108). No file is the defaults.

mod document;
mod error;
mod keys;
mod render;
mod theme;

use std::path::{Path, PathBuf};

use toml::de::DeTable;

pub use error::{ConfigError, ConfigErrors, Place};
pub use render::render;

use crate::export::{self, Format};
use crate::tui::Pane;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Palette;
use document::{Document, Key, Value, in_order};

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub keymap: Keymap,
    pub palette: Palette,
    /// `brief export`'s format and width unless flags say otherwise, and the export dialog's.
    pub export: export::Options,
    pub reader: Reader,
}

/// `[reader]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    /// Clicks and the wheel; false as `--no-mouse`.
    pub mouse: bool,
    /// Reading a brief's file again when it changes.
    pub watch: bool,
    /// The pane every brief opens on.
    pub pane: Pane,
}

impl Default for Reader {
    fn default() -> Reader {
        Reader { mouse: true, watch: true, pane: Pane::Actors }
    }
}

/// The tables a config file has.
const TABLES: [&str; 4] = ["reader", "export", "theme", "keys"];

/// Where the config file is: `$XDG_CONFIG_HOME/brief/config.toml`, else under `$HOME/.config`;
/// none without either.
pub fn path() -> Option<PathBuf> {
    path_from(|name| std::env::var_os(name))
}

fn path_from(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<PathBuf> {
    let set = |name: &str| var(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    // The XDG rule: a relative XDG_CONFIG_HOME is invalid and ignored.
    let base = set("XDG_CONFIG_HOME").filter(|p| p.is_absolute()).or_else(|| Some(set("HOME")?.join(".config")))?;
    Some(base.join("brief").join("config.toml"))
}

/// The config in the file at `path`, `None` when there is no such file.
pub fn load(path: &Path) -> Result<Option<Config>, ConfigErrors> {
    let unreadable = |reason: String| ConfigError {
        path: path.to_path_buf(),
        place: None,
        message: format!("cannot read the config file: {reason}"),
        fix: "make it a readable file, or remove it".into(),
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::IsADirectory => {
            return Err(unreadable("it is a folder".into()).into());
        }
        Err(e) => return Err(unreadable(e.to_string()).into()),
    };
    match String::from_utf8(bytes) {
        Ok(text) => parse(&text, path).map(Some),
        Err(e) => {
            // The text up to the fault is the same bytes in the lossy copy.
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes());
            Err(ConfigError::at(path, &text, at..at + 1, "the file is not UTF-8 text", "save it as UTF-8").into())
        }
    }
}

/// A config file's text, checked: every mistake in it, or the config.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigErrors> {
    let doc = Document { path, text };
    let parsed = DeTable::parse(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().lines().next().unwrap_or("not TOML").trim_end_matches('.').to_string();
        doc.error(
            span,
            format!("not valid TOML: {message}"),
            "see https://toml.io; `brief config --default` prints a valid file",
        )
    })?;
    let mut config = Config::default();
    let mut errors = Vec::new();
    for (key, value) in in_order(parsed.get_ref()) {
        let name = key.get_ref().as_ref();
        if !TABLES.contains(&name) {
            errors.push(doc.unknown(key, "table", TABLES));
            continue;
        }
        let table = match doc.table(key, value) {
            Ok(table) => table,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        match name {
            "reader" => each(table, &mut errors, |key, value| reader_setting(&doc, key, value, &mut config.reader)),
            "export" => each(table, &mut errors, |key, value| export_setting(&doc, key, value, &mut config.export)),
            "theme" => each(table, &mut errors, |key, value| theme::read(&doc, key, value, &mut config.palette)),
            _ => keys::read(&doc, table, &mut config.keymap, &mut errors),
        }
    }
    if errors.is_empty() {
        return Ok(config);
    }
    errors.sort_by_key(|e| e.place.as_ref().map(|p| (p.line, p.column)));
    Err(ConfigErrors(errors))
}

/// Reads each setting of a table, keeping every mistake and going on to the next setting.
fn each<'t, 'i>(
    table: &'t DeTable<'i>,
    errors: &mut Vec<ConfigError>,
    mut read: impl FnMut(&'t Key<'i>, &'t Value<'i>) -> Result<(), ConfigError>,
) {
    for (key, value) in in_order(table) {
        if let Err(error) = read(key, value) {
            errors.push(error);
        }
    }
}

fn reader_setting(doc: &Document, key: &Key, value: &Value, reader: &mut Reader) -> Result<(), ConfigError> {
    match key.get_ref().as_ref() {
        "mouse" => reader.mouse = doc.boolean(key, value)?,
        "watch" => reader.watch = doc.boolean(key, value)?,
        "pane" => {
            let name = doc.string(key, value, "pane = \"claims\"")?;
            reader.pane = doc.one_of(value, name, "pane", Pane::ALL.map(|p| (p.section().key(), p)))?;
        }
        _ => return Err(doc.unknown(key, "key in [reader]", ["mouse", "watch", "pane"])),
    }
    Ok(())
}

fn export_setting(doc: &Document, key: &Key, value: &Value, export: &mut export::Options) -> Result<(), ConfigError> {
    match key.get_ref().as_ref() {
        "format" => {
            let name = doc.string(key, value, "format = \"markdown\"")?;
            export.format = doc.one_of(value, name, "export format", Format::ALL.map(|f| (f.name(), f)))?;
        }
        "width" => export.width = doc.count(key, value, "width = 100")?,
        _ => return Err(doc.unknown(key, "key in [export]", ["format", "width"])),
    }
    Ok(())
}

#[cfg(test)]
mod tests;
