//! Render tests: the UI drawn into ratatui's `TestBackend` at fixed sizes,
//! asserting on the buffer (snapshots for layout, cell styles for colours
//! and marks, which snapshots do not show).

mod common;

use brief::app::{Action, App, Command, EditKey};
use brief::config::ThemeName;
use brief::keymap::Keymap;
use brief::theme::Theme;
use brief::ui::{self, FrameMap, Look};
use common::{app, open, seed_open, send, type_input, type_note};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn draw(app: &mut App, theme: &Theme, w: u16, h: u16) -> Buffer {
    common::draw(app, theme, w, h).0
}

fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Cells where `needle` starts on screen: (x, y).
fn find(buf: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let mut hits = Vec::new();
    for y in 0..buf.area.height {
        let row: Vec<String> = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect();
        let line = row.concat();
        if let Some(byte) = line.find(needle) {
            // Map the byte offset back to a column.
            let mut col = 0;
            let mut at = 0;
            for (x, s) in row.iter().enumerate() {
                if at >= byte {
                    col = x;
                    break;
                }
                at += s.len();
            }
            hits.push((col as u16, y));
        }
    }
    hits
}

fn dark() -> Theme {
    Theme::new(ThemeName::Dark, false)
}

#[test]
fn four_panes_at_120x40_with_the_seed_open() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _io) = seed_open(tmp.path());
    let buf = draw(&mut app, &dark(), 120, 40);
    insta::assert_snapshot!("seed_120x40", text(&buf));
    let screen = text(&buf);
    for title in ["1 Articles", "2 Reader", "3 Entities", "4 Notes"] {
        assert!(screen.contains(title), "{title} missing");
    }
}

#[test]
fn two_panes_at_80x24() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    let buf = draw(&mut app, &dark(), 80, 24);
    insta::assert_snapshot!("seed_80x24", text(&buf));
    let screen = text(&buf);
    assert!(screen.contains("2 Reader") && screen.contains("1 Articles"));
    send(&mut app, &io, Command::FocusEntities);
    let screen = text(&draw(&mut app, &dark(), 80, 24));
    assert!(
        screen.contains("3 Entities") && !screen.contains("1 Articles"),
        "entities one key away"
    );
}

#[test]
fn entities_are_coloured_by_kind_in_the_reader() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _io) = seed_open(tmp.path());
    let theme = dark();
    let buf = draw(&mut app, &theme, 120, 40);
    let reader = ui::areas(buf.area, app.focus()).reader.unwrap();
    let in_reader = |needle: &str| {
        find(&buf, needle)
            .into_iter()
            .find(|&(x, y)| x > reader.x && x < reader.x + reader.width && y > reader.y)
            .unwrap_or_else(|| panic!("{needle} not in the reader"))
    };
    let (x, y) = in_reader("Steve Witkoff");
    assert_eq!(buf[(x, y)].fg, Color::Yellow, "PERSON");
    let (x, y) = in_reader("Miami with");
    assert_eq!(buf[(x, y)].fg, Color::Green, "PLACE");
    let (x, y) = in_reader("Ukrainian, and");
    assert_eq!(buf[(x, y)].fg, Color::Magenta, "GROUP");
    let (x, y) = in_reader("representatives");
    assert_eq!(buf[(x, y)].fg, Color::Reset, "plain text is not coloured");
}

#[test]
fn cursor_and_note_marks_show_in_the_margin_without_colour() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::Down);
    send(&mut app, &io, Command::Down);
    send(&mut app, &io, Command::AddNote);
    type_note(&mut app, &io, "check this");
    let mono = Theme::new(ThemeName::Dark, true);
    let buf = draw(&mut app, &mono, 120, 40);
    let (x, y) = find(&buf, "Special Envoy").into_iter().next().unwrap();
    assert_eq!(buf[(x - 2, y)].symbol(), "▌", "cursor mark");
    assert_eq!(buf[(x - 1, y)].symbol(), "✎", "note mark");
    assert_eq!(buf[(x - 2, y)].fg, Color::Reset);
    let screen = text(&buf);
    assert!(screen.contains("¶3 Special Envoy"), "{screen}");
    assert!(screen.contains("check this"));
    // Without colour, kinds still differ by attribute.
    let (wx, wy) = find(&buf, "Steve Witkoff")
        .into_iter()
        .find(|&(x, _)| x > 30)
        .unwrap();
    assert!(buf[(wx, wy)].modifier.contains(Modifier::BOLD));
}

#[test]
fn selected_entity_mentions_are_highlighted() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::FocusEntities);
    let o = app.open().unwrap();
    let witkoff = o.groups.iter().position(|g| g.name == "Steve Witkoff").unwrap();
    for _ in 0..witkoff {
        send(&mut app, &io, Command::Down);
    }
    let buf = draw(&mut app, &dark(), 120, 40);
    let (x, y) = find(&buf, "Steve Witkoff")
        .into_iter()
        .find(|&(x, _)| x > 31 && x < 90)
        .unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(&buf, "Donald Trump").into_iter().next().unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn help_overlay_lists_every_action_from_the_keymap() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    send(&mut app, &io, Command::Help);
    // The list is longer than 40 rows: page through it as a user would.
    let mut seen = String::new();
    for _ in 0..4 {
        seen.push_str(&text(&draw(&mut app, &dark(), 120, 40)));
        send(&mut app, &io, Command::PageDown);
    }
    for a in Command::ALL {
        assert!(seen.contains(a.describe()), "{a:?} missing from help");
    }
    assert!(seen.contains("Ctrl-d"));
    assert!(seen.contains("Keys · j/k scroll"), "says it scrolls");
}

#[test]
fn note_editor_overlay_shows_typed_text() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::AddNote);
    type_input(&mut app, &io, "line one\n2");
    let screen = text(&draw(&mut app, &dark(), 120, 40));
    assert!(screen.contains("New note on ¶1"));
    assert!(screen.contains("line one"));
    assert!(screen.contains("│2"), "second line: {screen}");
}

#[test]
fn every_size_from_1x1_to_200x60_draws_without_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    open(&mut app, &io, "004_long-report-miami-track.md");
    let theme = dark();
    let keymap = Keymap::default();
    let look = Look {
        theme: &theme,
        keymap: &keymap,
    };
    let mut map = FrameMap::default();
    let mut terminal = Terminal::new(TestBackend::new(1, 1)).unwrap();
    for w in 1..=200u16 {
        for h in 1..=60u16 {
            terminal.backend_mut().resize(w, h);
            let area = ratatui::layout::Rect::new(0, 0, w, h);
            terminal.resize(area).unwrap();
            let sizes = ui::pane_sizes(area, app.focus(), app.sizes());
            app.update(Action::Resize(sizes));
            terminal.draw(|f| ui::draw(f, &app, look, &mut map)).unwrap();
        }
    }
    let small = text(&draw(&mut app, &theme, 20, 4));
    assert!(small.starts_with("terminal too small"), "{small}");
}

#[test]
fn watched_entities_are_marked_in_reader_entities_and_articles() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("config.toml"),
        "[[watchlist]]\nname = \"Kirill Dmitriev\"\nkind = \"PERSON\"\n",
    )
    .unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Action::Start);
    let buf = draw(&mut app, &dark(), 120, 40);
    let (x, y) = find(&buf, "Kirill Dmitriev")
        .into_iter()
        .find(|&(x, _)| x > 31 && x < 90)
        .unwrap();
    assert!(
        buf[(x, y)]
            .modifier
            .contains(Modifier::UNDERLINED | Modifier::BOLD)
    );
    let screen = text(&buf);
    assert!(
        screen.contains("★ Kirill Dmitriev"),
        "entities pane marks it: {screen}"
    );
    let articles = ui::areas(buf.area, app.focus()).articles.unwrap();
    let hits_in_articles = find(&buf, "★")
        .into_iter()
        .filter(|&(x, _)| x < articles.x + articles.width)
        .count();
    assert!(
        hits_in_articles >= 5,
        "Dmitriev's briefings show a watch hit in Articles: {screen}"
    );
}

#[test]
fn reader_shows_a_legend_of_entity_kinds_in_their_styles() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _io) = seed_open(tmp.path());
    for (theme, person_fg) in [
        (dark(), Color::Yellow),
        (Theme::new(ThemeName::Dark, true), Color::Reset),
    ] {
        let buf = draw(&mut app, &theme, 120, 40);
        let (x, y) = find(&buf, "PERSON ORG PLACE GROUP DATE NUMBER")
            .into_iter()
            .next()
            .expect("legend");
        assert_eq!(buf[(x, y)].fg, person_fg);
        if person_fg == Color::Reset {
            assert!(
                buf[(x, y)].modifier.contains(Modifier::BOLD),
                "without colour the legend names attributes"
            );
        }
    }
}

#[test]
fn reader_search_matches_are_highlighted() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    send(&mut app, &io, Command::FocusReader);
    send(&mut app, &io, Command::Filter);
    type_input(&mut app, &io, "constructive");
    let screen = text(&draw(&mut app, &dark(), 120, 40));
    assert!(screen.contains("search: constructive"), "{screen}");
    send(&mut app, &io, Action::Edit(EditKey::Enter));
    let buf = draw(&mut app, &dark(), 120, 40);
    let (x, y) = find(&buf, "constructive")
        .into_iter()
        .find(|&(x, _)| x > 31 && x < 90)
        .unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    let (px, py) = find(&buf, "productive")
        .into_iter()
        .find(|&(x, _)| x > 31 && x < 90)
        .unwrap();
    assert!(!buf[(px, py)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn hints_and_messages_name_the_users_keys_not_the_defaults() {
    let tmp = tempfile::tempdir().unwrap();
    let config = brief::config::Config::parse(
        "[keys]\nundo = [\"z\"]\nhelp = [\"f2\"]\nfocus_entities = [\"ctrl-e\"]\nselect = [\"ctrl-o\"]\n",
        std::path::Path::new("config.toml"),
    )
    .unwrap();
    let keymap = config.keymap();
    let (mut app, io) = app(tmp.path());
    let mut map = FrameMap::default();
    let screen = text(&common::draw_keys(&mut app, &dark(), &keymap, 120, 40, &mut map));
    assert!(screen.contains("press Ctrl-o."), "{screen}");
    assert!(screen.contains("F2 lists every key"), "{screen}");
    send(&mut app, &io, Command::Watch);
    let screen = text(&common::draw_keys(&mut app, &dark(), &keymap, 120, 40, &mut map));
    assert!(
        screen.contains("select an entity in the Entities pane to watch it — Ctrl-e goes there"),
        "{screen}"
    );
    open(&mut app, &io, common::SEED_ID);
    send(&mut app, &io, Command::AddNote);
    type_note(&mut app, &io, "a note");
    send(&mut app, &io, Command::FocusNotes);
    send(&mut app, &io, Command::DeleteNote);
    let screen = text(&common::draw_keys(&mut app, &dark(), &keymap, 120, 40, &mut map));
    assert!(screen.contains("note deleted — z undoes"), "{screen}");
}

#[test]
fn entity_counts_leave_air_before_the_border_and_narrow_panes_keep_names() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = seed_open(tmp.path());
    for (w, h) in [(120, 40), (80, 24), (60, 20)] {
        send(&mut app, &io, Command::FocusEntities);
        let (buf, map) = common::draw(&mut app, &dark(), w, h);
        let inner = map.pane(brief::app::Pane::Entities).unwrap().inner;
        for y in inner.y..inner.y + inner.height {
            let last = buf[(inner.x + inner.width - 1, y)].symbol();
            assert_eq!(
                last,
                " ",
                "{w}×{h}: row {y} runs into the border:\n{}",
                text(&buf)
            );
        }
        if w == 60 {
            assert!(
                text(&buf).contains("Steve Witkoff"),
                "the name whole: {}",
                text(&buf)
            );
        }
    }
}

#[test]
fn the_reader_shows_the_header_the_outline_and_articles_show_stars() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    open(&mut app, &io, "004_long-report-miami-track.md");
    let screen = text(&draw(&mut app, &dark(), 120, 40));
    // The full title wrapped, then date · source · author and the tags.
    assert!(
        screen.contains("Inside the Miami track: what the 20-point framework"),
        "{screen}"
    );
    assert!(screen.contains("covers, and what it leaves open"), "{screen}");
    assert!(
        screen.contains("2026-11-25 · Analysis Desk · Jonathan Hale"),
        "{screen}"
    );
    assert!(screen.contains("#analysis #diplomacy"), "{screen}");
    send(&mut app, &io, Command::Outline);
    let screen = text(&draw(&mut app, &dark(), 120, 40));
    assert!(screen.contains("Outline"), "{screen}");
    assert!(
        screen.contains("How we got here") && screen.contains("Three days in Miami"),
        "{screen}"
    );
    send(&mut app, &io, Command::Back);
    send(&mut app, &io, Command::FocusArticles);
    send(&mut app, &io, Command::Star);
    send(&mut app, &io, Command::StarredOnly);
    let screen = text(&draw(&mut app, &dark(), 120, 40));
    assert!(screen.contains("1 Articles · 1 starred"), "{screen}");
    assert!(screen.contains("▸ ★ Inside the Miami"), "{screen}");
}

#[test]
fn enter_in_help_shows_the_names_config_toml_knows() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, io) = app(tmp.path());
    send(&mut app, &io, Command::Help);
    let screen = text(&draw(&mut app, &dark(), 120, 40));
    assert!(!screen.contains("add_note —"), "{screen}");
    send(&mut app, &io, Command::Select);
    let screen = text(&draw(&mut app, &dark(), 120, 40));
    assert!(screen.contains("add_note — add a note"), "{screen}");
    assert!(screen.contains("half_page_down — half a page down"), "{screen}");
}
