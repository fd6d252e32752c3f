//! Moving around one briefing and taking things out of it: the outline
//! (`o`), links (`l` and a number, `O` for the briefing's own url, each
//! opened only after the full address was shown) and copying (`y`, `Y`).

use super::{App, EditKey, Effect, Mode, Pane};

impl App {
    /// `o`: the briefing's headings (or, in plain text, its paragraphs).
    pub(super) fn open_outline(&mut self) {
        let Some(o) = &self.open else {
            self.say("open a briefing first");
            return;
        };
        let entries = o.outline();
        if entries.is_empty() {
            self.say("this briefing has no headings");
            return;
        }
        // Start on the section the cursor is in.
        let selected = entries.iter().rposition(|e| e.block <= o.cursor).unwrap_or(0);
        self.mode = Mode::Outline { selected };
    }

    /// Keys in the outline: move, Enter jumps, Esc or `o` closes.
    pub(super) fn outline_command(&mut self, command: super::Command) {
        use super::Command as C;
        let Mode::Outline { selected } = &mut self.mode else {
            return;
        };
        let len = self.open.as_ref().map_or(0, |o| o.outline().len());
        match command {
            C::Down => *selected = (*selected + 1).min(len.saturating_sub(1)),
            C::Up => *selected = selected.saturating_sub(1),
            C::Top => *selected = 0,
            C::Bottom => *selected = len.saturating_sub(1),
            C::Select => {
                let at = *selected;
                self.mode = Mode::Normal;
                let rows = self.sizes.reader_rows;
                if let Some(o) = self.open.as_mut()
                    && let Some(e) = o.outline().get(at).cloned()
                {
                    o.goto_block(e.block, rows);
                    // The heading at the top of the Reader, not just in view.
                    if let Some(r) = o.layout.blocks.get(e.block).cloned() {
                        o.scroll = r.start.min(o.max_scroll(rows));
                    }
                    self.focus = Pane::Reader;
                }
                self.remember_position();
            }
            C::Back | C::Outline | C::Quit => self.mode = Mode::Normal,
            _ => {}
        }
    }

    /// `l`: a prompt for a link's number.
    pub(super) fn start_link(&mut self) {
        match &self.open {
            Some(o) if !o.analysed.body.document.links.is_empty() => {
                self.mode = Mode::Link {
                    input: String::new(),
                    url: None,
                };
            }
            Some(_) => self.say("this briefing has no links"),
            None => self.say("open a briefing first"),
        }
    }

    /// `O`: the briefing's own address, from its front matter.
    pub(super) fn start_source_link(&mut self) {
        let url = self
            .open
            .as_ref()
            .and_then(|o| o.header.as_ref())
            .and_then(|h| h.url.clone());
        match url {
            Some(url) => {
                self.mode = Mode::Link {
                    input: String::new(),
                    url: Some(url),
                };
            }
            None => self.say("this briefing gives no url"),
        }
    }

    /// Typing a link's number; Enter shows its full address; Enter again
    /// (or `o`) opens it. A label can say anything: the address is what
    /// the user confirms.
    pub(super) fn link_key(&mut self, key: EditKey) -> Vec<Effect> {
        let Mode::Link { input, url } = &mut self.mode else {
            return Vec::new();
        };
        match (key, url.clone()) {
            (EditKey::Escape, _) => self.mode = Mode::Normal,
            (EditKey::Enter | EditKey::Char('o'), Some(u)) => {
                self.mode = Mode::Normal;
                self.say(format!("opening {u}"));
                return vec![Effect::OpenUrl(u)];
            }
            (EditKey::Char(c), None) if c.is_ascii_digit() => input.push(c),
            (EditKey::Backspace, None) => {
                input.pop();
            }
            (EditKey::Enter, None) => {
                // No number: the paragraph's own link, when it has just one.
                let only = self
                    .open
                    .as_ref()
                    .map(super::Open::links_here)
                    .filter(|l| l.len() == 1);
                let n: usize = match (input.is_empty(), only) {
                    (true, Some(l)) => l[0],
                    _ => input.parse().unwrap_or(0),
                };
                let links = self.open.as_ref().map(|o| &o.analysed.body.document.links);
                if let Some(u) = links.and_then(|l| l.get(n.wrapping_sub(1))) {
                    *url = Some(u.clone());
                } else {
                    let count = links.map_or(0, Vec::len);
                    self.mode = Mode::Normal;
                    self.warn(format!("no link [{n}]: this briefing has {count}"));
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// `y`: the Reader's paragraph, as plain text, to the clipboard.
    pub(super) fn copy_paragraph(&mut self) -> Vec<Effect> {
        let Some(o) = &self.open else {
            self.say("open a briefing first");
            return Vec::new();
        };
        let text = o.paragraphs.get(o.cursor).cloned().unwrap_or_default();
        let what = format!("paragraph {}", o.cursor + 1);
        vec![Effect::Copy { what, text }]
    }

    /// `Y`: the selected note's text to the clipboard.
    pub(super) fn copy_note(&mut self) -> Vec<Effect> {
        let Some(o) = &self.open else {
            return Vec::new();
        };
        let Some(note) = o.note_order.get(o.note_sel).and_then(|&i| o.notes.notes.get(i)) else {
            self.hint("no note selected", super::Command::FocusNotes, "shows the notes");
            return Vec::new();
        };
        vec![Effect::Copy {
            what: "the note".to_owned(),
            text: note.text.clone(),
        }]
    }
}
