//! Copying by OSC 52: the terminal puts the text on the system clipboard, over SSH too.

use base64::Engine;

/// The escape sequence that asks the terminal to copy `text`. Inside tmux it is wrapped in a
/// passthrough sequence (`ESC P tmux; … ESC \`, inner escapes doubled) so it reaches the
/// terminal outside.
pub fn osc52(text: &str, in_tmux: bool) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let sequence = format!("\u{1b}]52;c;{encoded}\u{7}");
    if in_tmux { format!("\u{1b}Ptmux;{}\u{1b}\\", sequence.replace('\u{1b}', "\u{1b}\u{1b}")) } else { sequence }
}

#[cfg(test)]
mod tests {
    use super::osc52;

    #[test]
    fn encodes_the_text_in_base64() {
        assert_eq!(osc52("hi", false), "\u{1b}]52;c;aGk=\u{7}");
    }

    #[test]
    fn wraps_for_tmux() {
        assert_eq!(osc52("hi", true), "\u{1b}Ptmux;\u{1b}\u{1b}]52;c;aGk=\u{7}\u{1b}\\");
    }
}
