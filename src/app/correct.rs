//! Correcting the recogniser from the Entities pane: `x` says the selected
//! entity is not an entity, `K` chooses its kind, `u` undoes the last
//! correction. Each is saved to `config.toml`'s `[[corrections]]` and, as
//! for the watchlist, every briefing is analysed again with it (the open
//! one at once).

use super::{App, Command, EditKey, Effect, Mode, Pane};
use crate::entities::EntityKind;
use crate::entities::corrections::{Correction, Corrections, Verdict};
use std::path::Path;

/// One change to `[[corrections]]`: the entry for `name` and `was` goes
/// from `before` to `after` (`None`: no entry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionEdit {
    pub name: String,
    /// The kind the recogniser gave the name (`None`: any kind).
    pub was: Option<EntityKind>,
    pub before: Option<Verdict>,
    pub after: Option<Verdict>,
}

impl CorrectionEdit {
    /// The edit that undoes this one.
    #[must_use]
    pub fn reversed(&self) -> Self {
        Self {
            before: self.after,
            after: self.before,
            ..self.clone()
        }
    }

    /// The entry to write, or `None`: the entry goes.
    pub fn correction(&self) -> Option<Correction> {
        self.after.map(|is| Correction {
            name: self.name.clone(),
            was: self.was,
            is,
        })
    }

    /// What the edit leaves, in words: "Brent: not an entity", "Jordan
    /// Henderson is PERSON now", "Brent is PLACE again".
    fn said(&self) -> String {
        match (self.after, self.was) {
            (Some(Verdict::NotAnEntity), _) => format!("{}: not an entity", self.name),
            (Some(Verdict::Kind(k)), _) => format!("{} is {k} now", self.name),
            (None, Some(was)) => format!("{} is {was} again", self.name),
            (None, None) => format!("{}: as the recogniser has it again", self.name),
        }
    }
}

/// The kinds the chooser offers, by number.
fn kind_for_key(c: char) -> Option<EntityKind> {
    let n = c.to_digit(10)?.checked_sub(1)?;
    EntityKind::ALL.get(usize::try_from(n).ok()?).copied()
}

/// The selected entity: its name, kind and its mentions' texts.
type Selected = (String, EntityKind, Vec<String>);

impl App {
    /// `x`: the selected entity is not an entity, in every briefing.
    pub(super) fn mark_not_entity(&mut self) -> Vec<Effect> {
        match self.entity_to_correct() {
            Some(selected) => self.correct(&selected, Verdict::NotAnEntity),
            None => Vec::new(),
        }
    }

    /// `K`: asks for the selected entity's kind.
    pub(super) fn start_change_kind(&mut self) {
        if let Some((name, kind, _)) = self.entity_to_correct() {
            self.mode = Mode::ChooseKind { name, kind };
        }
    }

    /// A key in the kind chooser: a number picks a kind, `x` "not an
    /// entity", Esc goes back.
    pub(super) fn choose_kind_key(&mut self, key: EditKey) -> Vec<Effect> {
        let Mode::ChooseKind { name, kind } = &self.mode else {
            return Vec::new();
        };
        let (name, now) = (name.clone(), *kind);
        let verdict = match key {
            EditKey::Escape => {
                self.mode = Mode::Normal;
                return Vec::new();
            }
            EditKey::Char('x') => Verdict::NotAnEntity,
            EditKey::Char(c) => match kind_for_key(c) {
                Some(k) => Verdict::Kind(k),
                None => return Vec::new(),
            },
            _ => return Vec::new(),
        };
        self.mode = Mode::Normal;
        if verdict == Verdict::Kind(now) {
            self.say(format!("{name} is {now} already"));
            return Vec::new();
        }
        match self.selected_entity() {
            Some(selected) => self.correct(&selected, verdict),
            None => Vec::new(),
        }
    }

    /// `u` in Entities: the last correction of this session undone (and
    /// saved); `None` when there is none.
    pub(super) fn undo_correction(&mut self) -> Option<Vec<Effect>> {
        if self.focus != Pane::Entities {
            return None;
        }
        let edit = self.correction_undo.pop()?;
        Some(vec![Effect::Correct {
            edit: edit.reversed(),
            undo: true,
        }])
    }

    /// `config.toml`'s corrections changed: the app takes them, says so,
    /// and every briefing is analysed again, the open one at once.
    pub(super) fn corrected(
        &mut self,
        edit: CorrectionEdit,
        undo: bool,
        file: &Path,
        result: Result<Vec<Correction>, String>,
    ) -> Vec<Effect> {
        match result {
            Ok(list) => {
                self.watch = self.watch.clone().with_corrections(Corrections::new(list));
                let said = format!("{} — saved to {}", edit.said(), file.display());
                if undo {
                    self.say(format!("undone: {said}"));
                } else {
                    self.correction_undo.push(edit);
                    self.hint(said, Command::Undo, "undoes");
                }
                self.respread = true;
                let mut effects = self.request_index();
                effects.extend(self.open_index().and_then(|i| self.open_request(i)));
                effects
            }
            Err(e) => {
                if undo {
                    // Not undone: it stays the one to undo.
                    self.correction_undo.push(edit.reversed());
                }
                self.warn(e);
                Vec::new()
            }
        }
    }

    /// The selected entity, when Entities has the focus; else a hint.
    fn entity_to_correct(&mut self) -> Option<Selected> {
        if self.focus != Pane::Entities {
            self.hint(
                "select an entity in the Entities pane to correct it",
                Command::FocusEntities,
                "goes there",
            );
            return None;
        }
        self.selected_entity()
    }

    fn selected_entity(&self) -> Option<Selected> {
        let o = self.open.as_ref()?;
        let g = o.selected_group()?;
        let text = &o.analysed.body.text;
        let mut texts: Vec<String> = g
            .mentions
            .iter()
            .filter_map(|&m| o.analysed.entities.get(m))
            .map(|e| e.text(text).to_owned())
            .collect();
        texts.sort();
        texts.dedup();
        Some((g.name.clone(), g.kind, texts))
    }

    /// The edit that makes the selected entity `verdict`. An entity a
    /// correction gave its kind is corrected in that entry; any other gets
    /// an entry for its name as recognised. Back to the recogniser's own
    /// kind, the entry goes.
    fn correct(&mut self, (name, kind, texts): &Selected, verdict: Verdict) -> Vec<Effect> {
        let names: Vec<&str> = std::iter::once(name.as_str())
            .chain(texts.iter().map(String::as_str))
            .collect();
        let corrections = self.watch.corrections();
        let (key, was) = match corrections.giving(*kind, &names) {
            Some(c) => (c.name.clone(), c.was),
            None => (name.clone(), Some(*kind)),
        };
        let before = corrections.exactly(&key, was).map(|c| c.is);
        let after = (was.map(Verdict::Kind) != Some(verdict)).then_some(verdict);
        if after == before {
            self.say(format!("{name}: {verdict} already"));
            return Vec::new();
        }
        vec![Effect::Correct {
            edit: CorrectionEdit {
                name: key,
                was,
                before,
                after,
            },
            undo: false,
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_pick_kinds_in_the_legend_order() {
        assert_eq!(kind_for_key('1'), Some(EntityKind::Person));
        assert_eq!(kind_for_key('6'), Some(EntityKind::Number));
        assert_eq!(kind_for_key('0'), None);
        assert_eq!(kind_for_key('7'), None);
        assert_eq!(kind_for_key('p'), None);
    }

    #[test]
    fn an_edit_reversed_undoes_it() {
        let e = CorrectionEdit {
            name: "Brent".into(),
            was: Some(EntityKind::Place),
            before: None,
            after: Some(Verdict::NotAnEntity),
        };
        assert_eq!(e.said(), "Brent: not an entity");
        let back = e.reversed();
        assert_eq!(back.correction(), None);
        assert_eq!(back.said(), "Brent is PLACE again");
        assert_eq!(back.reversed(), e);
    }
}
