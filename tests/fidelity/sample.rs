//! The brief of 6 December: the Al Jazeera report, and the White House transcript of the
//! background call the report draws on. Where the report's words for the official are not the
//! transcript's, both are there, and the transcript's are checked against it.

use super::*;

const FILE: &str = "biden-putin-call-2021-12.yaml";
const TRANSCRIPT: &str = "wh-background-call-preview-2021-12-06";

#[test]
fn the_official_speaks_in_the_transcripts_own_words() {
    let (brief, _) = bundled(FILE);
    says(
        &brief,
        "q-official-very-real-costs",
        "us-official",
        "there will be very real costs should Russia choose to proceed",
    );
    says(&brief, "q-official-enduring-costs", "us-official", "genuine and meaningful and enduring costs");
    says(&brief, "q-official-minsk-said", "us-official", "including the fulfillment of the Minsk Agreement");
    says(&brief, "q-official-no-decision", "us-official", "we do not know whether President Putin has made a decision");
    for id in ["q-official-very-real-costs", "q-official-enduring-costs", "q-official-minsk-said"] {
        assert_eq!(quote(&brief, id).source.as_ref().map(|s| &*s.id), Some(TRANSCRIPT), "{id} cites the transcript");
    }
}

#[test]
fn where_the_report_is_not_the_transcript_both_versions_stand_and_the_difference_is_said() {
    let (brief, _) = bundled(FILE);
    // The report's "direct costs" is not in the transcript: it stays, citing the report.
    let reported = quote(&brief, "q-official-direct-costs");
    assert_eq!(reported.text.as_ref(), "direct costs");
    assert_eq!(reported.source.as_ref().map(|s| &*s.id), Some("aljazeera-2021-12-06"));
    let transcript = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs/sources").join(format!("{TRANSCRIPT}.txt")),
    )
    .unwrap();
    assert!(!transcript.contains("direct costs"), "the official did not say it");
    let said = quote(&brief, "q-official-enduring-costs");
    let context = said.context.as_deref().unwrap_or_default();
    assert!(context.contains("direct costs") && context.contains("enduring"), "the context points it out: {context}");
}

#[test]
fn claims_resting_on_both_cite_both() {
    let (brief, _) = bundled(FILE);
    let claim = brief.claims.iter().find(|c| &*c.id == "c-direct-costs").unwrap();
    let sources: Vec<&str> = claim.source.iter().map(|s| &*s.id).collect();
    assert_eq!(sources, ["aljazeera-2021-12-06", TRANSCRIPT]);
    assert_eq!(claim_status(&brief, "c-direct-costs"), "reported", "on 6 December it is what Biden will say");
}

#[test]
fn its_quotes_are_checked_against_the_transcript() {
    let (brief, _) = bundled(FILE);
    assert!(verified_quotes(&brief) >= 8, "{}", verified_quotes(&brief));
}
