//! Each bundled brief held to a checklist written from its texts before the brief was: who
//! speaks, a handful of quotes word for word with the right speaker, what the brief claims and
//! how those claims stand. A brief that drifts from its sources fails here, not in a reader's
//! hands.

mod aftermath;
mod call;
mod sample;

use std::path::Path;

use brief::index::Index;
use brief::model::{Brief, Quote, QuoteKind};

/// A bundled brief read from `briefs/`, as `brief check briefs/` reads it: it must load without
/// a single error or warning.
pub fn bundled(file: &str) -> (Brief, Index) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs").join(file);
    let loaded = brief::load::load_file(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let problems: Vec<String> = loaded.all_problems().map(|p| format!("{p:?}")).collect();
    assert!(problems.is_empty(), "{file} checks clean: {problems:#?}");
    let brief = loaded.into_valid_briefs().pop().unwrap_or_else(|| panic!("{file} holds a brief"));
    let index = Index::build(&brief);
    (brief, index)
}

/// A quote by id.
pub fn quote<'b>(brief: &'b Brief, id: &str) -> &'b Quote {
    brief.quotes.iter().find(|q| &*q.id == id).unwrap_or_else(|| panic!("no quote {id}"))
}

/// Asserts a quote is the speaker's own words as written, spoken by `speaker`, citing a source
/// whose text holds them (the loader has checked that already for a clean brief; this says
/// which quotes the checklist expects to be there).
pub fn says(brief: &Brief, id: &str, speaker: &str, words: &str) {
    let quote = quote(brief, id);
    assert_eq!(&*quote.speaker.id, speaker, "{id}'s speaker");
    assert!(matches!(quote.kind, QuoteKind::Direct | QuoteKind::Partial), "{id} is in the speaker's words");
    assert!(quote.text.contains(words), "{id} holds “{words}”: {}", quote.text);
    let source = quote.source.as_ref().unwrap_or_else(|| panic!("{id} cites a source"));
    let source = brief.sources.iter().find(|s| s.id == source.id).expect("its source is listed");
    assert!(source.file.is_some(), "{id} cites a source with a text to check it against");
}

/// The status a claim stands at, by id.
pub fn claim_status(brief: &Brief, id: &str) -> String {
    brief.claims.iter().find(|c| &*c.id == id).map(|c| c.status.to_string()).unwrap_or_else(|| panic!("no claim {id}"))
}

/// How many direct and partial quotes cite a source with a `file`: each was found in that text
/// by the loader, or the brief would not have loaded clean.
pub fn verified_quotes(brief: &Brief) -> usize {
    let with_file = |id: &str| brief.sources.iter().any(|s| &*s.id == id && s.file.is_some());
    brief
        .quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
        .filter(|q| q.source.as_ref().is_some_and(|s| with_file(&s.id)))
        .count()
}

/// Every bundled brief, as the reader opens it with no path (compiled in, its texts too): each
/// cites a source with a `file`, and the loader found a quote of each in that text, or the
/// brief would not have loaded clean.
#[test]
fn each_bundled_brief_has_its_quotes_checked_against_a_bundled_text() {
    let files = brief::sample::load_all();
    assert_eq!(files.len(), 3, "three bundled briefs");
    let mut dates = Vec::new();
    for file in files {
        let problems: Vec<String> = file.all_problems().map(|p| format!("{p:?}")).collect();
        assert!(problems.is_empty(), "{} checks clean as bundled: {problems:#?}", file.origin.name());
        let name = file.origin.name();
        let brief = file.into_valid_briefs().pop().expect("a brief");
        assert!(brief.sources.iter().any(|s| s.file.is_some()), "{name} cites a text");
        assert!(verified_quotes(&brief) > 0, "{name} has a quote checked against its text");
        dates.push(brief.date.clone());
    }
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "oldest first: {dates:?}");
}
