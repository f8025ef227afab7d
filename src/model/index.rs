//! The site index: every taxonomy (countries, people, types, tags, years) with its members,
//! and every event's permalink, computed once from the merged events for all pages to share.

use super::{urls, Country, Event, EventType};
use std::collections::BTreeMap;

/// One term of a taxonomy: its page and the events filed under it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Term {
    /// Shown in lists and headings: the name as first written.
    pub(crate) label: String,
    /// The term's page, relative to the site root.
    pub(crate) href: String,
    /// Indexes into the site's events, chronological.
    pub(crate) events: Vec<usize>,
}

/// Taxonomies and permalinks of a site's events.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SiteIndex {
    /// By country slug.
    pub(crate) countries: Vec<(Country, Term)>,
    /// By slug of the name; the label is the name as first seen.
    pub(crate) actors: Vec<Term>,
    /// In the vocabulary's order; the label is the plural.
    pub(crate) types: Vec<(EventType, Term)>,
    /// By slug of the tag; the label is the tag as first seen.
    pub(crate) tags: Vec<Term>,
    /// Oldest first.
    pub(crate) years: Vec<(i32, Term)>,
    /// Each event's page, in the order of the events.
    pub(crate) permalinks: Vec<String>,
}

impl SiteIndex {
    /// Files the events (in their final order) under every term they name.
    pub(crate) fn new(events: &[Event]) -> SiteIndex {
        let mut countries: BTreeMap<String, (Country, Term)> = BTreeMap::new();
        let mut actors: BTreeMap<String, Term> = BTreeMap::new();
        let mut types: BTreeMap<EventType, Term> = BTreeMap::new();
        let mut tags: BTreeMap<String, Term> = BTreeMap::new();
        let mut years: BTreeMap<i32, Term> = BTreeMap::new();
        for (i, e) in events.iter().enumerate() {
            for c in &e.countries {
                countries
                    .entry(c.slug())
                    .or_insert_with(|| (c.clone(), term(c.name.clone(), urls::country(c))))
                    .1
                    .events
                    .push(i);
            }
            for a in &e.actors {
                file_once(
                    actors
                        .entry(urls::term_slug(a))
                        .or_insert_with(|| term(a.clone(), urls::actor(a))),
                    i,
                );
            }
            for t in &e.tags {
                file_once(
                    tags.entry(urls::term_slug(t))
                        .or_insert_with(|| term(t.clone(), urls::tag(t))),
                    i,
                );
            }
            types
                .entry(e.kind)
                .or_insert_with(|| term(e.kind.plural().to_string(), urls::event_type(e.kind)))
                .events
                .push(i);
            let year = e.date.start.year;
            years
                .entry(year)
                .or_insert_with(|| term(year.to_string(), urls::year(year)))
                .events
                .push(i);
        }
        SiteIndex {
            countries: countries.into_values().collect(),
            actors: actors.into_values().collect(),
            types: types.into_iter().collect(),
            tags: tags.into_values().collect(),
            years: years.into_iter().collect(),
            permalinks: events.iter().map(|e| urls::event(&e.id)).collect(),
        }
    }
}

/// Files event `i` under `term` unless it already is: two names of one event can share a page
/// (`Security` and `security`), and the event must show on it once.
fn file_once(term: &mut Term, i: usize) {
    if term.events.last() != Some(&i) {
        term.events.push(i);
    }
}

fn term(label: String, href: String) -> Term {
    Term {
        label,
        href,
        events: Vec::new(),
    }
}
