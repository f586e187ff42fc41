//! The README's tour: each question about the sample is answered in at most four keystrokes
//! from the pane that holds the starting item. Each test presses exactly the keys the README
//! gives and checks the answer is on screen.

use brief::index::Relation;
use brief::tui::state::Overlay;
use brief::tui::{App, Pane};

use super::{press, sample_app};

/// The ids the detail pane lists under a relation.
fn listed(app: &App, relation: Relation) -> Vec<String> {
    app.detail_groups()
        .iter()
        .filter(|g| g.relation == relation)
        .flat_map(|g| g.items.iter().copied())
        .map(|i| app.brief().id_of(i).to_string())
        .collect()
}

fn keystrokes(keys: &str) -> usize {
    keys.split(' ').map(|k| k.strip_prefix("type:").map_or(1, |text| text.chars().count())).sum()
}

fn tour(start_pane: &str, keys: &str) -> App {
    assert!(keystrokes(keys) <= 4, "{keys} is more than four keystrokes");
    let mut app = sample_app();
    press(&mut app, start_pane);
    press(&mut app, keys);
    app
}

#[test]
fn everything_biden_said() {
    // Biden is the first actor, selected when the reader opens: the detail pane lists it.
    let app = tour("1", "enter");
    assert_eq!(listed(&app, Relation::Said), ["q-biden-comprehensive", "q-biden-long-discussion", "q-biden-red-line"]);
}

#[test]
fn everything_said_on_the_kremlins_behalf() {
    let app = tour("1", "/ type:kr");
    assert!(matches!(app.overlay, Overlay::Search(_)));
    assert_eq!(listed(&app, Relation::SaidOnItsBehalf), ["q-peskov-video-call"]);
}

#[test]
fn who_mentions_zelenskyy() {
    let app = tour("1", "/ type:zel");
    assert_eq!(
        listed(&app, Relation::MentionedIn),
        ["q-official-zelenskyy-calls", "q-official-blinken-zelenskyy", "q-official-biden-followup"]
    );
}

#[test]
fn who_supports_and_who_disputes_the_troop_build_up_claim() {
    let app = tour("2", "j");
    assert_eq!(app.selected(Pane::Claims).map(|c| app.brief().id_of(c)), Some("c-troop-buildup"));
    assert_eq!(listed(&app, Relation::AssertedBy), ["us-intelligence"]);
    assert_eq!(listed(&app, Relation::SupportedBy), ["p-psaki-buildup"]);
    assert!(listed(&app, Relation::DisputedBy).is_empty(), "no one in the article disputes it");
}

#[test]
fn who_opposes_nato_expansion_to_ukraine() {
    let app = tour("3", "m");
    let Overlay::Matrix(_) = app.overlay else { panic!("the matrix is open") };
    let matrix = app.opened().index.stance_matrix(app.brief());
    let nato = matrix.columns.iter().position(|&t| &*app.brief().topics[t].id == "nato-expansion").unwrap();
    let opposed: Vec<&str> = matrix
        .rows
        .iter()
        .zip(&matrix.cells)
        .filter(|(_, cells)| {
            cells[nato].iter().any(|&p| app.brief().positions[p].stance == brief::model::Stance::Opposes)
        })
        .map(|(&a, _)| &*app.brief().actors[a].id)
        .collect();
    assert_eq!(opposed, ["putin", "kremlin"]);
}

#[test]
fn the_quotes_behind_lavrovs_position_on_sanctions() {
    let app = tour("3", "/ type:lav");
    assert_eq!(app.selected(Pane::Positions).map(|p| app.brief().id_of(p)), Some("p-lavrov-sanctions"));
    assert_eq!(
        listed(&app, Relation::Quotes),
        ["q-lavrov-sanctions-from-hell", "q-lavrov-cant-fail", "q-lavrov-us-threat"]
    );
}

#[test]
fn what_is_the_bottom_line() {
    let app = tour("1", "i");
    assert!(matches!(app.overlay, Overlay::Overview(_)));
    let screen = super::drawn(&app).join(" ");
    assert!(screen.contains("Bottom line"), "{screen}");
    assert!(screen.contains("The day before a Biden-Putin video call"), "the summary: {screen}");
}

#[test]
fn what_happens_next() {
    // The timeline opens on the first event after the brief's date.
    let app = tour("1", "5");
    let event = app.selected(Pane::Events).map(|e| app.brief().id_of(e));
    assert_eq!(event, Some("e-biden-putin-call"));
    let screen = super::drawn(&app).join("\n");
    assert!(screen.contains("7 Dec 2021  ▶ [scheduled] Biden and Putin hold a secure video call"), "{screen}");
}

#[test]
fn how_reliable_is_the_source_of_the_70000_troops_claim() {
    let app = tour("2", "j");
    assert_eq!(app.selected(Pane::Claims).map(|c| app.brief().id_of(c)), Some("c-troop-buildup"));
    let screen = super::drawn(&app).join("\n");
    assert!(screen.contains("70,000 troops"), "{screen}");
    // The claim's own credibility and its source's reliability, side by side.
    assert!(screen.contains("credibility 2 (probably true) · Al Jazeera (B, usually reliable),"), "{screen}");
}

#[test]
fn what_did_sullivan_say_putin_told_biden() {
    let mut app = super::bundled_app(80, 24);
    press(&mut app, "]");
    assert_eq!(&*app.brief().id, "biden-putin-call-2021-12-07");
    press(&mut app, "j");
    assert_eq!(app.selected(Pane::Actors).map(|a| app.brief().id_of(a)), Some("putin"));
    let accounts: Vec<String> = listed(&app, Relation::MentionedIn)
        .into_iter()
        .filter(|q| {
            let quote = app.brief().quotes.iter().find(|x| &*x.id == q).unwrap();
            &*quote.speaker.id == "sullivan" && quote.kind == brief::model::QuoteKind::Indirect
        })
        .collect();
    assert!(accounts.contains(&"q-sullivan-putin-agreed-followup".to_string()), "{accounts:?}");
    assert!(accounts.len() >= 3, "Sullivan's accounts of what Putin said: {accounts:?}");
}

#[test]
fn which_claims_of_6_december_were_borne_out_on_7_december() {
    let mut app = super::bundled_app(80, 24);
    let sixth: Vec<String> = app.brief().claims.iter().map(|c| c.id.to_string()).collect();
    press(&mut app, "] 2");
    let confirmed: Vec<&str> = app
        .brief()
        .claims
        .iter()
        .filter(|c| c.status == brief::model::ClaimStatus::Confirmed)
        .map(|c| &*c.id)
        .collect();
    assert_eq!(confirmed, ["c-video-call-scheduled", "c-direct-costs", "c-consulting-allies"]);
    assert!(confirmed.iter().all(|id| sixth.iter().any(|s| s == id)), "each was a claim of 6 December");
    let screen = super::drawn(&app).join("\n");
    assert_eq!(screen.matches("[confirmed]").count(), 3, "the list marks them: {screen}");
}

/// The three bundled briefs, with the 6 December brief open from the library and an actor
/// selected through the picker: where the cross-brief questions start.
fn across_from(actor: &str) -> App {
    let mut app = super::bundled_app(120, 40);
    super::go_to(&mut app, actor);
    app
}

#[test]
fn everything_psaki_said_across_the_three_briefs() {
    let mut app = across_from("psaki");
    press(&mut app, "a");
    let Overlay::Across(state) = &app.overlay else { panic!("the dossier") };
    let quotes = state.listing.groups.iter().find(|g| g.heading == "Quotes").expect("her quotes");
    let briefs: std::collections::BTreeSet<usize> = quotes.rows.iter().map(|r| r.at.brief()).collect();
    assert!(briefs.len() >= 2, "from more than one brief");
    assert!(quotes.rows.iter().all(|r| {
        let brief = &app.briefs[r.at.brief()].opened.brief;
        &*brief.quotes[r.at.item.index()].speaker.id == "psaki"
    }));
    assert!(quotes.rows.windows(2).all(|w| w[0].date <= w[1].date), "by date");
    let screen = super::drawn(&app).join("\n");
    assert!(screen.contains("Jen Psaki across 2 briefs") && screen.contains("Quotes (9)"), "{screen}");
}

#[test]
fn how_bidens_position_on_sanctions_moved() {
    // Biden is the first actor, selected when the brief opens.
    let mut app = super::bundled_app(120, 40);
    assert_eq!(super::detail_id(&app), "biden");
    press(&mut app, "a");
    let screen = super::drawn(&app).join("\n");
    assert!(screen.contains("Positions by topic over time"), "{screen}");
    assert!(screen.contains("Western economic sanctions on Russia: + 6 Dec → + 7 Dec → + 9 Dec"), "{screen}");
}

#[test]
fn what_happened_in_order_4_to_9_december() {
    let mut app = super::bundled_app(120, 40);
    press(&mut app, "t");
    let Overlay::Across(state) = &app.overlay else { panic!("the timeline") };
    let date = |r: &brief::library::Row| r.date.as_ref().map(|d| d.to_string()).unwrap_or_default();
    assert_eq!(date(state.listing.rows().nth(state.cursor).unwrap()), "2021-12-06", "it opens on the brief's day");
    let screen = super::drawn(&app).join("\n");
    let at = |text: &str| screen.find(text).unwrap_or_else(|| panic!("{text} in\n{screen}"));
    assert!(at("4 Dec 2021  [occurred] Psaki announces") < at("6 Dec 2021  [occurred] A senior US official"));
    // The days after follow, from every brief.
    let later: Vec<String> = state.listing.rows().skip(state.cursor).map(date).collect();
    for day in ["2021-12-07", "2021-12-08", "2021-12-09"] {
        assert!(later.iter().any(|d| d == day), "{day}");
    }
}
