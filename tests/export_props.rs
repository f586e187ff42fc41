//! Properties of every export on generated briefs: text lines fit the width in terminal cells,
//! Markdown keeps every heading and quote (and adds no formatting of its own from brief text),
//! JSON gives back every field of the model.

use brief::export::{self, Format, Options, Selection};
use brief::index::Index;
use brief::load::{Origin, load_text};
use brief::model::{Brief, QuoteKind, Section};
use brief::text;
use proptest::prelude::*;
use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

/// Words that stress layout: CJK, emoji (with and without variation selectors and joiners),
/// combining marks, right-to-left script, long unbroken words and URLs.
const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "東京都庁舎",
    "北京",
    "한국어",
    "🙂",
    "👨\u{200d}👩\u{200d}👧",
    "❤\u{fe0f}",
    "e\u{301}te\u{301}",
    "مرحبا",
    "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen",
    "https://example.org/a/very/long/path/that/does/not/break/anywhere/at/all",
    "東京東京東京東京東京東京東京東京東京東京東京東京東京東京東京東京",
    "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
    "a",
    "—",
    "“quoted”",
];

/// Brief text that would be Markdown if not escaped.
const MARKDOWN_WORDS: &[&str] = &[
    "*em*",
    "_under_",
    "**strong**",
    "`code`",
    "[link](http://evil.example)",
    "![img](x.png)",
    "<b>html</b>",
    "<http://auto.link>",
    "&amp;",
    "&#27;",
    "\\",
    "#",
    "## not a heading",
    "- not a list",
    "1. not ordered",
    "2)",
    "> not a quote",
    "===",
    "---",
    "| a | b |",
    "~~struck~~",
    "$math$",
    "^sup^",
    "~sub~",
    "[^note]",
    "[[wiki]]",
    "{#id .class}",
    ": definition",
    "[!NOTE]",
    "[1]: http://evil.example",
];

/// A YAML double-quoted scalar holding exactly `text`, control characters escaped.
fn yaml(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || ('\u{80}'..='\u{9f}').contains(&c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A valid brief whose every text field is drawn from `texts`, cycling.
fn brief_yaml(texts: &[String]) -> String {
    let mut n = 0;
    let mut next = || {
        n += 1;
        yaml(&texts[n % texts.len()])
    };
    let mut y =
        format!("brief: 1\nid: gen\ntitle: {}\ndate: 2024-03-01\nmarking: {}\nsummary: {}\n", next(), next(), next());
    y += &format!("x-desk: {{name: {}, shifts: [{}, 2, {{lead: {}}}]}}\n", next(), next(), next());
    y += &format!(
        "sources:\n  - {{id: s1, title: {}, publisher: {}, url: {}, x-note: {}}}\n  - {{id: s2, title: {}}}\n",
        next(),
        next(),
        // Long, and full of characters that mean something in a Markdown link.
        yaml(&format!("https://example.org/{}/a(b)c?x=1&amp;y=<2> \\z]", "p".repeat(90))),
        next(),
        next()
    );
    y += &format!("topics:\n  - {{id: t1, label: {}, summary: {}}}\n", next(), next());
    y += "actors:\n";
    for a in 1..=3 {
        y += &format!(
            "  - {{id: a{a}, name: {}, role: {}, aliases: [{}], summary: {}, x-seen: [{{at: {}}}, {}]{}}}\n",
            next(),
            next(),
            next(),
            next(),
            next(),
            next(),
            if a == 3 { ", speaks_for: [a1], affiliation: a2" } else { "" }
        );
    }
    y += "claims:\n";
    for c in 1..=2 {
        y += &format!(
            "  - {{id: c{c}, text: {}, by: [a{c}], topic: t1, quotes: [q{c}], source: s1, at: {}, credibility: 3}}\n",
            next(),
            next()
        );
    }
    y += &format!(
        "positions:\n  - {{id: p1, actor: a1, topic: t1, stance: supports, text: {}, supports: [c1], disputes: [c2], quotes: [q1, q2], source: s2}}\n  - {{id: p2, actor: a2, topic: t1, stance: opposes, text: {}, supports: [c2], source: s1}}\n",
        next(),
        next()
    );
    y += "quotes:\n";
    for (q, kind) in [(1, "direct"), (2, "partial"), (3, "indirect")] {
        y += &format!(
            "  - {{id: q{q}, speaker: a{q}, kind: {kind}, text: {}, context: {}, to: {}, mentions: [a1, a2], date: 2024-02-0{q}T0{q}:30:00-05:00, source: s1, at: {}, x-check: {{by: {}}}}}\n",
            next(),
            next(),
            next(),
            next(),
            next()
        );
    }
    y += &format!(
        "events:\n  - {{id: e1, date: 2024-02-02, text: {}, actors: [a1, a3], source: s1, at: {}}}\n",
        next(),
        next()
    );
    y
}

fn load(yaml: String) -> (Brief, Index) {
    let file = load_text(Origin::Embedded("generated"), yaml.clone());
    let problems: Vec<_> = file.all_problems().filter(|p| p.is_error()).collect();
    assert!(problems.is_empty(), "{problems:#?}\n{yaml}");
    let brief = file.into_valid_briefs().pop().expect("one brief");
    let index = Index::build(&brief);
    (brief, index)
}

fn text_of(words: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(words), 1..14).prop_map(|w| w.join(" "))
}

fn all_selections(brief: &Brief, index: &Index) -> Vec<Selection> {
    let mut selections = vec![Selection::All, Selection::Overview];
    for id in ["a1", "a3", "c1", "p1", "q2", "t1", "s1", "e1"] {
        let item = index.lookup(brief, id).expect("generated ids");
        selections.push(Selection::Item(item));
        selections.push(Selection::Related(item));
    }
    selections
}

fn assert_safe(output: &str) {
    if let Some(c) = output.chars().find(|&c| c != '\n' && text::is_unsafe(c)) {
        panic!("unsafe character U+{:04X} in:\n{output}", c as u32);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_text_line_fits_the_width(texts in prop::collection::vec(text_of(WORDS), 8..24), width in 20usize..=200) {
        let (brief, index) = load(brief_yaml(&texts));
        let urls: Vec<String> = brief.sources.iter().filter_map(|s| s.url.as_deref()).map(|u| text::one_line(u).into_owned()).collect();
        for selection in all_selections(&brief, &index) {
            let out = export::export(&brief, &index, &selection, &Options { format: Format::Text, width });
            assert_safe(&out);
            for line in out.lines() {
                // A source's address stands alone on its line and is never broken.
                if urls.iter().any(|u| line.trim_start() == u) {
                    continue;
                }
                prop_assert!(text::cells(line) <= width, "{} cells > {width}: {line:?}\n{out}", text::cells(line));
                prop_assert_eq!(line, line.trim_end(), "a trailing space");
            }
        }
    }

    #[test]
    fn markdown_keeps_every_heading_and_quote(
        texts in prop::collection::vec(
            prop::collection::vec(prop::sample::select([WORDS, MARKDOWN_WORDS].concat()), 1..10).prop_map(|w| w.join(" ")),
            8..24,
        ),
    ) {
        let (brief, index) = load(brief_yaml(&texts));
        check_markdown(&brief, &index);
    }
}

/// What a CommonMark reader (with every extension GitHub and others add) finds in the Markdown
/// export of the whole brief: the headings and quotes written, and no formatting from the text.
fn check_markdown(brief: &Brief, index: &Index) {
    let md = export::export(brief, index, &Selection::All, &Options { format: Format::Markdown, width: 0 });
    assert_safe(&md);
    let mut options = MdOptions::all();
    options.remove(MdOptions::ENABLE_SMART_PUNCTUATION);
    let mut headings = Vec::new();
    let mut quotes = Vec::new();
    let mut strong = 0;
    let mut links = Vec::new();
    let (mut in_heading, mut quote_depth, mut quote_paragraph) = (false, 0, 0);
    let mut current = String::new();
    for event in Parser::new_ext(&md, options) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                current.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                headings.push(current.clone());
            }
            Event::Start(Tag::BlockQuote(kind)) => {
                assert!(kind.is_none(), "a GitHub alert from brief text:\n{md}");
                quote_depth += 1;
                quote_paragraph = 0;
                current.clear();
            }
            Event::End(TagEnd::BlockQuote(_)) => quote_depth -= 1,
            Event::Start(Tag::Paragraph) if quote_depth > 0 => {
                quote_paragraph += 1;
                current.clear();
            }
            Event::End(TagEnd::Paragraph) if quote_depth > 0 && quote_paragraph == 1 => quotes.push(current.clone()),
            Event::Start(Tag::Strong) => strong += 1,
            Event::Start(Tag::Link { dest_url, .. }) => {
                assert!(
                    brief.sources.iter().any(|s| s.url.as_deref() == Some(&*dest_url)),
                    "a link that is no source's address: {dest_url}\n{md}"
                );
                links.push(dest_url.to_string());
            }
            Event::Text(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::Start(
                tag @ (Tag::Emphasis
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::Image { .. }
                | Tag::Table(_)
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::MetadataBlock(_)),
            ) => panic!("formatting from brief text: {tag:?}\n{md}"),
            Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => panic!("formatting from brief text: {event:?}\n{md}"),
            _ => {}
        }
        let _ = in_heading;
    }

    let shown = |t: &str| text::one_line(t).trim().to_string();
    let mut expected_headings = vec![shown(&brief.title)];
    expected_headings.extend(Section::ALL.map(|s| format!("{} ({})", s.title(), brief.len(s))));
    assert_eq!(headings, expected_headings, "\n{md}");

    let quoted = |q: usize| {
        let quote = &brief.quotes[q];
        match quote.kind {
            QuoteKind::Indirect => shown(&quote.text),
            _ => format!("“{}”", shown(&quote.text)),
        }
    };
    let resolve = |r: &brief::model::Ref| index.resolve(brief, r, Section::Quotes).unwrap();
    let mut expected_quotes: Vec<String> = Vec::new();
    expected_quotes.extend(brief.claims.iter().flat_map(|c| c.quotes.iter().map(resolve)).map(quoted));
    expected_quotes.extend(brief.positions.iter().flat_map(|p| p.quotes.iter().map(resolve)).map(quoted));
    expected_quotes.extend((0..brief.quotes.len()).map(quoted));
    assert_eq!(quotes, expected_quotes, "\n{md}");

    // Every source with a web address is a working link, however odd the address.
    for url in brief.sources.iter().filter_map(|s| s.url.as_deref()) {
        assert!(links.iter().any(|l| l == url), "no link to {url}\n{md}");
    }

    // Item titles are the only bold text: one per item that is not a quote.
    let items: usize = Section::ALL.iter().filter(|&&s| s != Section::Quotes).map(|&s| brief.len(s)).sum();
    assert_eq!(strong, items, "\n{md}");
}

#[test]
fn the_sample_in_markdown_keeps_every_heading_and_quote() {
    let brief = brief::sample::load().into_valid_briefs().pop().unwrap();
    let index = Index::build(&brief);
    check_markdown(&brief, &index);
}

#[test]
fn markdown_shows_special_characters_as_written() {
    let texts: Vec<String> = MARKDOWN_WORDS.iter().map(|w| w.to_string()).collect();
    let (brief, index) = load(brief_yaml(&texts));
    check_markdown(&brief, &index);
}

/// The JSON export parsed back: every item, every field, as the model has it.
#[test]
fn json_gives_back_every_field() {
    let texts: Vec<String> =
        [WORDS, MARKDOWN_WORDS].concat().iter().map(|w| format!("{w} \u{1b}[31m\u{202e}x\u{9b}")).collect();
    let (brief, index) = load(brief_yaml(&texts));
    let json = export::export(&brief, &index, &Selection::All, &Options { format: Format::Json, width: 80 });
    assert_safe(&json);
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let exports = value.as_array().expect("an array of exports");
    assert_eq!(exports.len(), 1, "one brief, one export");
    let value = &exports[0];

    let header = &value["brief"];
    assert_eq!(header["id"], "gen");
    assert_eq!(header["title"], &*brief.title);
    assert_eq!(header["date"], brief.date.to_string());
    assert_eq!(header["marking"], brief.marking.as_deref().unwrap());
    assert_eq!(header["summary"], brief.summary.as_deref().unwrap());
    assert_eq!(value["selection"]["kind"], "all");

    let items = value["items"].as_array().unwrap();
    let total: usize = Section::ALL.iter().map(|&s| brief.len(s)).sum();
    assert_eq!(items.len(), total);
    let mut at = 0;
    for section in Section::ALL {
        for i in 0..brief.len(section) {
            let entry = &items[at];
            at += 1;
            assert_eq!(entry["section"], section.key());
            let item = &entry["item"];
            // Whole-item equality with the model's own serialization…
            let model = match section {
                Section::Sources => serde_json::to_value(&brief.sources[i]),
                Section::Topics => serde_json::to_value(&brief.topics[i]),
                Section::Actors => serde_json::to_value(&brief.actors[i]),
                Section::Claims => serde_json::to_value(&brief.claims[i]),
                Section::Positions => serde_json::to_value(&brief.positions[i]),
                Section::Quotes => serde_json::to_value(&brief.quotes[i]),
                Section::Events => serde_json::to_value(&brief.events[i]),
            }
            .unwrap();
            assert_eq!(item, &model, "{section:?} {i}");
            assert_eq!(item["id"], brief.id_of(brief::model::ItemRef::new(section, i)));
        }
    }

    // …and field by field against the typed model, so a change in serialization shows too.
    let quotes: Vec<&serde_json::Value> =
        items.iter().filter(|e| e["section"] == "quotes").map(|e| &e["item"]).collect();
    for (q, item) in brief.quotes.iter().zip(&quotes) {
        assert_eq!(item["text"], &*q.text);
        assert_eq!(item["speaker"], &*q.speaker.id);
        assert_eq!(item["kind"], q.kind.to_string());
        assert_eq!(item["context"], q.context.as_deref().unwrap());
        assert_eq!(item["to"], q.to.as_deref().unwrap());
        assert_eq!(item["date"], q.date.as_ref().unwrap().to_string());
        assert_eq!(item["at"], q.at.as_deref().unwrap());
        let mentions: Vec<&str> = item["mentions"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
        assert_eq!(mentions, q.mentions.iter().map(|m| &*m.id).collect::<Vec<_>>());
        assert_eq!(&item["x-check"], q.extensions.get("x-check").unwrap(), "x- fields are kept");
    }
    let source = &items[0]["item"];
    assert_eq!(source["x-note"], *brief.sources[0].extensions.get("x-note").unwrap());
    assert_eq!(source["url"], brief.sources[0].url.as_deref().unwrap());
    let actor = &items.iter().find(|e| e["item"]["id"] == "a3").unwrap()["item"];
    assert_eq!(actor["name"], &*brief.actors[2].name);
    assert_eq!(actor["role"], brief.actors[2].role.as_deref().unwrap());
    assert_eq!(actor["affiliation"], "a2");
    assert_eq!(actor["speaks_for"], serde_json::json!(["a1"]));
    assert_eq!(actor["aliases"][0], &*brief.actors[2].aliases[0]);
    let claim = &items.iter().find(|e| e["item"]["id"] == "c1").unwrap();
    assert_eq!(claim["item"]["credibility"], 3);
    assert_eq!(claim["item"]["status"], "reported");

    // The references, resolved to names.
    let refs = &claim["references"];
    assert_eq!(
        refs["asserted_by"],
        serde_json::json!([{"id": "a1", "section": "actors", "name": &*brief.actors[0].name}])
    );
    assert_eq!(refs["supported_by"][0]["id"], "p1");
    assert_eq!(refs["supported_by"][0]["name"], &*brief.positions[0].text);
    assert_eq!(refs["topic"][0]["name"], &*brief.topics[0].label);
    assert_eq!(refs["source"][0]["name"], &*brief.sources[0].title);
    let c2 = &items.iter().find(|e| e["item"]["id"] == "c2").unwrap()["references"];
    assert_eq!(c2["disputed_by"][0]["id"], "p1");
    let q3 = &items.iter().find(|e| e["item"]["id"] == "q3").unwrap()["references"];
    assert_eq!(q3["on_behalf_of"][0]["id"], "a1", "a3 speaks for a1");
    let a1 = &items.iter().find(|e| e["item"]["id"] == "a1").unwrap()["references"];
    assert_eq!(a1["said_on_its_behalf"][0]["id"], "q3");
    assert_eq!(a1["spokespeople"][0]["id"], "a3");
}

#[test]
fn json_of_a_dossier_says_how_each_item_relates() {
    let brief = brief::sample::load().into_valid_briefs().pop().unwrap();
    let index = Index::build(&brief);
    let lavrov = index.lookup(&brief, "lavrov").unwrap();
    let json =
        export::export(&brief, &index, &Selection::Related(lavrov), &Options { format: Format::Json, width: 80 });
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let value = &value[0];
    assert_eq!(value["selection"], serde_json::json!({"kind": "related", "section": "actors", "id": "lavrov"}));
    assert_eq!(value["items"][0]["item"]["id"], "lavrov");
    assert_eq!(
        value["relations"]["said"],
        serde_json::json!(["q-lavrov-us-threat", "q-lavrov-sanctions-from-hell", "q-lavrov-cant-fail"])
    );
    assert_eq!(value["relations"]["positions"], serde_json::json!(["p-lavrov-sanctions"]));
    assert!(value["relations"]["mentioned_in"].is_null(), "no quote mentions him: the relation is left out");
    let ids: Vec<&str> = value["items"].as_array().unwrap().iter().map(|i| i["item"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), export::item_count(&brief, &index, &Selection::Related(lavrov)));
}
