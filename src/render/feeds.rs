//! Atom feed (`feed.atom`, newest 50 events) and iCalendar (`events.ics`, every event as an
//! all-day entry). Both are stamped from content dates, never the clock, so rebuilds of the
//! same content are byte-identical.

use super::views::EventView;
use crate::model::{urls, Event, OutputFile, Site};
use atom_syndication::{Entry, Feed, Link, Person, Text};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Utc};
use icalendar::{Calendar, Component, EventLike};
use rayon::prelude::*;

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

/// Text for XML 1.0: the control characters it forbids (all of C0 but tab, LF and CR, and
/// U+FFFE/U+FFFF) are dropped, so one odd title cannot make the whole feed unreadable.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || !(c < ' ' || c == '\u{fffe}' || c == '\u{ffff}')
        })
        .collect()
}

/// Text for an iCalendar value: every line break becomes one LF (which the calendar writer
/// escapes as `\n`) and other control characters are dropped, so no text can end its line
/// early and start a property of its own (a bare CR is a line break to many readers).
fn ical_text(text: &str) -> String {
    // Nearly every text is already clean: copying it beats three passes.
    if !text.contains(|c: char| c.is_control() && c != '\n' && c != '\t') {
        return text.to_string();
    }
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

fn event_url(site: &Site, event: &Event) -> String {
    site.config.absolute(&urls::event(&event.id))
}

fn atom(site: &Site, views: &[EventView]) -> String {
    let fixed = |d: NaiveDate| -> DateTime<FixedOffset> { midnight(d).fixed_offset() };
    let mut newest: Vec<(&Event, &EventView)> = site.events.iter().zip(views).collect();
    newest.sort_by(|a, b| b.0.sort_key().cmp(&a.0.sort_key()));
    newest.truncate(50);
    let id_base = site
        .config
        .base_url_slash()
        .unwrap_or_else(|| "urn:entente:".into());
    let entries: Vec<Entry> = newest
        .iter()
        .map(|&(e, view)| {
            let mut entry = Entry::default();
            entry.set_id(format!("{id_base}{}", urls::event_entry(&e.id)));
            entry.set_title(Text::plain(xml_text(&format!(
                "{}: {}",
                e.date.human(),
                e.title
            ))));
            entry.set_updated(fixed(e.date.first_day()));
            let mut link = Link::default();
            link.set_href(event_url(site, e));
            entry.set_links(vec![link]);
            let mut summary = view.plain_summary.clone();
            if summary.is_empty() {
                summary = e
                    .countries
                    .iter()
                    .map(|c| c.name.clone())
                    .collect::<Vec<_>>()
                    .join(", ");
            }
            entry.set_summary(Some(Text::plain(xml_text(&summary))));
            entry
        })
        .collect();
    let mut feed = Feed::default();
    feed.set_title(Text::plain(xml_text(&site.config.title)));
    feed.set_id(format!("{id_base}{}", urls::FEED));
    feed.set_updated(fixed(stamp(site)));
    let mut author = Person::default();
    author.set_name(xml_text(
        site.config
            .publisher
            .as_deref()
            .unwrap_or(&site.config.title),
    ));
    feed.set_authors(vec![author]);
    let mut self_link = Link::default();
    self_link.set_href(site.config.absolute(urls::FEED));
    self_link.set_rel("self");
    let mut home = Link::default();
    home.set_href(site.config.absolute(urls::HOME));
    feed.set_links(vec![self_link, home]);
    feed.set_entries(entries);
    feed.to_string()
}

/// One VEVENT, in iCalendar text.
fn ics_event(site: &Site, e: &Event, view: &EventView, dtstamp: DateTime<Utc>) -> String {
    let mut ev = icalendar::Event::new();
    ev.uid(&format!("{}@entente", e.id))
        .timestamp(dtstamp)
        .summary(&ical_text(&format!("{} ({})", e.title, e.kind.label())))
        .starts(e.date.first_day())
        .url(&event_url(site, e));
    // DTEND of an all-day event is exclusive: the day after the last day, which for a range
    // ending on 9999-12-31 is a year iCalendar cannot write; a DURATION says the same.
    match e.date.last_day().succ_opt().filter(|d| d.year() <= 9999) {
        Some(end) => {
            ev.ends(end);
        }
        None => {
            let days = (e.date.last_day() - e.date.first_day()).num_days() + 1;
            ev.add_property("DURATION", format!("P{days}D"));
        }
    }
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
    if !view.plain_summary.is_empty() {
        description.push(' ');
        description.push_str(&view.plain_summary);
    }
    ev.description(&ical_text(&description));
    if !e.places.is_empty() {
        ev.location(&ical_text(&e.places.join(", ")));
    }
    ev.done().to_string()
}

fn ics(site: &Site, views: &[EventView]) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&ical_text(&site.config.title));
    let dtstamp = midnight(stamp(site));
    // Events are formatted in parallel and spliced in where the calendar would write them:
    // the same bytes as pushing them all, without formatting thousands in one thread.
    let events: Vec<String> = site
        .events
        .par_iter()
        .zip(views)
        .map(|(e, view)| ics_event(site, e, view, dtstamp))
        .collect();
    let shell = calendar.done().to_string();
    const END: &str = "END:VCALENDAR\r\n";
    let head = shell.strip_suffix(END).unwrap_or(&shell);
    let mut out = String::with_capacity(
        head.len() + events.iter().map(String::len).sum::<usize>() + END.len(),
    );
    out.push_str(head);
    for e in &events {
        out.push_str(e);
    }
    out.push_str(END);
    fold(&out)
}

/// Folds every line of iCalendar text at 75 octets, as RFC 5545 (3.1) requires: never inside
/// a UTF-8 sequence, continuation lines starting with one space. The calendar writer's own folding is undone first, so the result does not depend on
/// how it counts.
fn fold(text: &str) -> String {
    const LIMIT: usize = 75;
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 64 * 3);
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        let mut room = LIMIT;
        loop {
            if rest.len() <= room {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = room;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            room = LIMIT - 1;
        }
    }
    out
}

/// `feed.atom` and `events.ics`; `views` are the events' views, in the same order.
pub(crate) fn render(site: &Site, views: &[EventView]) -> Vec<OutputFile> {
    let (atom, ics) = rayon::join(|| atom(site, views), || ics(site, views));
    vec![
        OutputFile {
            path: urls::FEED.into(),
            bytes: atom.into_bytes(),
        },
        OutputFile {
            path: urls::CALENDAR.into(),
            bytes: ics.into_bytes(),
        },
    ]
}
