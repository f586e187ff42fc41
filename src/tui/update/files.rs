//! The briefs' files changing under the reader: saved, added to the folder opened, removed,
//! and `E`, which hands one to the editor.

use std::path::{Path, PathBuf};

use crate::text::one_line;
use crate::tui::state::*;

impl App {
    /// Reads again the files that changed: each brief they hold keeps its selections by id (as
    /// `r` does); a save that leaves a brief with errors keeps what was loaded and says where the
    /// first error is. A new brief file in the folder opened joins the library, listed with
    /// the broken ones if it has errors; a broken file fixed opens; a brief whose file is gone
    /// leaves.
    pub(super) fn files_changed(&mut self, paths: Vec<PathBuf>) {
        let mut said = Vec::new();
        let mut paths = paths;
        paths.sort();
        paths.dedup();
        for path in paths {
            let open: Vec<usize> = (0..self.briefs.len()).filter(|&b| self.is_from(b, &path)).collect();
            let mut file = crate::load::load_file(&path);
            // A brief whose file is gone leaves the reader, as it would not be there if opened
            // now; the last one stays, with what was loaded, since the reader needs a brief.
            if !open.is_empty() && !path.exists() && open.len() < self.briefs.len() {
                self.let_go(&open);
                said.push(format!("{} was removed", one_line(&path.display().to_string())));
                self.library_changed();
                continue;
            }
            if !open.is_empty() {
                // The brief in view speaks first.
                let mut open = open;
                open.sort_by_key(|&b| b != self.current);
                said.extend(open.into_iter().map(|b| self.reload_brief(b, &mut file)));
                continue;
            }
            let shelf = self.shelved.iter().position(|s| s.path.as_deref() == Some(path.as_path()));
            match file {
                Ok(file) if file.has_errors() => {
                    let mut shelved = crate::tui::shelve(std::slice::from_ref(&file));
                    let Some(fresh) = shelved.pop() else { continue };
                    let key = self.key(crate::tui::keymap::Context::Library, crate::tui::Action::ShowProblems);
                    said.push(format!("{} ({key} in the library lists every problem)", fresh.first));
                    match shelf {
                        Some(s) => self.shelved[s] = fresh,
                        None => self.shelved.push(fresh),
                    }
                }
                Ok(file) => {
                    let opened = crate::tui::open_all(vec![file]);
                    if opened.is_empty() {
                        continue;
                    }
                    if let Some(s) = shelf {
                        self.shelved.remove(s);
                    }
                    said.push(format!("opened {}", one_line(&path.display().to_string())));
                    self.briefs.extend(opened.into_iter().map(Reading::new));
                }
                // Gone: a broken file removed is no longer listed. (A brief open stays open.)
                Err(_) if !path.exists() => {
                    if let Some(s) = shelf {
                        self.shelved.remove(s);
                        said.push(format!("{} was removed", one_line(&path.display().to_string())));
                    }
                }
                Err(error) => said.push(one_line(&error.to_string()).into_owned()),
            }
            self.library_changed();
        }
        if let Some(first) = said.first() {
            let more = if said.len() > 1 { format!(" (and {} more)", said.len() - 1) } else { String::new() };
            self.message = Some(format!("{first}{more}"));
        }
    }

    /// Takes the briefs `gone` (in order) out of the reader, and out of the history; another
    /// screen on top, which may point at them, gives way to the library.
    fn let_go(&mut self, gone: &[usize]) {
        for &b in gone.iter().rev() {
            self.briefs.remove(b);
        }
        let renumbered = |brief: usize| -> Option<usize> {
            (!gone.contains(&brief)).then(|| brief - gone.iter().filter(|&&g| g < brief).count())
        };
        for history in [&mut self.back, &mut self.forward] {
            history.retain_mut(|location| match renumbered(location.brief) {
                Some(brief) => {
                    location.brief = brief;
                    true
                }
                None => false,
            });
        }
        let was_in_view = gone.contains(&self.current);
        let before = gone.iter().filter(|&&g| g < self.current).count();
        self.current = (self.current - before).min(self.briefs.len() - 1);
        if was_in_view || !matches!(self.overlay, Overlay::None | Overlay::Library(_)) {
            self.overlay = Overlay::Library(LibraryState::default());
        }
    }

    /// Whether brief `b` was read from `path`.
    fn is_from(&self, b: usize, path: &Path) -> bool {
        self.briefs[b].opened.file.as_ref().is_some_and(|(file, _)| file == path)
    }

    /// After briefs were added or broken files listed or let go: what is known across briefs is
    /// worked out again, and the library, if open, lists them as they are now.
    fn library_changed(&mut self) {
        self.library = crate::library::Library::build(&self.brief_refs());
        for reading in &mut self.briefs {
            reading.marks_for = None;
            reading.since = Default::default();
        }
        match &mut self.overlay {
            Overlay::Library(state) => {
                let mut state = std::mem::take(state);
                self.find_again(&mut state);
                self.overlay = Overlay::Library(state);
            }
            // The shelved briefs were numbered as they were: back to the library.
            Overlay::Problems { shelved: Some(_), library, .. } => {
                let mut state = library.take().map(|l| *l).unwrap_or_default();
                self.find_again(&mut state);
                self.overlay = Overlay::Library(state);
            }
            _ => {}
        }
    }

    /// `E` in the lists and the detail pane: the selected item's file at the line it was
    /// written on; in the library, the file of the row under the cursor.
    pub(super) fn edit(&mut self) {
        let at = match &self.overlay {
            Overlay::Library(state) => match state.rows.get(state.cursor).map(|r| r.entry) {
                Some(Shelf::Broken(s)) => self.shelved[s].problems.at.clone(),
                Some(Shelf::Brief(b)) => self.briefs[b].opened.file.clone().map(|(path, _)| (path, 1)),
                None => None,
            },
            _ => {
                let line = self.anchor().map_or(1, |item| self.brief().span_of(item).line.max(1));
                self.opened().file.clone().map(|(path, _)| (path, line))
            }
        };
        self.edit_at(at);
    }

    /// Asks the runtime for the editor at a file's line; `None`: there is no file to edit.
    pub(super) fn edit_at(&mut self, at: Option<(PathBuf, u32)>) {
        match at {
            Some((file, line)) => self.effects.push(Effect::Edit { file, line }),
            None => self.message = Some("this brief was not read from a file: nothing to edit".into()),
        }
    }

    /// The editor has closed: what it saved is read again, or why it could not start is said.
    pub(super) fn edited(&mut self, file: PathBuf, error: Option<String>) {
        match error {
            Some(error) => self.message = Some(error),
            None => self.files_changed(vec![file]),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::{Action, App, Effect, Pane};

    const BRIEF: &str = "brief: 1\nid: day\ntitle: The day\ndate: 2024-01-01\nactors:\n  - {id: putin, name: Vladimir Putin}\n  - {id: biden, name: Joe Biden}\n";

    fn open(text: &str) -> (tempfile::TempDir, std::path::PathBuf, App) {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("day.yaml");
        std::fs::write(&path, text).expect("written");
        let file = crate::load::load_file(&path).expect("readable");
        let app = App::new(crate::tui::open_all(vec![file]));
        (folder, path, app)
    }

    #[test]
    fn a_brief_whose_file_is_removed_leaves_the_library_and_the_history_but_the_last_stays() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let paths: Vec<_> = ["a", "b", "c"]
            .iter()
            .map(|id| {
                let path = folder.path().join(format!("{id}.yaml"));
                std::fs::write(&path, BRIEF.replace("id: day", &format!("id: {id}"))).unwrap();
                path
            })
            .collect();
        let files = paths.iter().map(|p| crate::load::load_file(p).expect("readable")).collect();
        let mut app = App::new(crate::tui::open_all(files));
        app.update(Action::Leave);
        assert_eq!(app.briefs.len(), 3);
        // History that points at c, then a in view.
        app.current = 2;
        app.update(Action::NextBrief);
        app.update(Action::PreviousBrief);
        app.current = 0;
        std::fs::remove_file(&paths[2]).unwrap();
        app.update(Action::FilesChanged(vec![paths[2].clone()]));
        assert_eq!(app.briefs.len(), 2);
        assert!(app.message.clone().unwrap_or_default().ends_with("c.yaml was removed"));
        assert!(app.back.iter().chain(&app.forward).all(|l| l.brief < 2));
        assert_eq!(&*app.brief().id, "a", "the brief in view stays in view");
        std::fs::remove_file(&paths[0]).unwrap();
        std::fs::remove_file(&paths[1]).unwrap();
        app.update(Action::FilesChanged(vec![paths[0].clone(), paths[1].clone()]));
        assert_eq!(app.briefs.len(), 1, "the last brief stays open");
    }

    #[test]
    fn a_save_is_read_again_and_the_selection_stays_on_its_id() {
        let (_folder, path, mut app) = open(BRIEF);
        app.update(Action::Down);
        std::fs::write(
            &path,
            BRIEF
                .replace("Joe Biden", "Joseph Biden")
                .replace("  - {id: putin", "  - {id: xi, name: Xi}\n  - {id: putin"),
        )
        .unwrap();
        app.update(Action::FilesChanged(vec![path]));
        let selected = app.selected(Pane::Actors).expect("an actor selected");
        assert_eq!(app.brief().id_of(selected), "biden");
        assert_eq!(app.brief().name_of(selected), "Joseph Biden");
        let message = app.message.clone().expect("a message");
        assert!(message.starts_with("reloaded ") && message.ends_with("day.yaml: 3 items"), "{message}");
    }

    #[test]
    fn a_broken_save_keeps_what_was_loaded_says_where_and_the_next_good_save_clears_it() {
        let (_folder, path, mut app) = open(BRIEF);
        std::fs::write(&path, BRIEF.replace("name: Joe Biden}", "name: [Joe Biden}")).unwrap();
        app.update(Action::FilesChanged(vec![path.clone()]));
        let message = app.message.clone().expect("a message");
        assert!(message.contains("day.yaml:7:"), "{message}");
        assert!(message.contains("still showing what was loaded"), "{message}");
        assert_eq!(app.brief().actors.len(), 2);
        app.update(Action::ShowProblems);
        assert_eq!(app.context(), crate::tui::keymap::Context::Problems);
        app.update(Action::Edit);
        assert_eq!(app.effects, [Effect::Edit { file: path.clone(), line: 7 }]);
        std::fs::write(&path, BRIEF).unwrap();
        app.update(Action::FilesChanged(vec![path]));
        assert!(app.reading().problems.is_none());
        assert_eq!(app.context(), crate::tui::keymap::Context::Lists, "the problems fixed are closed");
        assert!(app.message.as_deref().is_some_and(|m| m.starts_with("reloaded ")), "{:?}", app.message);
    }

    #[test]
    fn a_brief_added_to_the_folder_joins_the_library_and_a_broken_one_is_listed() {
        let (folder, _path, mut app) = open(BRIEF);
        let added = folder.path().join("next.yaml");
        std::fs::write(&added, BRIEF.replace("id: day", "id: next").replace("2024-01-01", "2024-01-02")).unwrap();
        let broken = folder.path().join("broken.yaml");
        std::fs::write(&broken, "brief: 1\nid: [\n").unwrap();
        app.update(Action::FilesChanged(vec![added, broken.clone()]));
        assert_eq!(app.briefs.len(), 2);
        assert_eq!(app.library.newest_first().next(), Some(1), "the new brief is the newest");
        assert_eq!(app.shelved.len(), 1);
        // Fixed, it opens; removed, it is no longer listed.
        std::fs::write(&broken, BRIEF.replace("id: day", "id: fixed")).unwrap();
        app.update(Action::FilesChanged(vec![broken.clone()]));
        assert_eq!((app.briefs.len(), app.shelved.len()), (3, 0));
        let other = folder.path().join("other.yaml");
        std::fs::write(&other, "brief: 1\nid: [\n").unwrap();
        app.update(Action::FilesChanged(vec![other.clone()]));
        assert_eq!(app.shelved.len(), 1);
        std::fs::remove_file(&other).unwrap();
        app.update(Action::FilesChanged(vec![other]));
        assert!(app.shelved.is_empty());
    }

    #[test]
    fn e_asks_for_the_editor_at_the_selected_items_line() {
        let (_folder, path, mut app) = open(BRIEF);
        app.update(Action::Down);
        app.update(Action::Edit);
        assert_eq!(app.effects, [Effect::Edit { file: path.clone(), line: 7 }]);
        app.effects.clear();
        app.update(Action::Edited { file: path, error: Some("cannot start the editor “nope”".into()) });
        assert_eq!(app.message.as_deref(), Some("cannot start the editor “nope”"));
    }

    #[test]
    fn e_on_a_brief_not_read_from_a_file_says_so() {
        let mut app = App::new(
            crate::sample::load_all().into_iter().flat_map(|f| crate::tui::open_all(vec![f])).take(1).collect(),
        );
        app.update(Action::Edit);
        assert!(app.effects.is_empty());
        assert!(app.message.as_deref().is_some_and(|m| m.contains("nothing to edit")));
    }
}
