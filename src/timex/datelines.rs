//! Datelines written without an agency in parentheses, as other outlets write them:
//! "WASHINGTON — ..." (newspapers), "TOKYO, Jan. 13 Kyodo - ..." and "MOSCOW, March 5.
//! /TASS/. ..." (agencies that sign without parentheses).

use super::{all_caps, grammar, resolve_year_near, scan, Dateline};
use chrono::{Datelike, NaiveDate};

/// The dateline a line of `text` opens with (the first three lines are tried).
pub(super) fn plain_dateline(
    text: &str,
    toks: &[scan::Token],
    publication: Option<NaiveDate>,
) -> Option<Dateline> {
    std::iter::once(0)
        .chain((1..toks.len()).filter(|&k| toks[k].newline_before))
        .take(3)
        .find_map(|i| {
            plain_at(text, toks, i, publication)
                .or_else(|| signed_after_date(text, toks, i, publication))
        })
}

/// "Tehran, June 13, IRNA -- ...", "Baku. 12 November. APA. ...", "ASTANA. October 12.
/// KAZINFORM - ...": a place (in any capitals), a date, then an agency in capitals, each
/// closed by a comma or a period, at the start of a line.
fn signed_after_date(
    text: &str,
    toks: &[scan::Token],
    i: usize,
    publication: Option<NaiveDate>,
) -> Option<Dateline> {
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    let on_line = |k: usize| k < toks.len() && (k == i || !toks[k].newline_before);
    let sep = |k: usize| on_line(k) && (toks[k].is_punct(',') || toks[k].is_punct('.'));
    let mut p = i;
    while on_line(p) && p < i + 3 && toks[p].kind == scan::Kind::Word && toks[p].cap {
        p += 1;
    }
    if p == i || !sep(p) {
        return None;
    }
    // The Gregorian date, first or after another calendar's ("Riyadh, Sha'ban 24, 1438,
    // May 20, 2017, SPA --"), each part closed by a comma.
    let (start, c, (y, m, d)) = (p + 1..toks.len().min(p + 12))
        .filter(|&o| o == p + 1 || sep(o - 1))
        .find_map(|o| {
            let window = &toks[o..toks.len().min(o + 8)];
            let c = grammar::find(window)
                .into_iter()
                .next()
                .filter(|c| c.s == 0)?;
            match c.expr {
                grammar::Expr::Ymd { y, m, d } => Some((o, c, (y, m, d))),
                _ => None,
            }
        })?;
    let mut k = start + c.e;
    if !sep(k) {
        return None;
    }
    k += 1;
    // The agency: one word in capitals, or joined by a hyphen ("ITAR-TASS").
    let agency_start = k;
    while on_line(k)
        && (toks[k].kind == scan::Kind::Word && all_caps(word(k))
            || toks[k].is_punct('-') && !toks[k].space_before && k > agency_start)
    {
        k += 1;
    }
    if k == agency_start {
        return None;
    }
    let agency = text[toks[agency_start].start..toks[k - 1].end].to_string();
    // "Ganja, June 15, AZERTAC" on a line of its own: the line's end is the dash.
    if !on_line(k) {
        k -= 1;
    } else if !(is_dash(text, &toks[k]) || toks[k].is_punct('.')) {
        return None;
    }
    while on_line(k + 1) && toks[k + 1].is_punct('-') && !toks[k + 1].space_before {
        k += 1;
    }
    let y = y.or_else(|| publication.map(|p| resolve_year_near(p, m, d)));
    Some(Dateline {
        place: text[toks[i].start..toks[p - 1].end].to_string(),
        date: y.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)),
        agency: Some(agency),
        start: toks[i].start,
        end: toks[k].end,
    })
}

/// A dash that ends a dateline ("-", "_", an em or en dash).
pub(super) fn is_dash(text: &str, t: &scan::Token) -> bool {
    matches!(&text[t.start..t.end], "-" | "_" | "\u{2014}" | "\u{2013}")
}

pub(super) fn plain_at(
    text: &str,
    toks: &[scan::Token],
    i: usize,
    publication: Option<NaiveDate>,
) -> Option<Dateline> {
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    let on_line = |k: usize| k < toks.len() && (k == i || !toks[k].newline_before);
    // The place: one to four words in capitals, or ("Jakarta, 20 July 2012 - ") up to three
    // in ordinary capitals when a date and a dash follow.
    let mut p = i;
    while on_line(p) && p < i + 4 && toks[p].kind == scan::Kind::Word && all_caps(word(p)) {
        p += 1;
    }
    let ordinary = p == i;
    if ordinary {
        while on_line(p) && p < i + 3 && toks[p].kind == scan::Kind::Word && toks[p].cap {
            p += 1;
        }
    }
    if p == i || !on_line(p) {
        return None;
    }
    let mut place = text[toks[i].start..toks[p - 1].end].to_string();
    let mut date = None;
    let mut agency = None;
    let mut k = p;
    let window = &toks[k + 1..toks.len().min(k + 9)];
    let found = grammar::find(window);
    let dated = found.first().filter(|c| c.s == 0);
    if ordinary && !(toks[k].is_punct(',') && dated.is_some()) {
        return None;
    }
    // "DURBAN May 4 Sapa The minister ...": no comma and no dash, so only a known
    // agency's signature after the date shows it is a dateline.
    let unpunctuated = (!ordinary && !toks[k].is_punct(','))
        .then(|| grammar::find(&toks[k..toks.len().min(k + 8)]))
        .and_then(|found| found.into_iter().next())
        .filter(|c| c.s == 0 && on_line(k + c.e) && agency_state(word(k + c.e)).is_some());
    if let Some(c) = unpunctuated {
        let grammar::Expr::Ymd { y, m, d } = c.expr else {
            return None;
        };
        let signed = k + c.e;
        let y = y.or_else(|| publication.map(|p| resolve_year_near(p, m, d)));
        return Some(Dateline {
            place,
            date: y.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)),
            agency: Some(word(signed).to_string()),
            start: toks[i].start,
            end: toks[signed].end,
        });
    }
    if toks[k].is_punct(',') && dated.is_none() {
        // "INDEPENDENCE, Mo. _", "NUSA DUA, Indonesia —": the state or country after it.
        let mut r = k + 1;
        while on_line(r) && r < k + 4 && toks[r].kind == scan::Kind::Word && toks[r].cap {
            r += 1;
        }
        if r == k + 1 {
            return None;
        }
        if on_line(r) && toks[r].is_punct('.') {
            r += 1;
        }
        place = text[toks[i].start..toks[r - 1].end].to_string();
        k = r;
    } else if toks[k].is_punct(',') {
        // "GABORONE, Monday" on a line of its own: a newspaper's story of the day before it
        // went to press, told of that weekday (the latest on or before publication).
        if let Some(c) = dated.filter(|c| !on_line(k + 1 + c.e)) {
            if let grammar::Expr::Weekday { wd, day: None, .. } = c.expr {
                let publication = publication?;
                let back = (publication.weekday().num_days_from_monday() + 7 - wd) % 7;
                return Some(Dateline {
                    place,
                    date: publication.checked_sub_days(chrono::Days::new(back.into())),
                    agency: None,
                    start: toks[i].start,
                    end: toks[k + c.e].end,
                });
            }
        }
        // ", Jan. 13" or ", March 5, 2024".
        let c = dated?;
        let grammar::Expr::Ymd { y, m, d } = c.expr else {
            return None;
        };
        let y = y.or_else(|| publication.map(|p| resolve_year_near(p, m, d)));
        date = y.and_then(|y| NaiveDate::from_ymd_opt(y, m, d));
        k += 1 + c.e;
        if on_line(k) && toks[k].is_punct('.') {
            k += 1;
        }
        // "/TASS/." or "Kyodo": the agency that signs the story.
        let slash = (k + 2..k + 8).find(|&j| on_line(j) && toks[j].is_punct('/'));
        if let Some(close) = slash.filter(|_| toks[k].is_punct('/')) {
            // ("/ITAR-TASS/": the agency's name may have a hyphen; "/NIA "Kabar"/": an
            // acronym and the name it is known by, the known one signing.)
            let signature = text[toks[k + 1].start..toks[close - 1].end].replace('"', "");
            let known = signature
                .split_whitespace()
                .find(|w| agency_state(w).is_some())
                .map(str::to_string);
            agency = Some(known.unwrap_or(signature));
            k = close + 1;
            if on_line(k) && toks[k].is_punct('.') {
                k += 1;
            }
            return Some(Dateline {
                place,
                date,
                agency,
                start: toks[i].start,
                end: toks[k - 1].end,
            });
        }
        // "BEIJING, JUNE 23. India and China on Monday signed ...": a newspaper's period
        // after the date, then the story (no agency and no dash after its first word).
        let after_period = k > 0 && toks[k - 1].is_punct('.');
        let story_follows = on_line(k + 1) && !is_dash(text, &toks[k + 1]);
        if after_period && !ordinary && date.is_some() && story_follows {
            return Some(Dateline {
                place,
                date,
                agency: None,
                start: toks[i].start,
                end: toks[k - 1].end,
            });
        }
        if on_line(k) && toks[k].kind == scan::Kind::Word && toks[k].cap {
            agency = Some(word(k).to_string());
            k += 1;
            // "Maracay, 14 Jan. AVN.- The ministers ...": a period before the dash.
            if on_line(k + 1) && toks[k].is_punct('.') && is_dash(text, &toks[k + 1]) {
                k += 1;
            }
        }
    }
    // "NEW DELHI, April 18: President ...": newspapers of South Asia close a dated
    // dateline with a colon.
    let colon = date.is_some() && agency.is_none() && on_line(k) && toks[k].is_punct(':');
    if !on_line(k) || !(is_dash(text, &toks[k]) || colon) {
        return None;
    }
    while on_line(k + 1) && toks[k + 1].is_punct('-') && !toks[k + 1].space_before {
        k += 1;
    }
    Some(Dateline {
        place,
        date,
        agency,
        start: toks[i].start,
        end: toks[k].end,
    })
}

/// The state of a national news agency, by the name it signs a dateline with ("PTI": India).
pub(crate) fn agency_state(signature: &str) -> Option<&'static str> {
    include_str!("agencies.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(name, _)| name.eq_ignore_ascii_case(signature.trim()))
        .map(|(_, code)| code)
}
