//! `i`: why an entity is what it is, in one line on the status bar — the
//! rule that decided it and what it saw — so a reader can judge it, and
//! correct it (`x`, `K`) when the reason is wrong.

use super::{App, Pane};

impl App {
    /// Explains the selected entity in Entities (its first mention), or in
    /// the Reader the mention last stepped to, else the first one in the
    /// cursor's paragraph.
    pub(super) fn explain(&mut self) {
        let Some(o) = self.open.as_ref() else {
            self.say("open a briefing first");
            return;
        };
        let text = &o.analysed.body.text;
        let mention = match self.focus {
            Pane::Reader => o
                .mention_walk
                .and_then(|(g, i)| o.groups.get(g)?.mentions.get(i).copied())
                .filter(|&m| o.mention_block.get(m) == Some(&o.cursor))
                .or_else(|| o.mention_block.iter().position(|&b| b == o.cursor)),
            _ => o.selected_group().and_then(|g| g.mentions.first().copied()),
        };
        let line = match mention.and_then(|m| o.analysed.entities.get(m)) {
            Some(e) => format!("{}: {}", e.text(text), e.why(text)),
            None if self.focus == Pane::Reader => "no entity in this paragraph".to_owned(),
            None => "no entity selected".to_owned(),
        };
        let line = crate::sanitize::sanitize(&line).into_owned();
        self.say(line);
    }
}
