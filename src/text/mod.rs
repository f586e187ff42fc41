//! Text helpers shared by every output: making brief text safe to show, and measuring it in
//! terminal cells.

pub mod sanitize;
pub mod width;
pub mod wrap;

pub use sanitize::{Lines, is_unsafe, json_escape_unsafe, one_line, visible};
pub use width::{cells, truncate_to_cells};
