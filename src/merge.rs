//! Stage 3: merge extracted events with hand-written ones into the site's event list.
//!
//! In: loaded [`Content`] and the events extraction found. Out: a [`Site`] whose events are
//! sorted, de-duplicated and filtered by the site's policy for unreviewed events.
//! - The same engagement reported by several articles becomes one event with all sources.
//! - A hand-written event that matches an extracted one wins field by field and gains the
//!   articles as sources; a hand-written `suppress: true` with an extracted id removes it.

use crate::model::{Content, Event, EventType, Origin, Site, SiteIndex, UnreviewedPolicy};
use std::collections::HashSet;

/// Whether two events describe the same engagement: compatible dates, a shared country (or
/// actor when neither has countries) and compatible types.
pub(crate) fn same_engagement(a: &Event, b: &Event) -> bool {
    if !a.date.overlaps(&b.date) {
        return false;
    }
    let compatible_types = a.kind == b.kind
        || matches!(
            (a.kind, b.kind),
            (EventType::Visit, EventType::Tour)
                | (EventType::Tour, EventType::Visit)
                | (EventType::Meeting, EventType::Visit)
                | (EventType::Visit, EventType::Meeting)
        );
    if !compatible_types {
        return false;
    }
    let shared_country = a
        .countries
        .iter()
        .filter(|c| c.code != "US" || b.countries.len() == 1 || a.countries.len() == 1)
        .any(|c| b.countries.contains(c));
    let shared_actor = a.actors.iter().any(|x| {
        let x = x.to_lowercase();
        b.actors.iter().any(|y| {
            let y = y.to_lowercase();
            x.rsplit(' ').next() == y.rsplit(' ').next()
        })
    });
    shared_country && (shared_actor || a.actors.is_empty() || b.actors.is_empty())
}

fn absorb(into: &mut Event, from: Event) {
    for s in from.sources {
        if !into.sources.contains(&s) {
            into.sources.push(s);
        }
    }
    if let (
        Origin::Extracted {
            evidence,
            confidence,
            ..
        },
        Origin::Extracted {
            evidence: other,
            confidence: other_conf,
            ..
        },
    ) = (&mut into.origin, from.origin)
    {
        evidence.extend(other);
        // Independent reports of the same engagement make it more likely to be real.
        *confidence = 1.0 - (1.0 - *confidence) * (1.0 - other_conf);
    }
    for c in from.countries {
        if !into.countries.contains(&c) {
            into.countries.push(c);
        }
    }
    for a in from.actors {
        if !into.actors.contains(&a) {
            into.actors.push(a);
        }
    }
    for p in from.places {
        if !into.places.contains(&p) {
            into.places.push(p);
        }
    }
}

/// Merges and orders events.
pub(crate) fn merge(content: Content, extracted: Vec<Event>) -> Site {
    let suppressed: HashSet<&str> = content
        .suppressed
        .iter()
        .map(|(id, _, _)| id.as_str())
        .collect();
    let mut used: HashSet<String> = HashSet::new();
    let mut hand = content.events;
    let hand_ids: HashSet<String> = hand.iter().map(|e| e.id.clone()).collect();
    // Extracted events from several articles that describe the same engagement become one.
    let mut merged_extracted: Vec<Event> = Vec::new();
    for event in extracted {
        if suppressed.contains(event.id.as_str()) {
            used.insert(event.id.clone());
            continue;
        }
        // A hand-written event with the same id replaces the extracted one outright.
        if hand_ids.contains(&event.id) {
            if let Some(h) = hand.iter_mut().find(|h| h.id == event.id) {
                absorb_sources_only(h, event);
            }
            continue;
        }
        if let Some(h) = hand.iter_mut().find(|h| same_engagement(h, &event)) {
            absorb_sources_only(h, event);
            continue;
        }
        match merged_extracted
            .iter_mut()
            .find(|m| same_engagement(m, &event))
        {
            Some(m) => absorb(m, event),
            None => merged_extracted.push(event),
        }
    }
    let mut events = hand;
    let mut review = Vec::new();
    for e in merged_extracted {
        match content.config.unreviewed {
            UnreviewedPolicy::Publish => events.push(e),
            UnreviewedPolicy::Review => review.push(e),
            UnreviewedPolicy::Omit => {}
        }
    }
    events.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    review.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut warnings = content.warnings;
    // A `suppress` that removes nothing is most likely a mistyped id (or one extraction no
    // longer makes): the event it meant is still on the site.
    for (id, file, line) in &content.suppressed {
        if !used.contains(id) {
            warnings.push(crate::diagnostics::Diagnostic::warning(
                file,
                *line,
                1,
                format!(
                    "`suppress` names \"{id}\", which no article's extracted event has: nothing \
                     was removed; check the id against the review page or `entente extract`"
                ),
            ));
        }
    }
    Site {
        config: content.config,
        review,
        pages: content.pages,
        articles: content.articles,
        briefings: content.briefings,
        actors: content.actors,
        warnings,
        index: SiteIndex::new(&events),
        events,
    }
}

/// A hand-written event keeps its own fields; the extracted one only adds its article as a
/// source so readers can check it.
fn absorb_sources_only(hand: &mut Event, extracted: Event) {
    for s in extracted.sources {
        if !hand
            .sources
            .iter()
            .any(|h| h.article.is_some() && h.article == s.article)
            && !hand.sources.contains(&s)
        {
            hand.sources.push(s);
        }
    }
}
