//! The embeddable timeline: a compact page made for an `<iframe>` on another site, with no
//! site navigation, a link back to the full view, and every request kept inside the site.
//!
//! - `embed.html` takes the home page's query (`embed.html?country=JM&from=2020`) and is
//!   filled by `entente.js` from the browser index, so any filtered view can be embedded,
//!   from `file://` as from any static host.
//! - `briefings/<id>/embed.html` is one briefing's events, written here in full, so it needs
//!   no script at all.

use super::briefing_exports::timeline_svg;
use super::{render_html, RenderError, Renderer};
use crate::model::{urls, Site};
use askama::Template;

/// Height of the `<iframe>` the embed code asks for: the heading, about eight rows and the
/// footer, without scrolling the host page.
pub(crate) const IFRAME_HEIGHT: u32 = 480;

/// The `<iframe>` snippet for an embed page at `src` (absolute when the site has a
/// `base_url`, else relative to the site root). The same markup as `entente.js` writes.
pub(crate) fn iframe_code(src: &str, title: &str) -> String {
    let attr = super::briefing_exports::timeline_svg::escape;
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{IFRAME_HEIGHT}\" style=\"border:1px solid #ccc;max-width:100%\" loading=\"lazy\"></iframe>",
        attr(src),
        attr(title)
    )
}

/// One event of a briefing's embed: what a compact row shows.
pub(crate) struct EmbedRow {
    pub(crate) id: String,
    pub(crate) href: String,
    pub(crate) title: String,
    pub(crate) date_iso: String,
    pub(crate) date_human: String,
    pub(crate) kind: &'static str,
    pub(crate) kind_label: &'static str,
    /// The type's symbol, the same shape and colour as the timeline graphic's.
    pub(crate) symbol: String,
    pub(crate) colour: &'static str,
    pub(crate) who: String,
}

#[derive(Template)]
#[template(path = "embed.html")]
struct EmbedPage<'a> {
    lang: &'a str,
    site_title: &'a str,
    /// `""` for `embed.html`, `"../../"` for a briefing's.
    root: &'static str,
    heading: String,
    canonical: String,
    /// Where "the full view" is, relative to this page (the script adds the query).
    full_href: String,
    full_label: &'static str,
    as_of: Option<(String, String)>,
    index_version: &'a str,
    /// A briefing's events, written in; empty for `embed.html`, whose rows the script draws.
    rows: Vec<EmbedRow>,
    briefing: bool,
    count: usize,
}

impl EmbedPage<'_> {
    fn count_text(&self) -> String {
        format!(
            "{} event{}",
            self.count,
            if self.count == 1 { "" } else { "s" }
        )
    }
}

fn rows(site: &Site, views: &[super::views::EventView], root: &str) -> Vec<Vec<EmbedRow>> {
    site.briefings
        .iter()
        .map(|b| {
            site.events
                .iter()
                .enumerate()
                .filter(|(_, e)| b.selects(e))
                .map(|(i, e)| {
                    let v = &views[i];
                    EmbedRow {
                        id: v.id.clone(),
                        href: format!("{root}{}", v.href),
                        title: v.title.clone(),
                        date_iso: v.date_iso.clone(),
                        date_human: v.date_human.clone(),
                        kind: v.kind,
                        kind_label: v.kind_label,
                        symbol: timeline_svg::symbol_path(e.kind, 8.0, 8.0, 6.0),
                        colour: timeline_svg::colour(e.kind),
                        who: v.who.clone(),
                    }
                })
                .collect()
        })
        .collect()
}

impl Renderer<'_> {
    /// `embed.html` and each briefing's `briefings/<id>/embed.html`.
    pub(super) fn render_embeds(&self) -> Result<(), RenderError> {
        let site = self.site;
        let config = &site.config;
        let canonical = |path: &str| {
            config
                .base_url_slash()
                .map(|b| format!("{b}{path}"))
                .unwrap_or_default()
        };
        let page = EmbedPage {
            lang: &config.language,
            site_title: &config.title,
            root: "",
            heading: config.title.clone(),
            canonical: canonical(urls::EMBED),
            full_href: urls::HOME.into(),
            full_label: "Full timeline",
            as_of: self.as_of.clone(),
            index_version: self.index_version,
            rows: Vec::new(),
            briefing: false,
            count: site.events.len(),
        };
        self.file(render_html(urls::EMBED.into(), &page)?);

        let root = "../../";
        for (b, rows) in site.briefings.iter().zip(rows(site, self.views, root)) {
            let path = urls::briefing_embed(&b.slug);
            let page = EmbedPage {
                lang: &config.language,
                site_title: &config.title,
                root,
                heading: b.title.clone(),
                canonical: canonical(&path),
                full_href: format!("../{}", urls::briefing_from_index(&b.slug)),
                full_label: "Full briefing",
                as_of: b
                    .as_of
                    .or(config.as_of)
                    .map(|d| (d.iso(), d.human()))
                    .or_else(|| self.as_of.clone()),
                index_version: self.index_version,
                count: rows.len(),
                rows,
                briefing: true,
            };
            self.file(render_html(path, &page)?);
        }
        Ok(())
    }
}
