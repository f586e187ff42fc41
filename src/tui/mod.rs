//! The reader: a pure state machine ([`App`]) driven by [`Action`]s, drawn by [`view`], run by
//! the loop here, which owns the terminal and always gives it back: on quit, on error, on panic,
//! on SIGTERM, SIGHUP and SIGINT, and around Ctrl-z.

pub mod action;
pub mod clipboard;
pub mod describe;
pub mod detail_rows;
pub mod dialog;
pub mod editor;
pub mod finder;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod overview;
pub mod since;
pub mod state;
mod terminal;
pub mod theme;
mod update;
pub mod view;
mod watch;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{Event, MouseButton, MouseEventKind};

pub use action::{Action, Pane};
pub use state::{App, Effect, Opened, Shelved};

use crate::index::Index;
use crate::load::{Cache, LoadError, LoadedFile, Progress};

/// Before this, a load in progress shows nothing: most briefs load in a few milliseconds.
const QUIET_LOAD: Duration = Duration::from_millis(100);
/// How often the progress screen is redrawn while a load runs.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// What reaches the loop: input, signals, the headers of the briefs being read, the end of
/// the load, and changes to the briefs' files.
enum Message {
    Input(Event),
    Signal(i32),
    Headers(Vec<Header>),
    Loaded(Load),
    /// These files were written, added or removed.
    Changed(Vec<PathBuf>),
    /// Changes can no longer be followed: why.
    Unwatched(String),
}

/// How long the loop waits, after a file changed, for the rest of the save (an editor writes a
/// file, renames it, writes again) before reading the files again.
const SETTLE: Duration = Duration::from_millis(150);

/// A brief's file and the header read from its start, shown while the briefs are read.
pub type Header = (String, crate::load::Preview);

/// Options of the reader from the command line.
#[derive(Clone, Default)]
pub struct Options {
    /// Leave the mouse to the terminal (text selection) instead of clicks and the wheel.
    pub no_mouse: bool,
    /// Where briefs parsed before are kept; `None` parses every file.
    pub cache: Option<Cache>,
    /// `--since FILE`: the earlier brief every brief open is compared with.
    pub since: Option<Arc<Opened>>,
    /// The keys in force (a config file's `[keys]`).
    pub keymap: keymap::Keymap,
    /// The colours (a config file's `[theme]`).
    pub palette: theme::Palette,
    /// What the export dialog starts on (a config file's `[export]`).
    pub export: crate::export::Options,
    /// The pane every brief opens on (a config file's `[reader] pane`).
    pub pane: Pane,
    /// Read the briefs' files again when they change (`--no-watch` turns it off).
    pub watch: bool,
}

pub fn run(paths: &[PathBuf], options: &Options) -> ExitCode {
    // Keys come from the terminal even when the brief comes from stdin (`brief -`).
    let reads_stdin = paths.iter().any(|p| p.as_os_str() == "-");
    if !std::io::stdout().is_terminal() || !(reads_stdin || std::io::stdin().is_terminal()) {
        return crate::cli::usage_error(
            "the reader needs a terminal; `brief check` checks and `brief export` prints briefs",
        );
    }
    let (sender, receiver) = mpsc::channel();
    let progress = Arc::new(Progress::default());
    // The brief loads on a thread while this one makes the screen and asks the terminal about
    // its keyboard. Most loads end within milliseconds; a brief with errors then never takes the
    // terminal (its diagnostics print as `brief check` prints them), and a large one shows its
    // progress.
    spawn_load(paths.to_vec(), progress.clone(), options.cache.clone(), sender.clone());
    let (width, height) = terminal::size();
    let screen = terminal::screen(width, height);
    let keyboard = terminal::keyboard_protocol();
    // Several briefs send their headers first: the library is drawn from them at once.
    let (first, headers) = match receiver.recv_timeout(QUIET_LOAD) {
        Ok(Message::Loaded(load)) => (Some(load), None),
        Ok(Message::Headers(headers)) => (None, Some(headers)),
        Ok(_) | Err(_) => (None, None),
    };
    if let Some((result, _)) = &first
        && must_refuse(result)
    {
        return refuse(result);
    }

    let mut signals = Some(terminal::Signals::catch());
    // The keys' thread, once started: the first to need it starts it.
    let mut input = terminal::Input::default();
    let mut tty = match terminal::Tty::take(screen, !options.no_mouse, keyboard) {
        Ok(tty) => tty,
        Err(error) => return crate::cli::usage_error(&format!("cannot set up the terminal: {error}")),
    };

    let (result, indexes) = match first {
        Some(load) => load,
        None => {
            listen(&sender, &mut signals, &mut input);
            let theme = theme::Theme { color: crate::cli::reader_color(), palette: options.palette };
            let waiting = Waiting { progress: &progress, keymap: &options.keymap, theme };
            match wait_for_load(&mut tty, &receiver, &waiting, paths, headers.map(sorted_newest_first)) {
                Waited::Loaded(load) => load,
                Waited::Signal(signal) => return terminal::signal_exit(signal),
            }
        }
    };
    if must_refuse(&result) {
        drop(tty);
        return refuse(&result);
    }
    let files = result.unwrap_or_default();
    let disagreement = across_briefs_warning(&files);
    // Watching starts before the first frame, so a save the user makes once they see the brief
    // is never missed.
    let _watch = options.watch.then(|| start_watching(paths, &files, &sender)).flatten();
    let shelved = shelve(&files);
    let briefs = loaded_briefs(files, indexes);
    let mut app = App::with_shelved(briefs, shelved);
    app.since_file = options.since.clone();
    app.keymap = options.keymap.clone();
    app.palette = options.palette;
    app.export = options.export;
    app.open_on(options.pane);
    terminal::release_freed_memory();
    app.color = crate::cli::reader_color();
    app.export_dir = std::env::current_dir().unwrap_or_default();
    let (width, height) = tty.size();
    app.update(Action::Resize(width, height));
    app.message = disagreement;
    tty.draw(|buffer| view::draw(buffer, &app));
    // Only now the threads the first frame does not need: what they bring waits for them.
    listen(&sender, &mut signals, &mut input);
    // Build the search texts while the user reads the first frame: the brief in view first.
    let mut briefs: Vec<Arc<Opened>> = app.briefs.iter().map(|r| r.opened.clone()).collect();
    briefs.swap(0, app.current);
    let _ = std::thread::Builder::new().name("warm".into()).spawn(move || briefs.iter().for_each(|o| o.warm_finder()));
    run_app(&mut tty, &mut input, &mut app, &receiver)
}

/// Starts reading keys, and forwards the signals caught: once, when the loop first needs them.
/// Keys typed before wait in the terminal, signals in their pipe.
fn listen(sender: &Sender<Message>, signals: &mut Option<terminal::Signals>, input: &mut terminal::Input) {
    if let Some(signals) = signals.take() {
        *input = terminal::spawn_input(sender.clone());
        signals.forward(sender.clone());
    }
}

/// Watches the files loaded and the folders opened; where that is impossible, the loop is told
/// why (once) and `r` still reads a brief again.
fn start_watching(paths: &[PathBuf], files: &[LoadedFile], sender: &Sender<Message>) -> Option<watch::Watch> {
    let loaded: Vec<PathBuf> = files
        .iter()
        .filter_map(|file| match &file.origin {
            crate::load::Origin::File(path) => Some(path.clone()),
            _ => None,
        })
        .collect();
    let folders: Vec<PathBuf> = paths.iter().filter(|p| p.is_dir()).cloned().collect();
    if loaded.is_empty() {
        return None;
    }
    match watch::start(watch::Targets::new(&loaded, &folders), sender.clone()) {
        Ok(watch) => Some(watch),
        Err(why) => {
            let _ = sender.send(Message::Unwatched(why));
            None
        }
    }
}

/// Runs the editor on a file at a line, the terminal handed over to it and the keys left to
/// it; `Err` says why it could not start. Gives the terminal's size after.
fn run_editor(
    tty: &mut terminal::Tty,
    input: &mut terminal::Input,
    file: &std::path::Path,
    line: u32,
) -> (Result<(), String>, (u16, u16)) {
    let chosen = editor::chosen(std::env::var_os("VISUAL"), std::env::var_os("EDITOR"));
    let (program, args) = match editor::command(&chosen, file, line) {
        Ok(command) => command,
        Err(why) => return (Err(why), tty.size()),
    };
    input.pause();
    let (status, size) = tty.hand_over(|| std::process::Command::new(&program).args(&args).status());
    input.resume();
    let result = status.map(drop).map_err(|error| {
        let why = crate::load::io_reason(&error);
        crate::text::one_line(&format!("cannot start the editor “{program}”: {why}; set $VISUAL or $EDITOR"))
            .into_owned()
    });
    (result, size)
}

/// Whether a load must not open: an I/O error, or a brief with errors and none without. With
/// briefs to read, the library lists those with errors beside them.
fn must_refuse(result: &Result<Vec<LoadedFile>, LoadError>) -> bool {
    result.as_ref().map_or(true, |files| {
        files.iter().any(LoadedFile::has_errors) && files.iter().all(|f| f.valid_briefs().next().is_none())
    })
}

/// The files with errors, as the library lists them: where, the first error, the whole report.
pub fn shelve(files: &[LoadedFile]) -> Vec<Shelved> {
    files
        .iter()
        .filter(|file| file.has_errors())
        .map(|file| {
            let name = file.origin.name();
            let first = file.all_problems().find(|p| p.is_error());
            let first = first.map_or_else(String::new, |p| {
                let fix = p.fix().map_or_else(String::new, |fix| format!("; {fix}"));
                crate::text::one_line(&format!("{} [{}]{fix}", p.located(&name), p.code)).into_owned()
            });
            let opened = file.valid_briefs().count();
            let path = match &file.origin {
                crate::load::Origin::File(path) => Some(path.clone()),
                _ => None,
            };
            Shelved { name, path, first, problems: state::Problems::of(file, None), opened }
        })
        .collect()
}

/// Says why a load does not open, as `brief check` would, and gives the exit status.
fn refuse(result: &Result<Vec<LoadedFile>, LoadError>) -> ExitCode {
    match result {
        Err(error) => crate::cli::usage_error(&error.to_string()),
        Ok(files) => {
            crate::cli::report_problems(files);
            ExitCode::from(crate::cli::EXIT_INVALID)
        }
    }
}

/// A load's files and, when it could build them early, the index of each brief (in file and
/// document order).
pub type Load = (Result<Vec<LoadedFile>, LoadError>, Vec<Index>);

/// What the reader reads before its first full frame: every file parsed (or its briefs taken
/// from `cache`) and checked, and each brief's index; the bundled briefs without a path.
/// Public for the benchmark that times it.
pub fn load(paths: &[PathBuf], progress: Option<&Arc<Progress>>, cache: Option<&Cache>) -> Load {
    if paths.is_empty() {
        return (Ok(crate::sample::load_all()), Vec::new());
    }
    // Each file is checked and its briefs indexed as soon as it is read, on the core that read
    // it; a large brief alone is checked and indexed at once on two.
    let check_and_index = |file: &mut LoadedFile| {
        let read = &*file;
        let parsed = || read.briefs.iter().filter_map(|b| b.brief.as_ref());
        let (checked, indexes) =
            rayon::join(|| crate::load::check_across_items(read), || parsed().map(Index::build).collect::<Vec<_>>());
        checked.add_to(file);
        // Only a file with errors shows its text (under its diagnostics, in the library's list of
        // problems); a library's texts together weigh as much as its briefs.
        if !file.has_errors() {
            file.text = String::new();
        }
        indexes
    };
    match crate::load::parse_paths_then(paths, progress, cache, &check_and_index) {
        Ok((mut files, indexes)) => {
            crate::load::check_across_briefs(&mut files);
            (Ok(files), indexes.into_iter().flatten().collect())
        }
        Err(error) => (Err(error), Vec::new()),
    }
}

fn spawn_load(paths: Vec<PathBuf>, progress: Arc<Progress>, cache: Option<Cache>, sender: Sender<Message>) {
    std::thread::Builder::new()
        .name("load".into())
        .spawn(move || {
            // The files the headers came from are the ones read: the folders are walked once.
            let load = match headers(&paths) {
                Some((files, headers)) => {
                    let _ = sender.send(Message::Headers(headers));
                    load(&files, Some(&progress), cache.as_ref())
                }
                None => load(&paths, Some(&progress), cache.as_ref()),
            };
            let _ = sender.send(Message::Loaded(load));
        })
        .expect("a thread can be started");
}

/// The brief files the paths hold and their headers, when there are several: what the library
/// shows while they are read. `None` for one file, stdin, or a path that cannot be read (the
/// load says why).
fn headers(paths: &[PathBuf]) -> Option<(Vec<PathBuf>, Vec<Header>)> {
    if paths.iter().any(|p| p.as_os_str() == "-") {
        return None;
    }
    let files = crate::load::brief_inputs(paths).ok()?;
    if files.len() < 2 {
        return None;
    }
    let previews = crate::load::previews(&files);
    let named = files.iter().zip(previews).filter_map(|(file, preview)| Some((file.display().to_string(), preview?)));
    let headers = named.collect();
    Some((files, headers))
}

/// What the status line says when the briefs opened disagree on what an id means: the first
/// place, and how many there are. The briefs open all the same.
fn across_briefs_warning(files: &[LoadedFile]) -> Option<String> {
    let code = crate::load::Code::IdDisagreesAcrossBriefs;
    let mut found = files.iter().flat_map(|f| f.all_problems().filter(move |p| p.code == code).map(move |p| (f, p)));
    let (file, first) = found.next()?;
    let more = found.count();
    let more = if more == 0 { String::new() } else { format!(" (and {more} more)") };
    let said = format!("{}{more}; brief check lists them", first.located(&file.origin.name()));
    Some(crate::text::one_line(&said).into_owned())
}

/// The valid briefs of loaded files, ready to read, as the reader opens them: named for their
/// file, each reading its sources' texts from where its file came from.
pub fn open_all(files: Vec<LoadedFile>) -> Vec<Opened> {
    loaded_briefs(files, Vec::new())
}

/// The briefs to read, named for the header: `file` or `file #2` for the second document,
/// numbered among all the file's documents, as `r` finds it again. The indexes built during the
/// load, one for each brief that parsed (with errors or not), are used when they are all there.
fn loaded_briefs(files: Vec<LoadedFile>, indexes: Vec<Index>) -> Vec<Opened> {
    let parsed: usize = files.iter().map(|f| f.briefs.iter().filter(|b| b.brief.is_some()).count()).sum();
    let mut indexes = (indexes.len() == parsed).then(|| indexes.into_iter());
    let mut briefs = Vec::new();
    for file in files {
        let name = file.origin.name();
        let folder = file.origin.folder();
        let path = match &file.origin {
            crate::load::Origin::File(path) => Some(path.clone()),
            _ => None,
        };
        let several = file.briefs.len() > 1;
        for (n, loaded) in file.briefs.into_iter().enumerate() {
            let valid = !loaded.has_errors();
            let Some(brief) = loaded.brief else { continue };
            let index = indexes.as_mut().and_then(Iterator::next);
            if !valid {
                continue;
            }
            let name = if several { format!("{name} #{}", n + 1) } else { name.clone() };
            let index = index.unwrap_or_else(|| Index::build(&brief));
            let mut opened = Opened::indexed(name, brief, index);
            opened.file = path.clone().map(|path| (path, n));
            opened.folder = folder.clone();
            briefs.push(opened);
        }
    }
    briefs
}

enum Waited {
    Loaded(Load),
    Signal(i32),
}

/// What the screen shown during a load needs.
struct Waiting<'a> {
    progress: &'a Progress,
    keymap: &'a keymap::Keymap,
    theme: theme::Theme,
}

/// Shows the load's progress until it ends. Keys other than quitting wait for the brief.
fn wait_for_load(
    tty: &mut terminal::Tty,
    receiver: &Receiver<Message>,
    waiting: &Waiting,
    paths: &[PathBuf],
    mut headers: Option<Vec<Header>>,
) -> Waited {
    let started = Instant::now();
    let preview = paths.first().filter(|p| p.is_file() && paths.len() == 1).and_then(|p| crate::load::preview(p));
    loop {
        tty.draw(|buffer| match &headers {
            Some(headers) => {
                terminal::draw_reading_library(buffer, waiting.progress, headers, started.elapsed(), waiting.theme)
            }
            None => {
                terminal::draw_progress(buffer, waiting.progress, preview.as_ref(), started.elapsed(), waiting.theme)
            }
        });
        match receiver.recv_timeout(PROGRESS_EVERY) {
            Ok(Message::Headers(read)) => headers = Some(sorted_newest_first(read)),
            Ok(Message::Loaded(load)) => return Waited::Loaded(load),
            Ok(Message::Signal(signal)) => return Waited::Signal(signal),
            Ok(Message::Input(Event::Key(key))) => {
                if waiting.keymap.action_for(keymap::Context::Lists, &key) == Some(Action::Quit) {
                    return Waited::Signal(0);
                }
            }
            Ok(Message::Input(Event::Resize(width, height))) => tty.resize((width, height)),
            // Watching starts once the load is done: nothing changes before.
            Ok(Message::Input(_) | Message::Changed(_) | Message::Unwatched(_)) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                let stopped = LoadError { path: "briefs".into(), message: "the load stopped".into() };
                return Waited::Loaded((Err(stopped), Vec::new()));
            }
        }
    }
}

/// Headers as the library lists them: newest first, by date then title.
fn sorted_newest_first(mut headers: Vec<Header>) -> Vec<Header> {
    let date = |h: &Header| h.1.date.as_deref().and_then(|d| crate::model::Date::parse(d).ok());
    headers.sort_by(|a, b| date(b).cmp(&date(a)).then_with(|| a.1.title.cmp(&b.1.title)));
    headers
}

/// Turns a terminal event into an action, in the app's current context.
pub fn action_for_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => app.keymap.action_for(app.context(), key),
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column: mouse.column, row: mouse.row }),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown { column: mouse.column, row: mouse.row }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp { column: mouse.column, row: mouse.row }),
            _ => None,
        },
        _ => None,
    }
}

/// Debug builds only (the tests run those; a release build has no such hook): with
/// `BRIEF_TEST_PANIC` set, `!` panics, so tests can check that a panic restores the terminal
/// and prints its message after.
#[cfg(debug_assertions)]
fn test_panic(event: &Event) {
    if std::env::var_os("BRIEF_TEST_PANIC").is_some()
        && matches!(event, Event::Key(key) if key.code == crossterm::event::KeyCode::Char('!'))
    {
        panic!("test panic requested with BRIEF_TEST_PANIC");
    }
}

/// The loop, after the first frame: wait (no timer: idle is idle), update, carry out effects,
/// draw. Only while a change to a file settles does it wait with a deadline.
fn run_app(
    tty: &mut terminal::Tty,
    input: &mut terminal::Input,
    app: &mut App,
    receiver: &Receiver<Message>,
) -> ExitCode {
    let mut changed: Vec<PathBuf> = Vec::new();
    let mut settled: Option<Instant> = None;
    loop {
        if settled.is_some_and(|at| at <= Instant::now()) {
            settled = None;
            app.update(Action::FilesChanged(std::mem::take(&mut changed)));
            tty.draw(|buffer| view::draw(buffer, app));
        }
        // Work left from the last key goes on only while no key is waiting.
        let message = match receiver.try_recv() {
            Ok(message) => message,
            Err(mpsc::TryRecvError::Empty) if app.pending_work() => {
                app.update(Action::Work);
                tty.draw(|buffer| view::draw(buffer, app));
                continue;
            }
            Err(mpsc::TryRecvError::Empty) => {
                let waited = match settled {
                    Some(at) => receiver.recv_timeout(at.saturating_duration_since(Instant::now())),
                    None => receiver.recv().map_err(|_| RecvTimeoutError::Disconnected),
                };
                match waited {
                    Ok(message) => message,
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            }
            Err(mpsc::TryRecvError::Disconnected) => break,
        };
        match message {
            Message::Input(event) => {
                #[cfg(debug_assertions)]
                test_panic(&event);
                if let Event::Resize(width, height) = event {
                    tty.resize((width, height));
                }
                let Some(action) = action_for_event(app, &event) else { continue };
                app.update(action);
            }
            Message::Signal(signal) => return terminal::signal_exit(signal),
            Message::Changed(paths) => {
                changed.extend(paths);
                settled.get_or_insert_with(|| Instant::now() + SETTLE);
                continue;
            }
            Message::Unwatched(why) => app.update(Action::Unwatched(why)),
            Message::Headers(..) | Message::Loaded(..) => {}
        }
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::Quit => return ExitCode::SUCCESS,
                Effect::Suspend => {
                    let (width, height) = tty.suspend();
                    app.update(Action::Resize(width, height));
                }
                Effect::Copy { text, items } => {
                    let tmux = std::env::var_os("TMUX").filter(|v| !v.is_empty()).map(|_| std::ffi::OsStr::new("tmux"));
                    let to = clipboard::copy(&text, tmux, |sequence| tty.write_raw(sequence));
                    app.update(Action::Copied { items, to });
                }
                Effect::Edit { file, line } => {
                    let (result, (width, height)) = run_editor(tty, input, &file, line);
                    app.update(Action::Resize(width, height));
                    app.update(Action::Edited { file, error: result.err() });
                }
            }
        }
        tty.draw(|buffer| view::draw(buffer, app));
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(name: &str) -> PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
    }

    #[test]
    fn a_load_builds_each_briefs_index_alongside_its_checks() {
        let (files, indexes) = load(&[path(crate::sample::NAME), path(crate::sample::NAME)], None, None);
        let briefs = loaded_briefs(files.expect("the sample loads"), indexes);
        assert_eq!(briefs.len(), 2);
        for opened in &briefs {
            let putin = opened.index.lookup(&opened.brief, "putin").expect("Putin is indexed");
            assert_eq!(opened.brief.id_of(putin), "putin");
        }
    }

    #[test]
    fn a_load_with_errors_keeps_them_with_their_places() {
        let bad = path("tests/bad/E014-unknown-speaker.yaml");
        let (files, _) = load(std::slice::from_ref(&bad), None, None);
        let files = files.expect("readable");
        assert!(must_refuse(&Ok(files.clone())));
        let whole = crate::load::load_file(&bad).expect("readable");
        let problems = |f: &LoadedFile| f.all_problems().map(|p| format!("{p:?}")).collect::<Vec<_>>();
        assert_eq!(problems(&files[0]), problems(&whole));
    }
}
