//! `E`: which editor, and how it is told to open a file at a line. Pure, so each editor's
//! arguments are tested without starting one.

use std::ffi::OsString;
use std::path::Path;

/// The editor to use: `$VISUAL`, else `$EDITOR`, else `vi` (as git and most tools choose). An
/// empty variable counts as unset.
pub fn chosen(visual: Option<OsString>, editor: Option<OsString>) -> String {
    [visual, editor]
        .into_iter()
        .flatten()
        .map(|v| v.to_string_lossy().into_owned())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// The program and its arguments that open `file` at `line` in `editor`, a command line as
/// `$EDITOR` holds it (`code --wait`): its words split as a shell would, then the file and the
/// line in the form that editor reads.
pub fn command(editor: &str, file: &Path, line: u32) -> Result<(String, Vec<OsString>), String> {
    let words = shell_words::split(editor).map_err(|e| format!("cannot read the editor command “{editor}”: {e}"))?;
    let Some((program, given)) = words.split_first() else {
        return Err("the editor command is empty: set $VISUAL or $EDITOR".into());
    };
    let mut args: Vec<OsString> = given.iter().map(OsString::from).collect();
    // A file named `-x.yaml` must not read as an option.
    let file = if file.is_relative() && file.to_string_lossy().starts_with('-') {
        Path::new(".").join(file)
    } else {
        file.to_path_buf()
    };
    let at_line = |file: &Path| {
        let mut joined = file.as_os_str().to_owned();
        joined.push(format!(":{line}"));
        joined
    };
    let name = Path::new(program).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match name.as_str() {
        "vi" | "vim" | "nvim" | "gvim" | "nano" | "emacs" | "emacsclient" | "kak" | "micro" => {
            args.push(format!("+{line}").into());
            args.push(file.into_os_string());
        }
        // Helix reads `+LINE` only since 23.10; before, it opened a buffer named `+LINE`. Every
        // version reads `FILE:LINE`.
        "hx" | "helix" => args.push(at_line(&file)),
        "code" | "code-insiders" | "codium" => {
            args.push("--goto".into());
            args.push(at_line(&file));
        }
        "subl" | "zed" => args.push(at_line(&file)),
        // An editor not known here gets the file alone: a `+LINE` it does not read could be
        // taken for a file to create.
        _ => args.push(file.into_os_string()),
    }
    Ok((program.clone(), args))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(editor: &str) -> (String, Vec<String>) {
        let (program, args) = command(editor, Path::new("briefs/a b.yaml"), 42).expect("a command");
        (program, args.into_iter().map(|a| a.to_string_lossy().into_owned()).collect())
    }

    #[test]
    fn terminal_editors_take_plus_line_then_the_file() {
        for editor in ["vi", "vim", "nvim", "nano", "emacs", "kak", "micro", "/usr/bin/vim"] {
            assert_eq!(
                args(editor),
                (editor.to_string(), vec!["+42".to_string(), "briefs/a b.yaml".into()]),
                "{editor}"
            );
        }
    }

    #[test]
    fn helix_takes_file_colon_line_which_every_version_reads() {
        for editor in ["hx", "helix"] {
            assert_eq!(args(editor).1, ["briefs/a b.yaml:42"], "{editor}");
        }
    }

    #[test]
    fn code_takes_goto_and_keeps_its_own_arguments() {
        assert_eq!(
            args("code --wait"),
            ("code".into(), vec!["--wait".into(), "--goto".into(), "briefs/a b.yaml:42".into()])
        );
    }

    #[test]
    fn the_command_is_split_as_a_shell_would() {
        let (program, given) = args("'/opt/my editor/vim' -u 'NONE x'");
        assert_eq!(program, "/opt/my editor/vim");
        assert_eq!(given, ["-u", "NONE x", "+42", "briefs/a b.yaml"]);
    }

    #[test]
    fn an_unknown_editor_gets_the_file_alone() {
        assert_eq!(args("ed").1, ["briefs/a b.yaml"]);
    }

    #[test]
    fn a_file_that_looks_like_an_option_is_passed_as_a_path() {
        let (_, given) = command("vim", Path::new("-x.yaml"), 1).expect("a command");
        assert_eq!(given, [OsString::from("+1"), OsString::from("./-x.yaml")]);
    }

    #[test]
    fn an_empty_or_unbalanced_command_is_an_error_not_a_panic() {
        assert!(command("  ", Path::new("a.yaml"), 1).unwrap_err().contains("empty"));
        assert!(command("vim 'unclosed", Path::new("a.yaml"), 1).unwrap_err().contains("cannot read"));
    }

    #[test]
    fn visual_comes_before_editor_and_vi_last() {
        let some = |s: &str| Some(OsString::from(s));
        assert_eq!(chosen(some("nvim"), some("nano")), "nvim");
        assert_eq!(chosen(some(""), some("nano")), "nano");
        assert_eq!(chosen(None, None), "vi");
    }
}
