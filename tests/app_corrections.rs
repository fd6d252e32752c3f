//! State tests for correcting the recogniser from the Entities pane: `x`
//! (not an entity), `K` (its kind), `u` (undo), saved to config.toml and
//! applied to the open briefing at once and to every briefing after.

mod common;

use brief::app::{Action, App, Command, EditKey, Effect, Mode, Pane};
use brief::config::ThemeName;
use brief::entities::EntityKind;
use brief::theme::Theme;
use common::{SEED_ID, draw, open, seed_open, select_entity, send};

/// The open briefing's mentions of `name` (what the Reader highlights).
fn mentions(app: &App, name: &str) -> Vec<EntityKind> {
    let o = app.open().unwrap();
    o.analysed
        .entities
        .iter()
        .filter(|e| e.text(&o.analysed.body.text) == name)
        .map(|e| e.kind)
        .collect()
}

fn group_kind(app: &App, name: &str) -> Option<EntityKind> {
    app.open()
        .unwrap()
        .groups
        .iter()
        .find(|g| g.name == name)
        .map(|g| g.kind)
}

/// The Entities pane's title count as drawn ("3 Entities · 26").
fn drawn_count(app: &mut App) -> usize {
    let (buf, _) = draw(app, &Theme::new(ThemeName::Dark, false), 120, 40);
    let screen: String = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .map(|(x, y)| buf[(x, y)].symbol().to_owned())
        .collect();
    let after = screen
        .split("Entities · ")
        .nth(1)
        .expect("the Entities pane is drawn");
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().expect("a count")
}

#[test]
fn x_takes_an_entity_out_of_the_pane_and_the_highlights_and_u_brings_it_back() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("config.toml"), "# mine\ntheme = \"dark\"\n").unwrap();
    let (mut app, io) = seed_open(tmp.path());
    assert_eq!(mentions(&app, "Miami"), [EntityKind::Place; 3]);
    let groups = app.open().unwrap().groups.len();
    let count = drawn_count(&mut app);
    select_entity(&mut app, &io, "Miami");
    let selected = app.open().unwrap().entity_sel;

    let effects = send(&mut app, &io, Command::NotAnEntity);
    assert!(
        matches!(&effects[..], [Effect::Correct { edit, undo: false }] if edit.name == "Miami"),
        "{effects:?}"
    );
    let config = std::fs::read_to_string(&io.config_file).unwrap();
    assert!(
        config.starts_with("# mine\ntheme = \"dark\"\n"),
        "comments kept: {config}"
    );
    assert!(
        config.contains("[[corrections]]\nname = \"Miami\"\nwas = \"PLACE\"\nis = \"not an entity\""),
        "{config}"
    );
    assert!(mentions(&app, "Miami").is_empty(), "no longer highlighted");
    assert_eq!(group_kind(&app, "Miami"), None, "no longer in the pane");
    assert_eq!(app.open().unwrap().groups.len(), groups - 1);
    assert_eq!(drawn_count(&mut app), count - 1);
    assert_eq!(app.focus(), Pane::Entities);
    assert_eq!(
        app.open().unwrap().entity_sel,
        selected,
        "the selection stays on its row"
    );
    let status = app.status().unwrap();
    assert!(status.text.contains("Miami: not an entity"), "{status:?}");
    assert_eq!(status.hint.map(|h| h.0), Some(Command::Undo));

    // u: back as it was, in the pane, the text and the file.
    let effects = send(&mut app, &io, Command::Undo);
    assert!(
        matches!(&effects[..], [Effect::Correct { undo: true, .. }]),
        "{effects:?}"
    );
    assert_eq!(mentions(&app, "Miami"), [EntityKind::Place; 3]);
    assert_eq!(group_kind(&app, "Miami"), Some(EntityKind::Place));
    assert_eq!(app.open().unwrap().groups.len(), groups);
    let config = std::fs::read_to_string(&io.config_file).unwrap();
    assert_eq!(config, "# mine\ntheme = \"dark\"\n");
    assert!(
        app.status()
            .unwrap()
            .text
            .contains("undone: Miami is PLACE again")
    );
    send(&mut app, &io, Command::Undo);
    assert!(
        app.status().unwrap().text.contains("nothing to undo"),
        "one undo per correction"
    );
}

#[test]
fn k_chooses_an_entitys_kind_and_u_undoes_one_step_at_a_time() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    select_entity(&mut app, &io, "Krasnodar");

    let effects = send(&mut app, &io, Command::ChangeKind);
    assert!(effects.is_empty());
    assert!(
        matches!(app.mode(), Mode::ChooseKind { name, kind: EntityKind::Place } if name == "Krasnodar"),
        "{:?}",
        app.mode()
    );
    // Esc leaves it as it was.
    send(&mut app, &io, Action::Edit(EditKey::Escape));
    assert_eq!(*app.mode(), Mode::Normal);
    assert_eq!(group_kind(&app, "Krasnodar"), Some(EntityKind::Place));

    // 2: ORG.
    send(&mut app, &io, Command::ChangeKind);
    send(&mut app, &io, Action::Edit(EditKey::Char('2')));
    assert_eq!(*app.mode(), Mode::Normal);
    assert_eq!(mentions(&app, "Krasnodar"), [EntityKind::Org]);
    assert_eq!(group_kind(&app, "Krasnodar"), Some(EntityKind::Org));
    assert_eq!(
        app.open()
            .unwrap()
            .selected_group()
            .map(|g| (g.name.as_str(), g.kind)),
        Some(("Krasnodar", EntityKind::Org)),
        "the selection follows the entity to its kind"
    );
    let config = std::fs::read_to_string(&io.config_file).unwrap();
    assert!(
        config.contains("name = \"Krasnodar\"\nwas = \"PLACE\"\nis = \"ORG\""),
        "{config}"
    );

    // Again, 1: PERSON — the same entry changes.
    send(&mut app, &io, Command::ChangeKind);
    send(&mut app, &io, Action::Edit(EditKey::Char('1')));
    assert_eq!(mentions(&app, "Krasnodar"), [EntityKind::Person]);
    let config = std::fs::read_to_string(&io.config_file).unwrap();
    assert_eq!(config.matches("[[corrections]]").count(), 1, "{config}");
    assert!(config.contains("is = \"PERSON\""), "{config}");

    // u: ORG again; u: PLACE again, and no entry left.
    send(&mut app, &io, Command::Undo);
    assert_eq!(mentions(&app, "Krasnodar"), [EntityKind::Org]);
    send(&mut app, &io, Command::Undo);
    assert_eq!(mentions(&app, "Krasnodar"), [EntityKind::Place]);
    let config = std::fs::read_to_string(&io.config_file).unwrap();
    assert!(!config.contains("Krasnodar"), "{config}");
}

#[test]
fn k_back_to_the_recognisers_kind_removes_the_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    select_entity(&mut app, &io, "Florida");
    send(&mut app, &io, Command::ChangeKind);
    send(&mut app, &io, Action::Edit(EditKey::Char('4')));
    assert_eq!(group_kind(&app, "Florida"), Some(EntityKind::Group));
    send(&mut app, &io, Command::ChangeKind);
    send(&mut app, &io, Action::Edit(EditKey::Char('3')));
    assert_eq!(group_kind(&app, "Florida"), Some(EntityKind::Place));
    let config = std::fs::read_to_string(&io.config_file).unwrap();
    assert!(!config.contains("Florida"), "{config}");
    // x on an entity a correction relabelled changes that entry.
    send(&mut app, &io, Command::ChangeKind);
    send(&mut app, &io, Action::Edit(EditKey::Char('2')));
    send(&mut app, &io, Command::NotAnEntity);
    assert_eq!(group_kind(&app, "Florida"), None);
    let config = std::fs::read_to_string(&io.config_file).unwrap();
    assert_eq!(config.matches("[[corrections]]").count(), 1, "{config}");
    assert!(
        config.contains("name = \"Florida\"\nwas = \"PLACE\"\nis = \"not an entity\""),
        "{config}"
    );
}

#[test]
fn corrections_hold_in_every_briefing_after_a_restart() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    select_entity(&mut app, &io, "Miami");
    send(&mut app, &io, Command::NotAnEntity);

    let (mut again, io2) = common::app(tmp.path());
    for id in [
        SEED_ID,
        "004_long-report-miami-track.md",
        "008_wire-miami-update.md",
    ] {
        open(&mut again, &io2, id);
        assert!(mentions(&again, "Miami").is_empty(), "{id}");
        assert_eq!(group_kind(&again, "Miami"), None, "{id}");
    }
    // The undo history is this session's: a restart has nothing to undo.
    send(&mut again, &io2, Command::FocusEntities);
    let effects = send(&mut again, &io2, Command::Undo);
    assert!(!effects.iter().any(|e| matches!(e, Effect::Correct { .. })));
}

#[test]
fn correcting_needs_an_entity_selected_in_entities() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::FocusReader);
    assert!(send(&mut app, &io, Command::NotAnEntity).is_empty());
    assert!(app.status().unwrap().text.contains("Entities pane"));
    send(&mut app, &io, Command::ChangeKind);
    assert_eq!(*app.mode(), Mode::Normal);
    assert!(!io.config_file.exists(), "nothing written");
}

#[test]
fn the_entities_filter_stays_through_a_correction() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::FocusEntities);
    send(&mut app, &io, Command::Filter);
    common::type_input(&mut app, &io, "Kras");
    send(&mut app, &io, Action::Edit(EditKey::Enter));
    assert_eq!(
        app.open().unwrap().selected_group().map(|g| g.name.as_str()),
        Some("Krasnodar")
    );
    send(&mut app, &io, Command::ChangeKind);
    send(&mut app, &io, Action::Edit(EditKey::Char('2')));
    let o = app.open().unwrap();
    assert_eq!(o.entity_query, "Kras", "the filter stays");
    assert_eq!(
        o.selected_group().map(|g| (g.name.as_str(), g.kind)),
        Some(("Krasnodar", EntityKind::Org))
    );
    send(&mut app, &io, Command::NotAnEntity);
    let o = app.open().unwrap();
    assert_eq!(o.entity_query, "Kras");
    assert!(
        !(0..o.groups.len()).any(|i| o.group_shown(i)),
        "nothing left to show"
    );
}
