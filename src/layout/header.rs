//! The header above a briefing's text in the Reader: title, byline, tags
//! and url, wrapped like the text below it.

use super::{Line, Role, Style, wrap};

/// What the Reader shows above a briefing's text: its title in full, then
/// date · source · author, its tags and where it was published.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    pub title: String,
    pub byline: String,
    pub tags: Vec<String>,
    pub url: Option<String>,
}

impl Header {
    /// The header of a Markdown briefing (a plain-text briefing's first
    /// line is its title, so it needs none).
    pub fn of(meta: &crate::store::Meta) -> Self {
        let byline: Vec<&str> = [
            meta.date.as_deref(),
            meta.source.as_deref(),
            meta.author.as_deref(),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
        Self {
            title: meta.title.clone(),
            byline: byline.join(" · "),
            tags: meta.tags.clone(),
            url: meta.declared.url.clone(),
        }
    }

    /// The header's rows at `width`, a blank row after them.
    pub(super) fn lines(&self, width: usize) -> Vec<Line> {
        let title = Style {
            role: Role::Heading(1),
            strong: true,
            ..Style::default()
        };
        let meta = Style {
            role: Role::Marker,
            ..Style::default()
        };
        let link = Style {
            role: Role::LinkRef,
            link: true,
            ..Style::default()
        };
        let mut out = wrap::wrap(&[wrap::Piece::new(&self.title, title)], width, "", meta, "");
        for (text, style) in [
            (self.byline.clone(), meta),
            (
                self.tags
                    .iter()
                    .map(|t| format!("#{t}"))
                    .collect::<Vec<_>>()
                    .join(" "),
                meta,
            ),
            (self.url.clone().unwrap_or_default(), link),
        ] {
            if !text.trim().is_empty() {
                out.extend(wrap::wrap(
                    &[wrap::Piece::owned(text, style)],
                    width,
                    "",
                    meta,
                    "",
                ));
            }
        }
        out.push(Line::default());
        out
    }
}
