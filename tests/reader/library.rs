//! Reading across briefs: the library screen, a brief that could not open, the dossier of an
//! actor or topic across briefs, the timeline across briefs, and the picker over all of them.

use brief::tui::state::{AcrossKind, Overlay, Shelf};
use brief::tui::{Action, App, Pane};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::{app_with, bundled_library, detail_id, drawn, press, sample_loaded};

fn library_dates(app: &App) -> Vec<String> {
    let Overlay::Library(state) = &app.overlay else { panic!("the library is open: {:?}", app.context()) };
    state
        .rows
        .iter()
        .map(|row| match row.entry {
            Shelf::Brief(b) => app.briefs[b].opened.brief.date.to_string(),
            Shelf::Broken(s) => format!("broken {}", app.shelved[s].name),
        })
        .collect()
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.update(Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| brief::tui::view::draw(frame.buffer_mut(), app)).unwrap();
    terminal.backend().to_string()
}

/// The bundled briefs given newest first: the library orders them by date, not as given.
fn bundled_given_newest_first() -> App {
    let mut briefs = brief::tui::open_all(brief::sample::load_all());
    briefs.reverse();
    app_with(briefs, 100, 30)
}

#[test]
fn several_briefs_open_on_the_library_newest_first_whatever_their_order() {
    for mut app in [bundled_library(80, 24), bundled_given_newest_first()] {
        assert_eq!(library_dates(&app), ["2021-12-09", "2021-12-07", "2021-12-06"]);
        let rows = drawn(&app);
        let at = |text: &str| rows.iter().position(|r| r.contains(text)).unwrap_or_else(|| panic!("{text}"));
        assert!(at("9 Dec 2021") < at("7 Dec 2021") && at("7 Dec 2021") < at("6 Dec 2021"));
        assert!(rows.iter().any(|r| r.contains("Library · 3 briefs, newest first")));
        // The selected brief's summary is below the list.
        assert!(rows.join("\n").contains("The day after his 7 December 2021 call with Putin"));
        press(&mut app, "j");
        assert!(drawn(&app).join("\n").contains("briefs/biden-putin-call-2021-12-07.yaml"));
    }
    let one = app_with(vec![sample_loaded()], 80, 24);
    assert!(matches!(one.overlay, Overlay::None), "one brief opens in the reader");
}

#[test]
fn enter_opens_a_brief_and_backspace_or_l_returns_to_the_library() {
    let mut app = bundled_library(100, 30);
    press(&mut app, "j enter");
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.brief().date.to_string(), "2021-12-07");
    assert!(app.message.as_deref().unwrap().contains("L returns to the library"));
    press(&mut app, "j backspace");
    let Overlay::Library(state) = &app.overlay else { panic!("back in the library") };
    assert_eq!(state.cursor, 1, "on the row it was left on");
    press(&mut app, "ctrl-i");
    assert_eq!(app.brief().date.to_string(), "2021-12-07", "and forward again");
    press(&mut app, "L");
    assert!(matches!(app.overlay, Overlay::Library(_)));
    press(&mut app, "L");
    assert!(matches!(app.overlay, Overlay::None), "L from the library returns to the brief");
    assert_eq!(app.brief().date.to_string(), "2021-12-07");
}

#[test]
fn slash_finds_the_briefs_that_hold_a_word_and_opens_on_it() {
    let mut app = bundled_library(100, 30);
    press(&mut app, "/ type:bucharest");
    assert_eq!(library_dates(&app), ["2021-12-09"], "only the 9 December brief has the Bucharest Nine");
    let screen = drawn(&app).join("\n");
    assert!(screen.contains("/bucharest") && screen.contains("1 brief") && screen.contains("matches"), "{screen}");
    press(&mut app, "enter enter");
    assert_eq!(app.brief().date.to_string(), "2021-12-09");
    let search = app.nav().search.as_ref().expect("the search goes on in the brief");
    assert_eq!(search.query, "bucharest");
    assert!(app.message.as_deref().unwrap().contains("“bucharest”"), "{:?}", app.message);
    press(&mut app, "backspace");
    assert_eq!(library_dates(&app), ["2021-12-09"], "back to the rows found");
    press(&mut app, "esc");
    assert_eq!(library_dates(&app).len(), 3, "Esc shows every brief again");
    press(&mut app, "/ type:minsk");
    assert_eq!(library_dates(&app).len(), 3, "each brief mentions Minsk");
    press(&mut app, "type:zzz");
    assert!(library_dates(&app).is_empty());
    assert!(drawn(&app).join("\n").contains("no brief holds this"));
    press(&mut app, "esc");
    assert_eq!(library_dates(&app).len(), 3);
    // A title, a tag or a date finds a brief too.
    press(&mut app, "/ type:#bucharest-nine enter");
    press(&mut app, "esc / type:2021-12-07");
    assert_eq!(library_dates(&app), ["2021-12-07"]);
}

fn folder_with_a_broken_brief() -> App {
    let mut files = brief::sample::load_all();
    // A name relative to the crate, as the tests run there: the same on every machine.
    let bad = std::path::Path::new("tests/bad/E014-unknown-speaker.yaml");
    files.push(brief::load::load_file(bad).expect("readable"));
    let shelved = brief::tui::shelve(&files);
    let mut app = App::with_shelved(brief::tui::open_all(files), shelved);
    app.color = false;
    app.update(Action::Resize(100, 30));
    app
}

#[test]
fn a_broken_brief_is_listed_with_its_first_error_and_does_not_block_the_others() {
    let mut app = folder_with_a_broken_brief();
    let dates = library_dates(&app);
    assert_eq!(dates.len(), 4);
    assert!(dates[0].starts_with("broken ") && dates[0].ends_with("E014-unknown-speaker.yaml"), "{dates:?}");
    let screen = drawn(&app).join("\n");
    assert!(screen.contains("✗ error") && screen.contains("E014-unknown-speaker.yaml:"), "{screen}");
    assert!(screen.contains("could not open: 2 errors"), "{screen}");
    assert!(screen.contains("E014"), "the first error, with its code: {screen}");
    press(&mut app, "enter");
    assert!(matches!(app.overlay, Overlay::Library(_)), "it does not open");
    assert!(app.message.as_deref().unwrap().contains("D lists every problem"));
    press(&mut app, "D");
    assert!(matches!(app.overlay, Overlay::Problems { shelved: Some(0), .. }));
    assert!(drawn(&app).join("\n").contains("unknown"), "the whole report");
    press(&mut app, "esc");
    let Overlay::Library(state) = &app.overlay else { panic!("back in the library") };
    assert_eq!(state.cursor, 0, "on the broken brief");
    press(&mut app, "j enter");
    assert_eq!(app.brief().date.to_string(), "2021-12-09", "the others open");
}

#[test]
fn a_follows_an_actor_across_every_brief_and_opens_any_line_in_its_brief() {
    let mut app = bundled_library(100, 30);
    press(&mut app, "enter ctrl-p type:joe~biden enter");
    assert_eq!(detail_id(&app), "biden");
    let screen = drawn(&app).join("\n");
    assert!(screen.contains("Across 3 briefs"), "the actor's detail says it: {screen}");
    press(&mut app, "a");
    let Overlay::Across(state) = &app.overlay else { panic!("the dossier") };
    assert_eq!(state.kind, AcrossKind::Dossier);
    assert_eq!(state.listing.title, "Joe Biden across 3 briefs");
    let headings: Vec<&str> = state.listing.groups.iter().map(|g| g.heading.as_str()).collect();
    assert_eq!(headings, ["Positions by topic over time", "Quotes", "Claims"]);
    let screen = drawn(&app).join("\n");
    assert!(screen.contains("Western economic sanctions on Russia: + 6 Dec → + 7 Dec → + 9 Dec"), "{screen}");
    // Down to his first quote, of 3 December, in the 6 December brief, and into it.
    let positions = state.listing.groups[0].rows.len();
    let first_quote = &state.listing.groups[1].rows[0];
    let first_quote = app.briefs[first_quote.at.brief()].opened.brief.id_of(first_quote.at.item).to_string();
    press(&mut app, &vec!["j"; positions].join(" "));
    press(&mut app, "enter");
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.brief().date.to_string(), "2021-12-06");
    assert_eq!(app.nav().active, Pane::Quotes);
    assert_eq!(detail_id(&app), first_quote);
    press(&mut app, "backspace");
    assert!(matches!(app.overlay, Overlay::Across(_)), "back to the dossier");
    // A topic's dossier: who stood where.
    press(&mut app, "esc ctrl-p type:western~economic~sanctions enter a");
    let Overlay::Across(state) = &app.overlay else { panic!("the topic's dossier") };
    assert_eq!(state.listing.groups[0].heading, "Who stood where, brief by brief");
    assert!(state.listing.groups[0].rows.iter().any(|r| r.text == "Sergey Lavrov: - 6 Dec"));
}

#[test]
fn t_lists_what_happened_across_briefs_in_date_order_and_f_narrows_it() {
    let mut app = bundled_library(120, 40);
    press(&mut app, "enter ctrl-p type:vladimir~putin enter t");
    let Overlay::Across(state) = &app.overlay else { panic!("the timeline") };
    let all = state.listing.row_count();
    let dates: Vec<_> = state.listing.rows().map(|r| r.date.clone()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "in date order");
    let call: Vec<_> = state
        .listing
        .rows()
        .filter(|r| app.briefs[r.at.brief()].opened.brief.id_of(r.at.item) == "e-biden-putin-call")
        .collect();
    assert_eq!(call.len(), 1, "the call once, though three briefs have it");
    assert_eq!(app.briefs[call[0].at.brief()].opened.brief.date.to_string(), "2021-12-09", "as the latest has it");
    assert_eq!(call[0].history.len(), 2);
    press(&mut app, "f");
    let Overlay::Across(state) = &app.overlay else { panic!("still the timeline") };
    assert_eq!(state.kind, AcrossKind::Timeline { narrowed: true });
    assert!(state.listing.row_count() < all && state.listing.title.ends_with("Vladimir Putin"));
    press(&mut app, "f");
    let Overlay::Across(state) = &app.overlay else { panic!("still the timeline") };
    assert_eq!(state.listing.row_count(), all);
    // The earlier versions are said in words below the list.
    let at = state.listing.rows().position(|r| r.history.len() == 2).unwrap();
    press(&mut app, "g");
    press(&mut app, &vec!["j"; at].join(" "));
    let screen = drawn(&app).join("\n");
    assert!(screen.contains("earlier: 6 Dec scheduled"), "{screen}");
    press(&mut app, "esc");
    assert!(matches!(app.overlay, Overlay::None));
}

#[test]
fn the_picker_finds_items_in_every_brief_and_says_which() {
    let mut app = bundled_library(120, 30);
    press(&mut app, "ctrl-p type:bucharest~nine");
    let screen = drawn(&app).join("\n");
    assert!(screen.contains("9 Dec    Bucharest Nine · bucharest-nine"), "{screen}");
    press(&mut app, "enter");
    assert_eq!(app.brief().date.to_string(), "2021-12-09");
    assert_eq!(detail_id(&app), "bucharest-nine");
    press(&mut app, "L ctrl-p esc");
    assert!(matches!(app.overlay, Overlay::Library(_)), "Esc returns to the library it opened over");
}

#[test]
fn brackets_go_through_the_briefs_in_time_whatever_their_order() {
    let mut app = bundled_given_newest_first();
    press(&mut app, "G enter");
    assert_eq!(app.brief().date.to_string(), "2021-12-06");
    press(&mut app, "]");
    assert_eq!(app.brief().date.to_string(), "2021-12-07");
    assert!(app.message.as_deref().unwrap().starts_with("brief 2/3 in time: 7 Dec 2021"), "{:?}", app.message);
    press(&mut app, "] ]");
    assert_eq!(app.brief().date.to_string(), "2021-12-06", "round from the newest to the oldest");
    press(&mut app, "[");
    assert_eq!(app.brief().date.to_string(), "2021-12-09");
}

#[test]
fn snapshots_across_briefs() {
    for (width, height) in [(80, 24), (200, 50), (40, 12)] {
        let mut app = bundled_library(width, height);
        insta::assert_snapshot!(format!("library_{width}x{height}"), screen(&mut app, width, height));
        press(&mut app, "enter ctrl-p type:joe~biden enter a");
        insta::assert_snapshot!(format!("dossier_{width}x{height}"), screen(&mut app, width, height));
        press(&mut app, "esc t");
        insta::assert_snapshot!(format!("timeline_across_{width}x{height}"), screen(&mut app, width, height));
    }
    let mut app = folder_with_a_broken_brief();
    insta::assert_snapshot!("library_with_a_broken_brief_100x30", screen(&mut app, 100, 30));
    let mut app = bundled_library(80, 24);
    press(&mut app, "/ type:bucharest");
    insta::assert_snapshot!("library_found_80x24", screen(&mut app, 80, 24));
}

#[test]
fn every_size_draws_the_screens_across_briefs() {
    let mut app = bundled_library(80, 24);
    for keys in ["", "enter ctrl-p type:joe~biden enter a", "esc t", "esc L"] {
        press(&mut app, keys);
        for (width, height) in [(1, 1), (2, 2), (30, 8), (31, 9), (300, 3), (20, 100)] {
            app.update(Action::Resize(width, height));
            drawn(&app);
        }
        app.update(Action::Resize(80, 24));
    }
}

#[test]
fn a_click_selects_a_row_and_the_wheel_moves_in_the_library_and_the_listings() {
    let mut app = bundled_library(100, 30);
    let rows = drawn(&app);
    let y = rows.iter().position(|r| r.contains("6 Dec 2021")).unwrap() as u16;
    app.update(Action::Click { column: 10, row: y });
    assert_eq!(library_dates(&app).len(), 3);
    let Overlay::Library(state) = &app.overlay else { panic!() };
    assert_eq!(state.cursor, 2, "the row clicked");
    app.update(Action::ScrollUp { column: 10, row: y });
    let Overlay::Library(state) = &app.overlay else { panic!() };
    assert_eq!(state.cursor, 0);
    press(&mut app, "enter t");
    let rows = drawn(&app);
    let y = rows.iter().position(|r| r.contains("Biden holds a phone call with the Bucharest Nine")).unwrap() as u16;
    app.update(Action::Click { column: 20, row: y });
    let Overlay::Across(state) = &app.overlay else { panic!() };
    let row = state.listing.rows().nth(state.cursor).unwrap();
    assert!(row.text.contains("Bucharest Nine"), "{}", row.text);
    let before = state.cursor;
    app.update(Action::ScrollDown { column: 20, row: y });
    let Overlay::Across(state) = &app.overlay else { panic!() };
    assert_eq!(state.cursor, before + 3);
}

#[test]
fn e_and_y_on_a_dossier_pass_it_on_as_the_cli_exports_it() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = bundled_library(100, 30);
    app.export_dir = folder.path().to_path_buf();
    press(&mut app, "enter ctrl-p type:joe~biden enter a e");
    let Overlay::Dialog(dialog) = &app.overlay else { panic!("the export dialog") };
    assert_eq!(dialog.path, "joe-biden-across-3-briefs.txt");
    press(&mut app, "enter");
    assert!(matches!(app.overlay, Overlay::Across(_)), "back to the dossier");
    let written = std::fs::read_to_string(folder.path().join("joe-biden-across-3-briefs.txt")).unwrap();
    let briefs: Vec<&brief::model::Brief> = app.briefs.iter().map(|r| &r.opened.brief).collect();
    let listing = app.library.dossier(&briefs, "biden").unwrap();
    let options = brief::export::Options { format: brief::export::Format::Text, width: 80 };
    assert_eq!(written, brief::export::across::listing(&listing, &briefs, &options));
    assert!(app.message.as_deref().unwrap().contains(&format!("wrote {} items", listing.row_count())));
    press(&mut app, "y");
    let [brief::tui::Effect::Copy { text, items }] = app.effects.as_slice() else { panic!("{:?}", app.effects) };
    assert_eq!((text, *items), (&written, listing.row_count()));
}

#[test]
fn r_builds_the_library_again_from_the_brief_read_again() {
    let folder = tempfile::tempdir().unwrap();
    let (a, b) = (folder.path().join("a.yaml"), folder.path().join("b.yaml"));
    let sample = brief::sample::portable();
    std::fs::write(&a, &sample).unwrap();
    std::fs::write(&b, sample.replace("\ndate: 2021-12-06\n", "\ndate: 2021-12-08\n")).unwrap();
    let files = brief::load::load_paths(&[a, b.clone()]).unwrap();
    let mut app = app_with(brief::tui::open_all(files), 100, 30);
    assert_eq!(library_dates(&app), ["2021-12-08", "2021-12-06"]);
    press(&mut app, "enter");
    assert_eq!(app.library.rank(app.current), 1, "b is the newer");
    press(&mut app, "t enter");
    // b is now the older, and has lost its events: the timeline history may not bring them back.
    let text = sample.replace("\ndate: 2021-12-06\n", "\ndate: 2021-12-01\n");
    let events = text.find("\nevents:\n").unwrap() + 1;
    // To the next top-level key, or the end.
    let rest = &text[events + "events:\n".len()..];
    let end = rest
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| rest[i..].starts_with(|c: char| c.is_ascii_alphabetic()));
    let after = end.map_or(text.len(), |i| events + "events:\n".len() + i);
    std::fs::write(&b, format!("{}{}", &text[..events], &text[after..])).unwrap();
    press(&mut app, "r");
    assert!(app.message.as_deref().unwrap().starts_with("reloaded"), "{:?}", app.message);
    assert_eq!(app.brief().events.len(), 0);
    assert_eq!(app.library.rank(app.current), 0, "the library knows b is older now");
    press(&mut app, "backspace t a L");
    drawn(&app);
    assert_eq!(library_dates(&app), ["2021-12-06", "2021-12-01"]);
}

#[test]
fn what_opens_over_the_library_returns_to_it_as_it_was() {
    let mut app = bundled_library(100, 30);
    press(&mut app, "j t");
    let Overlay::Across(state) = &app.overlay else { panic!("the timeline") };
    let day = state.listing.rows().nth(state.cursor).and_then(|r| r.date.clone()).unwrap();
    assert_eq!(day.to_string(), "2021-12-07", "on the day of the brief under the library's cursor");
    press(&mut app, "esc");
    let Overlay::Library(state) = &app.overlay else { panic!("back in the library") };
    assert_eq!(state.cursor, 1);
    // A brief, the library, and back to the brief.
    press(&mut app, "enter j L backspace");
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.brief().date.to_string(), "2021-12-07");
    press(&mut app, "backspace");
    assert!(matches!(app.overlay, Overlay::Library(_)));
    press(&mut app, "esc");
    assert_eq!(app.brief().date.to_string(), "2021-12-07", "Esc goes back to the brief last read");
    // The problems of a broken brief return to the library with its query.
    let mut app = folder_with_a_broken_brief();
    press(&mut app, "/ type:unknown enter D esc");
    let Overlay::Library(state) = &app.overlay else { panic!("back in the library") };
    assert_eq!(state.query, "unknown");
}

#[test]
fn a_file_with_a_broken_brief_and_a_good_one_opens_the_good_one_and_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("two.yaml");
    let good = brief::sample::portable();
    let broken = good.replace("speaker: putin", "speaker: putni");
    std::fs::write(&path, format!("{broken}---\n{}", good.replace("\ndate: 2021-12-06\n", "\ndate: 2021-12-07\n")))
        .unwrap();
    let mut files = brief::sample::load_all();
    files.push(brief::load::load_file(&path).expect("readable"));
    let shelved = brief::tui::shelve(&files);
    let mut app = App::with_shelved(brief::tui::open_all(files), shelved);
    app.color = false;
    app.update(Action::Resize(100, 30));
    let screen = drawn(&app).join("\n");
    assert!(screen.contains("its other brief opened and is in the list"), "{screen}");
    let opened = app.briefs.iter().find(|r| r.opened.name.ends_with("two.yaml #2")).expect("the second document opens");
    assert_eq!(opened.opened.file.as_ref().map(|(_, document)| *document), Some(1), "as the file's second document");
}
