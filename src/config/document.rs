//! The parsed file with the places of its keys and values, and the checks every table shares:
//! known keys, and values of the right kind, each wrong one reported where it is.

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::ConfigError;

pub type Key<'i> = Spanned<Cow<'i, str>>;
pub type Value<'i> = Spanned<DeValue<'i>>;

pub struct Document<'a> {
    pub path: &'a Path,
    pub text: &'a str,
}

impl Document<'_> {
    pub fn error(&self, span: Range<usize>, message: impl Into<String>, fix: impl Into<String>) -> ConfigError {
        ConfigError::at(self.path, self.text, span, message, fix)
    }

    /// A key no table of this kind has, with the nearest known one.
    pub fn unknown<'k>(&self, key: &Key, what: &str, known: impl IntoIterator<Item = &'k str> + Clone) -> ConfigError {
        let near = crate::load::nearest(key.get_ref(), known.clone());
        let known: Vec<&str> = known.into_iter().collect();
        // A list longer than a line (the actions) is left to `brief config --keys`.
        let list = if known.len() > 20 {
            format!("`brief config --keys` lists every {what} by name")
        } else {
            format!("{what}s: {}", known.join(", "))
        };
        let fix = match near {
            Some(near) => format!("did you mean `{near}`? ({list})"),
            None => list,
        };
        self.error(key.span(), format!("unknown {what} `{}`", key.get_ref()), fix)
    }

    pub fn table<'t, 'i>(&self, key: &Key, value: &'t Value<'i>) -> Result<&'t DeTable<'i>, ConfigError> {
        value.get_ref().as_table().ok_or_else(|| {
            self.error(
                value.span(),
                format!("`{}` must be a table, not {}", key.get_ref(), kind(value)),
                format!("write it as a [{}] table", key.get_ref()),
            )
        })
    }

    pub fn string<'t>(&self, key: &Key, value: &'t Value, example: &str) -> Result<&'t str, ConfigError> {
        value.get_ref().as_str().ok_or_else(|| self.wrong(key, value, "a string", example))
    }

    /// The choice `name` names among `choices` (what each is called, and it), else an error
    /// with the nearest name and the list: `what` says what is chosen ("pane").
    pub fn one_of<T: Copy, const N: usize>(
        &self,
        value: &Value,
        name: &str,
        what: &str,
        choices: [(&str, T); N],
    ) -> Result<T, ConfigError> {
        if let Some((_, chosen)) = choices.iter().find(|(known, _)| *known == name) {
            return Ok(*chosen);
        }
        let names = choices.map(|(known, _)| known);
        let near = crate::load::nearest(name, names);
        let near = near.map_or_else(String::new, |n| format!("did you mean `{n}`? "));
        let plural = what.rsplit(' ').next().unwrap_or(what);
        Err(self.error(
            value.span(),
            format!("unknown {what} `{name}`"),
            format!("{near}{plural}s: {}", names.join(", ")),
        ))
    }

    pub fn boolean(&self, key: &Key, value: &Value) -> Result<bool, ConfigError> {
        let example = format!("{} = true", key.get_ref());
        value.get_ref().as_bool().ok_or_else(|| self.wrong(key, value, "true or false", &example))
    }

    /// A whole number from 0 up.
    pub fn count(&self, key: &Key, value: &Value, example: &str) -> Result<usize, ConfigError> {
        let number = value.get_ref().as_integer().map(|n| usize::from_str_radix(n.as_str(), n.radix()));
        match number {
            Some(Ok(n)) => Ok(n),
            _ => Err(self.wrong(key, value, "a whole number from 0", example)),
        }
    }

    pub fn wrong(&self, key: &Key, value: &Value, wanted: &str, example: &str) -> ConfigError {
        self.error(
            value.span(),
            format!("`{}` must be {wanted}, not {}", key.get_ref(), kind(value)),
            format!("for example: {example}"),
        )
    }
}

/// A table's entries in the order the file has them, which is the order mistakes are told in.
pub fn in_order<'t, 'i>(table: &'t DeTable<'i>) -> Vec<(&'t Key<'i>, &'t Value<'i>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// The kind of a value, for messages.
pub fn kind(value: &Value) -> &'static str {
    match value.get_ref() {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "a number",
        DeValue::Float(_) => "a number with a fraction",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}
