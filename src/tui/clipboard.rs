//! `y`: putting text on a clipboard from a terminal program, where no answer comes back.
//!
//! Outside tmux the only way is OSC 52, an escape sequence asking the terminal to copy. The
//! terminal never says whether it did: kitty, WezTerm, foot and Windows Terminal do; xterm
//! refuses by default (its `disallowedWindowOps` lists `SetSelection`), silently. So the reader
//! says it asked, not that it copied.
//!
//! Inside tmux an OSC 52 from a program only reaches tmux's buffer with `set-clipboard on` (the
//! default, `external`, drops it), and the passthrough wrapper only with `allow-passthrough on`.
//! `tmux load-buffer -w -` needs neither: tmux takes the text into its paste buffer, which its
//! exit status confirms, and passes it on to the outer terminal's clipboard with OSC 52 (tmux
//! before 3.2 knows no `-w`: the text is then only in its buffer). docs/reliability.md says how
//! this was checked.

use std::ffi::OsStr;
use std::io::Write;
use std::process::{Command, Stdio};

use base64::Engine;

/// Where copied text went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Copied {
    /// Into tmux's paste buffer, and (tmux 3.2 or later) on to the outer terminal's clipboard
    /// where it allows.
    TmuxBuffer,
    /// The terminal was asked; whether it copied, it does not say.
    AskedTerminal,
}

/// The sequence that asks the terminal to put `text` on its clipboard.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\u{1b}]52;c;{encoded}\u{7}")
}

/// Copies `text`: through `tmux` (the program to run) when the reader runs inside tmux, else, or
/// when that fails, by asking the terminal with OSC 52 written through `to_terminal`.
pub fn copy(text: &str, tmux: Option<&OsStr>, to_terminal: impl FnOnce(&str)) -> Copied {
    if let Some(tmux) = tmux
        && load_tmux_buffer(tmux, text)
    {
        return Copied::TmuxBuffer;
    }
    to_terminal(&osc52(text));
    Copied::AskedTerminal
}

/// `tmux load-buffer -w -`, or without `-w` (tmux before 3.2 does not know it): whether tmux took
/// the text.
fn load_tmux_buffer(tmux: &OsStr, text: &str) -> bool {
    let load = |args: &[&str]| -> bool {
        let mut command = Command::new(tmux);
        command.args(args).stdin(Stdio::piped()).stdout(Stdio::null()).stderr(Stdio::null());
        let Ok(mut child) = command.spawn() else { return false };
        let written = child.stdin.take().is_some_and(|mut stdin| stdin.write_all(text.as_bytes()).is_ok());
        child.wait().is_ok_and(|status| status.success()) && written
    };
    load(&["load-buffer", "-w", "-"]) || load(&["load-buffer", "-"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_is_asked_with_the_text_in_base64() {
        assert_eq!(osc52("hi"), "\u{1b}]52;c;aGk=\u{7}");
    }

    /// A stand-in for tmux that keeps its arguments and input in `folder`, and fails when told
    /// to for the arguments that hold `fail_on`.
    fn fake_tmux(folder: &std::path::Path, fail_on: &str) -> std::path::PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let script = folder.join("tmux");
        let body = format!(
            "#!/bin/sh\ncase \"$*\" in *{fail_on}*) exit 1;; esac\necho \"$*\" > '{0}/args'\ncat > '{0}/input'\n",
            folder.display()
        );
        std::fs::write(&script, body).unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        script
    }

    #[test]
    fn inside_tmux_the_text_goes_to_its_paste_buffer() {
        let folder = tempfile::tempdir().unwrap();
        let tmux = fake_tmux(folder.path(), "no-such-argument");
        let mut asked = None;
        let copied = copy("“quoted” text", Some(tmux.as_os_str()), |sequence| asked = Some(sequence.to_string()));
        assert_eq!(copied, Copied::TmuxBuffer);
        assert_eq!(asked, None, "tmux passes it on to the terminal itself");
        assert_eq!(std::fs::read_to_string(folder.path().join("args")).unwrap(), "load-buffer -w -\n");
        assert_eq!(std::fs::read_to_string(folder.path().join("input")).unwrap(), "“quoted” text");
    }

    #[test]
    fn a_tmux_without_w_is_asked_without_it() {
        let folder = tempfile::tempdir().unwrap();
        let tmux = fake_tmux(folder.path(), "-w");
        assert_eq!(copy("text", Some(tmux.as_os_str()), |_| {}), Copied::TmuxBuffer);
        assert_eq!(std::fs::read_to_string(folder.path().join("args")).unwrap(), "load-buffer -\n");
    }

    #[test]
    fn without_a_working_tmux_the_terminal_is_asked() {
        let folder = tempfile::tempdir().unwrap();
        let missing = folder.path().join("no-tmux-here");
        let mut asked = String::new();
        assert_eq!(copy("hi", Some(missing.as_os_str()), |s| asked = s.to_string()), Copied::AskedTerminal);
        assert_eq!(asked, osc52("hi"));
        let failing = fake_tmux(folder.path(), "load-buffer");
        assert_eq!(copy("hi", Some(failing.as_os_str()), |_| {}), Copied::AskedTerminal);
        assert_eq!(copy("hi", None, |_| {}), Copied::AskedTerminal);
    }
}
