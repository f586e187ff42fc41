//! The sample brief compiled into the binary, so `brief` with no path has something to open.

/// The name messages give the sample.
pub const NAME: &str = "briefs/biden-putin-call-2021-12.yaml";

/// Its text.
pub const TEXT: &str = include_str!("../briefs/biden-putin-call-2021-12.yaml");

/// Loads the sample as if it were a file.
pub fn load() -> crate::load::LoadedFile {
    crate::load::load_text(crate::load::Origin::Embedded(NAME), TEXT.to_string())
}
