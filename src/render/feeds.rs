//! Atom feed (`feed.atom`, newest 50 events) and iCalendar (`events.ics`, every event as an
//! all-day entry). Both are stamped from content dates, never the clock, so rebuilds of the
//! same content are byte-identical.

use super::markdown;
use super::OutputFile;
use crate::merge::Site;
use crate::model::Event;
use atom_syndication::{Entry, Feed, Link, Person, Text};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use icalendar::{Calendar, Component, EventLike};

fn midnight(date: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default())
}

fn stamp(site: &Site) -> NaiveDate {
    site.config
        .as_of
        .map(|d| d.last_day())
        .or_else(|| site.events.iter().map(|e| e.date.first_day()).max())
        .unwrap_or(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default())
}

fn event_url(site: &Site, event: &Event) -> String {
    site.config.absolute(&super::views::event_href(&event.id))
}

fn atom(site: &Site) -> String {
    let fixed = |d: NaiveDate| -> DateTime<FixedOffset> { midnight(d).fixed_offset() };
    let mut newest: Vec<&Event> = site.events.iter().collect();
    newest.sort_by(|a, b| b.sort_key().cmp(&a.sort_key()));
    newest.truncate(50);
    let id_base = site
        .config
        .base_url_slash()
        .unwrap_or_else(|| "urn:entente:".into());
    let entries: Vec<Entry> = newest
        .iter()
        .map(|e| {
            let mut entry = Entry::default();
            entry.set_id(format!("{id_base}events/{}", e.id));
            entry.set_title(Text::plain(format!("{}: {}", e.date.human(), e.title)));
            entry.set_updated(fixed(e.date.first_day()));
            let mut link = Link::default();
            link.set_href(event_url(site, e));
            entry.set_links(vec![link]);
            let mut summary = markdown::to_plain_text(&e.summary);
            if summary.is_empty() {
                summary = e
                    .countries
                    .iter()
                    .map(|c| c.name.clone())
                    .collect::<Vec<_>>()
                    .join(", ");
            }
            entry.set_summary(Some(Text::plain(summary)));
            entry
        })
        .collect();
    let mut feed = Feed::default();
    feed.set_title(Text::plain(site.config.title.clone()));
    feed.set_id(format!("{id_base}feed.atom"));
    feed.set_updated(fixed(stamp(site)));
    let mut author = Person::default();
    author.set_name(
        site.config
            .publisher
            .clone()
            .unwrap_or_else(|| site.config.title.clone()),
    );
    feed.set_authors(vec![author]);
    let mut self_link = Link::default();
    self_link.set_href(site.config.absolute("feed.atom"));
    self_link.set_rel("self");
    let mut home = Link::default();
    home.set_href(site.config.absolute("index.html"));
    feed.set_links(vec![self_link, home]);
    feed.set_entries(entries);
    feed.to_string()
}

fn ics(site: &Site) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&site.config.title);
    let dtstamp = midnight(stamp(site));
    for e in &site.events {
        let mut ev = icalendar::Event::new();
        ev.uid(&format!("{}@entente", e.id))
            .timestamp(dtstamp)
            .summary(&format!("{} ({})", e.title, e.kind.label()))
            .starts(e.date.first_day())
            // DTEND of an all-day event is exclusive: the day after the last day.
            .ends(e.date.last_day().succ_opt().unwrap_or(e.date.last_day()))
            .url(&event_url(site, e));
        let mut description = format!("Date: {}.", e.date.human());
        if !e.countries.is_empty() {
            description.push_str(&format!(
                " Countries: {}.",
                e.countries
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !e.actors.is_empty() {
            description.push_str(&format!(" People: {}.", e.actors.join(", ")));
        }
        let summary = markdown::to_plain_text(&e.summary);
        if !summary.is_empty() {
            description.push(' ');
            description.push_str(&summary);
        }
        ev.description(&description);
        if !e.places.is_empty() {
            ev.location(&e.places.join(", "));
        }
        calendar.push(ev.done());
    }
    calendar.done().to_string()
}

pub fn render(site: &Site) -> Vec<OutputFile> {
    vec![
        OutputFile {
            path: "feed.atom".into(),
            bytes: atom(site).into_bytes(),
        },
        OutputFile {
            path: "events.ics".into(),
            bytes: ics(site).into_bytes(),
        },
    ]
}
