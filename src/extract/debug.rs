//! A trace of what extraction saw, for people tuning its rules: set
//! `ENTENTE_DEBUG_EXTRACT=1` and `entente extract` prints, on standard error, each
//! sentence's countries, people, dates and triggers, then the mentions before folding.

use super::document::{Doc, Sent};
use super::folding::Mention;
use super::triggers::Trigger;

pub(super) fn document(doc: &Doc) {
    eprintln!(
        "dct {} here {:?} home {:?} agency {:?}",
        doc.dct,
        doc.here.as_ref().map(|h| (&h.place, &h.country.code)),
        doc.home,
        doc.agency_home
    );
}

pub(super) fn sentence(doc: &Doc, s: &Sent, found: &[Trigger]) {
    eprintln!("-- [{}] {}", s.index, &doc.text[s.start..s.end]);
    eprintln!(
        "   countries {:?}",
        s.countries
            .iter()
            .map(|c| format!("{}@{}{:?}", c.country.code, c.first, c.via))
            .collect::<Vec<_>>()
    );
    eprintln!(
        "   people {:?}",
        s.people
            .iter()
            .map(|p| format!(
                "{}({})@{}",
                p.name,
                p.country.as_ref().map_or("?", |c| c.code.as_str()),
                p.first
            ))
            .collect::<Vec<_>>()
    );
    eprintln!(
        "   times {:?}",
        s.times
            .iter()
            .map(|t| format!("{}={}@{}", t.timex.text, t.timex.value, t.first))
            .collect::<Vec<_>>()
    );
    for t in found {
        eprintln!(
            "   trigger {:?} '{}' neg={} hyp={} fut={} clause={:?}",
            t.kind,
            s.toks[t.first..=t.last]
                .iter()
                .map(|x| x.text)
                .collect::<Vec<_>>()
                .join(" "),
            t.negated,
            t.hypothetical,
            t.future,
            t.clause
        );
    }
}

pub(super) fn mentions(mentions: &[Mention]) {
    for m in mentions {
        eprintln!(
            "mention {:?} {} {:?} states {:?} sent {} days {:?} {:?} traveller {:?} to {:?}",
            m.kind,
            m.date.iso(),
            m.date_source,
            m.parties
                .states()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>(),
            m.sentence,
            m.days,
            m.anchor,
            m.parties.traveller.as_ref().map(|c| c.code.as_str()),
            m.parties
                .destinations
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>()
        );
    }
}
