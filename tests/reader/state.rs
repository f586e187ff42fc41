//! Every feature of the reader, driven by keys, checked on the state a user would see.

use brief::export::Selection;
use brief::model::{ItemRef, Section};
use brief::tui::state::{Focus, Overlay};
use brief::tui::{Action, App, Effect, Opened, Pane};

use super::{app_with, bundled_app, detail_id, drawn, go_to, press, sample_app, sample_loaded};

fn selected_id(app: &App, pane: Pane) -> String {
    app.selected(pane).map(|i| app.brief().id_of(i).to_string()).unwrap_or_default()
}

fn marked_ids(app: &App, pane: Pane) -> Vec<String> {
    (0..app.brief().len(pane.section()))
        .filter(|&i| app.is_marked(pane, i))
        .map(|i| app.brief().id_of(ItemRef::new(pane.section(), i)).to_string())
        .collect()
}

fn shown_ids(app: &App, pane: Pane) -> Vec<String> {
    (0..app.row_count(pane))
        .map(|row| app.brief().id_of(ItemRef::new(pane.section(), app.item_at(pane, row).unwrap())).to_string())
        .collect()
}

#[test]
fn opens_on_the_first_actor() {
    let app = sample_app();
    assert_eq!(app.nav().active, Pane::Actors);
    assert_eq!(selected_id(&app, Pane::Actors), "biden");
    assert_eq!(detail_id(&app), "biden");
}

#[test]
fn moving_stays_inside_the_list() {
    let mut app = sample_app();
    press(&mut app, "j j");
    assert_eq!(selected_id(&app, Pane::Actors), "peskov");
    press(&mut app, "k k k k");
    assert_eq!(selected_id(&app, Pane::Actors), "biden");
    press(&mut app, "G");
    assert_eq!(selected_id(&app, Pane::Actors), "european-allies");
    press(&mut app, "j pgdn ctrl-d");
    assert_eq!(selected_id(&app, Pane::Actors), "european-allies");
    press(&mut app, "g");
    assert_eq!(selected_id(&app, Pane::Actors), "biden");
    press(&mut app, "pgdn");
    let page = app.list_page();
    assert_eq!(app.nav().panes[0].cursor, page);
    press(&mut app, "ctrl-u");
    assert_eq!(app.nav().panes[0].cursor, page - page / 2);
    press(&mut app, "down up end home");
    assert_eq!(selected_id(&app, Pane::Actors), "biden");
}

#[test]
fn panes_change_with_tab_arrows_letters_and_numbers() {
    let mut app = sample_app();
    press(&mut app, "tab");
    assert_eq!(app.nav().active, Pane::Claims);
    press(&mut app, "l right");
    assert_eq!(app.nav().active, Pane::Quotes);
    press(&mut app, "tab");
    assert_eq!(app.nav().active, Pane::Events, "the timeline after the quotes");
    press(&mut app, "tab tab");
    assert_eq!(app.nav().active, Pane::Topics);
    press(&mut app, "tab");
    assert_eq!(app.nav().active, Pane::Actors, "Tab wraps around all seven");
    press(&mut app, "shift-tab h");
    assert_eq!(app.nav().active, Pane::Sources);
    for (key, pane) in [("5", Pane::Events), ("6", Pane::Sources), ("7", Pane::Topics), ("3", Pane::Positions)] {
        press(&mut app, key);
        assert_eq!(app.nav().active, pane, "{key}");
    }
    press(&mut app, "1");
    assert_eq!(app.nav().active, Pane::Actors);
    press(&mut app, "4");
    assert_eq!(app.nav().active, Pane::Quotes);
    assert_eq!(detail_id(&app), "q-official-direct-costs", "the detail follows the focused pane");
}

#[test]
fn selecting_putin_marks_what_he_said_what_was_said_for_him_and_who_mentions_him() {
    let mut app = sample_app();
    press(&mut app, "j");
    assert_eq!(selected_id(&app, Pane::Actors), "putin");
    let quotes = marked_ids(&app, Pane::Quotes);
    for id in ["q-putin-red-line-warning", "q-putin-red-line"] {
        assert!(quotes.contains(&id.to_string()), "his own quote {id}");
    }
    assert!(quotes.contains(&"q-peskov-video-call".to_string()), "said on his behalf by Peskov");
    assert!(quotes.contains(&"q-biden-red-line".to_string()), "mentions him");
    assert!(!quotes.contains(&"q-lavrov-cant-fail".to_string()), "unrelated");
    assert_eq!(marked_ids(&app, Pane::Positions), ["p-putin-nato"]);
    assert_eq!(marked_ids(&app, Pane::Claims), ["c-nato-red-line"]);
    assert!(marked_ids(&app, Pane::Actors).contains(&"russia".to_string()), "his affiliation");
    assert!(marked_ids(&app, Pane::Actors).contains(&"peskov".to_string()), "his spokesman");
}

#[test]
fn the_filter_narrows_every_pane_and_a_second_press_clears_it() {
    let mut app = sample_app();
    press(&mut app, "j j f");
    assert_eq!(app.nav().filter.map(|f| app.brief().id_of(f).to_string()).as_deref(), Some("peskov"));
    assert_eq!(shown_ids(&app, Pane::Actors), ["putin", "peskov", "kremlin"]);
    assert_eq!(shown_ids(&app, Pane::Quotes), ["q-peskov-video-call"]);
    assert_eq!(shown_ids(&app, Pane::Claims), ["c-video-call-scheduled"]);
    assert!(shown_ids(&app, Pane::Positions).is_empty());
    assert_eq!(selected_id(&app, Pane::Actors), "peskov", "the selection stays on the filtered item");
    assert!(app.message.as_deref().unwrap().contains("related to Dmitry Peskov"));
    press(&mut app, "f");
    assert!(app.nav().filter.is_none());
    assert_eq!(app.row_count(Pane::Actors), 21);
    assert_eq!(selected_id(&app, Pane::Actors), "peskov");
}

#[test]
fn the_detail_pane_numbers_references_by_relation_and_follows_them() {
    let mut app = sample_app();
    go_to(&mut app, "lavrov");
    press(&mut app, "enter");
    assert_eq!(app.nav().focus, Focus::Detail);
    let labels: Vec<&str> = app.detail_groups().iter().map(|g| g.relation.label()).collect();
    assert_eq!(labels, ["member of", "said", "positions", "asserts", "events"]);
    // Reference 1 is his affiliation; Enter follows the cursor, digits follow by number.
    press(&mut app, "enter");
    assert_eq!(detail_id(&app), "russia");
    assert_eq!(app.nav().active, Pane::Actors);
    press(&mut app, "backspace");
    assert_eq!(detail_id(&app), "lavrov");
    press(&mut app, "j j enter");
    assert_eq!(detail_id(&app), "q-lavrov-sanctions-from-hell");
    assert_eq!(app.nav().active, Pane::Quotes, "following moves the focus to the item's pane");
    press(&mut app, "ctrl-o");
    assert_eq!(detail_id(&app), "lavrov");
    press(&mut app, "alt-right");
    assert_eq!(detail_id(&app), "q-lavrov-sanctions-from-hell", "forward again");
    press(&mut app, "ctrl-o 5");
    assert_eq!(detail_id(&app), "p-lavrov-sanctions", "the number follows reference 5");
}

#[test]
fn references_to_topics_events_and_sources_open_in_their_own_panes() {
    let mut app = sample_app();
    go_to(&mut app, "p-lavrov-sanctions");
    press(&mut app, "enter");
    let topic =
        app.detail_groups().iter().take_while(|g| g.relation.label() != "topic").map(|g| g.items.len()).sum::<usize>();
    for _ in 0..topic {
        press(&mut app, "j");
    }
    press(&mut app, "enter");
    assert_eq!(detail_id(&app), "sanctions");
    let labels: Vec<&str> = app.detail_groups().iter().map(|g| g.relation.label()).collect();
    assert_eq!(labels, ["supporting", "opposing", "claims"]);
    assert_eq!(app.nav().active, Pane::Topics, "the topic is selected in its list");
    press(&mut app, "esc");
    assert_eq!((app.nav().focus, detail_id(&app).as_str()), (Focus::List, "sanctions"), "Esc steps out to its list");
    press(&mut app, "backspace");
    assert_eq!(detail_id(&app), "p-lavrov-sanctions", "back returns to the position");
    for id in ["e-stockholm-meeting", "aljazeera-2021-12-06"] {
        go_to(&mut app, id);
        let pane = Pane::of(app.detail_item().unwrap().section);
        assert_eq!((app.nav().active, selected_id(&app, pane)), (pane, id.to_string()));
    }
}

#[test]
fn typing_a_number_waits_until_it_is_unambiguous() {
    let mut app = sample_app();
    press(&mut app, "enter");
    let count = app.reference_count();
    assert!((12..100).contains(&count), "Biden has {count} references");
    let twelfth = app.brief().id_of(app.reference(11).unwrap()).to_string();
    press(&mut app, "1");
    assert_eq!(detail_id(&app), "biden", "1 could still become 1x");
    assert!(app.message.as_deref().unwrap().starts_with("follow 1"));
    press(&mut app, "2");
    assert_eq!(detail_id(&app), twelfth);
}

#[test]
fn history_survives_filtering_and_brief_switching() {
    let mut app = app_with(vec![sample_loaded(), sample_loaded()], 120, 40);
    // From the library, the first of two briefs of the same date and title: the first given.
    press(&mut app, "enter");
    assert_eq!(app.current, 0);
    press(&mut app, "j f enter");
    let first_ref = app.reference(0).unwrap();
    press(&mut app, "enter");
    assert_eq!(app.brief().id_of(first_ref), detail_id(&app));
    press(&mut app, "]");
    assert_eq!(app.current, 1);
    press(&mut app, "backspace");
    assert_eq!(app.current, 0, "back returns to the first brief");
    assert_eq!(detail_id(&app), "putin");
    assert_eq!(app.nav().filter.map(|f| app.brief().id_of(f).to_string()).as_deref(), Some("putin"), "and its filter");
}

#[test]
fn following_to_an_item_the_filter_hides_shows_everything_again() {
    let mut app = sample_app();
    press(&mut app, "j j f enter");
    // Peskov's "speaks for" lists the Kremlin and Putin; both are shown. His claim is shown.
    // Following to Putin's position, hidden by Peskov's filter, clears the filter.
    go_to(&mut app, "p-putin-nato");
    assert!(app.nav().filter.is_none());
    assert_eq!(selected_id(&app, Pane::Positions), "p-putin-nato");
    press(&mut app, "backspace");
    assert!(app.nav().filter.is_some(), "going back brings the filter back");
}

#[test]
fn the_matrix_shows_stances_and_opens_a_position() {
    let mut app = sample_app();
    go_to(&mut app, "lavrov");
    press(&mut app, "m");
    let Overlay::Matrix(state) = app.overlay else { panic!("the matrix is open") };
    let matrix = app.opened().index.stance_matrix(app.brief());
    assert_eq!(app.brief().actors[matrix.rows[state.row]].id.as_ref(), "lavrov", "it opens on the selected actor");
    // Lavrov's only position is on sanctions, the second topic with positions.
    press(&mut app, "l enter");
    assert_eq!(detail_id(&app), "p-lavrov-sanctions");
    assert!(matches!(app.overlay, Overlay::None));
    press(&mut app, "backspace m h enter");
    assert!(app.message.as_deref().unwrap().contains("no position"), "an empty cell says so");
    press(&mut app, "esc");
    assert!(matches!(app.overlay, Overlay::None));
}

#[test]
fn search_moves_as_you_type_counts_matches_and_cancels() {
    let mut app = sample_app();
    press(&mut app, "4 j j / type:sanc");
    let Overlay::Search(search) = &app.overlay else { panic!("searching") };
    assert_eq!(search.counter(), "1/3");
    assert_eq!(selected_id(&app, Pane::Quotes), "q-lavrov-us-threat", "the first match after the cursor");
    press(&mut app, "down");
    assert_eq!(selected_id(&app, Pane::Quotes), "q-lavrov-sanctions-from-hell");
    press(&mut app, "esc");
    assert_eq!(
        selected_id(&app, Pane::Quotes),
        "q-official-consulting-allies",
        "Esc returns to where the search began"
    );
    press(&mut app, "/ type:sanctions enter");
    assert_eq!(app.nav().search.as_ref().unwrap().counter(), "1/3");
    press(&mut app, "n");
    assert_eq!(app.nav().search.as_ref().unwrap().counter(), "2/3");
    press(&mut app, "N N");
    assert_eq!(app.nav().search.as_ref().unwrap().counter(), "3/3", "N wraps backwards");
}

#[test]
fn search_prefers_a_name_that_starts_with_what_was_typed() {
    let mut app = sample_app();
    // Peskov, the Kremlin's spokesman, comes first in the list; the Kremlin is named so.
    press(&mut app, "/ type:kr");
    assert_eq!(selected_id(&app, Pane::Actors), "kremlin");
    press(&mut app, "esc / type:krem enter");
    assert_eq!(selected_id(&app, Pane::Actors), "kremlin");
    // From below every match, the search wraps to the named one.
    press(&mut app, "G / type:kr");
    assert_eq!(selected_id(&app, Pane::Actors), "kremlin");
}

#[test]
fn search_reads_names_aliases_and_roles() {
    let mut app = sample_app();
    press(&mut app, "/ type:moscow enter");
    assert_eq!(selected_id(&app, Pane::Actors), "russia", "an alias");
    press(&mut app, "/ type:press~secretary enter");
    assert_eq!(selected_id(&app, Pane::Actors), "psaki", "a role");
    press(&mut app, "/ type:zzzz");
    let Overlay::Search(search) = &app.overlay else { panic!() };
    assert_eq!(search.counter(), "no match");
}

#[test]
fn the_picker_jumps_to_any_item_by_name_id_or_text() {
    let mut app = sample_app();
    press(&mut app, "ctrl-p type:lavrov");
    let Overlay::Picker(picker) = &app.overlay else { panic!("picking") };
    assert!(picker.matched() >= 4, "Lavrov, his quotes and his position");
    press(&mut app, "enter");
    assert_eq!(detail_id(&app), "lavrov");
    press(&mut app, "ctrl-p type:sanctions~from~hell enter");
    assert_eq!(detail_id(&app), "q-lavrov-sanctions-from-hell");
    assert_eq!(app.nav().active, Pane::Quotes);
    press(&mut app, "ctrl-p type:e-biden-putin-call enter");
    assert_eq!(detail_id(&app), "e-biden-putin-call", "events open in the detail pane");
    press(&mut app, "ctrl-p type:x esc");
    assert!(matches!(app.overlay, Overlay::None));
}

#[test]
fn the_picker_counts_matches_in_words_and_offers_no_noise() {
    let mut app = sample_app();
    press(&mut app, "ctrl-p");
    let prompt = |app: &App| drawn(app).into_iter().find(|row| row.contains('›')).unwrap_or_default();
    assert!(
        prompt(&app).contains(&format!(
            "{} items",
            brief::export::item_count(app.brief(), &app.opened().index, &Selection::All)
        )),
        "{}",
        prompt(&app)
    );
    press(&mut app, "type:sanctions-from-hell");
    assert!(prompt(&app).contains("1 match") && !prompt(&app).contains(" of "), "{}", prompt(&app));
    press(&mut app, &["backspace"; 10].join(" "));
    assert!(prompt(&app).contains(" matches"), "{}", prompt(&app));
    // Three letters found only scattered through long texts are not a match worth offering.
    press(&mut app, "esc ctrl-p type:qwe");
    let Overlay::Picker(picker) = &app.overlay else { panic!("picking") };
    assert!(
        picker.results.is_empty(),
        "{:?}",
        picker.results.iter().map(|r| picker.entry_at(r.0).unwrap().1.label.clone()).collect::<Vec<_>>()
    );
    assert!(prompt(&app).contains("no match"), "{}", prompt(&app));
    // Letters close together in a name still find it.
    press(&mut app, "esc ctrl-p type:bdn");
    let Overlay::Picker(picker) = &app.overlay else { panic!("picking") };
    let found = |id: &str| (0..picker.results.len()).any(|r| app.brief().id_of(picker.entry(r).unwrap().1.item) == id);
    assert!(found("biden"), "Biden is offered for bdn");
}

#[test]
fn help_opens_and_closes() {
    let mut app = sample_app();
    press(&mut app, "?");
    assert!(matches!(app.overlay, Overlay::Help { .. }));
    press(&mut app, "j pgdn q");
    assert!(matches!(app.overlay, Overlay::None));
    press(&mut app, "? esc");
    assert!(matches!(app.overlay, Overlay::None));
}

#[test]
fn help_wraps_to_the_screen_says_where_it_is_and_explains_every_symbol() {
    for width in [30, 40, 60, 80, 120] {
        let mut app = app_with(vec![sample_loaded()], width, 24);
        press(&mut app, "?");
        let rows = drawn(&app);
        // The help's box, from its top left corner to its right edge.
        let left = rows[1].chars().position(|c| c == '┌').unwrap();
        let right = left + rows[1].chars().skip(left).position(|c| c == '┐').unwrap();
        let boxed = |row: &String| row.chars().skip(left).take(right + 1 - left).collect::<String>();
        let screen = rows[1..rows.len() - 1].iter().map(boxed).collect::<Vec<_>>().join("\n");
        assert!(!screen.contains('…'), "nothing cut at {width} columns:\n{screen}");
        let footer = &rows[rows.len() - 2];
        assert!(footer.contains("1–") && footer.contains(" ↓ "), "more below, and it says so: {footer}");
        press(&mut app, "G");
        let rows = drawn(&app);
        let footer = &rows[rows.len() - 2];
        assert!(footer.contains(" ↑ ") && !footer.contains('↓'), "at the end: {footer}");
    }
    // Tall enough for the keys of the lists and the legend after them.
    let mut app = app_with(vec![sample_loaded()], 100, 90);
    press(&mut app, "?");
    let screen = drawn(&app).join("\n");
    for symbol in ["•", "+ - = ± ?", "*", "·", "[disputed]", "(reported)", "“ ”", "␛ [RLO]"] {
        assert!(screen.contains(symbol), "the legend explains {symbol}:\n{screen}");
    }
}

#[test]
fn help_opens_on_the_keys_of_where_it_was_opened() {
    let mut app = sample_app();
    press(&mut app, "m j l ?");
    assert!(drawn(&app)[2].contains("Stance matrix"), "{:?}", drawn(&app));
    // Closing the help goes back to the matrix it was opened over, where it was.
    press(&mut app, "esc");
    assert!(matches!(app.overlay, Overlay::Matrix(state) if state.row == 1 && state.column == 1));
    press(&mut app, "esc enter ?");
    assert!(drawn(&app)[2].contains("Detail pane"), "{:?}", drawn(&app));
    // Half a page is half a page.
    let Overlay::Help { scroll: top, .. } = app.overlay else { panic!("the help") };
    press(&mut app, "ctrl-d");
    let Overlay::Help { scroll: half, .. } = app.overlay else { panic!("the help") };
    press(&mut app, "pgdn");
    let Overlay::Help { scroll: further, .. } = app.overlay else { panic!("the help") };
    assert_eq!((half - top) * 2, further - half, "Ctrl-d goes half as far as PgDn");
}

#[test]
fn brackets_switch_briefs_and_one_brief_says_so() {
    let mut app = sample_app();
    press(&mut app, "]");
    assert_eq!(app.current, 0);
    assert!(app.message.as_deref().unwrap().contains("only one brief"));
    let mut two = app_with(vec![sample_loaded(), sample_loaded()], 80, 24);
    press(&mut two, "enter j ]");
    assert_eq!(two.current, 1);
    assert_eq!(selected_id(&two, Pane::Actors), "putin", "the selection goes along by id");
    press(&mut two, "j [");
    assert_eq!(selected_id(&two, Pane::Actors), "peskov");
}

#[test]
fn quitting_and_suspending_are_effects_for_the_runtime() {
    let mut app = sample_app();
    press(&mut app, "ctrl-z");
    assert_eq!(app.effects, [Effect::Suspend]);
    app.effects.clear();
    press(&mut app, "q");
    assert_eq!(app.effects, [Effect::Quit]);
    let mut app = sample_app();
    press(&mut app, "/ type:q ctrl-c");
    assert_eq!(app.effects, [Effect::Quit], "Ctrl-c quits even while typing");
}

#[test]
fn e_and_y_pass_on_what_is_in_view() {
    let mut app = sample_app();
    press(&mut app, "j f 4");
    assert_eq!(
        app.selection_in_view(),
        Selection::Items(
            Section::Quotes,
            (0..app.row_count(Pane::Quotes)).map(|r| app.item_at(Pane::Quotes, r).unwrap()).collect()
        )
    );
    press(&mut app, "y");
    let [Effect::Copy { text, items }] = app.effects.as_slice() else { panic!("one copy: {:?}", app.effects) };
    assert!(text.contains("red line"));
    assert_eq!(*items, app.row_count(Pane::Quotes));
    // The runtime says where the text went; the status line says no more than that.
    let (items, to) = (*items, brief::tui::clipboard::Copied::AskedTerminal);
    app.update(Action::Copied { items, to });
    let message = app.message.clone().unwrap();
    assert!(message.starts_with("asked the terminal to copy") && message.contains("do not confirm"), "{message}");
    app.update(Action::Copied { items: 1, to: brief::tui::clipboard::Copied::TmuxBuffer });
    assert!(app.message.as_deref().unwrap().starts_with("copied 1 item to tmux's paste buffer"));
    press(&mut app, "enter");
    let quote = app.detail_item().unwrap();
    assert_eq!(app.selection_in_view(), Selection::Related(quote), "in the detail pane, the item and its references");
    // An actor read in the detail pane is exported as the dossier `brief export --related` gives.
    go_to(&mut app, "lavrov");
    app.effects.clear();
    press(&mut app, "enter y");
    let [Effect::Copy { text, .. }] = app.effects.as_slice() else { panic!("one copy: {:?}", app.effects) };
    let cli = brief::export::export(
        app.brief(),
        &app.opened().index,
        &Selection::Related(app.detail_item().unwrap()),
        &brief::export::Options::default(),
    );
    assert_eq!(text, &cli);
    assert!(text.contains("What they said"), "{text}");
}

#[test]
fn the_export_dialog_writes_once_and_asks_before_replacing() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = sample_app();
    app.export_dir = folder.path().to_path_buf();
    go_to(&mut app, "lavrov");
    press(&mut app, "f 4 e");
    let Overlay::Dialog(dialog) = &app.overlay else { panic!("the dialog is open") };
    assert_eq!(dialog.path, "biden-putin-call-2021-12-quotes.txt");
    press(&mut app, "tab");
    let Overlay::Dialog(dialog) = &app.overlay else { panic!() };
    assert_eq!(dialog.path, "biden-putin-call-2021-12-quotes.md", "the default follows the format");
    press(&mut app, "tab tab enter");
    let written = folder.path().join("biden-putin-call-2021-12-quotes.txt");
    let text = std::fs::read_to_string(&written).expect("written");
    assert!(text.contains("We can’t fail to respond."));
    assert!(!text.contains("Our objective here"), "only what the filter shows");
    assert!(app.message.as_deref().unwrap().starts_with("wrote 3 items"), "{:?}", app.message);
    press(&mut app, "e enter");
    assert!(matches!(app.overlay, Overlay::Dialog(_)), "an existing file needs a second Enter");
    press(&mut app, "esc");
    assert!(matches!(app.overlay, Overlay::None));
}

#[test]
fn a_failed_export_is_reported_and_loses_nothing() {
    let mut app = sample_app();
    app.export_dir = std::path::PathBuf::from("/nonexistent/folder");
    press(&mut app, "e enter");
    let Overlay::Dialog(dialog) = &app.overlay else { panic!("the dialog stays open") };
    assert!(dialog.error.as_deref().unwrap().contains("no such folder"), "{:?}", dialog.error);
    assert_eq!(dialog.path, "biden-putin-call-2021-12-actors.txt");
}

#[test]
fn a_click_selects_the_row_and_the_wheel_scrolls() {
    let mut app = sample_app();
    // At 80x24: header, tab row, then the Actors pane with its border at row 2.
    app.update(Action::Click { column: 10, row: 5 });
    assert_eq!(selected_id(&app, Pane::Actors), "peskov");
    app.update(Action::ScrollDown { column: 10, row: 5 });
    assert_eq!(selected_id(&app, Pane::Actors), "lavrov", "three rows down");
    app.update(Action::Click { column: 15, row: 1 });
    assert_eq!(app.nav().active, Pane::Claims, "the tab row");
}

/// The sample written to a file of its own, opened as the reader opens files.
fn app_on_file(folder: &std::path::Path) -> (App, std::path::PathBuf) {
    let path = folder.join("brief.yaml");
    std::fs::write(&path, brief::sample::portable()).unwrap();
    let file = brief::load::load_file(&path).unwrap();
    let brief = file.into_valid_briefs().pop().unwrap();
    let loaded = brief::tui::Opened::from_file("brief.yaml".into(), brief, path.clone(), 0);
    (app_with(vec![loaded], 80, 24), path)
}

#[test]
fn reloading_picks_up_edits_and_keeps_the_selection_by_id() {
    let folder = tempfile::tempdir().unwrap();
    let (mut app, path) = app_on_file(folder.path());
    go_to(&mut app, "lavrov");
    // An actor added above Lavrov moves him down a row; his quote gets new words.
    let edited = brief::sample::portable()
        .replacen("actors:\n", "actors:\n  - id: newcomer\n    name: A Newcomer\n    summary: x\n", 1)
        .replace("We can’t fail to respond.", "We cannot fail to respond.")
        .replace("    mentions: [united-states]\n    date: 2021-12-02\n    source: aljazeera-2021-12-06\n    at: para 19\n\n  # Washington", "    mentions: [united-states, newcomer]\n    date: 2021-12-02\n    source: aljazeera-2021-12-06\n    at: para 19\n\n  # Washington");
    assert!(edited.contains("newcomer]"), "the edit refers to the newcomer, so the brief stays clean");
    std::fs::write(&path, edited).unwrap();
    press(&mut app, "r");
    assert!(app.message.as_deref().unwrap().starts_with("reloaded brief.yaml"), "{:?}", app.message);
    assert_eq!(app.row_count(Pane::Actors), 22);
    assert_eq!(selected_id(&app, Pane::Actors), "lavrov");
    assert!(app.brief().quotes.iter().any(|q| &*q.text == "We cannot fail to respond."));
}

#[test]
fn a_brief_whose_file_is_gone_or_broken_stays_as_loaded_and_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let (mut app, path) = app_on_file(folder.path());
    press(&mut app, "j j");
    std::fs::write(&path, "brief: 1\nid: [broken\n").unwrap();
    press(&mut app, "r");
    let message = app.message.clone().unwrap();
    assert!(message.contains("still showing what was loaded"), "{message}");
    assert_eq!(selected_id(&app, Pane::Actors), "peskov");
    std::fs::remove_file(&path).unwrap();
    press(&mut app, "r");
    let message = app.message.clone().unwrap();
    assert!(message.contains("no such file or folder; still showing what was loaded"), "{message}");
    std::fs::create_dir(&path).unwrap();
    press(&mut app, "r");
    assert!(app.message.as_deref().unwrap().contains("still showing what was loaded"), "{:?}", app.message);
    assert_eq!(app.row_count(Pane::Quotes), 34, "nothing was lost");
    press(&mut app, "j");
    assert_eq!(selected_id(&app, Pane::Actors), "psaki", "and the reader goes on");
}

#[test]
fn the_bundled_sample_has_no_file_to_reload() {
    let mut app = sample_app();
    press(&mut app, "r");
    assert!(app.message.as_deref().unwrap().contains("nothing to reload"));
}

/// tests/data/harbour.yaml copied with its source text into a folder of the test's own.
fn harbour_app(folder: &std::path::Path) -> App {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for name in ["harbour.yaml", "harbour-source.txt"] {
        std::fs::copy(data.join(name), folder.join(name)).unwrap();
    }
    let path = folder.join("harbour.yaml");
    let brief = brief::load::load_file(&path).unwrap().into_valid_briefs().pop().expect("the harbour brief is valid");
    app_with(vec![brief::tui::Opened::from_file("harbour.yaml".into(), brief, path, 0)], 100, 40)
}

fn detail_text(app: &App) -> String {
    brief::tui::detail_rows::detail_rows(app, 80)
        .from(0)
        .filter_map(|row| match row {
            brief::tui::detail_rows::DetailRow::Text(line) => Some(line.to_string()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_quote_shows_in_the_paragraph_of_its_source() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = harbour_app(folder.path());
    press(&mut app, "4 j");
    let text = detail_text(&app);
    assert!(text.contains("in context (harbour-source.txt)"), "{text}");
    let paragraph = text.replace('\n', " ");
    assert!(
        paragraph.contains("called the toll \"a tax on the east end dressed up as repairs\" and promised"),
        "{text}"
    );
    assert!(!text.contains("Mayor Ines Ruiz"), "only the quote's own paragraph: {text}");
}

#[test]
fn a_source_file_gone_since_loading_is_said_once_and_the_brief_stays() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = harbour_app(folder.path());
    std::fs::remove_file(folder.path().join("harbour-source.txt")).unwrap();
    press(&mut app, "4");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("cannot read harbour-source.txt, the source's text: no such file"), "{message}");
    assert!(detail_text(&app).contains("unavailable: no such file or folder"));
    press(&mut app, "j");
    assert!(app.message.is_none(), "said once");
    assert_eq!(detail_id(&app), "q-okafor");
}

#[test]
fn reloading_keeps_every_panes_rows_in_view_where_they_were() {
    let folder = tempfile::tempdir().unwrap();
    let (mut app, _path) = app_on_file(folder.path());
    press(&mut app, "j j j j j j");
    press(&mut app, "3 G 4 j j j 1");
    let before: Vec<_> = app.nav().panes.to_vec();
    let actor = selected_id(&app, Pane::Actors);
    assert_eq!(before[0].offset, 0, "six rows down still shows the first actor");
    assert!(before[2].offset > 0, "the bottom of the positions is scrolled to");
    press(&mut app, "r");
    assert_eq!(app.nav().panes.to_vec(), before, "the same rows stay in view in every pane");
    assert_eq!(selected_id(&app, Pane::Actors), actor);
}

#[test]
fn reloading_a_shorter_list_leaves_no_blank_rows_above_its_end() {
    let folder = tempfile::tempdir().unwrap();
    let (mut app, path) = app_on_file(folder.path());
    press(&mut app, "3 G");
    let page = app.list_page();
    // The last five positions go: the cursor's item is gone, so it moves to the nearest row.
    let text = brief::sample::portable();
    let (start, end) = (text.find("\npositions:\n").unwrap(), text.find("\nquotes:\n").unwrap());
    let kept: Vec<&str> = text[start..end].split("\n  - id: ").take(11).collect();
    let text = format!("{}{}\n{}", &text[..start], kept.join("\n  - id: "), &text[end..]);
    std::fs::write(&path, &text).unwrap();
    press(&mut app, "r");
    assert_eq!(app.row_count(Pane::Positions), 10, "{:?}", app.message);
    let state = app.nav().panes[Pane::Positions as usize];
    assert_eq!(state.cursor, 9, "the cursor's item is gone: the nearest row, the last");
    assert!(state.offset + page <= 10.max(page), "no blank rows while items could fill them: {state:?}");
}

#[test]
fn reloading_while_reading_the_detail_stays_in_the_detail() {
    let folder = tempfile::tempdir().unwrap();
    let (mut app, _path) = app_on_file(folder.path());
    press(&mut app, "j enter j");
    assert_eq!(app.nav().focus, Focus::Detail);
    let cursor = app.nav().detail.cursor;
    press(&mut app, "r");
    assert_eq!(app.nav().focus, Focus::Detail, "{:?}", app.message);
    assert_eq!(detail_id(&app), "putin");
    assert_eq!(app.nav().detail.cursor, cursor, "the same reference under the cursor");
    // A topic read in the detail pane stays too.
    go_to(&mut app, "nato-expansion");
    press(&mut app, "enter r");
    assert_eq!((app.nav().focus, detail_id(&app).as_str()), (Focus::Detail, "nato-expansion"));
}

#[test]
fn a_pane_hidden_during_a_resize_shows_its_cursor_when_focused() {
    let mut app = app_with(vec![sample_loaded()], 160, 48);
    press(&mut app, "3 G 1");
    app.update(Action::Resize(80, 24));
    press(&mut app, "3");
    let state = app.nav().panes[Pane::Positions as usize];
    let page = app.list_page();
    assert!(state.offset <= state.cursor && state.cursor < state.offset + page, "{state:?} in {page} rows");
}

#[test]
fn reported_speech_shows_the_paragraph_it_cites_and_is_not_called_missing() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = harbour_app(folder.path());
    let path = folder.path().join("harbour.yaml");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "positions:\n",
        "  - id: q-council\n    speaker: ruiz\n    kind: indirect\n    text: The council will weigh a toll.\n    \
         source: gazette\n    at: para 2\n  - id: q-vague\n    speaker: ruiz\n    kind: indirect\n    \
         text: Repairs start soon.\n    source: gazette\npositions:\n",
    );
    std::fs::write(&path, text).unwrap();
    press(&mut app, "r");
    assert!(app.message.as_deref().unwrap_or("").starts_with("reloaded"), "{:?}", app.message);
    go_to(&mut app, "q-council");
    let text = detail_text(&app);
    assert!(!text.contains("not in this text"), "{text}");
    assert!(text.contains("(harbour-source.txt, para 2)"), "{text}");
    assert!(
        text.replace('\n', " ").contains("The council met on Tuesday to weigh a toll"),
        "the cited paragraph: {text}"
    );
    assert!(!text.contains("Mayor Ines Ruiz"), "only that paragraph: {text}");
    go_to(&mut app, "q-vague");
    let text = detail_text(&app);
    assert!(!text.contains("not in this text"), "{text}");
    assert!(text.contains("reported speech is not matched word for word"), "{text}");
}

#[test]
fn the_matrix_uses_the_width_to_show_whole_topic_labels() {
    let mut app = app_with(vec![sample_loaded()], 120, 40);
    press(&mut app, "m");
    let rows = drawn(&app);
    let grid = rows.iter().position(|row| row.contains("Joe Biden") && row.contains('?')).expect("the first row");
    // Inside the matrix's frame only: the panes beneath show at its edges.
    let inside = |row: &String| row.chars().skip(2).take(row.chars().count().saturating_sub(4)).collect::<String>();
    let header = rows[..grid].iter().rev().take(3).map(inside).collect::<Vec<_>>().join(" ");
    assert!(!header.contains('…'), "no label cut at 120 columns: {header}");
    for topic in &app.brief().topics {
        for word in topic.label.split([' ', '-']) {
            assert!(header.contains(word), "{word} of {} in {header}", topic.label);
        }
    }
}

#[test]
fn a_reload_with_errors_names_the_first_and_d_lists_them_all() {
    let folder = tempfile::tempdir().unwrap();
    let (mut app, path) = app_on_file(folder.path());
    let broken = brief::sample::portable().replacen("    speaker: lavrov\n", "    speaker: lavorv\n", 1).replacen(
        "    speaker: psaki\n",
        "    speaker: psaky\n",
        1,
    );
    std::fs::write(&path, &broken).unwrap();
    let (line, column) =
        broken.lines().enumerate().find_map(|(n, l)| l.find("lavorv").map(|c| (n + 1, c + 1))).unwrap();
    press(&mut app, "r");
    let message = app.message.clone().unwrap();
    // The file as it was named when opened (here a path in a temporary folder), then the place.
    let place = format!("{}:{line}:{column}: unknown actor 'lavorv'", path.display());
    assert!(message.starts_with(&place), "{message}");
    assert!(message.contains("1 of 2 errors") && message.contains("D lists them"), "{message}");
    assert!(drawn(&app)[0].contains("2 errors"), "the header says the file is broken: {}", drawn(&app)[0]);
    press(&mut app, "j D");
    assert!(matches!(app.overlay, Overlay::Problems { .. }));
    let screen = drawn(&app).join("\n");
    assert!(screen.contains("error[E014]: unknown actor 'lavorv'"), "{screen}");
    assert!(
        screen.contains(&format!("brief.yaml:{line}:{column}\n"))
            || screen.contains(&format!("brief.yaml:{line}:{column} ")),
        "{screen}"
    );
    press(&mut app, "G esc");
    assert!(matches!(app.overlay, Overlay::None));
    // The next good read clears them.
    std::fs::write(&path, brief::sample::portable()).unwrap();
    press(&mut app, "r D");
    assert!(matches!(app.overlay, Overlay::None));
    assert!(app.message.as_deref().unwrap().contains("no problems"), "{:?}", app.message);
    assert!(!drawn(&app)[0].contains("errors"));
}

#[test]
fn reading_the_detail_keeps_the_selected_row_in_view_of_the_smaller_list() {
    let mut app = sample_app();
    press(&mut app, "j j j j j j j j");
    let row = app.nav().panes[0].cursor;
    press(&mut app, "enter");
    let (state, page) = (app.nav().panes[0], app.list_page());
    assert!(page < 10, "at 80x24 the list is smaller while the detail has the keyboard: {page}");
    assert_eq!(state.cursor, row);
    assert!(state.offset <= row && row < state.offset + page, "{state:?} in {page} rows");
}

/// A small brief whose events are written out of date order and whose items cite two sources.
fn desk_app() -> App {
    let yaml = r#"brief: 1
id: desk
title: Harbour toll
date: 2024-03-12
sources:
  - {id: gazette, title: Harbour Gazette, reliability: B}
  - {id: radio, title: Harbour Radio, reliability: C}
topics:
  - {id: toll, label: The harbour toll}
  - {id: ferry, label: The ferry timetable}
actors:
  - {id: ruiz, name: Ines Ruiz}
  - {id: okafor, name: Sam Okafor}
  - {id: lee, name: Dana Lee}
claims:
  - {id: c-cost, text: The repairs cost two million., by: [okafor], topic: toll, source: gazette}
  - {id: c-late, text: The ferry runs late., by: [lee], topic: ferry, source: radio}
positions:
  - {id: p-ruiz, actor: ruiz, topic: toll, stance: opposes, text: Against the toll., source: gazette}
  - {id: p-okafor, actor: okafor, topic: toll, stance: supports, text: For the toll., source: radio}
  - {id: p-lee, actor: lee, topic: ferry, stance: unclear, text: Undecided., source: radio}
quotes:
  - {id: q-ruiz, speaker: ruiz, kind: indirect, text: The toll is a tax., source: gazette}
events:
  - {id: e-vote, date: 2024-03-20, text: Council votes on the toll., status: scheduled, actors: [ruiz, okafor], source: gazette}
  - {id: e-meeting, date: 2024-03-05, text: Council meets., actors: [okafor], source: radio}
  - {id: e-today, date: 2024-03-12, text: Ruiz speaks to the press., actors: [ruiz], source: gazette}
  - {id: e-plan, date: 2023, text: The repair plan is drawn up., actors: [lee]}
  - {id: e-ferry, date: 2024-03-15, text: A ferry strike., status: cancelled, actors: [lee]}
"#;
    let brief = brief::load::load_text(brief::load::Origin::Stdin, yaml.to_string())
        .into_valid_briefs()
        .pop()
        .expect("the desk brief is valid");
    app_with(vec![brief::tui::Opened::new("desk".into(), brief)], 80, 24)
}

#[test]
fn the_events_pane_is_a_timeline_whatever_order_the_file_has() {
    let mut app = desk_app();
    press(&mut app, "5");
    assert_eq!(shown_ids(&app, Pane::Events), ["e-plan", "e-meeting", "e-today", "e-ferry", "e-vote"]);
    assert_eq!(selected_id(&app, Pane::Events), "e-vote", "it opens on what happens next: not what was cancelled");
    press(&mut app, "g");
    assert_eq!(selected_id(&app, Pane::Events), "e-plan");
    let screen = drawn(&app).join("\n");
    assert!(
        screen.contains("20 Mar 2024 ▶ [scheduled] Council votes on the toll. · Ines Ruiz, Sam Okafor"),
        "{screen}"
    );
    assert!(screen.contains("12 Mar 2024 ◆ Ruiz speaks to the press."), "on the brief's date: {screen}");
    assert!(screen.contains("5 Mar 2024    Council meets."), "before it, no mark: {screen}");
    // A search and n/N go down the timeline, not the file.
    assert!(screen.contains("15 Mar 2024 ▶ [cancelled] A ferry strike."), "{screen}");
    press(&mut app, "g / type:council enter");
    assert_eq!(selected_id(&app, Pane::Events), "e-meeting");
    press(&mut app, "n");
    assert_eq!(selected_id(&app, Pane::Events), "e-vote");
    // Filtered, it stays in date order.
    press(&mut app, "1 j f 5");
    assert_eq!(shown_ids(&app, Pane::Events), ["e-meeting", "e-vote"], "Okafor's events");
}

#[test]
fn a_source_marks_every_item_citing_it() {
    let mut app = desk_app();
    press(&mut app, "6 j");
    assert_eq!(selected_id(&app, Pane::Sources), "radio");
    assert_eq!(marked_ids(&app, Pane::Claims), ["c-late"]);
    assert_eq!(marked_ids(&app, Pane::Positions), ["p-okafor", "p-lee"]);
    assert!(marked_ids(&app, Pane::Quotes).is_empty());
    assert_eq!(marked_ids(&app, Pane::Events), ["e-meeting"]);
    // The same from the detail pane, and f narrows every list to them.
    press(&mut app, "enter");
    assert_eq!(marked_ids(&app, Pane::Positions), ["p-okafor", "p-lee"]);
    press(&mut app, "f");
    assert_eq!(shown_ids(&app, Pane::Positions), ["p-okafor", "p-lee"]);
    assert_eq!(shown_ids(&app, Pane::Sources), ["radio"]);
}

#[test]
fn a_topic_marks_its_positions_claims_and_the_actors_holding_them() {
    let mut app = desk_app();
    press(&mut app, "7");
    assert_eq!(selected_id(&app, Pane::Topics), "toll");
    assert_eq!(marked_ids(&app, Pane::Positions), ["p-ruiz", "p-okafor"]);
    assert_eq!(marked_ids(&app, Pane::Claims), ["c-cost"]);
    assert_eq!(marked_ids(&app, Pane::Actors), ["ruiz", "okafor"]);
    let screen = drawn(&app).join("\n");
    assert!(screen.contains("The harbour toll · 1 support · 1 oppose"), "the stance tally: {screen}");
    press(&mut app, "j");
    assert_eq!(marked_ids(&app, Pane::Actors), ["lee"]);
}

#[test]
fn an_event_marks_its_actors() {
    let mut app = desk_app();
    press(&mut app, "5 G");
    assert_eq!(selected_id(&app, Pane::Events), "e-vote");
    assert_eq!(marked_ids(&app, Pane::Actors), ["ruiz", "okafor"]);
    assert_eq!(marked_ids(&app, Pane::Sources), ["gazette"]);
}

#[test]
fn the_overview_shows_the_bottom_line_and_opens_a_source() {
    let mut app = sample_app();
    app.update(Action::Resize(100, 60));
    press(&mut app, "i");
    let screen = drawn(&app).join("\n");
    for shown in [
        "Bottom line",
        "The day before a Biden-Putin video call",
        "prepared by brief sample desk",
        "tags: ukraine, russia",
        "1 Actors 21 · 2 Claims 17",
        "Al Jazeera · 6 Dec 2021 · B: usually reliable · cited by 71 items",
    ] {
        assert!(screen.contains(shown), "{shown}: {screen}");
    }
    press(&mut app, "enter");
    assert_eq!((app.nav().active, detail_id(&app).as_str()), (Pane::Sources, "aljazeera-2021-12-06"));
    assert_eq!(app.nav().focus, Focus::Detail);
    press(&mut app, "backspace");
    assert!(matches!(app.overlay, Overlay::Overview(_)), "back returns to the overview");
    // e and y pass the overview on, as `brief export --section overview` gives it.
    press(&mut app, "y");
    let [Effect::Copy { text, .. }] = app.effects.as_slice() else { panic!("one copy: {:?}", app.effects) };
    assert!(text.contains("The day before a Biden-Putin video call"), "{text}");
    app.update(Action::Copied { items: 1, to: brief::tui::clipboard::Copied::TmuxBuffer });
    assert!(app.message.as_deref().unwrap_or("").starts_with("copied"), "{:?}", app.message);
    press(&mut app, "e");
    let Overlay::Dialog(dialog) = &app.overlay else { panic!("the export dialog") };
    assert_eq!(dialog.path, "biden-putin-call-2021-12-overview.txt");
    press(&mut app, "esc");
    assert!(matches!(app.overlay, Overlay::Overview(_)), "closing the dialog returns to the overview");
    press(&mut app, "esc");
    assert!(matches!(app.overlay, Overlay::None));
    press(&mut app, "i 5");
    assert_eq!(
        (app.nav().active, matches!(app.overlay, Overlay::None)),
        (Pane::Events, true),
        "a number opens its list"
    );
}

#[test]
fn a_bundled_quote_shows_in_its_paragraph_not_beside_the_texts_front_matter() {
    let mut app = bundled_app(100, 40);
    press(&mut app, "]");
    go_to(&mut app, "q-allies-dec6-concern");
    let text = detail_text(&app);
    assert!(text.contains("in context (sources/wh-readout-european-allies-2021-12-06.txt)"), "{text}");
    assert!(text.contains("shared concern about the Russian military build-up"), "{text}");
    assert!(!text.contains("published_time"), "a line of spaces ends the front matter's paragraph: {text}");
}

#[test]
fn the_timeline_lines_up_its_days_and_leaves_the_time_to_the_detail() {
    let mut app = bundled_app(100, 40);
    press(&mut app, "] ] 5");
    go_to(&mut app, "e-marine-one-remarks");
    let screen = drawn(&app).join("\n");
    // `+`: new since the brief of 7 December, which this one follows.
    assert!(screen.contains("│ + 8 Dec 2021    On the South Lawn"), "the day, aligned with the others: {screen}");
    assert!(detail_text(&app).contains("8 Dec 2021, 10:59 UTC-05:00"), "the time in the detail");
}

#[test]
fn a_reload_that_empties_the_list_in_view_leaves_nothing_of_the_old_brief() {
    let folder = tempfile::tempdir().unwrap();
    let (mut app, path) = app_on_file(folder.path());
    press(&mut app, "5 enter");
    assert!(!app.detail_groups().is_empty(), "the event's actors and source");
    // Nothing refers to events: without them the brief still loads, and the timeline is empty.
    let text = brief::sample::portable();
    std::fs::write(&path, &text[..text.find("\nevents:\n").unwrap() + 1]).unwrap();
    press(&mut app, "r");
    assert!(app.message.as_deref().unwrap_or("").starts_with("reloaded"), "{:?}", app.message);
    assert_eq!(app.row_count(Pane::Events), 0);
    assert!(app.detail_groups().is_empty(), "no references of the event that is gone");
    assert!(marked_ids(&app, Pane::Actors).is_empty(), "no marks of it either");
    let screen = drawn(&app).join("\n");
    assert!(screen.contains("nothing selected"), "{screen}");
}

#[test]
fn on_a_wide_screen_the_list_the_keyboard_is_in_is_the_one_shown() {
    let mut app = app_with(vec![sample_loaded()], 200, 50);
    press(&mut app, "5 / type:biden enter 6 n");
    assert_eq!(app.nav().active, Pane::Events, "n goes back to the list searched");
    let layout = brief::tui::layout::Areas::new(app.screen(), &app);
    assert!(layout.pane(Pane::Events).is_some(), "and that list is on screen");
    assert!(layout.pane(Pane::Sources).is_none());
}

#[test]
fn the_overview_scrolls_back_to_its_title_from_the_first_source() {
    let mut app = app_with(vec![sample_loaded()], 40, 12);
    press(&mut app, "i j");
    let Overlay::Overview(state) = app.overlay else { panic!("the overview") };
    assert!(state.scroll > 0, "a source below the first page brings it into view");
    for _ in 0..40 {
        press(&mut app, "k");
    }
    let Overlay::Overview(state) = app.overlay else { panic!("the overview") };
    assert_eq!(state.scroll, 0, "k goes on up to the title");
    press(&mut app, "G g");
    let Overlay::Overview(state) = app.overlay else { panic!("the overview") };
    assert_eq!(state.scroll, 0, "g is the top");
    app.update(Action::ScrollDown { column: 10, row: 5 });
    let Overlay::Overview(state) = app.overlay else { panic!("the overview") };
    assert_eq!(state.scroll, 3, "the wheel scrolls it");
}

#[test]
fn moving_between_briefs_keeps_the_selected_item_by_id_or_says_it_is_not_there() {
    let mut app = bundled_app(80, 24);
    press(&mut app, "j enter ]");
    assert_eq!(&*app.brief().id, "biden-putin-call-2021-12-07");
    assert_eq!((detail_id(&app).as_str(), app.nav().focus), ("putin", Focus::Detail), "the same actor, still read");
    // Lavrov speaks only on 6 December: the later brief says so and keeps the row.
    press(&mut app, "[");
    go_to(&mut app, "lavrov");
    let row = app.nav().panes[Pane::Actors as usize].cursor;
    press(&mut app, "]");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.ends_with("Sergey Lavrov is not in this brief"), "{message}");
    assert_eq!(app.nav().panes[Pane::Actors as usize].cursor, row, "the nearest row");
    // The timeline's events are followed by id too.
    press(&mut app, "[");
    go_to(&mut app, "e-biden-putin-call");
    press(&mut app, "]");
    assert_eq!(detail_id(&app), "e-biden-putin-call");
    assert_eq!(
        app.brief().events.iter().find(|e| &*e.id == "e-biden-putin-call").unwrap().status.to_string(),
        "occurred"
    );
}

/// The bundled briefs with the 7 December brief (which follows the sample of 6 December) open.
fn seventh(width: u16, height: u16) -> App {
    let mut app = bundled_app(width, height);
    press(&mut app, "]");
    assert_eq!(app.brief().date.to_string(), "2021-12-07");
    app
}

#[test]
fn what_changed_since_the_brief_before_is_marked_counted_and_shown_field_by_field() {
    let mut app = seventh(120, 40);
    let screen = drawn(&app).join("\n");
    assert!(screen.contains(" 79 new · 30 changed since 6 Dec · brief 2/3"), "the header counts: {screen}");
    // The call, scheduled on 6 December, occurred on 7 December: changed, field by field.
    press(&mut app, "5");
    go_to(&mut app, "e-biden-putin-call");
    let screen = drawn(&app).join("\n");
    assert!(screen.contains("~ 7 Dec 2021"), "the call is marked changed: {screen}");
    let text = detail_text(&app);
    assert!(text.contains("~ changed since 6 Dec"), "{text}");
    assert!(text.contains("status: scheduled → occurred"), "{text}");
    assert!(text.contains("[-a-] {+their+}"), "the text word by word: {text}");
    assert!(text.contains("o opens the earlier version"), "{text}");
    // A source new on 7 December is new.
    go_to(&mut app, "wh-readout-2021-12-07");
    assert!(detail_text(&app).contains("+ new since 6 Dec"), "{}", detail_text(&app));
}

#[test]
fn c_shows_only_what_changed_and_keeps_it_per_brief() {
    let mut app = seventh(120, 40);
    press(&mut app, "7");
    let all = app.row_count(Pane::Topics);
    press(&mut app, "c");
    let since = app.since().expect("the 7 Dec brief follows the open 6 Dec brief");
    let changed = since.items[Pane::Topics as usize].len();
    assert!(changed > 0 && changed < all, "{changed} of {all}");
    assert_eq!(app.row_count(Pane::Topics), changed);
    assert!(drawn(&app).join("\n").contains(" only "), "the header says so");
    for row in 0..app.row_count(Pane::Topics) {
        let item = app.item_at(Pane::Topics, row).unwrap();
        assert!(since.glyph(brief::model::ItemRef::new(brief::model::Section::Topics, item)).is_some());
    }
    // The 6 December brief follows nothing: it shows everything, and `c` says why not.
    press(&mut app, "[");
    assert_eq!(app.brief().date.to_string(), "2021-12-06");
    assert_eq!(app.row_count(Pane::Topics), app.brief().topics.len());
    press(&mut app, "c");
    assert!(app.message.as_deref().unwrap_or("").contains("follows no other open brief"), "{:?}", app.message);
    press(&mut app, "]");
    assert_eq!(app.row_count(Pane::Topics), changed, "back on 7 December, still only what changed");
    press(&mut app, "c");
    assert_eq!(app.row_count(Pane::Topics), all);
}

#[test]
fn e_and_y_in_only_what_changed_pass_on_what_brief_diff_writes() {
    let mut app = seventh(120, 40);
    press(&mut app, "c");
    press(&mut app, "y");
    let [Effect::Copy { text, items }] = app.effects.as_slice() else { panic!("one copy: {:?}", app.effects) };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let diffed = assert_cmd::Command::cargo_bin("brief")
        .unwrap()
        .args(["diff", "briefs/biden-putin-call-2021-12.yaml", "briefs/biden-putin-call-2021-12-07.yaml"])
        .current_dir(root)
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"))
        .output()
        .unwrap();
    assert_eq!(text, &String::from_utf8(diffed.stdout).unwrap(), "what `brief diff` prints");
    assert!(text.contains("status: scheduled → occurred"), "{text}");
    assert!(*items > 100, "every item added, removed or changed: {items}");
    press(&mut app, "e");
    let Overlay::Dialog(dialog) = &app.overlay else { panic!("the export dialog: {:?}", app.context()) };
    assert_eq!(dialog.path, "biden-putin-call-2021-12-07-what-changed.txt");
}

#[test]
fn o_opens_the_earlier_version_and_backspace_returns() {
    let mut app = seventh(120, 40);
    press(&mut app, "5");
    go_to(&mut app, "e-biden-putin-call");
    press(&mut app, "o");
    assert_eq!(app.brief().date.to_string(), "2021-12-06", "{:?}", app.message);
    assert_eq!(detail_id(&app), "e-biden-putin-call");
    assert!(detail_text(&app).contains("scheduled"), "the earlier version: {}", detail_text(&app));
    press(&mut app, "backspace");
    assert_eq!(app.brief().date.to_string(), "2021-12-07");
    assert_eq!(app.anchor().map(|i| app.brief().id_of(i).to_string()).as_deref(), Some("e-biden-putin-call"));
}

#[test]
fn since_a_file_marks_a_brief_opened_alone_as_main_does() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(brief::sample::NAME);
    let earlier = brief::cli::earlier_brief(&path).expect("the sample is one valid brief");
    let seventh = brief::sample::load_all().remove(1).into_valid_briefs().remove(0);
    let alone = app_with(vec![Opened::new("7 Dec".into(), seventh.clone())], 120, 40);
    assert!(alone.since().is_none(), "alone, the brief it follows is not open");
    // As main builds it: the reader on the briefs, then the brief of --since.
    let mut app = App::new(vec![Opened::new("7 Dec".into(), seventh)]);
    app.color = false;
    app.since_file = Some(earlier);
    app.update(Action::Resize(120, 40));
    let screen = drawn(&app).join("\n");
    assert!(screen.contains("changed since 6 Dec"), "{screen}");
    press(&mut app, "5");
    go_to(&mut app, "e-biden-putin-call");
    assert!(detail_text(&app).contains("status: scheduled → occurred"), "{}", detail_text(&app));
    press(&mut app, "o");
    assert!(app.message.as_deref().unwrap_or("").contains("--since"), "{:?}", app.message);
}
