//! Golden exports of the sample brief (the quotes section, Lavrov's dossier, one claim with its
//! references), of the briefs in tests/data, and across the bundled briefs (two dossiers and the
//! timeline), in each format. Any change in the output fails the test; read the diff as a
//! reader of the export would before accepting it.
//!
//! To accept new output after a deliberate change: `BRIEF_BLESS=1 cargo test --test export_golden`.

use std::fs;
use std::path::PathBuf;

use brief::export::{self, Format, Options, Selection};
use brief::index::Index;
use brief::load::load_file;
use brief::model::{Brief, ItemRef, Section};

fn sample() -> (Brief, Index) {
    let brief = brief::sample::load().into_valid_briefs().pop().expect("the sample loads");
    let index = Index::build(&brief);
    (brief, index)
}

/// A brief of tests/data, which must load without errors.
fn data(name: &str) -> (Brief, Index) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    let file = load_file(&path).expect("the test brief is there");
    assert!(!file.has_errors(), "{name} has errors");
    let brief = file.into_valid_briefs().pop().expect("one brief");
    let index = Index::build(&brief);
    (brief, index)
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/export")
}

/// What a golden exports.
enum What {
    All,
    Section(Section),
    Item(&'static str),
    Related(&'static str),
    Overview,
}

/// Where a golden's brief comes from: the bundled sample, or a file in tests/data.
const SAMPLE: &str = "the sample";

/// Every golden: name, brief, selection.
const CASES: &[(&str, &str, What)] = &[
    ("quotes", SAMPLE, What::Section(Section::Quotes)),
    ("related-lavrov", SAMPLE, What::Related("lavrov")),
    ("item-c-troop-buildup", SAMPLE, What::Item("c-troop-buildup")),
    ("extensions-all", "extensions.yaml", What::All),
    ("timeline-events", "timeline.yaml", What::Section(Section::Events)),
    ("timeline-related-union", "timeline.yaml", What::Related("union")),
    ("related-c-deterrence-plan", SAMPLE, What::Related("c-deterrence-plan")),
    ("related-q-lavrov-cant-fail", SAMPLE, What::Related("q-lavrov-cant-fail")),
    ("harbour-related-gazette", "harbour.yaml", What::Related("gazette")),
    ("multi-source-all", "multi-source.yaml", What::All),
    ("overview", SAMPLE, What::Overview),
    ("multi-source-overview", "multi-source.yaml", What::Overview),
    ("extensions-overview", "extensions.yaml", What::Overview),
];

/// What a golden across the bundled briefs (`briefs/`) exports: an id's dossier, or the
/// timeline.
enum Across {
    Dossier(&'static str),
    Timeline,
}

/// Every golden across briefs: name, listing.
const ACROSS: &[(&str, Across)] = &[
    ("across-related-biden", Across::Dossier("biden")),
    ("across-related-sanctions", Across::Dossier("sanctions")),
    ("across-timeline", Across::Timeline),
];

/// The briefs of the `briefs/` folder, as `brief export briefs/` reads them.
fn bundled_folder() -> Vec<Brief> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("briefs");
    let files = brief::load::load_paths(&[folder]).expect("briefs/ loads");
    assert!(files.iter().all(|f| !f.has_errors()), "briefs/ has errors");
    files.into_iter().flat_map(brief::load::LoadedFile::into_valid_briefs).collect()
}

fn brief_of(name: &str) -> (Brief, Index) {
    if name == SAMPLE { sample() } else { data(name) }
}

fn selection(brief: &Brief, index: &Index, what: &What) -> Selection {
    let item = |id: &str| index.lookup(brief, id).unwrap_or_else(|| panic!("{id} is in the brief"));
    match what {
        What::All => Selection::All,
        What::Section(section) => Selection::Section(*section),
        What::Item(id) => Selection::Item(item(id)),
        What::Related(id) => Selection::Related(item(id)),
        What::Overview => Selection::Overview,
    }
}

#[test]
fn every_export_matches_its_golden() {
    let bless = std::env::var_os("BRIEF_BLESS").is_some();
    let mut failures = Vec::new();
    for (name, source, what) in CASES {
        let (brief, index) = brief_of(source);
        let selection = selection(&brief, &index, what);
        compare_with_goldens(name, bless, &mut failures, |options| export::export(&brief, &index, &selection, options));
    }
    assert!(failures.is_empty(), "{} exports changed:\n{}", failures.len(), failures.join("\n"));
}

/// Exports one thing in every format at 80 columns and compares each with its golden file
/// (`name.txt`, `.md`, `.json`), or writes them when blessing.
fn compare_with_goldens(name: &str, bless: bool, failures: &mut Vec<String>, export: impl Fn(&Options) -> String) {
    for format in Format::ALL {
        let actual = export(&Options { format, width: 80 });
        let path = golden_dir().join(format!("{name}.{}", format.extension()));
        if bless {
            fs::create_dir_all(golden_dir()).expect("create the golden folder");
            fs::write(&path, &actual).expect("write golden");
            continue;
        }
        let expected = fs::read_to_string(&path).unwrap_or_default();
        if actual != expected {
            failures.push(format!("{}:\n--- expected\n{expected}--- actual\n{actual}", path.display()));
        }
    }
}

#[test]
fn every_listing_across_briefs_matches_its_golden() {
    let bless = std::env::var_os("BRIEF_BLESS").is_some();
    let briefs = bundled_folder();
    let refs: Vec<&Brief> = briefs.iter().collect();
    let library = brief::library::Library::build(&refs);
    let mut failures = Vec::new();
    for (name, what) in ACROSS {
        let listing = match what {
            Across::Dossier(id) => library.dossier(&refs, id).unwrap_or_else(|| panic!("{id} is in briefs/")),
            Across::Timeline => library.timeline(&refs, None),
        };
        compare_with_goldens(name, bless, &mut failures, |options| export::across::listing(&listing, &refs, options));
    }
    assert!(failures.is_empty(), "{} exports changed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_golden_is_checked() {
    let mut expected: Vec<String> = CASES
        .iter()
        .map(|(name, ..)| *name)
        .chain(ACROSS.iter().map(|(name, _)| *name))
        .flat_map(|name| Format::ALL.map(|f| format!("{name}.{}", f.extension())))
        .collect();
    expected.sort();
    let mut present: Vec<String> = fs::read_dir(golden_dir())
        .expect("tests/golden/export exists")
        .map(|e| e.expect("readable entry").file_name().to_string_lossy().to_string())
        .collect();
    present.sort();
    assert_eq!(present, expected, "a golden file without a case, or a case without its file");
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let (brief, index) = sample();
    for format in Format::ALL {
        let options = Options { format, width: 72 };
        let once = export::export(&brief, &index, &Selection::All, &options);
        let again = export::export(&brief, &Index::build(&brief), &Selection::All, &options);
        assert_eq!(once, again, "{format:?}");
    }
}

#[test]
fn the_quote_attribution_reads_as_a_byline() {
    let (brief, index) = sample();
    let text = export::export(&brief, &index, &Selection::Section(Section::Quotes), &Options::default());
    assert!(
        text.contains("    “We can’t fail to respond.”\n    — Sergey Lavrov, Russian Foreign Minister, 2 Dec 2021 (Al Jazeera, para 19)\n"),
        "{text}"
    );
}

#[test]
fn item_counts_say_what_was_written() {
    let (brief, index) = sample();
    let count = |selection: &Selection| export::item_count(&brief, &index, selection);
    assert_eq!(count(&Selection::Section(Section::Quotes)), brief.quotes.len());
    assert_eq!(count(&Selection::Items(Section::Quotes, vec![0, 2, 99])), 2, "indices out of range are skipped");
    let lavrov = index.lookup(&brief, "lavrov").unwrap();
    // Lavrov, his 3 quotes, 1 position, 1 claim, 1 event.
    assert_eq!(count(&Selection::Related(lavrov)), 7);
    assert_eq!(count(&Selection::Item(lavrov)), 1);
    let all: usize = Section::ALL.iter().map(|&s| brief.len(s)).sum();
    assert_eq!(count(&Selection::All), all);
    assert_eq!(count(&Selection::Overview), brief.sources.len(), "an overview lists the sources");
}

#[test]
fn a_filtered_pane_exports_exactly_its_items_in_its_order() {
    let (brief, index) = sample();
    let lavrov: Vec<usize> =
        (0..brief.quotes.len()).filter(|&q| &*brief.quotes[q].speaker.id == "lavrov").rev().collect();
    let text = export::export(&brief, &index, &Selection::Items(Section::Quotes, lavrov.clone()), &Options::default());
    assert!(text.contains(&format!("Quotes ({})", lavrov.len())));
    assert_eq!(text.matches("— Sergey Lavrov").count(), lavrov.len());
    assert_eq!(text.matches("\n    — ").count(), lavrov.len(), "no one else's quotes");
    let first = text.find("We can’t fail").unwrap();
    let last = text.find("The US threatened").unwrap();
    assert!(first < last, "the order given, not file order");
}

#[test]
fn default_file_names_follow_the_brief_and_the_selection() {
    let (brief, index) = sample();
    let lavrov = index.lookup(&brief, "lavrov").unwrap();
    assert_eq!(
        export::default_file_name(&brief, &Selection::Section(Section::Quotes), Format::Text),
        "biden-putin-call-2021-12-quotes.txt"
    );
    assert_eq!(
        export::default_file_name(&brief, &Selection::Related(lavrov), Format::Markdown),
        "biden-putin-call-2021-12-lavrov.md"
    );
}

/// The ids of the items an export holds, as its JSON lists them.
fn exported_ids(brief: &Brief, index: &Index, selection: &Selection) -> Vec<String> {
    let json = export::export(brief, index, selection, &Options { format: Format::Json, width: 0 });
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    value
        .as_array()
        .expect("an array of exports")
        .iter()
        .flat_map(|e| e["items"].as_array().cloned().unwrap_or_default())
        .map(|i| i["item"]["id"].as_str().expect("an id").to_string())
        .collect()
}

#[test]
fn x_fields_are_shown_wherever_their_item_is() {
    let (brief, index) = data("extensions.yaml");
    let items: Vec<ItemRef> = Section::ALL.iter().flat_map(|&s| brief.items(s)).collect();
    let mut selections = vec![Selection::All];
    selections.extend(Section::ALL.map(Selection::Section));
    selections.extend(items.iter().flat_map(|&i| [Selection::Item(i), Selection::Related(i)]));
    for format in [Format::Text, Format::Markdown] {
        let options = Options { format, width: 80 };
        let all = export::export(&brief, &index, &Selection::All, &options);
        for (name, _) in brief.extensions.iter() {
            assert!(all.contains(name.as_str()), "the brief's {name} in the full {format:?} export:\n{all}");
        }
        for selection in &selections {
            let out = export::export(&brief, &index, selection, &options);
            for id in exported_ids(&brief, &index, selection) {
                let item = index.lookup(&brief, &id).expect("exported ids are the brief's");
                for (name, _) in brief.extensions_of(item).iter() {
                    assert!(out.contains(name.as_str()), "{id}'s {name} in {format:?} {selection:?}:\n{out}");
                }
            }
        }
    }
}

#[test]
fn events_are_listed_by_date_in_every_export() {
    let (brief, index) = data("timeline.yaml");
    let timeline =
        ["e-contract-expired", "e-strike-began", "e-talks-open", "e-walkout", "e-deal-signed", "e-statement"];
    let text_of = |id: &str| {
        let event = index.lookup(&brief, id).expect("the event is in the brief");
        brief.events[event.index()].text.to_string()
    };
    let union = index.lookup(&brief, "union").unwrap();
    let wire = index.lookup(&brief, "wire").unwrap();
    for selection in [Selection::All, Selection::Section(Section::Events), Selection::Related(union)] {
        for format in [Format::Text, Format::Markdown] {
            let out = export::export(&brief, &index, &selection, &Options { format, width: 0 });
            let at: Vec<usize> = timeline.iter().map(|&id| out.find(&text_of(id)).expect("every event")).collect();
            assert!(at.is_sorted(), "{format:?} {selection:?} not in date order:\n{out}");
        }
        let ids: Vec<String> = exported_ids(&brief, &index, &selection)
            .into_iter()
            .filter(|id| index.lookup(&brief, id).is_some_and(|i| i.section == Section::Events))
            .collect();
        let positions: Vec<usize> = timeline.iter().filter_map(|&id| ids.iter().position(|i| i == id)).collect();
        assert!(positions.is_sorted(), "JSON {selection:?}: {ids:?}");
    }
    let json = exported_ids(&brief, &index, &Selection::Section(Section::Events));
    assert_eq!(
        json,
        [
            "e-contract-expired",
            "e-strike-began",
            "e-talks-open",
            "e-walkout",
            "e-deal-signed",
            "e-statement",
            "e-ratify-vote",
            "e-port-reopens"
        ],
        "JSON items follow the timeline, equal dates as written"
    );
    let cited = export::export(&brief, &index, &Selection::Item(wire), &Options::default());
    let at: Vec<usize> =
        ["The last contract expires.", "The strike begins.", "Talks open", "walks out", "Both sides sign"]
            .iter()
            .map(|t| cited.find(t).expect("every event citing the wire"))
            .collect();
    assert!(at.is_sorted(), "a source's events by date:\n{cited}");
}

#[test]
fn several_briefs_make_one_export_and_json_is_always_an_array() {
    let (sample, sample_index) = sample();
    let (timeline, timeline_index) = data("timeline.yaml");
    let events = Selection::Section(Section::Events);
    let both = [(&sample, &sample_index, &events), (&timeline, &timeline_index, &events)];
    for format in [Format::Text, Format::Markdown] {
        let options = Options { format, width: 80 };
        let one = |brief, index| export::export(brief, index, &events, &options);
        assert_eq!(
            export::export_briefs(&both, &options),
            format!("{}\n{}", one(&sample, &sample_index), one(&timeline, &timeline_index)),
            "{format:?}: one brief after another, a blank line between"
        );
    }
    let json = |briefs: &[(&Brief, &Index, &Selection)]| -> serde_json::Value {
        let out = export::export_briefs(briefs, &Options { format: Format::Json, width: 80 });
        serde_json::from_str(&out).expect("valid JSON")
    };
    assert_eq!(json(&[]), serde_json::json!([]));
    assert_eq!(json(&both[..1]).as_array().map(Vec::len), Some(1));
    let two = json(&both);
    let ids: Vec<&str> = two.as_array().unwrap().iter().map(|e| e["brief"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["biden-putin-call-2021-12", "port-talks"]);
    assert_eq!(
        json(&both[..1]),
        serde_json::from_str::<serde_json::Value>(&export::export(
            &sample,
            &sample_index,
            &events,
            &Options { format: Format::Json, width: 80 }
        ))
        .unwrap(),
        "one brief exported alone is the same array of one"
    );
}

/// The header of a text export: everything before the first blank line.
fn header(text: &str) -> &str {
    text.split("\n\n").next().unwrap_or_default()
}

#[test]
fn a_header_names_only_the_sources_the_export_cites() {
    let (brief, index) = data("timeline.yaml");
    let (wire, union_site) = ("“Port strike ends after overnight talks”", "“Statement on the agreement”");
    let text =
        |selection: Selection| export::export(&brief, &index, &selection, &Options { format: Format::Text, width: 0 });
    let item = |id: &str| index.lookup(&brief, id).unwrap();
    for (selection, cited) in [
        (Selection::All, vec![wire, union_site]),
        (Selection::Section(Section::Events), vec![wire, union_site]),
        (Selection::Section(Section::Actors), vec![]),
        (Selection::Item(item("e-talks-open")), vec![wire]),
        (Selection::Item(item("c-rise")), vec![union_site]),
        (Selection::Related(item("mediator")), vec![wire]),
        (Selection::Related(item("c-rise")), vec![union_site]),
        (Selection::Items(Section::Events, vec![3]), vec![union_site]),
    ] {
        let out = text(selection.clone());
        for source in [wire, union_site] {
            assert_eq!(header(&out).contains(source), cited.contains(&source), "{source} in {selection:?}:\n{out}");
        }
        if !cited.is_empty() {
            assert!(header(&out).contains("reliability"), "with its reliability:\n{out}");
        }
    }
}

#[test]
fn listed_sources_say_what_a_reader_needs_and_actors_keep_their_aliases() {
    let (harbour, harbour_index) = data("harbour.yaml");
    let (sample, sample_index) = sample();
    for format in [Format::Text, Format::Markdown] {
        let options = Options { format, width: 80 };
        let gazette = harbour_index.lookup(&harbour, "gazette").unwrap();
        for selection in [Selection::All, Selection::Section(Section::Sources), Selection::Related(gazette)] {
            let out = export::export(&harbour, &harbour_index, &selection, &options);
            assert!(!out.contains("Text kept in") && !out.contains("harbour-source.txt"), "{selection:?}:\n{out}");
            assert!(!out.contains("Cited by: "), "no count of citing items in {selection:?}:\n{out}");
        }
        let alone = export::export(&harbour, &harbour_index, &Selection::Item(gazette), &options);
        assert!(alone.contains("Cited by quotes:") && alone.contains("a tax on the east end"), "{alone}");
        let all = export::export(&sample, &sample_index, &Selection::All, &options);
        assert!(all.contains("Also known as: US President, the president, President Biden"), "{all}");
        let sample_sources = export::export(&sample, &sample_index, &Selection::Section(Section::Sources), &options);
        assert!(!sample_sources.contains("Cited by: "), "{sample_sources}");
    }
}

#[test]
fn a_related_export_of_any_item_reads_like_the_detail_pane() {
    for name in [SAMPLE, "harbour.yaml", "timeline.yaml", "extensions.yaml"] {
        let (brief, index) = brief_of(name);
        for item in Section::ALL.iter().flat_map(|&s| brief.items(s)) {
            let selection = Selection::Related(item);
            for format in [Format::Text, Format::Markdown] {
                let out = export::export(&brief, &index, &selection, &Options { format, width: 80 });
                let id = brief.id_of(item);
                assert!(!out.contains("Cited by ("), "a source's citing items by section, {id}:\n{out}");
            }
        }
    }
    let (brief, index) = sample();
    let claim = index.lookup(&brief, "c-troop-buildup").unwrap();
    let text = export::export(&brief, &index, &Selection::Related(claim), &Options::default());
    assert!(
        text.contains("    — Jen Psaki, White House Press Secretary, 6 Dec 2021 (Al Jazeera, para 13)\n      On behalf of: Joe Biden, White House\n      To: reporters\n"),
        "the quotes behind a claim, with their circumstances:\n{text}"
    );
    let (harbour, harbour_index) = data("harbour.yaml");
    let gazette = harbour_index.lookup(&harbour, "gazette").unwrap();
    let text = export::export(&harbour, &harbour_index, &Selection::Related(gazette), &Options::default());
    assert!(text.contains("\nCited by positions (2):\n") && text.contains("\nCited by quotes (2):\n"), "{text}");
}
