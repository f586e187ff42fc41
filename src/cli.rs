//! The command line: `brief [PATH]...` opens the reader; `check`, `export`, `diff` and `schema`
//! are for scripts, editors and git; `new` starts a brief; `completions` and `man` install.

mod color;
mod completions;
mod diff;
mod man;
mod new;
mod pager;

pub use color::{reader_color, stderr_color, stdout_color};

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ColorChoice, Parser, Subcommand, ValueEnum};

use crate::export::{self, Selection};
use crate::index::Index;
use crate::library::Library;
use crate::load::{self, LoadedFile, render};
use crate::model::{Brief, ItemRef, Section};
use crate::text;

#[derive(Debug, Parser)]
#[command(name = "brief", version, about = "A terminal reader for briefing notes: who said what, cross-referenced.")]
// At most 80 columns, as man pages and most terminals are; narrower on a narrower terminal.
// Subcommands are recognised after an option too (`brief --color never diff …`): a global
// option before one is the subcommand's, and a reader option there is refused.
#[command(max_term_width = 80)]
pub struct Cli {
    /// Brief files or folders to open (`-` reads stdin). None opens the bundled briefs.
    pub paths: Vec<PathBuf>,
    /// Leave the mouse to the terminal, for selecting text, instead of clicks and the wheel.
    #[arg(long)]
    pub no_mouse: bool,
    /// Parse every file again instead of taking the briefs of unchanged files from the cache
    /// ($XDG_CACHE_HOME/brief, else ~/.cache/brief).
    #[arg(long)]
    pub no_cache: bool,
    /// Mark what is new or changed since the brief in FILE (one brief), as if every brief
    /// opened followed it; FILE is not listed in the library.
    #[arg(long, value_name = "FILE")]
    pub since: Option<PathBuf>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always, or never.
    #[arg(long, value_name = "WHEN", value_enum, global = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Read no config file: every setting at its default.
    #[arg(long, global = true)]
    pub no_config: bool,
    /// Do not read the briefs' files again by themselves when they are saved (r still does).
    #[arg(long)]
    pub no_watch: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check briefs and report every problem with file, line and column.
    ///
    /// Exit status: 0 without errors (warnings allowed), 1 when any brief has errors,
    /// 2 for usage and I/O errors.
    Check {
        /// Brief files or folders (`-` reads stdin). None checks the current folder's briefs.
        paths: Vec<PathBuf>,
        /// `human` (rustc-style, on stderr) or `json` (on stdout, for editors and scripts).
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
    },
    /// Export a section, an item or everything related to one, as text, Markdown or JSON.
    ///
    /// Without --section, --item or --related, exports the whole brief. Several briefs: a
    /// section is exported from each in turn and --item from each brief that has the id;
    /// --related follows the id across the briefs (one dossier), and --section timeline merges
    /// them in date order. JSON is an array with one export per brief, even for one; a dossier
    /// across briefs and the timeline are one object. Exit status: 0 when exported, 1 when a
    /// brief has errors (nothing is exported), 2 for usage and I/O errors.
    Export {
        /// Brief files or folders (`-` reads stdin). None exports from the bundled sample of 6 December.
        paths: Vec<PathBuf>,
        /// actors, claims, positions, quotes, topics, events, sources, all, overview (the
        /// brief's header, counts and sources), or timeline (the events and the dated quotes,
        /// claims and positions of every brief given, in date order, each item once with what
        /// earlier briefs said of it).
        #[arg(long, value_name = "S", conflicts_with_all = ["item", "related"])]
        #[arg(value_parser = SectionName, hide_possible_values = true)]
        section: Option<String>,
        /// One item, by id, with its references resolved.
        #[arg(long, value_name = "ID", conflicts_with = "related")]
        item: Option<String>,
        /// Everything cross-referenced to the item with this id; for an actor, a dossier. Over
        /// several briefs, the id's dossier across them: each item once, at its latest version,
        /// with what earlier briefs said of it.
        #[arg(long, value_name = "ID")]
        related: Option<String>,
        /// The output format. [default: text, or the config file's [export] format]
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Wrap text at this many terminal cells; 0 does not wrap. [default: 80, or the config
        /// file's [export] width]
        #[arg(long, value_name = "N")]
        width: Option<usize>,
        /// Write to FILE (atomically, replacing it) instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Page the export through $PAGER (else less) when standard output is a terminal.
        #[arg(long, conflicts_with = "output")]
        pager: bool,
    },
    /// Show what changed from one brief to another, item by item and field by field.
    ///
    /// Items added, removed, given another id, and changed field by field, with changed text
    /// word by word ([-deleted-] {+inserted+}). OLD and NEW are files (`-` reads stdin; `/dev/null` stands for no brief). Files of several
    /// briefs are paired by brief id; a brief without a partner is added or removed whole.
    /// Exit status: 0 when nothing changed, 1 when something did, 2 for usage and I/O errors
    /// and briefs with errors. With the seven arguments git gives a diff driver (`git config
    /// diff.brief.command 'brief diff'`), it names the path, prints the diff and exits 0.
    Diff {
        /// OLD NEW, or git's seven: path old-file old-hex old-mode new-file new-hex new-mode.
        #[arg(value_names = ["OLD", "NEW"], num_args = 2.., required = true)]
        paths: Vec<PathBuf>,
        /// `text` (one line per item and field), `markdown` (a memo, "What changed since …") or
        /// `json` (`assets/brief-diff.schema.json` describes it).
        #[arg(long, value_enum, default_value_t = ExportFormat::Text)]
        format: ExportFormat,
        /// Only how many items of each section were added, removed, changed and renamed (text
        /// and Markdown).
        #[arg(long)]
        stat: bool,
        /// Page the diff through $PAGER (else less) when standard output is a terminal.
        #[arg(long)]
        pager: bool,
    },
    /// Print the JSON Schema (2020-12) of the brief format.
    Schema,
    /// Start a brief: every section with one example item, explained, to replace.
    ///
    /// The starter passes `brief check` as written and is dated today. Without PATH it is
    /// printed on standard output. An existing PATH is never overwritten (exit status 2).
    New {
        /// The file to create; its name (without .yaml) becomes the brief's id when it is one.
        path: Option<PathBuf>,
    },
    /// Print the completion script for a shell: bash, zsh, fish, elvish or powershell.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, in roff, for brief and every subcommand (`man -l -` shows it).
    Man,
    /// Print the config file's path and the settings in force, as a config file.
    ///
    /// The file is $XDG_CONFIG_HOME/brief/config.toml, else ~/.config/brief/config.toml. Exit
    /// status: 0, or 2 when the file has a mistake (every command refuses it; --no-config
    /// starts without it).
    Config {
        /// Print a default config file, every setting commented out, to start one from.
        #[arg(long, conflicts_with = "keys")]
        default: bool,
        /// Print every key in force by context, as Markdown (the README's table, with your keys).
        #[arg(long)]
        keys: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
}

/// Exit status for usage and I/O errors.
pub const EXIT_USAGE: u8 = 2;
/// Exit status when a brief has errors.
pub const EXIT_INVALID: u8 = 1;

pub fn main() -> ExitCode {
    // The completion scripts' call, kept out of `Cli`: clap_complete would offer a hidden
    // subcommand at Tab.
    let mut args = std::env::args_os().skip(1);
    if args.next().is_some_and(|first| first == completions::IDS) {
        return completions::ids(args.collect());
    }
    let cli = Cli::parse();
    color::choose(cli.color);
    if let Some(Command::Config { default: true, .. }) = cli.command {
        // The way to start a file, or to mend one: it needs none.
        return print_stdout(&crate::config::render(&crate::config::Config::default(), true));
    }
    if let Err(why) = refuse_reader_options_before(&cli) {
        return usage_error(&why);
    }
    let (config, found) = match settings(cli.no_config) {
        Ok(settings) => settings,
        Err(code) => return code,
    };
    match cli.command {
        Some(Command::Check { paths, format }) => check(&paths, format),
        Some(Command::Export { paths, section, item, related, format, width, output, pager }) => {
            let what = match (section, item, related) {
                (_, Some(id), _) => ExportWhat::Item(id),
                (_, _, Some(id)) => ExportWhat::Related(id),
                (Some(section), ..) => ExportWhat::Section(section),
                (None, None, None) => ExportWhat::Section("all".into()),
            };
            let options = export::Options {
                format: format.map_or(config.export.format, export_format),
                width: width.unwrap_or(config.export.width),
            };
            let to = match output {
                Some(path) => Output::File(path),
                None => Output::Stdout { pager },
            };
            export(&paths, &what, options, &to)
        }
        Some(Command::Diff { paths, format, stat, pager }) => diff::diff(&paths, export_format(format), stat, pager),
        Some(Command::Schema) => print_stdout(&crate::schema::json_schema()),
        Some(Command::New { path }) => new::new(path.as_deref()),
        Some(Command::Completions { shell }) => completions::print(shell),
        Some(Command::Man) => man::print(),
        Some(Command::Config { keys: true, .. }) => print_stdout(&config.keymap.markdown()),
        Some(Command::Config { .. }) => print_stdout(&format!("# {found}\n{}", crate::config::render(&config, false))),
        None => {
            let cache = if cli.no_cache { None } else { crate::load::Cache::from_env() };
            let since = match cli.since.as_deref().map(earlier_brief).transpose() {
                Ok(since) => since,
                Err(code) => return code,
            };
            let options = crate::tui::Options {
                no_mouse: cli.no_mouse || !config.reader.mouse,
                watch: !cli.no_watch && config.reader.watch,
                cache,
                since,
                keymap: config.keymap,
                palette: config.palette,
                export: config.export,
                pane: config.reader.pane,
            };
            crate::tui::run(&cli.paths, &options)
        }
    }
}

/// Refuses an option of the reader given before a subcommand (`brief --no-mouse check`):
/// clap takes it, and ignoring it would leave the user thinking it did something.
fn refuse_reader_options_before(cli: &Cli) -> Result<(), String> {
    let Some(command) = &cli.command else { return Ok(()) };
    let given = [
        ("--no-mouse", cli.no_mouse),
        ("--no-cache", cli.no_cache),
        ("--no-watch", cli.no_watch),
        ("--since", cli.since.is_some()),
    ];
    let paths = (!cli.paths.is_empty()).then_some("a path");
    match given.iter().find(|(_, on)| *on).map(|(name, _)| *name).or(paths) {
        None => Ok(()),
        Some(option) => {
            let name = command_name(command);
            Err(format!("{option} is for the reader, not `brief {name}`: leave it out, or run `brief {name} --help`"))
        }
    }
}

fn command_name(command: &Command) -> &'static str {
    match command {
        Command::Check { .. } => "check",
        Command::Export { .. } => "export",
        Command::Diff { .. } => "diff",
        Command::Schema => "schema",
        Command::New { .. } => "new",
        Command::Completions { .. } => "completions",
        Command::Man => "man",
        Command::Config { .. } => "config",
    }
}

/// The config every command starts with, and what `brief config` says of where it came from.
/// A file with a mistake stops the command (exit 2): a silent fall back to the defaults would
/// leave the user wondering why their keys do nothing.
fn settings(no_config: bool) -> Result<(crate::config::Config, String), ExitCode> {
    let defaults = crate::config::Config::default();
    if no_config {
        return Ok((defaults, "--no-config: no config file read; every setting is its default".into()));
    }
    let Some(path) = crate::config::path() else {
        return Ok((defaults, "no config file: neither XDG_CONFIG_HOME nor HOME is set".into()));
    };
    let shown = text::one_line(&path.display().to_string()).into_owned();
    match crate::config::load(&path) {
        Ok(Some(config)) => Ok((config, shown)),
        Ok(None) => Ok((defaults, format!("{shown} (no such file: every setting is its default)"))),
        Err(error) => {
            print_stderr(&format!("{error}\n"));
            Err(ExitCode::from(EXIT_USAGE))
        }
    }
}

/// The brief of `--since FILE`, read before the reader starts so a wrong file is refused
/// (exit 2) before the terminal is taken: one valid brief, else why not.
pub fn earlier_brief(path: &std::path::Path) -> Result<std::sync::Arc<crate::tui::Opened>, ExitCode> {
    let shown = path.display();
    let file = load::load_file(path).map_err(|e| usage_error(&format!("--since {shown}: {e}")))?;
    if file.has_errors() {
        print_stderr(&render::human(&file, false));
        return Err(usage_error(&format!("--since {shown}: the brief has errors (above)")));
    }
    let name = file.origin.name();
    let mut briefs = file.into_valid_briefs();
    if briefs.len() != 1 {
        return Err(usage_error(&format!(
            "--since {shown}: holds {} briefs; --since takes a file of one brief",
            briefs.len()
        )));
    }
    let brief = briefs.remove(0);
    Ok(std::sync::Arc::new(crate::tui::Opened::from_file(name, brief, path.to_path_buf(), 0)))
}

fn export_format(format: ExportFormat) -> export::Format {
    match format {
        ExportFormat::Text => export::Format::Text,
        ExportFormat::Markdown => export::Format::Markdown,
        ExportFormat::Json => export::Format::Json,
    }
}

/// Loads the paths, or the bundled sample of 6 December when there are none: what `export`
/// works on.
pub fn load_or_sample(paths: &[PathBuf]) -> Result<Vec<LoadedFile>, load::LoadError> {
    if paths.is_empty() { Ok(vec![crate::sample::load()]) } else { load::load_paths(paths) }
}

/// The paths `check` reads: those given, or the brief files of the current folder. Checking
/// the bundled sample there would report a clean brief in a folder of broken ones. Without a
/// path the subfolders are not read: run in a home folder or a repository, that would check
/// every YAML file below it (compose files, CI settings) as a brief.
fn paths_to_check(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Option<String>), String> {
    if !paths.is_empty() {
        return Ok((paths.to_vec(), None));
    }
    let unreadable = |error: std::io::Error| format!("cannot read the current folder: {error}");
    let mut here = Vec::new();
    for entry in std::fs::read_dir(".").map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        let yaml = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if yaml && !hidden && path.is_file() {
            here.push(path);
        }
    }
    here.sort();
    if here.is_empty() {
        return Err("no briefs to check: the current folder holds no .yaml or .yml files; \
                    give a file or folder (`brief check briefs/` reads its subfolders too), or - for stdin"
            .into());
    }
    let noun = if here.len() == 1 { "file" } else { "files" };
    let said = format!("checking ./ ({} {noun}; subfolders only with a path: brief check .)\n", here.len());
    Ok((here, Some(said)))
}

fn check(paths: &[PathBuf], format: CheckFormat) -> ExitCode {
    let (paths, checking) = match paths_to_check(paths) {
        Ok(found) => found,
        Err(message) => return usage_error(&message),
    };
    let files = match load::load_paths(&paths) {
        Ok(files) => files,
        Err(error) => return usage_error(&error.to_string()),
    };
    let totals = render::Totals::of(&files);
    match format {
        CheckFormat::Human => {
            let color = stderr_color();
            let mut report = checking.unwrap_or_default();
            for file in &files {
                report.push_str(&render::human(file, color));
            }
            report.push_str(&format!("{totals}\n"));
            print_stderr(&report);
        }
        CheckFormat::Json => {
            let code = print_stdout(&(render::json(&files) + "\n"));
            if code != ExitCode::SUCCESS {
                return code;
            }
        }
    }
    if totals.errors > 0 { ExitCode::from(EXIT_INVALID) } else { ExitCode::SUCCESS }
}

/// What `brief export` was asked for, as typed.
enum ExportWhat {
    Section(String),
    Item(String),
    Related(String),
}

/// The section names `--section` accepts: the format's sections, in the order a reader asks
/// for them (a test keeps them the format's), and what spans them.
const EXPORT_SECTIONS: [&str; 10] =
    ["actors", "claims", "positions", "quotes", "topics", "events", "sources", "all", "overview", "timeline"];

/// `--section`'s values as clap sees them, for the help and the completion scripts. Any text
/// passes here: `export` refuses an unknown one itself, with the nearest name.
#[derive(Clone)]
struct SectionName;

impl clap::builder::TypedValueParser for SectionName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(EXPORT_SECTIONS.into_iter().map(clap::builder::PossibleValue::new)))
    }
}

/// Where an export goes.
enum Output {
    Stdout { pager: bool },
    File(PathBuf),
}

fn export(paths: &[PathBuf], what: &ExportWhat, options: export::Options, output: &Output) -> ExitCode {
    let files = match load_or_sample(paths) {
        Ok(files) => files,
        Err(error) => return usage_error(&error.to_string()),
    };
    if files.iter().any(LoadedFile::has_errors) {
        report_problems(&files);
        print_stderr("error: nothing was exported: the brief has errors; `brief check` lists them\n");
        return ExitCode::from(EXIT_INVALID);
    }
    let briefs: Vec<Brief> = files.into_iter().flat_map(LoadedFile::into_valid_briefs).collect();

    // Across the briefs: the timeline of any number of them, and an id's dossier over several.
    // The library's rows are what the "wrote N items" message counts.
    let refs: Vec<&Brief> = briefs.iter().collect();
    let across = match what {
        ExportWhat::Section(name) if name == "timeline" => Some(Library::build(&refs).timeline(&refs, None)),
        ExportWhat::Related(id) if briefs.len() > 1 => match Library::build(&refs).dossier(&refs, id) {
            Some(dossier) => Some(dossier),
            None => return unknown_id(&briefs, id),
        },
        _ => None,
    };
    if let Some(listing) = across {
        return deliver(&export::across::listing(&listing, &refs, &options), listing.row_count(), output);
    }

    let indexes: Vec<Index> = briefs.iter().map(Index::build).collect();
    // Each brief's selection, or none where a brief lacks the id.
    let selections: Vec<Option<Selection>> = match what {
        ExportWhat::Section(name) => {
            let selection = match name.as_str() {
                "all" => Selection::All,
                "overview" => Selection::Overview,
                key => match Section::from_key(key) {
                    Some(section) => Selection::Section(section),
                    None => {
                        let hint = match load::nearest(key, EXPORT_SECTIONS) {
                            Some(near) => format!("did you mean '{near}'? "),
                            None => String::new(),
                        };
                        return usage_error(&format!(
                            "unknown section '{name}'; {hint}sections: {}",
                            EXPORT_SECTIONS.join(", ")
                        ));
                    }
                },
            };
            briefs.iter().map(|_| Some(selection.clone())).collect()
        }
        ExportWhat::Item(id) | ExportWhat::Related(id) => {
            let found: Vec<Option<ItemRef>> = briefs.iter().zip(&indexes).map(|(b, i)| i.lookup(b, id)).collect();
            if found.iter().all(Option::is_none) {
                return unknown_id(&briefs, id);
            }
            let related = matches!(what, ExportWhat::Related(_));
            found
                .into_iter()
                .map(|item| item.map(|item| if related { Selection::Related(item) } else { Selection::Item(item) }))
                .collect()
        }
    };

    let mut chosen = Vec::new();
    let mut items = 0;
    for ((brief, index), selection) in briefs.iter().zip(&indexes).zip(&selections) {
        if let Some(selection) = selection {
            chosen.push((brief, index, selection));
            items += export::item_count(brief, index, selection);
        }
    }
    deliver(&export::export_briefs(&chosen, &options), items, output)
}

/// An id no brief has: a usage error naming it, with the nearest id of any brief.
fn unknown_id(briefs: &[Brief], id: &str) -> ExitCode {
    let ids = briefs.iter().flat_map(|b| Section::ALL.iter().flat_map(move |&s| b.items(s).map(|i| b.id_of(i))));
    let hint = match load::nearest(id, ids) {
        Some(near) => format!("; did you mean '{near}'?"),
        None => "; `brief export --format json` lists every id".to_string(),
    };
    let briefs = if briefs.len() == 1 { "the brief" } else { "any brief" };
    usage_error(&format!("no item has the id '{id}' in {briefs}{hint}"))
}

/// Writes an export to stdout, or to a file with a word on stderr of how many items it holds.
fn deliver(text: &str, items: usize, output: &Output) -> ExitCode {
    match output {
        Output::Stdout { pager } => pager::print_stdout(text, *pager),
        Output::File(path) => match export::write_atomically(path, text) {
            Ok(()) => {
                let noun = if items == 1 { "item" } else { "items" };
                print_stderr(&format!("wrote {items} {noun} to {}\n", text::one_line(&path.display().to_string())));
                ExitCode::SUCCESS
            }
            Err(error) => usage_error(&format!("cannot write '{}': {}", path.display(), io_reason(&error))),
        },
    }
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "it is a folder".to_string(),
        _ => error.to_string(),
    }
}

/// Prints the diagnostics of files with errors the way `brief check` does. Used where a
/// command refuses to work on a brief with errors.
pub fn report_problems(files: &[LoadedFile]) {
    let color = stderr_color();
    let mut report = String::new();
    for file in files.iter().filter(|f| f.has_errors()) {
        report.push_str(&render::human(file, color));
    }
    report.push_str(&format!("{}\n", render::Totals::of(files)));
    print_stderr(&report);
}

pub fn usage_error(message: &str) -> ExitCode {
    print_stderr(&format!("error: {}\n", crate::text::one_line(message)));
    ExitCode::from(EXIT_USAGE)
}

fn print_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Writes to stdout; a closed pipe (`brief … | head -1`) ends quietly with success.
pub fn print_stdout(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => usage_error(&format!("cannot write to standard output: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_takes_every_section_of_the_format_and_the_three_that_span_them() {
        let mut names: Vec<&str> =
            Section::ALL.iter().map(|s| s.key()).chain(["all", "overview", "timeline"]).collect();
        let mut listed = EXPORT_SECTIONS.to_vec();
        names.sort_unstable();
        listed.sort_unstable();
        assert_eq!(listed, names);
    }

    #[test]
    fn global_options_go_before_or_after_the_subcommand() {
        for args in [
            &["brief", "--no-config", "--color", "never", "export", "a.yaml"][..],
            &["brief", "export", "a.yaml", "--no-config", "--color", "never"],
        ] {
            let parsed = Cli::try_parse_from(args).expect("parses");
            assert!(parsed.no_config && parsed.color == ColorChoice::Never, "{args:?}");
            assert!(matches!(parsed.command, Some(Command::Export { .. })), "{args:?}");
        }
    }

    #[test]
    fn a_reader_option_before_a_subcommand_is_refused_not_ignored() {
        let parsed = Cli::try_parse_from(["brief", "--no-mouse", "check", "a.yaml"]).expect("parses");
        let why = refuse_reader_options_before(&parsed).expect_err("refused");
        assert!(why.starts_with("--no-mouse is for the reader, not `brief check`"), "{why}");
        let parsed = Cli::try_parse_from(["brief", "--no-config", "check", "a.yaml"]).expect("parses");
        assert!(refuse_reader_options_before(&parsed).is_ok());
    }
}
