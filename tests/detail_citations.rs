//! Where an item comes from, read where the item is: the reader's detail pane names every source
//! an item cites with how far it is trusted, and exports name every source without.

use std::path::PathBuf;

use brief::export;
use brief::load::load_file;
use brief::model::{Brief, ItemRef};
use brief::tui::Opened;
use brief::tui::describe;
use brief::tui::theme::Theme;

/// tests/data/multi-source.yaml, opened as the reader opens it.
fn opened() -> Opened {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/multi-source.yaml");
    let file = load_file(&path).expect("the test brief is there");
    assert!(!file.has_errors(), "the test brief loads");
    Opened::new("multi-source".into(), file.into_valid_briefs().pop().expect("one brief"))
}

fn item(brief: &Brief, id: &str) -> ItemRef {
    let found = brief::index::Index::build(brief).lookup(brief, id);
    found.unwrap_or_else(|| panic!("{id} is in the brief"))
}

/// The detail pane's lines for an item, wide enough that none wraps.
fn detail(opened: &Opened, id: &str) -> Vec<String> {
    describe::full(opened, item(&opened.brief, id), Theme::new(false), 400)
        .iter()
        .map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

#[test]
fn a_claim_shows_its_source_and_its_reliability_beside_its_own_credibility() {
    let opened = opened();
    let lines = detail(&opened, "c-ferries");
    assert!(
        lines.contains(&"disputed · Harbour Hour phone-in, 12 March".to_string()),
        "no reliability, the name: {lines:#?}"
    );
    let lines = detail(&opened, "c-vote");
    assert!(
        lines.contains(
            &"confirmed · credibility 1 (confirmed by other sources) · 2 sources: Port Avery Gazette (B, usually reliable), para 2; Port Avery Council (A, completely reliable)"
                .to_string()
        ),
        "{lines:#?}"
    );
}

#[test]
fn three_sources_are_named_each_the_locator_after_the_first() {
    let opened = opened();
    let lines = detail(&opened, "c-repairs");
    let expected = "reported · credibility 2 (probably true) · 3 sources: Port Avery Council (A, completely reliable), item 4; \
                    Port Avery Gazette (B, usually reliable); Harbour Hour phone-in, 12 March";
    assert!(lines.contains(&expected.to_string()), "{lines:#?}");
}

#[test]
fn positions_events_and_quotes_show_their_sources_reliability_too() {
    let opened = opened();
    let position = detail(&opened, "p-union");
    let expected = "2 sources: Harbour Hour phone-in, 12 March; Port Avery Gazette (B, usually reliable)";
    assert!(position.contains(&expected.to_string()), "{position:#?}");
    let event = detail(&opened, "e-vote");
    let expected =
        "2 sources: Port Avery Council (A, completely reliable), item 4; Port Avery Gazette (B, usually reliable)";
    assert!(event.contains(&expected.to_string()), "{event:#?}");
    // The byline names the source and the place, as exports write it; the facts say how far it
    // is trusted.
    let quote = detail(&opened, "q-ruiz");
    assert!(quote.contains(&"— Ines Ruiz, Mayor of Port Avery, 11 Mar 2024 (Port Avery Gazette, para 5)".to_string()));
    assert!(quote.contains(&"direct quote · Port Avery Gazette (B, usually reliable)".to_string()), "{quote:#?}");
}

#[test]
fn a_source_listed_twice_is_named_once() {
    let mut brief = opened().brief;
    let c = item(&brief, "c-vote").index();
    brief.claims[c].source = [brief.claims[c].source.clone(), brief.claims[c].source.clone()].concat();
    let opened = Opened::new("twice".into(), brief);
    let lines = detail(&opened, "c-vote");
    assert!(
        lines.iter().any(|l| l.ends_with(
            "· 2 sources: Port Avery Gazette (B, usually reliable), para 2; Port Avery Council (A, completely reliable)"
        )),
        "{lines:#?}"
    );
}

#[test]
fn exports_cite_every_source_without_their_reliability() {
    let opened = opened();
    let (brief, index) = (&opened.brief, &opened.index);
    let claim = &brief.claims[item(brief, "c-repairs").index()];
    let cite = |reliability| export::citation(brief, index, &claim.source, claim.at.as_deref(), reliability);
    assert_eq!(
        cite(false).as_deref(),
        Some("Port Avery Council, item 4; Port Avery Gazette; Harbour Hour phone-in, 12 March")
    );
    assert_eq!(
        cite(true).as_deref(),
        Some(
            "Port Avery Council (A, completely reliable), item 4; Port Avery Gazette (B, usually reliable); Harbour Hour phone-in, 12 March"
        )
    );
    assert_eq!(export::citation(brief, index, &[], Some("para 3"), true).as_deref(), Some("para 3"));
    assert_eq!(export::citation(brief, index, &[], None, true), None);
}
