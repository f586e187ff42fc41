//! Live reload: the folders holding the open briefs are watched (not the files: an editor that
//! saves by writing a new file and renaming it over the old one leaves a watch on the file
//! looking at nothing), and the changes the reader cares about are sent to the loop, which
//! waits for a save to settle before reloading. Nothing runs while nothing changes: the
//! system's notifications wake a thread that otherwise sleeps.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{EventKind, RecursiveMode, Watcher};

use super::Message;

/// What the reader follows: brief files, and folders it was opened on, where a brief file may
/// be added. Paths are compared absolute, and handed back as the reader named them.
#[derive(Debug, Default)]
pub struct Targets {
    files: HashMap<PathBuf, PathBuf>,
    folders: Vec<(PathBuf, PathBuf)>,
}

impl Targets {
    pub fn new(files: &[PathBuf], folders: &[PathBuf]) -> Targets {
        let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        Targets {
            files: files.iter().map(|f| (absolute(f), f.clone())).collect(),
            folders: folders.iter().map(|f| (absolute(f), f.clone())).collect(),
        }
    }

    /// The path as the reader names it, when a change to it matters: a brief file open or
    /// shelved, or a brief file (not hidden) in a folder opened.
    pub fn named(&self, path: &Path) -> Option<PathBuf> {
        if let Some(named) = self.files.get(path) {
            return Some(named.clone());
        }
        if !crate::load::is_brief_file(path) {
            return None;
        }
        self.folders.iter().find_map(|(absolute, named)| {
            let inside = path.strip_prefix(absolute).ok()?;
            let hidden = inside.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
            (!hidden).then(|| named.join(inside))
        })
    }

    /// The folders to watch: each file's, and those opened.
    fn folders(&self) -> BTreeSet<PathBuf> {
        let parents = self.files.keys().filter_map(|f| f.parent().map(Path::to_path_buf));
        parents.chain(self.folders.iter().map(|(absolute, _)| absolute.clone())).collect()
    }
}

/// Whether an event can mean new content. Opening and reading a file (the reader's own reload
/// does both) and a change of its times or mode cannot.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => false,
        _ => true,
    }
}

/// Watching, while this lives.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
}

/// Starts watching: the changed paths that matter reach the loop as [`Message::Changed`], and
/// the first error the watcher meets later as [`Message::Unwatched`]. `Err` says why nothing
/// can be watched.
pub fn start(targets: Targets, sender: Sender<Message>) -> Result<Watch, String> {
    let folders = targets.folders();
    let mut told = false;
    let handler = move |result: notify::Result<notify::Event>| match result {
        Ok(event) if event.need_rescan() => {
            // The system dropped events: any file may have changed.
            let _ = sender.send(Message::Changed(targets.files.values().cloned().collect()));
        }
        Ok(event) if changes_content(&event.kind) => {
            let named: Vec<PathBuf> = event.paths.iter().filter_map(|p| targets.named(p)).collect();
            if !named.is_empty() {
                let _ = sender.send(Message::Changed(named));
            }
        }
        Ok(_) => {}
        Err(error) if !told => {
            told = true;
            let _ = sender.send(Message::Unwatched(unwatched(&error)));
        }
        Err(_) => {}
    };
    let mut watcher = notify::recommended_watcher(handler).map_err(|e| unwatched(&e))?;
    for folder in &folders {
        watcher.watch(folder, RecursiveMode::NonRecursive).map_err(|e| unwatched(&e))?;
    }
    Ok(Watch { _watcher: watcher })
}

/// What the status line says when changes cannot be followed.
pub fn unwatched(error: &notify::Error) -> String {
    let os = match &error.kind {
        notify::ErrorKind::Io(e) => e.raw_os_error(),
        _ => None,
    };
    // inotify says a full table of watches with ENOSPC, and too many watchers with EMFILE.
    let why = if matches!(error.kind, notify::ErrorKind::MaxFilesWatch) || os == Some(libc::ENOSPC) {
        "inotify watch limit reached (fs.inotify.max_user_watches)".to_string()
    } else if os == Some(libc::EMFILE) {
        "inotify instance limit reached (fs.inotify.max_user_instances)".to_string()
    } else {
        crate::text::one_line(&error.to_string()).into_owned()
    };
    format!("saves not followed: {why}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_matters_for_a_file_open_or_a_brief_file_in_a_folder_opened() {
        let targets = Targets::new(&["a.yaml".into(), "/elsewhere/b.yaml".into()], &["archive".into()]);
        let cwd = std::path::absolute(".").unwrap();
        assert_eq!(targets.named(&cwd.join("a.yaml")), Some("a.yaml".into()));
        assert_eq!(targets.named(Path::new("/elsewhere/b.yaml")), Some("/elsewhere/b.yaml".into()));
        assert_eq!(targets.named(&cwd.join("archive/new.yml")), Some("archive/new.yml".into()));
        // A swap file, a hidden file, and a file beside an open one that was not opened.
        assert_eq!(targets.named(&cwd.join("archive/.new.yaml.swp")), None);
        assert_eq!(targets.named(&cwd.join("archive/.new.yaml")), None);
        assert_eq!(targets.named(Path::new("/elsewhere/c.yaml")), None);
    }

    #[test]
    fn the_folders_watched_are_the_files_own_and_those_opened() {
        let targets = Targets::new(&["/x/a.yaml".into(), "/x/b.yaml".into()], &["/y".into()]);
        assert_eq!(targets.folders().into_iter().collect::<Vec<_>>(), [PathBuf::from("/x"), PathBuf::from("/y")]);
    }

    #[test]
    fn reading_a_file_is_no_change_but_writing_renaming_and_removing_are() {
        use notify::event::{CreateKind, MetadataKind, RemoveKind, RenameMode};
        assert!(!changes_content(&EventKind::Access(AccessKind::Open(AccessMode::Any))));
        assert!(!changes_content(&EventKind::Access(AccessKind::Close(AccessMode::Read))));
        assert!(!changes_content(&EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any))));
        assert!(changes_content(&EventKind::Access(AccessKind::Close(AccessMode::Write))));
        assert!(changes_content(&EventKind::Modify(ModifyKind::Name(RenameMode::To))));
        assert!(changes_content(&EventKind::Create(CreateKind::File)));
        assert!(changes_content(&EventKind::Remove(RemoveKind::File)));
    }

    #[test]
    fn a_full_watch_table_is_named_with_the_setting_to_raise() {
        let full = notify::Error::new(notify::ErrorKind::MaxFilesWatch);
        assert!(unwatched(&full).contains("fs.inotify.max_user_watches"));
        let io = notify::Error::io(std::io::Error::from_raw_os_error(libc::ENOSPC));
        assert!(unwatched(&io).contains("fs.inotify.max_user_watches"));
    }
}
