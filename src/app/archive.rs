//! Searching the whole archive (`S`): the query typed, its results shown in
//! place of the Articles list, and a result opened at its paragraph with
//! the matched words marked.

use super::{App, Command, EditKey, Effect, Mode, Pane, SearchResults};
use crate::index::Hit;

impl App {
    /// `S`: a prompt for a query over every briefing and note.
    pub(super) fn start_archive_search(&mut self) {
        let input = self.results.as_ref().map(|r| r.query.clone()).unwrap_or_default();
        self.mode = Mode::ArchiveSearch { input };
    }

    pub(super) fn archive_search_key(&mut self, key: EditKey) -> Vec<Effect> {
        let Mode::ArchiveSearch { input } = &mut self.mode else {
            return Vec::new();
        };
        match key {
            EditKey::Escape => self.mode = Mode::Normal,
            EditKey::Enter => {
                let query = std::mem::take(input);
                self.mode = Mode::Normal;
                if query.trim().is_empty() {
                    return Vec::new();
                }
                self.busy(format!("searching for {query}…"));
                return vec![Effect::Search(query)];
            }
            EditKey::Backspace => {
                input.pop();
            }
            EditKey::Char(c) => input.push(c),
            _ => {}
        }
        Vec::new()
    }

    /// The results replace the Articles list until Esc.
    pub(super) fn search_results(&mut self, query: &str, result: Result<Vec<Hit>, String>) {
        match result {
            Ok(hits) => {
                let n = hits.len();
                self.results = Some(SearchResults {
                    query: query.to_owned(),
                    hits,
                    selected: 0,
                });
                self.focus = Pane::Articles;
                let text = match n {
                    0 => format!("nothing matches {query}"),
                    1 => format!("1 result for {query}"),
                    n => format!("{n} results for {query}"),
                };
                self.hint(text, Command::Back, "returns to the list");
            }
            Err(e) => self.warn(e),
        }
    }

    /// Moves the selected result; false when no results are shown.
    pub(super) fn move_result(&mut self, to: impl FnOnce(usize, usize) -> usize) -> bool {
        match self.results.as_mut() {
            Some(r) => {
                r.selected = to(r.selected, r.hits.len()).min(r.hits.len().saturating_sub(1));
                true
            }
            None => false,
        }
    }

    /// Opens the selected result's briefing at its paragraph.
    pub(super) fn open_result(&mut self) -> Vec<Effect> {
        let Some(hit) = self.results.as_ref().and_then(|r| r.hits.get(r.selected)) else {
            return Vec::new();
        };
        let Some(i) = self.briefings.iter().position(|b| b.id == hit.id) else {
            self.warn(format!("{} is no longer in the store", hit.id));
            return Vec::new();
        };
        let mut terms: Vec<String> = Vec::new();
        for (piece, matched) in &hit.snippet {
            let t = piece.trim().to_owned();
            if *matched && !t.is_empty() && !terms.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
                terms.push(t);
            }
        }
        self.pending_jump = Some((hit.id.clone(), hit.paragraph, terms));
        self.focus = Pane::Reader;
        self.open_request(i).into_iter().collect()
    }
}
