//! `i`: why an entity was recognised, in one line on the status bar, from
//! the Entities pane or at the Reader's cursor; a corrected entity says it
//! was the reader's correction.

mod common;

use brief::app::{App, Command, Pane};
use common::{seed_open, select_entity, send};

fn status(app: &App) -> String {
    app.status().map(|s| s.text.clone()).unwrap_or_default()
}

#[test]
fn i_in_entities_names_the_rule_and_its_evidence() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    select_entity(&mut app, &io, "Miami");
    send(&mut app, &io, Command::Explain);
    let said = status(&app);
    assert!(
        said.starts_with("Miami: PLACE [known.word] — "),
        "the rule's id first: {said}"
    );
    assert!(said.ends_with("(list:places)"), "the evidence: {said}");

    select_entity(&mut app, &io, "Rustem Umerov");
    send(&mut app, &io, Command::Explain);
    let said = status(&app);
    assert!(
        said.starts_with("Rustem Umerov: PERSON [known.name] — "),
        "{said}"
    );
    assert!(said.contains("list:people"), "{said}");
}

#[test]
fn i_in_the_reader_explains_the_mention_at_the_cursor() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::FocusReader);
    assert_eq!(app.focus(), Pane::Reader);
    send(&mut app, &io, Command::Top);
    send(&mut app, &io, Command::Explain);
    let o = app.open().unwrap();
    let text = &o.analysed.body.text;
    let first = o
        .mention_block
        .iter()
        .position(|&b| b == o.cursor)
        .map(|m| o.analysed.entities[m]);
    let said = status(&app);
    match first {
        Some(e) => assert!(
            said.starts_with(&format!("{}: {} [{}] — ", e.text(text), e.kind, e.rule())),
            "{said}"
        ),
        None => assert_eq!(said, "no entity in this paragraph"),
    }
    // Walking to a mention explains that one.
    select_entity(&mut app, &io, "Miami");
    send(&mut app, &io, Command::NextMention);
    send(&mut app, &io, Command::NextMention);
    send(&mut app, &io, Command::FocusReader);
    send(&mut app, &io, Command::Explain);
    assert!(
        status(&app).starts_with("Miami: PLACE [known.word] — "),
        "{}",
        status(&app)
    );
}

#[test]
fn a_corrected_entity_says_it_was_corrected() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("config.toml"),
        "[[corrections]]\nname = \"Miami\"\nwas = \"PLACE\"\nis = \"ORG\"\n",
    )
    .unwrap();
    let (mut app, io) = seed_open(tmp.path());
    select_entity(&mut app, &io, "Miami");
    send(&mut app, &io, Command::Explain);
    let said = status(&app);
    assert!(said.starts_with("Miami: ORG [correction] — "), "{said}");
}
