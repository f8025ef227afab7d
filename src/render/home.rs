//! The home page: the most recent events (a screenful or two), the filter form, and links to
//! every year, so that any event is at most three clicks away without JavaScript (home ->
//! year -> event, or home -> year -> month -> event for a year too large for one page).
//!
//! The page stays small at any scale: the form's choices are bounded (every country and type,
//! the most used tags; people come from the browser index as the reader types), and the full
//! list is drawn by `entente.js` from the index only once a filter, a search or "show all" asks
//! for it.

use super::rows::RowCache;
use super::views::Link;
use super::{briefings, chart, render_html_sized, rows, year_bars, Chrome, RenderError, Renderer};
use crate::model::slug::slugify;
use crate::model::{urls, EventType, Site};
use askama::Template;
use std::collections::BTreeMap;

/// Events listed on the home page itself, newest first.
pub(crate) const RECENT: usize = 25;

/// Most tags the Tag menu offers (the most used ones); every tag still has its page, and a
/// `tag=` address filters by any tag.
const MAX_TAG_CHOICES: usize = 300;

/// One option of a filter `<select>`: the value the browser matches, a label and a count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Choice {
    pub(crate) value: String,
    pub(crate) label: String,
    pub(crate) count: usize,
}

/// What the home page's filter form offers, taken from the events themselves.
#[derive(Debug, Clone, Default)]
pub(crate) struct FilterChoices {
    pub(crate) countries: Vec<Choice>,
    /// UN regions and sub-regions taking in any of the site's countries; the count is of
    /// the events of their member states (and of the region itself).
    pub(crate) regions: Vec<Choice>,
    /// Every type of the vocabulary, with 0 for those no event has.
    pub(crate) types: Vec<Choice>,
    pub(crate) tags: Vec<Choice>,
    /// How many people the person field can find.
    pub(crate) people: usize,
    /// First and last day covered by any event, as the date inputs' hints.
    pub(crate) first: String,
    pub(crate) last: String,
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage<'a> {
    c: Chrome<'a>,
    heading: String,
    intro: String,
    chart_svg: String,
    count: usize,
    recent: Vec<&'a str>,
    filters: FilterChoices,
    /// Every year with its count, newest first.
    years: Vec<(Link, usize)>,
    briefings: Vec<Link>,
    index_version: &'a str,
    /// The world map, and how many events it cannot show (regions, historical states only).
    map_svg: String,
    off_map: usize,
}

fn by_label(mut out: Vec<Choice>) -> Vec<Choice> {
    out.sort_by(|a, b| {
        a.label
            .to_lowercase()
            .cmp(&b.label.to_lowercase())
            .then_with(|| a.value.cmp(&b.value))
    });
    out
}

pub(crate) fn filter_choices(site: &Site) -> FilterChoices {
    let index = &site.index;
    let countries = by_label(
        index
            .countries
            .iter()
            .map(|(c, t)| Choice {
                value: c.code.clone(),
                label: c.name.clone(),
                count: t.events.len(),
            })
            .collect(),
    );
    let counts: BTreeMap<EventType, usize> = index
        .types
        .iter()
        .map(|(k, t)| (*k, t.events.len()))
        .collect();
    let types = EventType::ALL
        .iter()
        .map(|k| Choice {
            value: k.as_str().into(),
            label: k.plural().into(),
            count: counts.get(k).copied().unwrap_or(0),
        })
        .collect();
    let mut tags: Vec<Choice> = index
        .tags
        .iter()
        .map(|t| Choice {
            value: slugify(&t.label),
            label: t.label.clone(),
            count: t.events.len(),
        })
        .collect();
    if tags.len() > MAX_TAG_CHOICES {
        tags.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        tags.truncate(MAX_TAG_CHOICES);
    }
    let regions = super::browse::regions(index)
        .into_iter()
        .map(|(region, members)| {
            let mut seen = vec![false; site.events.len()];
            let mut count = 0;
            for m in members {
                for &i in &index.countries[m].1.events {
                    if !seen[i] {
                        seen[i] = true;
                        count += 1;
                    }
                }
            }
            Choice {
                value: region.code.clone(),
                label: region.name.clone(),
                count,
            }
        })
        .collect();
    FilterChoices {
        countries,
        regions,
        types,
        tags: by_label(tags),
        people: index.actors.len(),
        first: site
            .events
            .iter()
            .map(|e| e.date.first_day())
            .min()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        last: site
            .events
            .iter()
            .map(|e| e.date.last_day())
            .max()
            .map(|d| d.to_string())
            .unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "builder.html")]
struct BuilderPage<'a> {
    c: Chrome<'a>,
    /// `a4` or `letter`, from `site.yaml`.
    paper: &'static str,
}

impl Renderer<'_> {
    /// The briefing builder (`briefing.html`): a page the script fills with the events chosen
    /// on the timeline, ready to print, with their YAML for `content/briefings/`.
    pub(super) fn render_builder(&self) -> Result<(), RenderError> {
        let path = urls::BUILDER;
        let page = BuilderPage {
            c: self.chrome("", path, "Briefing builder".into()),
            paper: self.site.config.paper.as_str(),
        };
        self.file(super::render_html(path.into(), &page)?);
        Ok(())
    }

    pub(super) fn render_home(&self) -> Result<(), RenderError> {
        let site = self.site;
        let path = urls::HOME;
        let rows = RowCache::new(self.views, "");
        let n = site.events.len();
        let recent: Vec<usize> = (n.saturating_sub(RECENT)..n).rev().collect();
        let entry = |e| rows::entry_error(path, e);
        let all: Vec<usize> = (0..n).collect();
        let bars = year_bars(site, &all, "");
        let years = site
            .index
            .years
            .iter()
            .rev()
            .map(|(_, t)| {
                (
                    Link {
                        href: t.href.clone(),
                        label: t.label.clone(),
                    },
                    t.events.len(),
                )
            })
            .collect();
        let (map_svg, off_map) = super::map::world_map(&site.index, "");
        let page = IndexPage {
            c: self.chrome("", path, String::new()),
            heading: site.config.title.clone(),
            intro: site.config.description.clone(),
            chart_svg: chart::bar_chart(&bars, "Engagements per year"),
            count: n,
            recent: rows.rows(&recent).map_err(entry)?,
            filters: filter_choices(site),
            years,
            briefings: briefings::links(site),
            index_version: self.index_version,
            map_svg,
            off_map,
        };
        let capacity = 160 * 1024 + rows.len_of(&recent).map_err(entry)?;
        self.file(render_html_sized(path.into(), &page, capacity)?);
        Ok(())
    }
}
