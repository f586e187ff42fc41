//! `briefs/biden-putin-aftermath-2021-12-09.yaml`: what followed the 7 December Biden–Putin
//! call, from four White House texts: Biden's remarks before Marine One (8 December), the
//! readouts of his 9 December calls with Zelenskyy and with the Bucharest Nine, and the
//! background press call on those calls. Written from the texts before the brief was.

use super::*;

use brief::model::{ActorKind, EventStatus, QuoteKind};

const FILE: &str = "biden-putin-aftermath-2021-12-09.yaml";

/// The nine leaders the Bucharest Nine readout names as joining the call.
const B9_LEADERS: [&str; 9] = ["radev", "babis", "karis", "ader", "levits", "nauseda", "duda", "iohannis", "heger"];

/// Who may speak on the Russian side: nobody in these texts does in their own words.
const RUSSIAN_SIDE: [&str; 5] = ["putin", "russia", "kremlin", "peskov", "lavrov"];

/// The US voices of these texts: the only ones who may report what Moscow said or wants.
const US_SPEAKERS: [&str; 5] = ["biden", "us-official", "white-house", "sullivan", "blinken"];

fn event_status(brief: &Brief, id: &str) -> EventStatus {
    brief.events.iter().find(|e| &*e.id == id).map(|e| e.status).unwrap_or_else(|| panic!("no event {id}"))
}

fn actor_kind(brief: &Brief, id: &str) -> ActorKind {
    brief.actors.iter().find(|a| &*a.id == id).map(|a| a.kind).unwrap_or_else(|| panic!("no actor {id}"))
}

#[test]
fn loads_clean_as_the_aftermath_brief() {
    let (brief, _) = bundled(FILE);
    assert_eq!(&*brief.id, "biden-putin-aftermath-2021-12-09");
    assert_eq!(brief.date.to_string(), "2021-12-09");
    let files: Vec<&str> = brief.sources.iter().filter_map(|s| s.file.as_deref()).collect();
    for file in [
        "sources/wh-biden-remarks-marine-one-2021-12-08.txt",
        "sources/wh-readout-zelenskyy-2021-12-09.txt",
        "sources/wh-readout-bucharest-nine-2021-12-09.txt",
        "sources/wh-background-call-zelenskyy-europeans-2021-12-09.txt",
    ] {
        assert!(files.contains(&file), "a source reads {file}: {files:?}");
    }
}

#[test]
fn the_speakers_and_the_people_of_the_texts_are_actors() {
    let (brief, _) = bundled(FILE);
    for id in ["biden", "zelenskyy", "putin", "russia", "ukraine", "white-house", "us-official", "bucharest-nine"] {
        assert!(brief.actors.iter().any(|a| &*a.id == id), "actor {id}");
    }
    assert_eq!(actor_kind(&brief, "bucharest-nine"), ActorKind::Group);
    let official = brief.actors.iter().find(|a| &*a.id == "us-official").unwrap();
    assert!(official.anonymous, "the background call's official is unnamed");
}

#[test]
fn every_bucharest_nine_leader_named_in_the_readout_is_on_the_call() {
    let (brief, _) = bundled(FILE);
    let call = brief.events.iter().find(|e| &*e.id == "e-biden-b9-call").expect("the B9 call is an event");
    for leader in B9_LEADERS {
        let actor = brief.actors.iter().find(|a| &*a.id == leader).unwrap_or_else(|| panic!("actor {leader}"));
        assert_eq!(actor.affiliation.as_ref().map(|r| &*r.id), Some("bucharest-nine"), "{leader} belongs to the B9");
        assert!(call.actors.iter().any(|r| &*r.id == leader), "{leader} joined the call");
    }
}

#[test]
fn biden_on_8_december_in_his_own_words() {
    let (brief, _) = bundled(FILE);
    says(&brief, "q-biden-severe-consequences", "biden", "there will be severe consequences");
    says(&brief, "q-biden-not-on-table", "biden", "That is not on the table.");
    says(
        &brief,
        "q-biden-unilateral-force",
        "biden",
        "unilaterally use force to confront Russia from invading Ukraine",
    );
    says(&brief, "q-biden-article-five", "biden", "sacred obligation");
    says(&brief, "q-biden-higher-level-meetings", "biden", "at least four of our major NATO Allies and Russia");
}

#[test]
fn the_white_house_and_its_official_on_the_9_december_calls() {
    let (brief, _) = bundled(FILE);
    says(&brief, "q-wh-no-decisions", "white-house", "no decisions or discussions about Ukraine without Ukraine");
    says(
        &brief,
        "q-official-ukraine-at-table",
        "us-official",
        "if Ukraine is on the agenda, then Ukraine is at the table",
    );
    says(&brief, "q-official-nrc-invitation", "us-official", "That invitation very much remains open");
}

#[test]
fn biden_rules_out_us_troops_fighting_in_ukraine() {
    let (brief, _) = bundled(FILE);
    let claim = brief.claims.iter().find(|c| &*c.id == "c-no-us-troops").expect("claim c-no-us-troops");
    assert!(claim.by.iter().any(|r| &*r.id == "biden"), "Biden says so himself");
    assert!(claim.quotes.iter().any(|r| &*r.id == "q-biden-not-on-table"), "on his own words");
}

#[test]
fn the_followup_with_zelenskyy_promised_on_6_december_has_occurred() {
    let (brief, _) = bundled(FILE);
    assert_eq!(event_status(&brief, "e-biden-zelenskyy-followup"), EventStatus::Occurred);
    let event = brief.events.iter().find(|e| &*e.id == "e-biden-zelenskyy-followup").unwrap();
    assert_eq!(event.date.to_string(), "2021-12-09");
}

#[test]
fn the_calls_scheduled_on_6_december_have_occurred() {
    let (brief, _) = bundled(FILE);
    assert_eq!(event_status(&brief, "e-biden-putin-call"), EventStatus::Occurred);
    assert_eq!(event_status(&brief, "e-blinken-zelenskyy-call"), EventStatus::Occurred);
}

#[test]
fn the_meetings_biden_hopes_to_announce_are_scheduled() {
    let (brief, _) = bundled(FILE);
    assert_eq!(event_status(&brief, "e-higher-level-meetings"), EventStatus::Scheduled);
}

#[test]
fn claims_of_6_december_borne_out_are_confirmed() {
    let (brief, _) = bundled(FILE);
    // Biden told Putin of the costs (his own account, 8 December, and the official's).
    assert_eq!(claim_status(&brief, "c-direct-costs"), "confirmed");
    // He consulted the European allies before and after the call.
    assert_eq!(claim_status(&brief, "c-consulting-allies"), "confirmed");
    // No US force against Russia in Ukraine; more for the allies on the eastern flank.
    assert_eq!(claim_status(&brief, "c-us-no-confrontation"), "confirmed");
}

#[test]
fn at_least_twelve_quotes_are_checked_against_the_texts() {
    let (brief, _) = bundled(FILE);
    assert!(verified_quotes(&brief) >= 12, "{} verified quotes", verified_quotes(&brief));
}

#[test]
fn russia_speaks_only_as_reported_by_us_speakers() {
    let (brief, _) = bundled(FILE);
    for q in &brief.quotes {
        assert!(!RUSSIAN_SIDE.contains(&&*q.speaker.id), "{} is not spoken by the Russian side", q.id);
        let about_russia = q.mentions.iter().any(|r| RUSSIAN_SIDE.contains(&&*r.id));
        if about_russia {
            assert!(US_SPEAKERS.contains(&&*q.speaker.id), "{} reports Russia through a US voice", q.id);
        }
    }
    // Where the texts tell what Putin said or agreed, it is the US speaker's account.
    for id in ["q-biden-putin-understood", "q-official-teams-follow-up"] {
        let q = quote(&brief, id);
        assert_eq!(q.kind, QuoteKind::Indirect, "{id} is reported speech");
        assert!(US_SPEAKERS.contains(&&*q.speaker.id), "{id} is a US account");
        assert!(q.mentions.iter().any(|r| &*r.id == "putin"), "{id} is about Putin");
    }
    // Any position held by the Russian side rests on such reported speech only.
    for p in brief.positions.iter().filter(|p| RUSSIAN_SIDE.contains(&&*p.actor.id)) {
        assert!(!p.quotes.is_empty(), "{} rests on a quote", p.id);
        for r in &p.quotes {
            let q = quote(&brief, &r.id);
            assert_eq!(q.kind, QuoteKind::Indirect, "{}: {} is reported speech", p.id, q.id);
            assert!(US_SPEAKERS.contains(&&*q.speaker.id), "{}: {} is a US account", p.id, q.id);
        }
    }
}

#[test]
fn zelenskyy_is_heard_only_through_the_white_house() {
    // The texts give no words of Zelenskyy's own; the official declines to read out his side.
    let (brief, _) = bundled(FILE);
    assert!(brief.quotes.iter().all(|q| &*q.speaker.id != "zelenskyy"), "no quote spoken by Zelenskyy");
    assert!(brief.positions.iter().any(|p| &*p.actor.id == "zelenskyy"), "his stance as the readout gives it");
}
