//! The rule across briefs opened together: the same id means the same actor, topic or source in
//! every brief. Where an id disagrees with itself (an actor that is a person in one brief and a
//! state in another, named differently with no alias covering it, or an id that is an actor here
//! and a topic there), the later brief gets a warning that names the earlier place. A warning,
//! not an error: both briefs stay readable.
//!
//! And a brief's `follows` names a brief opened with it: where none has that id, the brief gets
//! a warning. A brief opened alone is not warned: its predecessor is simply not open, as when
//! one day's brief is read on its own.

use std::collections::HashMap;

use super::LoadedFile;
use super::diagnostic::{Code, Diagnostic};
use crate::model::{Actor, Brief, ItemRef, Section, Vocabulary};

/// The first place an id was seen: which file, and the item there.
struct First<'f> {
    /// The file's place in the files checked, and its name.
    index: usize,
    file: &'f str,
    brief: &'f Brief,
    item: ItemRef,
}

/// Adds a warning to each brief whose ids disagree with an earlier brief's, files in the order
/// given, documents of a file in theirs. Briefs with errors are left out: their warnings wait for
/// the errors to be fixed. Checking again adds nothing new, so a file's own documents can be
/// checked when it is read and again with the files read alongside it.
pub fn check_across_briefs(files: &mut [LoadedFile]) {
    let mut found: Vec<(usize, usize, Diagnostic)> = Vec::new();
    {
        let names: Vec<String> = files.iter().map(|f| f.origin.name()).collect();
        let mut first: HashMap<&str, First> = HashMap::new();
        for (f, file) in files.iter().enumerate() {
            for (b, loaded) in file.briefs.iter().enumerate() {
                let Some(brief) = loaded.brief.as_ref().filter(|_| !loaded.has_errors()) else { continue };
                for section in [Section::Actors, Section::Topics, Section::Sources] {
                    for item in brief.items(section) {
                        let id = brief.id_of(item);
                        match first.get(id) {
                            None => {
                                first.insert(id, First { index: f, file: &names[f], brief, item });
                            }
                            Some(earlier) => {
                                if let Some(problem) = disagreement(earlier, f, brief, item) {
                                    found.push((f, b, problem));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    found.extend(unknown_predecessors(files));
    for (f, b, problem) in found {
        let problems = &mut files[f].briefs[b].problems;
        if !problems.contains(&problem) {
            problems.push(problem);
            super::sort_by_place(problems);
        }
    }
}

/// A warning for each `follows` that names no other brief of the set. Earlier such warnings
/// are taken back first: a file is checked on its own when read, then with the files read
/// alongside it, where the brief it follows may be.
fn unknown_predecessors(files: &mut [LoadedFile]) -> Vec<(usize, usize, Diagnostic)> {
    for loaded in files.iter_mut().flat_map(|f| f.briefs.iter_mut()) {
        loaded.problems.retain(|p| p.code != Code::FollowsUnknownBrief);
    }
    let open: Vec<&Brief> = files.iter().flat_map(|f| &f.briefs).filter_map(|b| b.brief.as_ref()).collect();
    if open.len() < 2 {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (f, file) in files.iter().enumerate() {
        for (b, loaded) in file.briefs.iter().enumerate() {
            let Some(brief) = loaded.brief.as_ref().filter(|_| !loaded.has_errors()) else { continue };
            let Some(follows) = &brief.follows else { continue };
            let others = || open.iter().filter(|other| !std::ptr::eq(**other, brief)).map(|other| &*other.id);
            if others().any(|id| id == &*follows.id) {
                continue;
            }
            let near = super::suggest::nearest(&follows.id, others());
            let help = match near {
                Some(_) => "or open the brief it follows with it",
                None => "open the brief it follows with it, or fix the id",
            };
            let problem = Diagnostic::new(
                Code::FollowsUnknownBrief,
                follows.span,
                format!("this brief follows '{}', which is not among the briefs opened with it", follows.id),
            )
            .label("no other brief opened has this id")
            .help(help)
            .suggest(near)
            .note("what is new or changed is measured against the brief a brief follows, when it is open");
            found.push((f, b, problem));
        }
    }
    found
}

/// What makes an item disagree with the first item of its id, as a warning on the later one.
fn disagreement(earlier: &First, file: usize, brief: &Brief, item: ItemRef) -> Option<Diagnostic> {
    let id = brief.id_of(item);
    let at = earlier.brief.span_of(earlier.item);
    let there = if earlier.index == file {
        format!("this file at {}:{}", at.line, at.column)
    } else {
        format!("{}:{}:{}", earlier.file, at.line, at.column)
    };
    let span = brief.span_of(item);
    let warn = |message: String, label: &str| {
        Diagnostic::new(Code::IdDisagreesAcrossBriefs, span, message)
            .label(label.to_string())
            .note(format!("the same id in briefs opened together means the same {}", item.section.singular()))
    };
    if earlier.item.section != item.section {
        let message = format!(
            "'{id}' is {} here but {} in {there}",
            item.section.with_article(),
            earlier.item.section.with_article()
        );
        return Some(warn(message, "one id, two kinds of item").help("give one of them another id"));
    }
    if item.section != Section::Actors {
        return None;
    }
    let (now, then) = (&brief.actors[item.index()], &earlier.brief.actors[earlier.item.index()]);
    if now.kind != then.kind {
        let message = format!("actor '{id}' is {} here but {} in {there}", with_kind(now), with_kind(then));
        return Some(
            warn(message, "kind differs").help(format!("make both `kind: {}`, or give one another id", then.kind)),
        );
    }
    if !same_name(now, then) {
        let message = format!("actor '{id}' is named '{}' here but '{}' in {there}", now.name, then.name);
        return Some(warn(message, "name differs").help(format!(
            "if they are one actor, add \"{}\" to this actor's `aliases`; if not, give one another id",
            then.name
        )));
    }
    None
}

/// Whether two actors' names agree: the same, or one among the other's aliases.
fn same_name(a: &Actor, b: &Actor) -> bool {
    let known = |actor: &Actor, name: &str| {
        actor.name.eq_ignore_ascii_case(name) || actor.aliases.iter().any(|alias| alias.eq_ignore_ascii_case(name))
    };
    known(a, &b.name) || known(b, &a.name)
}

fn with_kind(actor: &Actor) -> String {
    super::diagnostic::with_article(actor.kind.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Origin, load_text};

    fn file(name: &'static str, actors: &str) -> LoadedFile {
        let yaml = format!("brief: 1\nid: {name}\ntitle: T\ndate: 2024-01-01\nactors:\n{actors}");
        load_text(Origin::Embedded(name), yaml)
    }

    fn warnings(files: &[LoadedFile]) -> Vec<String> {
        let across = |p: &&Diagnostic| p.code == Code::IdDisagreesAcrossBriefs;
        files
            .iter()
            .flat_map(|f| f.all_problems())
            .filter(across)
            .map(|p| format!("{} {}", p.code, p.message))
            .collect()
    }

    #[test]
    fn an_actor_that_changes_kind_or_name_is_warned_of_with_the_first_place() {
        let mut files = vec![
            file(
                "a.yaml",
                "  - {id: putin, name: Vladimir Putin, kind: person}\n  - {id: nato, name: NATO, kind: organisation}\n",
            ),
            file(
                "b.yaml",
                "  - {id: putin, name: Putin, kind: state}\n  - {id: nato, name: North Atlantic Alliance, kind: organisation}\n",
            ),
        ];
        check_across_briefs(&mut files);
        assert_eq!(
            warnings(&files),
            [
                "W004 actor 'putin' is a state here but a person in a.yaml:6:10",
                "W004 actor 'nato' is named 'North Atlantic Alliance' here but 'NATO' in a.yaml:7:10",
            ]
        );
    }

    #[test]
    fn an_alias_covers_another_name_and_agreeing_briefs_say_nothing() {
        let mut files = vec![
            file("a.yaml", "  - {id: putin, name: Vladimir Putin}\n"),
            file("b.yaml", "  - {id: putin, name: President Putin, aliases: [Vladimir Putin]}\n"),
            file("c.yaml", "  - {id: putin, name: vladimir putin}\n"),
        ];
        check_across_briefs(&mut files);
        assert!(warnings(&files).is_empty(), "{:?}", warnings(&files));
    }

    #[test]
    fn an_id_of_two_kinds_of_item_is_warned_of() {
        let a = file("a.yaml", "  - {id: sanctions, name: Sanctions Office, kind: organisation}\n");
        let b = load_text(
            Origin::Embedded("b.yaml"),
            "brief: 1\nid: b\ntitle: T\ndate: 2024-01-01\ntopics: [{id: sanctions, label: Sanctions}]\n\
             actors: [{id: x, name: X}]\npositions: [{id: p, actor: x, topic: sanctions, text: For.}]\n"
                .to_string(),
        );
        let mut files = vec![a, b];
        check_across_briefs(&mut files);
        assert_eq!(warnings(&files), ["W004 'sanctions' is a topic here but an actor in a.yaml:6:10"]);
    }

    fn following(name: &'static str, follows: &str) -> LoadedFile {
        let yaml = format!(
            "brief: 1\nid: {name}\ntitle: T\ndate: 2024-01-02\nfollows: {follows}\nactors:\n  - {{id: a, name: A}}\n"
        );
        load_text(Origin::Embedded(name), yaml)
    }

    fn follows_warnings(files: &[LoadedFile]) -> Vec<String> {
        let follows = |p: &&Diagnostic| p.code == Code::FollowsUnknownBrief;
        files.iter().flat_map(|f| f.all_problems()).filter(follows).map(|p| p.message.clone()).collect()
    }

    #[test]
    fn a_brief_alone_is_not_warned_that_what_it_follows_is_not_open() {
        let mut files = vec![following("day-two", "day-one")];
        check_across_briefs(&mut files);
        assert!(follows_warnings(&files).is_empty());
    }

    #[test]
    fn a_predecessor_in_another_file_takes_back_the_warning_its_own_file_gave() {
        let lone = "brief: 1\nid: x\ntitle: T\ndate: 2024-01-01\nactors: [{id: a, name: A}]\n---\n";
        let two = load_text(
            Origin::Embedded("two.yaml"),
            format!(
                "{lone}brief: 1\nid: day-two\ntitle: T\ndate: 2024-01-02\nfollows: day-one\nactors: [{{id: a, name: A}}]\n"
            ),
        );
        assert_eq!(follows_warnings(std::slice::from_ref(&two)).len(), 1, "its own file does not hold day-one");
        let mut files = vec![file("day-one", "  - {id: a, name: A}\n"), two];
        check_across_briefs(&mut files);
        assert!(follows_warnings(&files).is_empty(), "{:?}", follows_warnings(&files));
        let mut files = vec![file("day-0ne", "  - {id: a, name: A}\n"), following("day-two", "day-one")];
        check_across_briefs(&mut files);
        assert_eq!(
            follows_warnings(&files),
            ["this brief follows 'day-one', which is not among the briefs opened with it"]
        );
        assert_eq!(files[1].all_problems().next().and_then(|p| p.suggestion.as_deref()), Some("day-0ne"));
    }

    #[test]
    fn a_brief_never_follows_itself() {
        let mut files = vec![following("day-two", "day-two"), file("other", "  - {id: a, name: A}\n")];
        check_across_briefs(&mut files);
        assert_eq!(follows_warnings(&files).len(), 1);
    }
}
