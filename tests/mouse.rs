//! Mouse tests: a frame is drawn into `TestBackend`, a click on a cell goes
//! through the real input step (hit-tested against what that frame
//! recorded), and the app's selection must be the item drawn on that row.

mod common;

use brief::app::{App, Command, Pane};
use brief::config::ThemeName;
use brief::effects::{Io, dispatch};
use brief::keymap::Keymap;
use brief::theme::Theme;
use brief::tui::input::translate;
use brief::ui::FrameMap;
use common::{draw_with, seed_open, send, type_note};
use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn theme() -> Theme {
    Theme::new(ThemeName::Dark, false)
}

fn click_at(app: &mut App, io: &Io, map: &FrameMap, column: u16, row: u16) {
    let event = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    });
    for action in translate(&event, app, &Keymap::default(), map) {
        dispatch(app, io, None, action);
    }
}

/// The item the app has selected in a pane, in the terms the frame map
/// records (a place in Articles, an entity, a place in Notes, a block).
fn selection(app: &App, pane: Pane) -> Option<usize> {
    match pane {
        Pane::Articles => Some(app.selected()),
        Pane::Reader => app.open().map(|o| o.cursor),
        Pane::Entities => app.open().map(|o| o.entity_sel),
        Pane::Notes => app.open().map(|o| o.note_sel),
    }
}

/// An app with the seed open and enough notes that the Notes list
/// scrolls at 80×24.
fn setup(tmp: &std::path::Path) -> (App, Io) {
    let (mut app, io) = seed_open(tmp);
    for n in 0..8 {
        send(&mut app, &io, Command::Down);
        send(&mut app, &io, Command::AddNote);
        type_note(&mut app, &io, &format!("note {n}\nits second line"));
    }
    (app, io)
}

/// Clicks every row of `pane` (scrolled to its end first, so the list's
/// offset is not zero) and checks each click against the frame it was made
/// on, and the redrawn frame against the click.
fn click_every_row(pane: Pane, w: u16, h: u16) {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = setup(tmp.path());
    send(&mut app, &io, pane.focus_command());
    send(&mut app, &io, Command::Bottom);
    let theme = theme();
    let mut map = FrameMap::default();
    let mut buf: Buffer = draw_with(&mut app, &theme, w, h, &mut map);
    let inner = map
        .pane(pane)
        .unwrap_or_else(|| panic!("{pane:?} drawn at {w}×{h}"))
        .inner;
    let mut clicked = 0;
    for r in 0..inner.height {
        let before = map.pane(pane).unwrap().rows.clone();
        let target = before.get(usize::from(r)).copied().flatten();
        let selected_before = selection(&app, pane);
        click_at(&mut app, &io, &map, inner.x + 2, inner.y + r);
        let opened = pane == Pane::Articles && target.is_some() && target == selected_before;
        let expected = if opened { Pane::Reader } else { pane };
        assert_eq!(
            app.focus(),
            expected,
            "a click focuses the pane (opening a briefing, the Reader)"
        );
        match target {
            Some(t) => {
                clicked += 1;
                assert_eq!(
                    selection(&app, pane),
                    Some(t),
                    "{pane:?} at {w}×{h}, row {r}: the selection is the item drawn there"
                );
            }
            None if pane != Pane::Articles => {
                assert_eq!(
                    selection(&app, pane),
                    selected_before,
                    "a heading or blank row selects nothing"
                );
            }
            None => {}
        }
        buf = draw_with(&mut app, &theme, w, h, &mut map);
        // The list did not jump: the clicked item is still on that row, shown
        // selected (the last item may scroll into full view, as it should).
        let last_shown = before.iter().rev().flatten().next().copied();
        if pane != Pane::Reader && target.is_some() && target != last_shown {
            let after = map.pane(pane).unwrap().rows.clone();
            assert_eq!(
                after.get(usize::from(r)).copied().flatten(),
                target,
                "row {r} moved"
            );
            let cell = &buf[(inner.x + 2, inner.y + r)];
            assert!(
                cell.modifier.contains(Modifier::REVERSED),
                "{pane:?} at {w}×{h}: row {r} is drawn selected"
            );
        }
        if pane == Pane::Articles && target.is_some() {
            // Opening a briefing moves focus to the Reader; come back.
            send(&mut app, &io, Command::FocusArticles);
            buf = draw_with(&mut app, &theme, w, h, &mut map);
        }
    }
    assert!(clicked > 0, "{pane:?} at {w}×{h}: no row had an item");
    drop(buf);
}

#[test]
fn every_row_of_every_pane_at_120x40() {
    for pane in Pane::ALL {
        click_every_row(pane, 120, 40);
    }
}

#[test]
fn every_row_of_every_pane_at_80x24() {
    for pane in Pane::ALL {
        click_every_row(pane, 80, 24);
    }
}

#[test]
fn a_second_click_on_an_article_opens_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = common::app(tmp.path());
    let mut map = FrameMap::default();
    draw_with(&mut app, &theme(), 120, 40, &mut map);
    let inner = map.pane(Pane::Articles).unwrap().inner;
    // The second entry: rows 2-3 inside the border.
    click_at(&mut app, &io, &map, inner.x + 2, inner.y + 3);
    assert_eq!(app.selected(), 1);
    assert!(app.open().is_none());
    click_at(&mut app, &io, &map, inner.x + 2, inner.y + 3);
    let id = &app.briefings()[app.view()[1]].id;
    assert_eq!(app.open().map(|o| &o.id), Some(id), "a second click opens it");
    assert_eq!(app.focus(), Pane::Reader);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_not_the_focused_one() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    let mut map = FrameMap::default();
    draw_with(&mut app, &theme(), 120, 40, &mut map);
    let entities = map.pane(Pane::Entities).unwrap().inner;
    let wheel = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: entities.x + 2,
        row: entities.y + 2,
        modifiers: KeyModifiers::NONE,
    });
    let focus = app.focus();
    for action in translate(&wheel, &app, &Keymap::default(), &map) {
        dispatch(&mut app, &io, None, action);
    }
    assert_eq!(app.open().unwrap().entity_sel, 1);
    assert_eq!(app.focus(), focus);
}

#[test]
fn a_click_on_a_paragraph_is_remembered_as_the_reading_position() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    let mut map = FrameMap::default();
    draw_with(&mut app, &theme(), 120, 40, &mut map);
    let reader = map.pane(Pane::Reader).unwrap();
    let row = reader.rows.iter().position(|t| *t == Some(3)).unwrap() as u16;
    let (x, y) = (reader.inner.x + 3, reader.inner.y + row);
    click_at(&mut app, &io, &map, x, y);
    assert_eq!(app.open().unwrap().cursor, 3);
    assert_eq!(app.state().positions.get(common::SEED_ID), Some(&3));
}
