//! State tests: the App built from the bundled briefings and a temporary
//! notes folder, driven by actions; assertions on state, effects and disk.

mod common;

use brief::app::{Action, Command, EditKey, Effect, Mode, Pane};
use brief::entities::EntityKind;
use common::{SEED_ID, app, open, seed_open, send, type_input, type_note};

#[test]
fn starts_on_articles_newest_first_and_opens_with_enter() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    assert_eq!(app.focus(), Pane::Articles);
    let dates: Vec<_> = app
        .view()
        .iter()
        .map(|&i| app.briefings()[i].meta.date.clone())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let effects = send(&mut app, &io, Command::Select);
    assert!(matches!(effects[..], [Effect::Open(_)]));
    assert_eq!(app.focus(), Pane::Reader);
    assert!(app.open().is_some());
    assert!(tmp.path().join("data/state.json").exists(), "read state saved");
}

#[test]
fn reader_cursor_moves_by_paragraph_and_position_is_remembered() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::Down);
    send(&mut app, &io, Command::Down);
    let o = app.open().unwrap();
    assert_eq!(o.cursor, 2);
    assert!(o.paragraphs[2].starts_with("Special Envoy Steve Witkoff"));
    send(&mut app, &io, Command::Quit);
    let (mut again, io2) = common::app(tmp.path());
    open(&mut again, &io2, SEED_ID);
    assert_eq!(again.open().unwrap().cursor, 2, "position restored");
    assert!(again.state().read.contains(SEED_ID));
}

#[test]
fn paging_keeps_the_cursor_on_screen() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    common::resize(&mut app, 50, 8);
    open(&mut app, &io, "004_long-report-miami-track.md");
    send(&mut app, &io, Command::PageDown);
    send(&mut app, &io, Command::PageDown);
    let o = app.open().unwrap();
    assert!(o.scroll >= 8, "scrolled {}", o.scroll);
    let rows = o.layout.blocks[o.cursor].clone();
    assert!(
        rows.start >= o.scroll && rows.start < o.scroll + 8,
        "cursor {rows:?} at scroll {}",
        o.scroll
    );
    send(&mut app, &io, Command::Bottom);
    let o = app.open().unwrap();
    assert_eq!(o.scroll, o.max_scroll(8));
    send(&mut app, &io, Command::Top);
    assert_eq!(app.open().unwrap().scroll, 0);
}

#[test]
fn focus_moves_with_tab_and_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    for (action, pane) in [
        (Command::FocusNext, Pane::Reader),
        (Command::FocusNext, Pane::Entities),
        (Command::FocusPrev, Pane::Reader),
        (Command::FocusNotes, Pane::Notes),
        (Command::FocusArticles, Pane::Articles),
    ] {
        send(&mut app, &io, action);
        assert_eq!(app.focus(), pane);
    }
}

#[test]
fn selecting_putin_walks_his_mentions_and_enter_filters_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::FocusEntities);
    let o = app.open().unwrap();
    let putin = o
        .groups
        .iter()
        .position(|g| g.name == "Vladimir Putin")
        .expect("Putin is an entity");
    assert_eq!(o.groups[putin].kind, EntityKind::Person);
    assert_eq!(
        o.groups[putin].mentions.len(),
        2,
        "Vladimir Putin and Putin’s are one entity"
    );
    for _ in 0..putin {
        send(&mut app, &io, Command::Down);
    }
    send(&mut app, &io, Command::FocusReader);
    send(&mut app, &io, Command::NextMention);
    let o = app.open().unwrap();
    let first = o.cursor;
    assert!(o.paragraphs[first].contains("Putin"));
    assert!(app.status().unwrap().text.contains("mention 1 of 2"));
    send(&mut app, &io, Command::NextMention);
    assert!(app.status().unwrap().text.contains("mention 2 of 2"));

    send(&mut app, &io, Command::FocusEntities);
    let effects = send(&mut app, &io, Command::Select);
    assert!(matches!(effects[..], [Effect::EntityQuery { .. }]), "{effects:?}");
    assert_eq!(app.focus(), Pane::Articles);
    let filter = app.entity_filter().expect("filtered by entity");
    assert_eq!(filter.name, "Vladimir Putin");
    let listed: Vec<&str> = app
        .view()
        .iter()
        .map(|&i| app.briefings()[i].id.as_str())
        .collect();
    assert!(listed.len() >= 5, "{listed:?}");
    assert!(listed.contains(&SEED_ID));
    for &i in app.view() {
        let text = std::fs::read_to_string(&app.briefings()[i].path).unwrap();
        assert!(
            text.contains("Putin"),
            "{} listed without naming Putin",
            app.briefings()[i].id
        );
    }
    send(&mut app, &io, Command::Back);
    assert!(app.entity_filter().is_none());
    assert_eq!(app.view().len(), app.briefings().len());
}

#[test]
fn notes_are_added_edited_deleted_and_undone_on_disk_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::Down);
    send(&mut app, &io, Command::Down);
    send(&mut app, &io, Command::AddNote);
    assert!(app.editor().is_some());
    type_note(&mut app, &io, "First line\nsecond line");
    assert!(app.editor().is_none());
    let file = io.notes.file_for(SEED_ID);
    let on_disk: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(on_disk["schema"], 1);
    assert_eq!(on_disk["notes"][0]["text"], "First line\nsecond line");
    assert_eq!(on_disk["notes"][0]["anchor"]["ordinal"], 2);
    assert_eq!(app.notes_count(SEED_ID), 1);
    assert!(app.open().unwrap().block_has_note(2));

    send(&mut app, &io, Command::FocusNotes);
    send(&mut app, &io, Command::EditNote);
    type_note(&mut app, &io, " (checked)");
    let on_disk = std::fs::read_to_string(&file).unwrap();
    assert!(on_disk.contains("second line (checked)"), "{on_disk}");

    send(&mut app, &io, Command::DeleteNote);
    let on_disk: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(on_disk["notes"].as_array().unwrap().len(), 0);
    send(&mut app, &io, Command::Undo);
    let on_disk: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(
        on_disk["notes"].as_array().unwrap().len(),
        1,
        "undo restores the note on disk"
    );
}

#[test]
fn an_empty_note_is_not_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::AddNote);
    type_note(&mut app, &io, "   \n ");
    assert!(app.open().unwrap().notes.notes.is_empty());
    assert!(!io.notes.file_for(SEED_ID).exists());
    assert!(app.status().unwrap().text.contains("empty note not kept"));
}

#[test]
fn notes_pane_enter_jumps_to_the_paragraph() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    for _ in 0..4 {
        send(&mut app, &io, Command::Down);
    }
    send(&mut app, &io, Command::AddNote);
    type_note(&mut app, &io, "leak");
    send(&mut app, &io, Command::Top);
    assert_eq!(app.open().unwrap().cursor, 0);
    send(&mut app, &io, Command::FocusNotes);
    send(&mut app, &io, Command::Select);
    assert_eq!(app.focus(), Pane::Reader);
    assert_eq!(app.open().unwrap().cursor, 4);
}

#[test]
fn a_corrupt_notes_file_is_reported_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    let file = io.notes.file_for(SEED_ID);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "{ \"schema\": 1, broken").unwrap();
    open(&mut app, &io, SEED_ID);
    let status = app.status().cloned().expect("reported");
    assert!(
        status.is_error() && status.text.contains("cannot read notes"),
        "{status:?}"
    );
    send(&mut app, &io, Command::AddNote);
    assert!(app.editor().is_none(), "no editing over a broken file");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "{ \"schema\": 1, broken");
}

#[test]
fn text_filter_and_sort() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    send(&mut app, &io, Command::Filter);
    type_input(&mut app, &io, "umerov");
    send(&mut app, &io, Action::Edit(EditKey::Enter));
    assert_eq!(app.view().len(), 1);
    assert!(app.briefings()[app.view()[0]].meta.title.contains("Umerov"));
    send(&mut app, &io, Command::Back);
    assert_eq!(app.view().len(), app.briefings().len());
    send(&mut app, &io, Command::Sort);
    let titles: Vec<String> = app
        .view()
        .iter()
        .map(|&i| app.briefings()[i].meta.title.to_lowercase())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
}

#[test]
fn help_opens_and_closes_and_swallows_other_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    send(&mut app, &io, Command::Help);
    assert!(matches!(app.mode(), Mode::Help { .. }));
    send(&mut app, &io, Command::Down);
    assert_eq!(app.selected(), 0);
    send(&mut app, &io, Command::Back);
    assert_eq!(*app.mode(), Mode::Normal);
}

#[test]
fn w_watches_an_entity_in_config_and_every_briefing_after_restart() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    std::fs::write(&io.config_file, "# my config\ntheme = \"dark\"\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&io.config_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    open(&mut app, &io, SEED_ID);
    send(&mut app, &io, Command::FocusEntities);
    let o = app.open().unwrap();
    let umerov = o.groups.iter().position(|g| g.name == "Rustem Umerov").unwrap();
    for _ in 0..umerov {
        send(&mut app, &io, Command::Down);
    }
    let effects = send(&mut app, &io, Command::Watch);
    assert!(matches!(&effects[..], [Effect::Watch { name, .. }] if name == "Rustem Umerov"));
    let config = std::fs::read_to_string(&io.config_file).unwrap();
    assert!(config.starts_with("# my config\n"), "comments kept: {config}");
    assert!(config.contains("name = \"Rustem Umerov\""));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&io.config_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644, "w keeps config.toml's mode");
    }
    let o = app.open().unwrap();
    assert!(o.groups.iter().any(|g| g.name == "Rustem Umerov" && g.watched));
    assert_eq!(
        o.selected_group().map(|g| g.name.as_str()),
        Some("Rustem Umerov"),
        "the selection stays on the watched entity"
    );

    // After a restart the watchlist comes from config.toml, in every briefing.
    let (mut again, io2) = common::app(tmp.path());
    open(&mut again, &io2, "005_profile-rustem-umerov.md");
    let o = again.open().unwrap();
    let watched: Vec<&str> = o
        .analysed
        .entities
        .iter()
        .zip(&o.analysed.watched)
        .filter(|(_, w)| **w)
        .map(|(e, _)| e.text(&o.analysed.body.text))
        .collect();
    assert!(watched.len() >= 3, "{watched:?}");
    assert!(watched.iter().all(|w| w.contains("Umerov")), "{watched:?}");
    assert!(
        again
            .watch_hits("005_profile-rustem-umerov.md")
            .contains(&"Rustem Umerov".to_owned())
    );
    assert!(
        again.watch_hits("003_economic-brief.md").is_empty()
            || !std::fs::read_to_string(
                &again
                    .briefings()
                    .iter()
                    .find(|b| b.id == "003_economic-brief.md")
                    .unwrap()
                    .path
            )
            .unwrap()
            .contains("Umerov")
    );
}

#[test]
fn entities_pane_knows_how_many_briefings_name_each_entity() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Action::Start);
    let o = app.open().unwrap();
    let putin = o.groups.iter().position(|g| g.name == "Vladimir Putin").unwrap();
    assert_eq!(
        o.spread[putin],
        Some(9),
        "Putin is named in every bundled briefing"
    );
}

#[test]
fn a_big_briefing_opens_at_once_and_gets_its_entities_from_the_background() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/briefings/000_e339247b8c1bd523.txt"
    ))
    .unwrap();
    let mut big = String::from("Big briefing\n\n");
    while big.len() < 1_100_000 {
        big.push_str(&seed);
        big.push_str("\n\n");
    }
    std::fs::write(store.join("big.txt"), &big).unwrap();
    let briefings = brief::store::scan(&store).unwrap();
    let (jobs, results) = brief::jobs::Jobs::new();
    let io = common::io(tmp.path(), std::slice::from_ref(&store));
    let mut app = brief::app::App::new(
        briefings,
        brief::reading_state::ReadingState::default(),
        std::collections::HashMap::default(),
    );
    common::resize(&mut app, 70, 30);
    brief::effects::dispatch(&mut app, &io, Some(&jobs), Command::Select.into());
    let o = app.open().expect("opened at once");
    assert!(o.analysed.entities.is_empty());
    assert!(o.layout.row_count() > 1000, "the text is laid out");
    assert!(app.status().unwrap().text.contains("finding entities"));
    send(&mut app, &io, Command::Down);
    send(&mut app, &io, Command::Down);
    // Other jobs' answers (the entities' spread) may come first.
    loop {
        let next = results
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("entities arrive");
        let found = matches!(next, Action::EntitiesFound { .. });
        send(&mut app, &io, next);
        if found {
            break;
        }
    }
    let o = app.open().unwrap();
    assert!(o.analysed.entities.len() > 1000);
    assert!(o.groups.iter().any(|g| g.name == "Vladimir Putin"));
    assert_eq!(o.cursor, 2, "the reader keeps its place");
}

#[test]
fn wrap_width_caps_the_reader_measure() {
    let tmp = tempfile::tempdir().unwrap();
    let (app, io) = app(tmp.path());
    let mut app = app.with_wrap_width(40);
    common::resize(&mut app, 90, 30);
    open(&mut app, &io, SEED_ID);
    let o = app.open().unwrap();
    assert_eq!(o.layout.width, 40);
    let rows = o.rows(0..o.layout.row_count());
    assert!(rows.len() > 40 && rows.iter().all(|l| l.width() <= 40));
}

#[test]
fn slash_in_the_reader_searches_and_n_walks_the_matches() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    open(&mut app, &io, "004_long-report-miami-track.md");
    send(&mut app, &io, Command::FocusReader);
    send(&mut app, &io, Command::Filter);
    assert!(
        matches!(app.mode(), Mode::Search { .. }),
        "a Reader search, not the Articles filter"
    );
    type_input(&mut app, &io, "witkoff");
    send(&mut app, &io, Action::Edit(EditKey::Enter));
    let o = app.open().unwrap();
    let first = o.cursor;
    assert!(o.paragraphs[first].to_lowercase().contains("witkoff"));
    let total = o.search.as_ref().unwrap().blocks.len();
    assert!(total >= 2, "{total}");
    assert!(
        app.status()
            .as_ref()
            .unwrap()
            .text
            .contains(&format!("1 of {total}"))
    );
    send(&mut app, &io, Command::NextMention);
    let o = app.open().unwrap();
    assert!(o.cursor > first && o.paragraphs[o.cursor].to_lowercase().contains("witkoff"));
    send(&mut app, &io, Command::Back);
    assert!(app.open().unwrap().search.is_none(), "Esc clears the search");
    assert_eq!(app.focus(), Pane::Reader);
}

#[test]
fn files_added_edited_and_removed_while_open_appear_in_the_list() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::write(
        store.join("a.md"),
        "---\ntitle: First\ndate: 2026-11-20\n---\nKyiv talks.\n",
    )
    .unwrap();
    std::fs::write(
        store.join("b.md"),
        "---\ntitle: Second\ndate: 2026-11-21\n---\nMiami talks.\n",
    )
    .unwrap();
    let io = common::io(tmp.path(), std::slice::from_ref(&store));
    let mut app = brief::app::App::new(
        brief::store::scan(&store).unwrap(),
        brief::reading_state::ReadingState::default(),
        std::collections::HashMap::default(),
    );
    common::resize(&mut app, 60, 20);
    common::select(&mut app, &io, "a.md");
    send(&mut app, &io, Command::Select);
    assert!(app.open().unwrap().paragraphs.iter().any(|p| p.contains("Kyiv")));

    // A new file, an edit to the open one, a removal.
    std::fs::write(
        store.join("c.md"),
        "---\ntitle: Third\ndate: 2026-11-22\n---\nOdesa.\n",
    )
    .unwrap();
    std::fs::write(
        store.join("a.md"),
        "---\ntitle: First\ndate: 2026-11-20\n---\nKharkiv talks now.\n",
    )
    .unwrap();
    std::fs::remove_file(store.join("b.md")).unwrap();
    send(
        &mut app,
        &io,
        Action::StoreChanged(brief::store::scan(&store).unwrap()),
    );
    let titles: Vec<&str> = app
        .view()
        .iter()
        .map(|&i| app.briefings()[i].meta.title.as_str())
        .collect();
    assert_eq!(titles, ["Third", "First"]);
    let o = app.open().unwrap();
    assert_eq!(o.id, "a.md");
    assert!(
        o.paragraphs.iter().any(|p| p.contains("Kharkiv")),
        "the edited open briefing is read again"
    );
}

#[test]
fn capital_s_searches_the_archive_and_a_result_opens_at_its_paragraph() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    send(&mut app, &io, Command::FocusEntities);
    send(&mut app, &io, Command::SearchArchive);
    assert!(matches!(app.mode(), Mode::ArchiveSearch { .. }));
    type_input(&mut app, &io, "dmitriev");
    let effects = send(&mut app, &io, Action::Edit(EditKey::Enter));
    assert!(
        matches!(&effects[..], [Effect::Search(q)] if q == "dmitriev"),
        "{effects:?}"
    );
    let results = app.results().expect("results replace the list");
    assert!(results.hits.len() >= 3, "{:?}", results.hits.len());
    assert_eq!(app.focus(), Pane::Articles);
    send(&mut app, &io, Command::Down);
    let hit = app.results().unwrap().hits[1].clone();
    send(&mut app, &io, Command::Select);
    let o = app.open().expect("the result's briefing opens");
    assert_eq!(o.id, hit.id);
    assert_eq!(o.cursor, hit.paragraph, "at the matching paragraph");
    assert!(o.paragraphs[o.cursor].to_lowercase().contains("dmitriev"));
    let search = o.search.as_ref().expect("the matches are marked");
    assert!(search.terms.iter().any(|t| t.eq_ignore_ascii_case("dmitriev")));
    send(&mut app, &io, Command::FocusArticles);
    send(&mut app, &io, Command::Back);
    assert!(app.results().is_none(), "Esc returns to the list");
}

#[test]
fn a_query_the_index_cannot_run_is_a_one_line_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    send(&mut app, &io, Command::SearchArchive);
    type_input(&mut app, &io, "\"unbalanced");
    send(&mut app, &io, Action::Edit(EditKey::Enter));
    let status = app.status().expect("a message");
    assert!(
        status.is_error() && status.text.starts_with("search:"),
        "{status:?}"
    );
    assert!(!status.text.contains('\n'));
    assert!(app.results().is_none());
}

#[test]
fn a_note_that_cannot_be_saved_survives_switching_briefings_and_is_recovered_on_quit() {
    let tmp = tempfile::tempdir().unwrap();
    // A regular file where the notes folder must be: no save can succeed,
    // whoever runs the test (root included).
    std::fs::write(tmp.path().join("notes"), "in the way").unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::AddNote);
    type_note(&mut app, &io, "do not lose me");
    assert!(app.has_unsaved_notes());
    assert!(app.status().unwrap().is_error());
    open(&mut app, &io, "005_profile-rustem-umerov.md");
    assert!(app.has_unsaved_notes(), "still pending after switching");
    open(&mut app, &io, SEED_ID);
    let o = app.open().unwrap();
    assert_eq!(o.notes.notes.len(), 1, "the note is back with its briefing");
    assert_eq!(o.notes.notes[0].text, "do not lose me");
    send(&mut app, &io, Command::Quit);
    let (files, recovered) = app.unsaved();
    assert_eq!(files.len(), 1);
    assert_eq!(recovered.len(), 1, "written to a recovery file");
    let text = std::fs::read_to_string(&recovered[0]).unwrap();
    assert!(text.contains("do not lose me"), "{text}");
    assert!(
        recovered[0].starts_with(tmp.path().join("data")),
        "{:?}",
        recovered[0]
    );
}

#[test]
fn notes_kept_in_memory_are_saved_once_the_disk_works_again() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes"), "in the way").unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::AddNote);
    type_note(&mut app, &io, "pending");
    assert!(app.has_unsaved_notes());
    std::fs::remove_file(tmp.path().join("notes")).unwrap();
    send(&mut app, &io, Action::Tick);
    assert!(!app.has_unsaved_notes());
    let on_disk = std::fs::read_to_string(io.notes.file_for(SEED_ID)).unwrap();
    assert!(on_disk.contains("pending"));
}

#[test]
fn m_and_star_mark_briefings_and_u_and_quote_show_only_them() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    let all = app.view().len();
    common::select(&mut app, &io, SEED_ID);
    send(&mut app, &io, Command::Star);
    send(&mut app, &io, Command::ToggleRead);
    assert!(app.state().starred.contains(SEED_ID));
    assert!(app.state().read.contains(SEED_ID));
    send(&mut app, &io, Command::StarredOnly);
    let listed: Vec<&str> = app
        .view()
        .iter()
        .map(|&i| app.briefings()[i].id.as_str())
        .collect();
    assert_eq!(listed, [SEED_ID]);
    send(&mut app, &io, Command::UnreadOnly);
    assert_eq!(app.view().len(), all - 1, "every briefing but the one read");
    send(&mut app, &io, Command::UnreadOnly);
    assert_eq!(app.view().len(), all, "the same key again shows all");
    // Kept in the reading state on disk.
    let state = std::fs::read_to_string(tmp.path().join("data/state.json")).unwrap();
    assert!(state.contains("starred") && state.contains(SEED_ID), "{state}");
    common::select(&mut app, &io, SEED_ID);
    send(&mut app, &io, Command::ToggleRead);
    assert!(!app.state().read.contains(SEED_ID), "m again marks it unread");
}

#[test]
fn the_briefing_open_at_quit_opens_again_at_start() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let (mut app, io) = seed_open(tmp.path());
        send(&mut app, &io, Command::Quit);
    }
    let (state, _) = brief::reading_state::ReadingState::load(&tmp.path().join("data"));
    assert_eq!(state.last.as_deref(), Some(SEED_ID));
    let root = common::bundled();
    let io = common::io(tmp.path(), std::slice::from_ref(&root));
    let mut app = brief::app::App::new(
        brief::store::scan(&root).unwrap(),
        state.clone(),
        std::collections::HashMap::default(),
    )
    .with_open_at_start(state.last.clone());
    common::resize(&mut app, 70, 30);
    send(&mut app, &io, Action::Start);
    assert_eq!(app.open().map(|o| o.id.as_str()), Some(SEED_ID));
    assert_eq!(app.focus(), Pane::Reader);
}

#[test]
fn o_lists_the_headings_and_enter_jumps_to_one() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    open(&mut app, &io, "004_long-report-miami-track.md");
    send(&mut app, &io, Command::Outline);
    assert!(matches!(app.mode(), Mode::Outline { selected: 0 }));
    let outline = app.open().unwrap().outline();
    assert!(outline.len() >= 5, "{outline:?}");
    assert_eq!(outline[0].text, "How we got here");
    send(&mut app, &io, Command::Down);
    send(&mut app, &io, Command::Down);
    send(&mut app, &io, Command::Select);
    assert_eq!(*app.mode(), Mode::Normal);
    let o = app.open().unwrap();
    assert_eq!(o.cursor, outline[2].block);
    assert_eq!(o.paragraphs[o.cursor], "Three days in Miami");
    assert_eq!(o.section().as_deref(), Some("Three days in Miami"));
    assert_eq!(app.focus(), Pane::Reader);
}

#[test]
fn a_link_opens_only_after_its_full_address_was_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    open(&mut app, &io, "004_long-report-miami-track.md");
    let links = app.open().unwrap().analysed.body.document.links.clone();
    assert!(!links.is_empty());
    send(&mut app, &io, Command::Link);
    type_input(&mut app, &io, "1");
    let effects = send(&mut app, &io, Action::Edit(EditKey::Enter));
    assert!(effects.is_empty(), "nothing opens on the number alone");
    assert!(matches!(app.mode(), Mode::Link { url: Some(u), .. } if *u == links[0]));
    let effects = send(&mut app, &io, Action::Edit(EditKey::Enter));
    assert!(
        matches!(&effects[..], [Effect::OpenUrl(u)] if *u == links[0]),
        "{effects:?}"
    );
    send(&mut app, &io, Command::Link);
    type_input(&mut app, &io, "99");
    send(&mut app, &io, Action::Edit(EditKey::Enter));
    assert!(app.status().unwrap().text.contains("no link [99]"));
}

#[test]
fn y_copies_the_paragraph_and_capital_y_the_note() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::Down);
    send(&mut app, &io, Command::Down);
    let effects = send(&mut app, &io, Command::Copy);
    let para = app.open().unwrap().paragraphs[2].clone();
    assert!(
        matches!(&effects[..], [Effect::Copy { text, .. }] if *text == para),
        "{effects:?}"
    );
    send(&mut app, &io, Command::AddNote);
    type_note(&mut app, &io, "copy me");
    let effects = send(&mut app, &io, Command::CopyNote);
    assert!(
        matches!(&effects[..], [Effect::Copy { text, .. }] if text == "copy me"),
        "{effects:?}"
    );
}

#[test]
fn slash_filters_the_pane_it_is_typed_in() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    let articles = app.view().len();
    send(&mut app, &io, Command::FocusEntities);
    send(&mut app, &io, Command::Filter);
    assert_eq!(app.focus(), Pane::Entities, "stays in Entities");
    type_input(&mut app, &io, "umerov");
    send(&mut app, &io, Action::Edit(EditKey::Enter));
    assert_eq!(app.view().len(), articles, "Articles untouched");
    let o = app.open().unwrap();
    let shown: Vec<&str> = (0..o.groups.len())
        .filter(|&i| o.group_shown(i))
        .map(|i| o.groups[i].name.as_str())
        .collect();
    assert_eq!(shown, ["Rustem Umerov"]);
    assert_eq!(
        o.selected_group().unwrap().name,
        "Rustem Umerov",
        "the selection moves to a shown entity"
    );
    send(&mut app, &io, Command::Down);
    assert_eq!(
        app.open().unwrap().selected_group().unwrap().name,
        "Rustem Umerov",
        "hidden ones are passed over"
    );
    send(&mut app, &io, Command::Back);
    assert!(app.open().unwrap().entity_query.is_empty(), "Esc clears it");
}

#[test]
fn capital_e_exports_every_note_to_the_file_asked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::AddNote);
    type_note(&mut app, &io, "worth exporting");
    send(&mut app, &io, Command::FocusNotes);
    send(&mut app, &io, Command::ExportNotes);
    assert!(matches!(app.mode(), Mode::Export { .. }));
    let target = tmp.path().join("out/export.md");
    // Replace the offered name with ours.
    for _ in 0..40 {
        send(&mut app, &io, Action::Edit(EditKey::Backspace));
    }
    type_input(&mut app, &io, target.to_str().unwrap());
    send(&mut app, &io, Action::Edit(EditKey::Enter));
    let text = std::fs::read_to_string(&target).expect("written");
    assert!(text.contains("worth exporting"), "{text}");
    assert!(
        text.contains("US and Ukraine call Miami"),
        "with the paragraph: {text}"
    );
    assert!(
        app.status().unwrap().text.contains(target.to_str().unwrap()),
        "says where"
    );
}

#[test]
fn w_again_takes_an_entity_off_the_watchlist() {
    let tmp = tempfile::tempdir().unwrap();
    let config = "# mine\n[[watchlist]]\nname = \"Steve Witkoff\"\nkind = \"PERSON\"\n";
    std::fs::write(tmp.path().join("config.toml"), config).unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::FocusEntities);
    let o = app.open().unwrap();
    let witkoff = o.groups.iter().position(|g| g.name == "Steve Witkoff").unwrap();
    assert!(o.groups[witkoff].watched);
    send(&mut app, &io, Command::Top);
    for _ in 0..witkoff {
        send(&mut app, &io, Command::Down);
    }
    let effects = send(&mut app, &io, Command::Watch);
    assert!(
        matches!(&effects[..], [Effect::Unwatch { name, .. }] if name == "Steve Witkoff"),
        "{effects:?}"
    );
    let config = std::fs::read_to_string(&io.config_file).unwrap();
    assert!(config.starts_with("# mine\n"), "comments kept: {config}");
    assert!(!config.contains("Witkoff"), "{config}");
    let o = app.open().unwrap();
    let g = o.selected_group().unwrap();
    assert_eq!(g.name, "Steve Witkoff", "the selection stays");
    assert!(!g.watched);
    assert!(app.status().unwrap().text.contains("no longer watching"));
}

#[test]
fn l_then_enter_opens_the_paragraphs_only_link() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    open(&mut app, &io, "004_long-report-miami-track.md");
    // Walk to the first paragraph with exactly one link.
    let mut found = None;
    for _ in 0..200 {
        let here = app.open().unwrap().links_here();
        if here.len() == 1 {
            found = Some(here[0]);
            break;
        }
        send(&mut app, &io, Command::Down);
    }
    let n = found.expect("a paragraph with one link");
    let url = app.open().unwrap().analysed.body.document.links[n - 1].clone();
    send(&mut app, &io, Command::Link);
    send(&mut app, &io, Action::Edit(EditKey::Enter));
    assert!(
        matches!(app.mode(), Mode::Link { url: Some(u), .. } if *u == url),
        "{:?}",
        app.mode()
    );
}
