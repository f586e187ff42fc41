//! `[theme]`: a colour for any role of the screen, from the terminal's palette by name or
//! number, or `#rrggbb`.

use ratatui::style::Color;
use toml::de::DeValue;

use super::ConfigError;
use super::document::{Document, Key, Value};
use crate::tui::theme::{Palette, Role};

/// The palette's names, as the terminal's sixteen colours are usually called; `white` is the
/// palette's 7, `bright-white` its 15.
const NAMES: [(&str, Color); 18] = [
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("white", Color::Gray),
    ("bright-black", Color::DarkGray),
    ("bright-red", Color::LightRed),
    ("bright-green", Color::LightGreen),
    ("bright-yellow", Color::LightYellow),
    ("bright-blue", Color::LightBlue),
    ("bright-magenta", Color::LightMagenta),
    ("bright-cyan", Color::LightCyan),
    ("bright-white", Color::White),
    ("reset", Color::Reset),
];

/// One `role = colour` of `[theme]`.
pub fn read(doc: &Document, key: &Key, value: &Value, palette: &mut Palette) -> Result<(), ConfigError> {
    let Some(role) = Role::ALL.into_iter().find(|r| r.name() == key.get_ref().as_ref()) else {
        return Err(doc.unknown(key, "colour role", Role::ALL.map(Role::name)));
    };
    let color = match value.get_ref() {
        DeValue::String(text) => parse(text).ok_or_else(|| {
            let near = crate::load::nearest(text, NAMES.map(|(name, _)| name));
            let near = near.map_or_else(String::new, |near| format!("did you mean `{near}`? "));
            doc.error(
                value.span(),
                format!("unknown colour `{text}` for `{}`", role.name()),
                format!("{near}a colour is a name ({}), a number 0-255, or \"#rrggbb\"", palette_names()),
            )
        })?,
        DeValue::Integer(n) => match u8::from_str_radix(n.as_str(), n.radix()) {
            Ok(n) => Color::Indexed(n),
            Err(_) => {
                return Err(doc.error(
                    value.span(),
                    format!("colour {} for `{}` is not in the palette", n.as_str(), role.name()),
                    "a palette number is 0-255",
                ));
            }
        },
        _ => return Err(doc.wrong(key, value, "a colour", &format!("{} = \"cyan\"", role.name()))),
    };
    palette.set(role, color);
    Ok(())
}

/// A colour as `[theme]` writes it: a palette name or `#rrggbb` (any case).
pub fn parse(text: &str) -> Option<Color> {
    if let Some(hex) = text.strip_prefix('#') {
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok();
        return Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?));
    }
    NAMES.iter().find(|(name, _)| *name == text).map(|&(_, color)| color)
}

/// A colour as a TOML value, the way [`read`] reads it back.
pub fn value(color: Color) -> String {
    match color {
        Color::Indexed(n) => n.to_string(),
        Color::Rgb(r, g, b) => format!("\"#{r:02x}{g:02x}{b:02x}\""),
        named => {
            let name = NAMES.iter().find(|(_, c)| *c == named).map_or("default", |(name, _)| name);
            format!("\"{name}\"")
        }
    }
}

/// The names, for messages: `reset` is `default` again.
pub fn palette_names() -> String {
    NAMES.iter().map(|(name, _)| *name).filter(|&n| n != "reset").collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_names_numbers_or_hex() {
        assert_eq!(parse("bright-red"), Some(Color::LightRed));
        assert_eq!(parse("white"), Some(Color::Gray));
        assert_eq!(parse("default"), Some(Color::Reset));
        assert_eq!(parse("#FF8000"), Some(Color::Rgb(255, 128, 0)));
        assert_eq!(parse("#ff80"), None);
        assert_eq!(parse("#gg0000"), None);
        assert_eq!(parse("purple"), None);
    }

    #[test]
    fn every_colour_reads_back_as_itself() {
        for color in NAMES.map(|(_, c)| c).into_iter().chain([Color::Indexed(208), Color::Rgb(1, 2, 254)]) {
            let text = value(color);
            let back = match text.strip_prefix('"') {
                Some(quoted) => parse(quoted.trim_end_matches('"')),
                None => text.parse().ok().map(Color::Indexed),
            };
            assert_eq!(back, Some(color), "{text}");
        }
    }
}
