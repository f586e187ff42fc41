//! The terminal, borrowed and always given back: raw mode, the alternate screen, mouse capture
//! and the cursor are restored on every way out, a panic included (its message prints after).

use std::io::{self, BufWriter, Read, Write};
use std::os::unix::net::UnixStream;
use std::process::ExitCode;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, KeyboardEnhancementFlags, PopKeyboardEnhancementFlags,
    PushKeyboardEnhancementFlags,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Widget};
use ratatui::{TerminalOptions, Viewport};

use super::Message;
use crate::load::{Preview, Progress};

/// What was turned on, so restoring turns off exactly that, from anywhere (the panic hook).
static RAW: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);
static KEYBOARD: AtomicBool = AtomicBool::new(false);

/// Gives the terminal back. Safe to call twice, and from the panic hook.
pub fn restore() {
    let mut out = io::stdout();
    if KEYBOARD.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, PopKeyboardEnhancementFlags);
    }
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    if RAW.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
        let _ = disable_raw_mode();
    }
    let _ = out.flush();
}

/// Asks the terminal whether it reports keys unambiguously (the kitty keyboard protocol), so
/// Ctrl-i can be told apart from Tab. A round trip to the terminal: the reader asks while the
/// brief loads.
pub fn keyboard_protocol() -> bool {
    crossterm::terminal::supports_keyboard_enhancement().unwrap_or(false)
}

fn setup(mouse: bool, keyboard: bool) -> io::Result<()> {
    let mut out = io::stdout();
    enable_raw_mode()?;
    RAW.store(true, Ordering::SeqCst);
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
        MOUSE.store(true, Ordering::SeqCst);
    }
    if keyboard {
        execute!(out, PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES))?;
        KEYBOARD.store(true, Ordering::SeqCst);
    }
    Ok(())
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// What draws: ratatui's terminal over crossterm, writing through a buffer sent whole at the
/// end of each frame (through stdout's own 1 KiB buffer a frame went out in a dozen pieces,
/// each waking the terminal).
pub type Screen = ratatui::Terminal<CrosstermBackend<BufWriter<io::Stdout>>>;

/// A screen of `width` × `height` cells, not yet shown: made while the brief loads, since
/// making its two frames touches half a megabyte. Its size is the one given, never asked of
/// the terminal again: a resize event brings the next.
pub fn screen(width: u16, height: u16) -> Screen {
    let backend = CrosstermBackend::new(BufWriter::with_capacity(FRAME_BYTES, io::stdout()));
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    ratatui::Terminal::with_options(backend, TerminalOptions { viewport })
        .expect("a fixed viewport asks nothing of the terminal")
}

/// Room for a whole frame's output: a full frame at 200x50 in colour is some 30 KB.
const FRAME_BYTES: usize = 64 << 10;

/// The terminal, taken: given back when dropped.
pub struct Tty {
    screen: Screen,
    /// The screen's size, as the last resize gave it.
    size: (u16, u16),
    mouse: bool,
    keyboard: bool,
}

/// The terminal's size in columns and rows. The screen is resized only on a resize event, not
/// asked before every frame.
pub fn size() -> (u16, u16) {
    crossterm::terminal::size().unwrap_or((80, 24))
}

impl Tty {
    /// Takes the terminal for `screen`: raw mode, the alternate screen, mouse capture if wanted,
    /// and the keyboard protocol if [`keyboard_protocol`] found it.
    pub fn take(mut screen: Screen, mouse: bool, keyboard: bool) -> io::Result<Tty> {
        install_panic_hook();
        if let Err(error) = setup(mouse, keyboard) {
            restore();
            return Err(error);
        }
        let area = screen.get_frame().area();
        let mut tty = Tty { screen, size: (area.width, area.height), mouse, keyboard };
        // The size may have changed since the screen was made; no signal reports that yet.
        tty.resize(size());
        Ok(tty)
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Takes the terminal's new size, if it is new: the screen is cleared and the next frame
    /// drawn whole. (A terminal may signal a resize that changes nothing, as tmux does on attach.)
    pub fn resize(&mut self, (width, height): (u16, u16)) {
        if (width, height) != self.size {
            self.size = (width, height);
            let _ = self.screen.resize(Rect::new(0, 0, width, height));
        }
    }

    /// Draws a frame and sends what changed; a terminal that cannot be written to any more is
    /// left alone.
    pub fn draw(&mut self, render: impl FnOnce(&mut Buffer)) {
        let _ = self.screen.draw(|frame| render(frame.buffer_mut()));
    }

    /// Writes bytes the way they are (an OSC 52 sequence) between frames, when the screen's
    /// own buffer has been sent.
    pub fn write_raw(&mut self, text: &str) {
        let mut out = io::stdout().lock();
        let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    }

    /// Ctrl-z: gives the terminal back, stops until `fg`, then takes it again and redraws all.
    /// Gives the terminal's size, which may have changed meanwhile.
    pub fn suspend(&mut self) -> (u16, u16) {
        self.hand_over(|| {
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
        })
        .1
    }

    /// Gives the terminal back as it was before the reader took it, for `away` (the shell after
    /// Ctrl-z, an editor), then takes it again whole: raw mode, the alternate screen, the mouse,
    /// the keyboard protocol, and a frame drawn from nothing. Gives what `away` gave and the
    /// terminal's size, which may have changed meanwhile.
    pub fn hand_over<T>(&mut self, away: impl FnOnce() -> T) -> (T, (u16, u16)) {
        restore();
        let result = away();
        let _ = setup(self.mouse, self.keyboard);
        self.size = crossterm::terminal::size().unwrap_or(self.size);
        // Cleared whatever the size: another program drew over the screen meanwhile.
        let _ = self.screen.resize(Rect::new(0, 0, self.size.0, self.size.1));
        (result, self.size)
    }
}

/// The exit status after a signal (0: a quit before the brief opened), as shells report it.
pub fn signal_exit(signal: i32) -> ExitCode {
    if signal == 0 { ExitCode::SUCCESS } else { ExitCode::from((128 + signal).min(255) as u8) }
}

impl Drop for Tty {
    fn drop(&mut self) {
        // After a panic the hook has restored the terminal and printed the message; doing it
        // again here would only risk clearing what it printed.
        if !std::thread::panicking() {
            restore();
        }
    }
}

/// How long crossterm is given to hand over keys it has read already. With no timeout it does
/// not look at them at all; under a millisecond it spins, as it waits in whole milliseconds.
/// This waits 1 ms (a key arriving meanwhile is read at once), then spins for the rest.
const LOOK_AT_READ_KEYS: Duration = Duration::from_micros(1_050);

/// While set, Ctrl-c belongs to the program the terminal was handed to: the SIGINT it sends to
/// the whole foreground group must not end the reader too.
static HANDED_OVER: AtomicBool = AtomicBool::new(false);

/// The thread reading keys, which can be told to leave the terminal alone while another program
/// (the editor) reads it: otherwise it would take that program's keys. The default is no thread.
#[derive(Default)]
pub struct Input {
    /// Talks with the thread: `p` asks it to pause, it answers once it is paused; `r` resumes.
    control: Option<UnixStream>,
}

impl Input {
    /// Stops reading the terminal: returns once the thread waits for [`Input::resume`].
    pub fn pause(&mut self) {
        HANDED_OVER.store(true, Ordering::SeqCst);
        if let Some(control) = &mut self.control {
            let mut answer = [0u8; 1];
            // A thread that has ended (the terminal hung up) reads nothing any more either.
            let _ = control.write_all(b"p").and_then(|()| control.read(&mut answer));
        }
    }

    pub fn resume(&mut self) {
        if let Some(control) = &mut self.control {
            let _ = control.write_all(b"r");
        }
        HANDED_OVER.store(false, Ordering::SeqCst);
    }
}

/// Reads terminal events on a thread of their own, so the loop can also hear signals.
///
/// crossterm spins forever on a terminal that has gone away (its read returns nothing, and it
/// asks again), so this thread waits on the terminal itself and hands it to crossterm only
/// when there is input: a hang-up ends the reader as SIGHUP would.
pub fn spawn_input(sender: Sender<Message>) -> Input {
    let tty = input_terminal();
    let (control, mut thread_end) = match (&tty, UnixStream::pair()) {
        (Some(_), Ok((ours, theirs))) => (Some(ours), Some(theirs)),
        _ => (None, None),
    };
    let _ = std::thread::Builder::new().name("input".into()).spawn(move || {
        loop {
            if let Some(fd) = &tty {
                // Events crossterm already read (several keys in one read) come first; only
                // then wait on the terminal. Each check of crossterm is guarded by one of ours.
                let buffered =
                    poll_terminal(fd, 0) == Some(true) && crossterm::event::poll(LOOK_AT_READ_KEYS).unwrap_or(false);
                if !buffered {
                    match wait_for_input(fd, thread_end.as_ref()) {
                        Waiting::Input => {}
                        Waiting::Paused => {
                            if !paused(thread_end.as_mut()) {
                                break;
                            }
                            continue;
                        }
                        Waiting::HungUp => {
                            let _ = sender.send(Message::Signal(signal_hook::consts::SIGHUP));
                            break;
                        }
                    }
                }
            }
            let Ok(event) = crossterm::event::read() else { break };
            // crossterm hears SIGWINCH too, but only with the next key: resizes come from the
            // signal thread alone.
            if matches!(event, crossterm::event::Event::Resize(..)) {
                continue;
            }
            if sender.send(Message::Input(event)).is_err() {
                break;
            }
        }
    });
    Input { control }
}

enum Waiting {
    Input,
    Paused,
    HungUp,
}

/// Waits for a key, or for the loop to ask for a pause.
fn wait_for_input(fd: &std::os::fd::OwnedFd, control: Option<&UnixStream>) -> Waiting {
    use std::os::fd::AsRawFd;
    let Some(control) = control else {
        return if poll_terminal(fd, -1) == Some(true) { Waiting::Input } else { Waiting::HungUp };
    };
    let mut polls = [
        libc::pollfd { fd: fd.as_raw_fd(), events: libc::POLLIN, revents: 0 },
        libc::pollfd { fd: control.as_raw_fd(), events: libc::POLLIN, revents: 0 },
    ];
    loop {
        // SAFETY: two valid pollfds for the duration of the call.
        let ready = unsafe { libc::poll(polls.as_mut_ptr(), 2, -1) };
        if ready < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
            continue;
        }
        if polls[1].revents != 0 {
            return Waiting::Paused;
        }
        let hung_up = ready < 0 || polls[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0;
        return if hung_up { Waiting::HungUp } else { Waiting::Input };
    }
}

/// Answers a pause and waits, reading nothing of the terminal, until told to resume. `false`
/// when the loop has gone.
fn paused(control: Option<&mut UnixStream>) -> bool {
    let Some(control) = control else { return false };
    let mut byte = [0u8; 1];
    if !matches!(control.read(&mut byte), Ok(1)) || byte[0] != b'p' || control.write_all(b"a").is_err() {
        return false;
    }
    matches!(control.read(&mut byte), Ok(1))
}

/// The terminal keys come from: stdin, or `/dev/tty` when stdin holds a brief.
fn input_terminal() -> Option<std::os::fd::OwnedFd> {
    use std::io::IsTerminal;
    use std::os::fd::AsFd;
    if io::stdin().is_terminal() {
        io::stdin().as_fd().try_clone_to_owned().ok()
    } else {
        std::fs::File::open("/dev/tty").ok().map(std::os::fd::OwnedFd::from)
    }
}

/// Waits up to `timeout` milliseconds (-1: for ever) on the terminal: `Some(true)` when it
/// is alive (input waiting, or none yet with a zero timeout), `None` when it has hung up.
fn poll_terminal(fd: &std::os::fd::OwnedFd, timeout: i32) -> Option<bool> {
    use std::os::fd::AsRawFd;
    let mut poll = libc::pollfd { fd: fd.as_raw_fd(), events: libc::POLLIN, revents: 0 };
    loop {
        // SAFETY: one valid pollfd for the duration of the call.
        let ready = unsafe { libc::poll(&mut poll, 1, timeout) };
        if ready < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
            continue;
        }
        let hung_up = ready < 0 || poll.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0;
        return (!hung_up).then_some(ready > 0 || timeout == 0);
    }
}

/// SIGTERM, SIGHUP and SIGINT (the loop restores the terminal and exits), and SIGWINCH (a
/// resize: the input thread waits on the terminal, not on crossterm, so the resize must come
/// from here). They are caught from before the terminal is taken, so that none can find it
/// unrestored, and wait for [`Signals::forward`] to reach the loop.
pub struct Signals(Option<signal_hook::iterator::Signals>);

impl Signals {
    pub fn catch() -> Signals {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
        Signals(signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGWINCH]).ok())
    }

    /// Sends the signals caught, from now on, to the loop, from a thread of their own.
    pub fn forward(self, sender: Sender<Message>) {
        let Some(mut signals) = self.0 else { return };
        let _ = std::thread::Builder::new().name("signals".into()).spawn(move || {
            for signal in signals.forever() {
                if signal == signal_hook::consts::SIGINT && HANDED_OVER.load(Ordering::SeqCst) {
                    continue;
                }
                let message = if signal == signal_hook::consts::SIGWINCH {
                    match crossterm::terminal::size() {
                        Ok((width, height)) => Message::Input(crossterm::event::Event::Resize(width, height)),
                        Err(_) => continue,
                    }
                } else {
                    Message::Signal(signal)
                };
                let last = matches!(message, Message::Signal(_));
                if sender.send(message).is_err() || last {
                    break;
                }
            }
        });
    }
}

/// The screen while a large brief loads: its header, read ahead, and how far the load is.
/// The library while its briefs are read: their headers, newest first, and how far reading
/// has got. Keys wait for the briefs (but q and Ctrl-c quit).
pub fn draw_reading_library(
    buffer: &mut Buffer,
    progress: &Progress,
    headers: &[super::Header],
    elapsed: Duration,
    theme: super::theme::Theme,
) {
    use crate::text::{cells, one_line, truncate_to_cells};
    let area = buffer.area;
    let (done, total) = progress.files();
    let title = Line::styled(
        format!(" Library · reading {done} of {total} briefs · {:.1} s ", elapsed.as_secs_f64()),
        theme.heading(),
    );
    let body = Rect { height: area.height.saturating_sub(1), ..area };
    let inner = super::view::bordered(buffer, body, theme.border(true), &title, None);
    let width = inner.width as usize;
    for (n, (_, preview)) in headers.iter().take(inner.height as usize).enumerate() {
        let date = preview
            .date
            .as_deref()
            .map_or(String::new(), |d| crate::model::Date::parse(d).map_or_else(|_| d.to_string(), |d| d.human()));
        let date = truncate_to_cells(&one_line(&date), 11).into_owned();
        let title = truncate_to_cells(&one_line(&preview.title), width.saturating_sub(12)).into_owned();
        let pad = 11usize.saturating_sub(cells(&date)) + 1;
        let line = Line::from(vec![
            ratatui::text::Span::styled(format!("{date}{}", " ".repeat(pad)), theme.strong()),
            ratatui::text::Span::raw(title),
        ]);
        super::view::put(buffer, inner, inner.y + n as u16, &line);
    }
    let bar = Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1).intersection(area);
    if bar.height > 0 {
        Gauge::default().ratio(progress.fraction()).use_unicode(true).render(bar, buffer);
    }
}

pub fn draw_progress(
    buffer: &mut Buffer,
    progress: &Progress,
    preview: Option<&Preview>,
    elapsed: Duration,
    theme: super::theme::Theme,
) {
    use crate::text::{Lines, one_line, visible};
    let area = buffer.area;
    let width = area.width.saturating_sub(2) as usize;
    let fraction = progress.fraction();
    let megabytes = |bytes: f64| bytes / 1_000_000.0;
    let total = progress.total_bytes() as f64;
    let mut lines: Vec<Line> = Vec::new();
    if let Some(preview) = preview {
        lines.push(Line::styled(one_line(&preview.title).into_owned(), theme.heading()));
        // The date as the reader shows it once the brief is open, where it reads as a date.
        let date =
            preview.date.as_deref().map(|d| crate::model::Date::parse(d).map_or_else(|_| d.to_string(), |d| d.human()));
        let facts: Vec<String> = date
            .iter()
            .map(String::as_str)
            .chain(preview.marking.as_deref())
            .map(|f| one_line(f).into_owned())
            .collect();
        lines.push(Line::styled(facts.join(" · "), theme.dim()));
        if let Some(summary) = &preview.summary {
            let shown = visible(summary, Lines::Join);
            lines.extend(crate::text::wrap::wrap(&shown, width.max(1), "", "").into_iter().take(6).map(Line::raw));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Loading…", theme.strong()));
    lines.push(Line::raw(format!(
        "{:.1} of {:.1} MB · {} items · {:.1} s",
        megabytes(total * fraction),
        megabytes(total),
        progress.items(),
        elapsed.as_secs_f64()
    )));
    let top = area.height.saturating_sub(lines.len() as u16 + 1) / 2;
    for (i, line) in lines.iter().enumerate() {
        let y = area.y + top + i as u16;
        if y < area.y + area.height {
            buffer.set_line(area.x + 1, y, line, area.width.saturating_sub(2));
        }
    }
    let bar_y = area.y + top + lines.len() as u16;
    let bar = Rect::new(area.x + 1, bar_y, area.width.saturating_sub(2), 1).intersection(area);
    if bar.height > 0 {
        Gauge::default().ratio(fraction).use_unicode(true).render(bar, buffer);
    }
}

/// Gives back to the system the memory a load freed. glibc keeps what each reading thread
/// freed (a library's parse buffers) in that thread's own pool, out of reach of the threads
/// that allocate next (the search texts), until asked: without this the reader's peak is its
/// briefs, plus what reading them left behind, plus the search texts.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory of the allocator's pools to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}
