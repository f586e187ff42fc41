//! The real binary in a pseudo-terminal: the screen is read back with a terminal emulator
//! (vt100), keys are typed, and the terminal must be given back whole however the reader ends.
//! Waiting is on what the screen shows, with a deadline, never on a fixed sleep.

mod new;
mod pager;
mod reader;
mod watch;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a step may take before the test fails: generous, since CI machines are slow.
const DEADLINE: Duration = Duration::from_secs(20);

pub struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Everything the program wrote, for checks on raw bytes.
    output: Arc<Mutex<Vec<u8>>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    /// Signals each time output arrived.
    arrived: Receiver<()>,
}

impl Session {
    /// Starts `brief` with arguments in a terminal of the given size, in `folder`.
    pub fn start(args: &[&str], columns: u16, rows: u16, folder: &Path, env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize { rows, cols: columns, pixel_width: 0, pixel_height: 0 })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(assert_cmd::cargo::cargo_bin("brief"));
        command.args(args);
        command.cwd(folder);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("TMUX");
        // The cache of parsed briefs stays with the test, not in the home of whoever runs it.
        command.env("XDG_CACHE_HOME", folder.join(".cache"));
        // Nor the config of whoever runs them: a test that wants one puts it here.
        command.env("XDG_CONFIG_HOME", folder.join(".config"));
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pty.slave.spawn_command(command).expect("the binary starts");
        drop(pty.slave);
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a terminal has a size");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(columns), 0)));
        let output = Arc::new(Mutex::new(Vec::new()));
        let writer = Arc::new(Mutex::new(pty.master.take_writer().expect("a writer")));
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let (tell, arrived) = mpsc::channel();
        {
            let (parser, output, writer) = (parser.clone(), output.clone(), writer.clone());
            std::thread::spawn(move || {
                let mut buffer = [0u8; 8192];
                while let Ok(n) = reader.read(&mut buffer) {
                    if n == 0 {
                        break;
                    }
                    let bytes = &buffer[..n];
                    // Answer the device-attributes query a terminal would answer (crossterm asks
                    // it to learn whether the keyboard protocol is supported).
                    if bytes.windows(3).any(|w| w == b"\x1b[c") {
                        let _ = writer.lock().unwrap().write_all(b"\x1b[?62;22c");
                    }
                    parser.lock().unwrap().process(bytes);
                    output.lock().unwrap().extend_from_slice(bytes);
                    let _ = tell.send(());
                }
            });
        }
        Session { parser, output, writer, child, master: pty.master, arrived }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn output(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// Waits until the screen satisfies a condition; fails with the screen after the deadline.
    pub fn wait_for(&self, what: &str, condition: impl Fn(&vt100::Screen) -> bool) {
        let end = Instant::now() + DEADLINE;
        loop {
            if condition(self.parser.lock().unwrap().screen()) {
                return;
            }
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                panic!("waited {DEADLINE:?} for {what}; the screen shows:\n{}", self.screen());
            }
            let _ = self.arrived.recv_timeout(left.min(Duration::from_millis(200)));
        }
    }

    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(&format!("“{text}”"), |screen| screen.contents().contains(text));
    }

    /// Sends keys, then waits for the screen to show what they lead to.
    pub fn press(&self, keys: &[u8], then: &str) {
        self.send(keys);
        self.wait_for_text(then);
    }

    /// Resizes the terminal, as dragging its window would (the program gets SIGWINCH).
    pub fn resize(&self, columns: u16, rows: u16) {
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a terminal has a size");
        self.parser.lock().unwrap().set_size(size(rows), size(columns));
        self.master.resize(PtySize { rows, cols: columns, pixel_width: 0, pixel_height: 0 }).expect("a resize");
    }

    pub fn send(&self, bytes: &[u8]) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
    }

    /// Presses `q`: the reader ends with success and gives the terminal back.
    pub fn quit(&mut self) {
        self.send(b"q");
        assert_eq!(self.wait_exit(), 0);
        self.assert_restored();
    }

    /// Waits for the program to end and gives its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let end = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().expect("the child can be waited for") {
                // Let the last bytes reach the emulator.
                while self.arrived.recv_timeout(Duration::from_millis(300)).is_ok() {}
                return status.exit_code();
            }
            if Instant::now() > end {
                let _ = self.child.kill();
                panic!("the reader did not exit; the screen shows:\n{}", self.screen());
            }
            let _ = self.arrived.recv_timeout(Duration::from_millis(50));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a process id")
    }

    /// The terminal was given back: the main screen, a visible cursor, no mouse reporting, and
    /// the line discipline cooked again (echo, canonical input).
    pub fn assert_restored(&self) {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "the alternate screen was left");
        assert!(!screen.hide_cursor(), "the cursor is shown");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse capture is off");
        let termios = self.master.get_termios().expect("terminal settings");
        use nix::sys::termios::LocalFlags;
        assert!(termios.local_flags.contains(LocalFlags::ICANON), "canonical input is back (raw mode off)");
        assert!(termios.local_flags.contains(LocalFlags::ECHO), "echo is back (raw mode off)");
    }
}
