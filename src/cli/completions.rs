//! `brief completions SHELL`: clap_complete's script for the shell, from the same `Cli` that
//! parses the command line, so a new flag or section is completed without anyone remembering to.
//!
//! Sections, formats and shells are in the scripts. Ids (`--item`, `--related`) depend on the
//! briefs named on the command line being completed, so for bash, zsh and fish a few lines are
//! appended to the script that ask `brief __ids` for them at Tab. clap_complete's own way
//! (`CompleteEnv`, `ArgValueCompleter`) needs its `unstable-dynamic` feature and clap's
//! `unstable-ext`, exempt from semver: a patch release of clap could break the build. The
//! appended lines only add a completion and call clap's generated function for the rest;
//! nothing in clap's script is edited.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use clap_complete::Shell;

use super::{Cli, Command};
use crate::model::Section;

pub(super) fn print(shell: Shell) -> ExitCode {
    super::print_stdout(&script(shell))
}

fn script(shell: Shell) -> String {
    let cli = Cli::command();
    let subcommands: Vec<&str> = cli.get_subcommands().map(clap::Command::get_name).collect();
    let added = match shell {
        Shell::Bash => BASH_IDS.to_string(),
        Shell::Zsh => ZSH_IDS.replace("SUBCOMMANDS", &subcommands.join("|")),
        Shell::Fish => FISH_IDS.to_string() + &fish_shells(),
        _ => String::new(),
    };
    let mut cli = if shell == Shell::Zsh { without_paths(&cli) } else { cli };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cli, "brief", &mut out);
    String::from_utf8_lossy(&out).into_owned() + &added
}

/// The command line without the reader's paths, for zsh. clap's zsh script takes a subcommand
/// to come after the positionals (`brief PATH... check`) where brief has it instead of them, so
/// `brief check --format <Tab>` read `check` as a path and completed nothing. The lines added
/// to the zsh script complete the reader's files.
fn without_paths(cli: &clap::Command) -> clap::Command {
    let trimmed = clap::Command::new("brief").version(env!("CARGO_PKG_VERSION"));
    let trimmed = trimmed.args(cli.get_arguments().filter(|a| a.get_id() != "paths").cloned());
    trimmed.subcommands(cli.get_subcommands().cloned())
}

/// Bash: the ids when the word before the cursor is --item or --related, else clap's `_brief`.
/// The command as typed (`./target/release/brief`) is asked, so the ids come from that build.
const BASH_IDS: &str = r#"
# The ids of the briefs on the command line, for --item and --related.
_brief_ids() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    if [[ "$prev" == --item || "$prev" == --related ]]; then
        COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" __ids "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)" -- "$cur"))
        return 0
    fi
    _brief "$@"
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _brief_ids -o nosort -o bashdefault -o default brief
else
    complete -F _brief_ids -o bashdefault -o default brief
fi
"#;

/// Zsh: the same, and files for the reader, taking over from clap's `_brief` once the script
/// has run (sourced, from the first Tab; autoloaded from fpath, from the second).
const ZSH_IDS: &str = r#"
# The ids of the briefs on the command line for --item and --related; files for the reader.
_brief_ids() {
    if [[ ${words[CURRENT-1]} == --item || ${words[CURRENT-1]} == --related ]]; then
        local -a ids
        ids=(${(f)"$(${words[1]} __ids ${words[2,CURRENT]} 2>/dev/null)"})
        compadd -a ids
    elif (( CURRENT == 2 )); then
        _brief "$@"
        _files
    elif [[ ${words[2]} == (SUBCOMMANDS) ]]; then
        _brief "$@"
    else
        _files
    fi
}
compdef _brief_ids brief
"#;

/// Fish: completions add up, so one more line gives --item and --related the ids.
const FISH_IDS: &str = r#"
# The ids of the briefs on the command line, for --item and --related.
complete -c brief -n "__fish_brief_using_subcommand export" -l item -x -a "(brief __ids (commandline -opc)[2..-1] (commandline -ct))"
complete -c brief -n "__fish_brief_using_subcommand export" -l related -x -a "(brief __ids (commandline -opc)[2..-1] (commandline -ct))"
"#;

/// The first argument of the completion scripts' call for ids.
pub(super) const IDS: &str = "__ids";

/// Fish: clap's fish script completes options but not positionals, so the shells of
/// `brief completions` are named here.
fn fish_shells() -> String {
    use clap::ValueEnum;
    let names: Vec<String> = Shell::value_variants()
        .iter()
        .filter_map(|s| s.to_possible_value())
        .map(|v| v.get_name().to_string())
        .collect();
    format!("complete -c brief -n \"__fish_brief_using_subcommand completions\" -f -a \"{}\"\n", names.join(" "))
}

/// `brief __ids WORD...`: the ids of the briefs an `export` command line names (the bundled
/// sample without a path), one a line, for the completion scripts. Anything else, a brief that
/// cannot be read included, gives none: a Tab must never print an error into the command line.
pub(super) fn ids(words: Vec<OsString>) -> ExitCode {
    let Ok(cli) = Cli::try_parse_from(std::iter::once(OsString::from("brief")).chain(words)) else {
        return ExitCode::SUCCESS;
    };
    let Some(Command::Export { paths, .. }) = cli.command else { return ExitCode::SUCCESS };
    let Ok(files) = super::load_or_sample(&paths) else { return ExitCode::SUCCESS };
    let mut ids: Vec<&str> = files
        .iter()
        .flat_map(crate::load::LoadedFile::valid_briefs)
        .flat_map(|b| Section::ALL.iter().flat_map(move |&s| b.items(s).map(|i| b.id_of(i))))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut text = ids.join("\n");
    text.push('\n');
    super::print_stdout(if ids.is_empty() { "" } else { &text })
}
