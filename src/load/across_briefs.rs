//! The rule across briefs opened together: the same id means the same actor, topic or source in
//! every brief. Where an id disagrees with itself (an actor that is a person in one brief and a
//! state in another, named differently with no alias covering it, or an id that is an actor here
//! and a topic there), the later brief gets a warning that names the earlier place. A warning,
//! not an error: both briefs stay readable.

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
    for (f, b, problem) in found {
        let problems = &mut files[f].briefs[b].problems;
        if !problems.contains(&problem) {
            problems.push(problem);
            super::sort_by_place(problems);
        }
    }
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
}
