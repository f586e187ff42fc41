//! The brief of 7 December 2021: the Biden–Putin secure video call, as the White House readouts
//! and that afternoon's Psaki–Sullivan press briefing give it. Written from those texts before
//! the brief was.

use super::*;
use brief::model::{Claim, Event, Position};

const FILE: &str = "biden-putin-call-2021-12-07.yaml";

/// Actors on the Russian side: the texts are one government's account, so none of them may speak
/// in the brief in their own voice.
const RUSSIAN_SIDE: [&str; 5] = ["putin", "russia", "kremlin", "lavrov", "peskov"];

fn event<'b>(brief: &'b Brief, id: &str) -> &'b Event {
    brief.events.iter().find(|e| &*e.id == id).unwrap_or_else(|| panic!("no event {id}"))
}

fn position<'b>(brief: &'b Brief, id: &str) -> &'b Position {
    brief.positions.iter().find(|p| &*p.id == id).unwrap_or_else(|| panic!("no position {id}"))
}

fn claim<'b>(brief: &'b Brief, id: &str) -> &'b Claim {
    brief.claims.iter().find(|c| &*c.id == id).unwrap_or_else(|| panic!("no claim {id}"))
}

#[test]
fn the_call_its_briefers_and_the_four_european_leaders_are_actors() {
    let (brief, _) = bundled(FILE);
    for id in [
        "biden",
        "putin",
        "sullivan",
        "psaki",
        "blinken",
        "zelenskyy",
        "macron",
        "merkel",
        "draghi",
        "johnson",
        "white-house",
        "united-states",
        "russia",
        "ukraine",
        "nato",
        "european-allies",
    ] {
        assert!(brief.actors.iter().any(|a| &*a.id == id), "actor {id} is in the brief");
    }
    let sullivan = brief.actors.iter().find(|a| &*a.id == "sullivan").unwrap();
    assert_eq!(sullivan.role.as_deref(), Some("National Security Advisor"));
}

#[test]
fn every_source_is_a_bundled_white_house_text() {
    let (brief, _) = bundled(FILE);
    for id in [
        "wh-readout-2021-12-07",
        "wh-press-briefing-psaki-sullivan-2021-12-07",
        "wh-readout-european-allies-2021-12-06",
        "wh-readout-european-allies-2021-12-07",
    ] {
        let source = brief.sources.iter().find(|s| &*s.id == id).unwrap_or_else(|| panic!("source {id}"));
        assert_eq!(source.file.as_deref(), Some(format!("sources/{id}.txt").as_str()), "{id}'s text");
    }
    for source in &brief.sources {
        assert_eq!(source.publisher.as_deref(), Some("The White House"), "{}'s publisher", source.id);
    }
}

#[test]
fn the_readout_is_quoted_word_for_word_as_the_white_house() {
    let (brief, _) = bundled(FILE);
    says(
        &brief,
        "q-readout-strong-measures",
        "white-house",
        "strong economic and other measures in the event of military escalation",
    );
    says(&brief, "q-readout-teams", "white-house", "The two presidents tasked their teams to follow up");
    says(
        &brief,
        "q-allies-dec7-briefed",
        "white-house",
        "President Biden briefed leaders on his call with President Putin",
    );
}

#[test]
fn sullivan_is_quoted_word_for_word() {
    let (brief, _) = bundled(FILE);
    says(
        &brief,
        "q-sullivan-no-decision",
        "sullivan",
        "We still do not believe that President Putin has made a decision",
    );
    says(
        &brief,
        "q-sullivan-strong-economic",
        "sullivan",
        "the United States and our European allies would respond with strong economic measures",
    );
    says(&brief, "q-sullivan-no-concessions", "sullivan", "he made no such commitments or concessions");
    says(
        &brief,
        "q-sullivan-freely-choose",
        "sullivan",
        "countries should be able to freely choose who they associate with",
    );
    says(&brief, "q-sullivan-2014", "sullivan", "things we did not do in 2014 we are prepared to do now");
}

#[test]
fn psaki_is_quoted_word_for_word() {
    let (brief, _) = bundled(FILE);
    says(
        &brief,
        "q-psaki-bottom-line",
        "psaki",
        "Our objective is to prevent Russia and President Putin from invading Ukraine",
    );
    says(&brief, "q-psaki-off-ramp", "psaki", "there is an off-ramp here");
}

#[test]
fn claims_of_the_sixth_borne_out_on_the_seventh_are_confirmed() {
    let (brief, _) = bundled(FILE);
    // The call, scheduled on the 6th, was held.
    assert_eq!(claim_status(&brief, "c-video-call-scheduled"), "confirmed");
    // Biden did warn Putin of costs: the readout and Sullivan say so.
    assert_eq!(claim_status(&brief, "c-direct-costs"), "confirmed");
    // The 6 December readout records the call with the four European leaders before the Putin call.
    assert_eq!(claim_status(&brief, "c-consulting-allies"), "confirmed");
}

#[test]
fn what_sullivan_reported_stays_his_claim() {
    let (brief, _) = bundled(FILE);
    // The 6 December brief's c-no-decision-yet, restated after the call: still an assessment.
    let no_decision = claim(&brief, "c-no-decision-yet");
    assert!(no_decision.by.iter().any(|r| &*r.id == "sullivan"), "Sullivan asserts Putin has not decided");
    assert_eq!(no_decision.status.to_string(), "reported");
    let no_concession = claim(&brief, "c-no-nato-concession");
    assert!(no_concession.by.iter().any(|r| &*r.id == "sullivan"));
    assert_eq!(no_concession.topic.as_ref().map(|t| &*t.id), Some("nato-expansion"));
}

#[test]
fn positions_cover_sanctions_nato_and_diplomacy() {
    let (brief, _) = bundled(FILE);
    for topic in ["sanctions", "nato-expansion", "diplomacy"] {
        assert!(
            brief.positions.iter().any(|p| p.topic.as_ref().is_some_and(|t| &*t.id == topic)),
            "a position on {topic}"
        );
    }
    assert_eq!(position(&brief, "p-biden-sanctions").stance.to_string(), "supports");
    assert_eq!(position(&brief, "p-biden-nato").stance.to_string(), "supports");
    assert_eq!(position(&brief, "p-biden-diplomacy").stance.to_string(), "supports");
}

#[test]
fn the_call_occurred_and_its_follow_ups_are_dated() {
    let (brief, _) = bundled(FILE);
    let call = event(&brief, "e-biden-putin-call");
    assert_eq!(call.status.to_string(), "occurred");
    assert!(call.date.to_string().starts_with("2021-12-07"), "the call: {}", call.date);
    // Blinken spoke with Zelenskyy "yesterday" (the 6th); Biden will on Thursday (the 9th).
    assert_eq!(event(&brief, "e-blinken-zelenskyy-call").status.to_string(), "occurred");
    let followup = event(&brief, "e-biden-zelenskyy-followup");
    assert_eq!(followup.status.to_string(), "scheduled");
    assert_eq!(followup.date.to_string(), "2021-12-09");
    for id in ["e-european-leaders-call-before", "e-european-leaders-call-after"] {
        let e = event(&brief, id);
        assert_eq!(e.status.to_string(), "occurred", "{id}");
        for leader in ["macron", "merkel", "draghi", "johnson", "biden"] {
            assert!(e.actors.iter().any(|a| &*a.id == leader), "{id} involves {leader}");
        }
    }
    assert_ne!(event(&brief, "e-teams-follow-up").status.to_string(), "occurred", "the teams' follow-up lies ahead");
}

#[test]
fn russian_positions_appear_only_as_us_accounts() {
    let (brief, _) = bundled(FILE);
    for q in &brief.quotes {
        assert!(!RUSSIAN_SIDE.contains(&&*q.speaker.id), "{} is not spoken by the Russian side", q.id);
    }
    for p in &brief.positions {
        assert!(!RUSSIAN_SIDE.contains(&&*p.actor.id), "{} is not held by the Russian side", p.id);
    }
    for c in &brief.claims {
        assert!(c.by.iter().all(|r| !RUSSIAN_SIDE.contains(&&*r.id)), "{} is not asserted by the Russian side", c.id);
    }
    // What Putin said or did in the call is Sullivan's account, in reported speech, and says so.
    let accounts: Vec<_> = brief
        .quotes
        .iter()
        .filter(|q| &*q.speaker.id == "sullivan" && q.mentions.iter().any(|m| &*m.id == "putin"))
        .filter(|q| matches!(q.kind, QuoteKind::Indirect))
        .collect();
    assert!(accounts.len() >= 3, "Sullivan's account of Putin's side: {}", accounts.len());
    for q in accounts {
        let context = q.context.as_deref().unwrap_or_default();
        assert!(context.contains("Sullivan"), "{} says it is Sullivan's account: {context}", q.id);
    }
}

#[test]
fn at_least_fifteen_quotes_are_verified_against_the_texts() {
    let (brief, _) = bundled(FILE);
    assert!(verified_quotes(&brief) >= 15, "verified quotes: {}", verified_quotes(&brief));
}
