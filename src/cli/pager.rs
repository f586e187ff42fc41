//! `--pager` for `brief export` and `brief diff`: only when asked, and only when standard
//! output is a terminal, the text goes through `$PAGER` (else `less`), the way git pages. Never
//! by surprise: a script or an editor that runs `brief` gets the text itself.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::process::{Command, ExitCode, Stdio};

/// `less` options for a pager that quits when the text fits the screen (F), passes colours
/// through (R) and leaves the text on the screen when it ends (X): git's choice.
const LESS: &str = "FRX";

/// Writes to stdout, through the pager when `pager` and stdout is a terminal. The exit status
/// is that of writing, never the pager's: a diff that found changes still exits 1.
pub(super) fn print_stdout(text: &str, pager: bool) -> ExitCode {
    if !pager || !std::io::stdout().is_terminal() {
        return super::print_stdout(text);
    }
    match command(std::env::var_os("PAGER")) {
        Ok(Some(argv)) => page(text, &argv),
        Ok(None) => super::print_stdout(text),
        Err(why) => {
            super::print_stderr(&format!("warning: {why}; printing without a pager\n"));
            super::print_stdout(text)
        }
    }
}

/// The pager's words: `$PAGER` split as a shell splits words (`less -S`, `"my pager" -x`), or
/// `less` when it is unset; none when it is empty or `cat`, as git takes those for no pager.
fn command(pager: Option<OsString>) -> Result<Option<Vec<String>>, String> {
    let Some(pager) = pager else { return Ok(Some(vec!["less".into()])) };
    let pager = pager.into_string().map_err(|_| "$PAGER is not UTF-8 text".to_string())?;
    let words = shell_words::split(&pager)
        .map_err(|e| format!("$PAGER ({}) cannot be split into words: {e}", crate::text::one_line(&pager)))?;
    match words.first().map(String::as_str) {
        None | Some("cat") if words.len() <= 1 => Ok(None),
        _ => Ok(Some(words)),
    }
}

fn page(text: &str, argv: &[String]) -> ExitCode {
    let mut command = Command::new(&argv[0]);
    command.args(&argv[1..]).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", LESS);
    }
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(error) => {
            let name = crate::text::one_line(&argv[0]).into_owned();
            let why = match error.kind() {
                std::io::ErrorKind::NotFound => "no such program".to_string(),
                _ => error.to_string(),
            };
            super::print_stderr(&format!("warning: cannot start the pager '{name}': {why}; printing without it\n"));
            return super::print_stdout(text);
        }
    };
    // While the pager has the terminal, Ctrl-C is the pager's (less stops a search with it):
    // brief waits for the pager instead of dying under it and leaving it fighting the shell
    // for the terminal.
    let interrupted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, interrupted);
    let mut code = ExitCode::SUCCESS;
    if let Some(mut input) = child.stdin.take() {
        // A pager quit before the end (q in less) closes the pipe: that is the reader's choice.
        if let Err(error) = input.write_all(text.as_bytes())
            && error.kind() != std::io::ErrorKind::BrokenPipe
        {
            code = super::usage_error(&format!("cannot write to the pager: {error}"));
        }
    }
    let _ = child.wait();
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(pager: Option<&str>) -> Result<Option<Vec<String>>, String> {
        command(pager.map(OsString::from))
    }

    fn argv(list: &[&str]) -> Option<Vec<String>> {
        Some(list.iter().map(|w| w.to_string()).collect())
    }

    #[test]
    fn without_pager_set_less_pages() {
        assert_eq!(words(None), Ok(argv(&["less"])));
    }

    #[test]
    fn pager_is_split_as_a_shell_splits_words() {
        assert_eq!(words(Some("less -S")), Ok(argv(&["less", "-S"])));
        assert_eq!(words(Some("'/opt/my pager/bin' --raw \"a b\"")), Ok(argv(&["/opt/my pager/bin", "--raw", "a b"])));
    }

    #[test]
    fn an_empty_pager_or_cat_means_no_pager() {
        assert_eq!(words(Some("")), Ok(None));
        assert_eq!(words(Some("  ")), Ok(None));
        assert_eq!(words(Some("cat")), Ok(None));
        assert_eq!(words(Some("cat -v")), Ok(argv(&["cat", "-v"])), "cat with options is a choice");
    }

    #[test]
    fn a_pager_with_an_open_quote_is_refused_with_a_reason() {
        let why = words(Some("less \"-S")).unwrap_err();
        assert!(why.contains("$PAGER (less \"-S) cannot be split"), "{why}");
    }
}
