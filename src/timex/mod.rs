//! Temporal-expression tagger for English news text.
//!
//! A shared library of the crate: extraction tags article bodies with it, `load` reads
//! news datelines with [`find_dateline`], and `entente timex` tags whole files (the article
//! itself is read by `load`, once, like every article).
//!
//! In: text, or a TimeML file, and optionally a document creation time (DCT). Out: [`Timex`]
//! records —
//! byte spans into the text as given, each with a TIMEX3 (TimeML 1.2) type,
//! value normalised against the DCT, and `mod`.
//!
//! Pipeline, one pass each: [`scan`] tokenises, [`grammar`] matches patterns
//! left to right (longest match wins), [`resolve`] turns each match into a
//! value using the DCT, the tense of the surrounding clause and the last time
//! mentioned. No regular expressions and no tables built at run time, so the
//! cost is a few `match` lookups per token.

mod datelines;
mod grammar;
mod lexicon;
mod resolve;
mod scan;
#[cfg(test)]
mod tests;
pub mod timeml;

use chrono::{Datelike, NaiveDate};
pub(crate) use datelines::agency_state;
/// The ordinal words the tagger reads ("second", "3rd"), for extraction's "the second day of
/// the summit".
pub(crate) use lexicon::{number_word, ordinal};

/// TIMEX3 `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimexType {
    /// A calendar point or period at day precision or coarser.
    Date,
    /// A point finer than a day (clock time, part of day).
    Time,
    /// A length of time (`P2D`).
    Duration,
    /// A recurrence (`P1Y` for "annually").
    Set,
}

impl TimexType {
    /// The TIMEX3 attribute spelling: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// Byte offset of the first character, into the text given to the tagger.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// TIMEX3 `type`.
    pub kind: TimexType,
    /// TIMEX3 `value`: `2025-05-06`, `2025-Q1`, `P2D`, `PAST_REF`, `XXXX-05-07`...
    pub value: String,
    /// TIMEX3 `mod`: `START`, `MID`, `END`, `APPROX`, `LESS_THAN`, ...
    pub modifier: Option<String>,
    /// For a day range written as one expression ("May 6-7", "March 26-27"):
    /// the value of its last day, resolved like the first (same year, same
    /// month unless the text names another). `value` holds the first day, as
    /// TimeML does for the whole span. `None` for anything that is not a range.
    pub end_value: Option<String>,
}

/// Convenience accessor for the end of a range; see [`Timex::end_value`].
pub fn range_end(t: &Timex) -> Option<String> {
    t.end_value.clone()
}

/// A news dateline such as `WASHINGTON, May 7 (KUNA) --`.
#[derive(Debug, Clone, PartialEq)]
pub struct Dateline {
    /// Where the story was filed ("WASHINGTON").
    pub place: String,
    /// The date it names; `None` when it names none or no year can be had.
    pub date: Option<NaiveDate>,
    /// The news agency in parentheses.
    pub agency: Option<String>,
    /// Byte span of the whole dateline, place to dash.
    pub start: usize,
    /// Byte offset one past the dash.
    pub end: usize,
}

/// Tag plain text. With `dct` `None`, a dateline that carries a full date
/// supplies it; otherwise relative expressions keep `X` placeholders.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    let dct = dct.or_else(|| find_dateline(text, None).and_then(|d| d.date));
    tag_resolved(text, dct)
}

/// Tag plain text against `dct` as given: no dateline is looked for, and without a DCT
/// relative expressions keep `X` placeholders.
pub fn tag_resolved(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    let toks = scan::tokenize(text);
    let cands = grammar::find(&toks);
    let mut ctx = resolve::Ctx {
        dct,
        reference: None,
    };
    let mut out = Vec::with_capacity(cands.len());
    for c in &cands {
        let r = resolve::resolve(c, &toks, &mut ctx);
        let (start, end) = (toks[c.s].start, toks[c.e - 1].end);
        out.push(Timex {
            start,
            end,
            text: text[start..end].to_string(),
            kind: r.kind,
            value: r.value,
            modifier: c.modifier.map(str::to_string),
            end_value: r.end_value,
        });
    }
    order_weekday_ranges(text, &mut out, dct);
    out
}

/// "from Monday to Friday" runs forward, but tense resolves each weekday on its own, so the
/// end can land before the start (a past Monday of this week, a past Friday of the week
/// before). Then the start moves back a week when both days are past, else the end forward.
fn order_weekday_ranges(text: &str, out: &mut [Timex], dct: Option<NaiveDate>) {
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let names_weekday = |t: &Timex| {
        let lower = t.text.to_ascii_lowercase();
        WEEKDAYS.iter().any(|d| lower.contains(d))
    };
    let day_of = |t: &Timex| {
        t.value
            .get(..10)
            .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
    };
    let with_day = |t: &Timex, d: NaiveDate| format!("{}{}", d.format("%Y-%m-%d"), &t.value[10..]);
    for i in 1..out.len() {
        let (a, b) = (&out[i - 1], &out[i]);
        let between = text.get(a.end..b.start).unwrap_or("").trim();
        if !matches!(
            between.to_ascii_lowercase().as_str(),
            "to" | "through" | "thru" | "until" | "till" | "-" | "\u{2013}"
        ) || !names_weekday(a)
            || !names_weekday(b)
        {
            continue;
        }
        let (Some(start), Some(end)) = (day_of(a), day_of(b)) else {
            continue;
        };
        if end >= start {
            continue;
        }
        let week = chrono::Duration::days(7);
        if dct.is_some_and(|d| start <= d && end <= d) {
            out[i - 1].value = with_day(&out[i - 1], start - week);
        } else {
            out[i].value = with_day(&out[i], end + week);
        }
    }
}

/// Tag a TimeML file (`.tml`, as in TimeBank): the DCT is `dct_override`, else the file's
/// `<DCT>`; only the text of `<TEXT>` is tagged, offsets into the file. `None` when the file
/// is not TimeML. Returns the DCT used and the expressions.
pub fn tag_timeml(
    file_text: &str,
    dct_override: Option<NaiveDate>,
) -> Option<(Option<NaiveDate>, Vec<Timex>)> {
    let doc = timeml::read(file_text)?;
    let dct = dct_override.or(doc.dct);
    let mut timexes = tag_resolved(&doc.text, dct);
    for t in &mut timexes {
        (t.start, t.end) = doc.file_span(t.start, t.end);
    }
    Some((dct, timexes))
}

/// How much of a document to search for a dateline.
const DATELINE_SEARCH: usize = 2000;

/// Find a news dateline near the start of `text`: an upper-case place, an
/// optional `Month Day[, Year]`, an agency in parentheses, then a dash
/// (`--`, `-`, `—`, `–`, `_`). A date without a year takes the year that puts
/// it nearest to `publication`; with neither, `date` is `None`.
pub fn find_dateline(text: &str, publication: Option<NaiveDate>) -> Option<Dateline> {
    let mut cut = text.len().min(DATELINE_SEARCH);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let toks = scan::tokenize(head);
    for (k, t) in toks.iter().enumerate() {
        if !t.is_punct('(') {
            continue;
        }
        if let Some(d) = dateline_at(head, &toks, k, publication) {
            return Some(d);
        }
    }
    datelines::plain_dateline(head, &toks, publication)
}

fn all_lower(s: &str) -> bool {
    (2..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

fn all_caps(s: &str) -> bool {
    s.len() >= 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn dateline_at(
    text: &str,
    toks: &[scan::Token],
    open: usize,
    publication: Option<NaiveDate>,
) -> Option<Dateline> {
    // Agency: up to six words, then ")" and a dash.
    let close = (open + 1..toks.len().min(open + 8)).find(|&k| toks[k].is_punct(')'))?;
    // Agencies sign in capitals, but some brands are lower case: "(dpa)".
    let single_brand =
        close == open + 2 && all_lower(&text[toks[open + 1].start..toks[open + 1].end]);
    if close == open + 1 || !(toks[open + 1].cap || single_brand) {
        return None;
    }
    let mut k = close + 1;
    // "(EFE).- ": a period before the dash.
    if toks.get(k).is_some_and(|t| t.is_punct('.'))
        && toks.get(k + 1).is_some_and(|t| datelines::is_dash(text, t))
    {
        k += 1;
    }
    let dash = toks.get(k)?;
    // "New Delhi [India], June 5 (ANI): ...": a colon for the dash. "OSAKA, June 28 (PTI)
    // Prime Minister ...": some agencies put nothing there; then the date before the
    // parenthesis and a sentence starting after it must show that this is a dateline.
    let dashless = !(datelines::is_dash(text, dash) || dash.is_punct(':'));
    if dashless {
        if !(dash.kind == scan::Kind::Word && dash.cap) {
            return None;
        }
        k = close;
    }
    while toks
        .get(k + 1)
        .is_some_and(|t| t.is_punct('-') && !t.space_before)
    {
        k += 1;
    }
    let end = toks[k].end;
    let agency = text[toks[open + 1].start..toks[close - 1].end].to_string();
    // "(ANSA) - Rome, August 30 - ...": the agency first, then the place and date.
    if !dashless && (open == 0 || toks[open].newline_before) && k + 1 < toks.len() {
        let after = datelines::plain_at(text, toks, k + 1, publication)
            .filter(|d| d.date.is_some() && d.agency.is_none());
        if let Some(d) = after {
            return Some(Dateline {
                agency: Some(agency),
                ..d
            });
        }
    }

    // Optional ", Month Day[, Year]" before the parenthesis.
    let mut date = None;
    let mut place_end = open;
    // The comma after which a date runs up to the parenthesis: "BEIJING, Dec. 30, 2024 (Xinhua)",
    // "NUSA DUA, Indonesia, Nov 16 (Wire)".
    for comma in (open.saturating_sub(7)..open).filter(|&c| toks[c].is_punct(',')) {
        let g = grammar::find(&toks[comma + 1..open]);
        if let Some(c) = g.first() {
            if c.s == 0 && comma + 1 + c.e == open {
                if let grammar::Expr::Ymd { y, m, d } = c.expr {
                    let y = y.or_else(|| publication.map(|p| resolve_year_near(p, m, d)));
                    date = y.and_then(|y| NaiveDate::from_ymd_opt(y, m, d));
                    place_end = comma;
                    break;
                }
            }
        }
    }
    // Place: capitalised words (and commas) back to the line start; it must
    // contain an all-caps word, where the place proper begins.
    let mut s = place_end;
    while s > 0 {
        let t = &toks[s - 1];
        let ok = (t.kind == scan::Kind::Word && t.cap)
            || t.is_punct(',')
            || t.is_punct('.')
            || t.is_punct('[')
            || t.is_punct(']')
            // "Ahmedabad (Gujarat) [India]": the city's state in parentheses.
            || (t.is_punct('(') || t.is_punct(')')) && bracketed_state(toks, s - 1)
            // "SHARM EL-SHEIKH": a hyphen inside a word of the place.
            || t.is_punct('-') && !t.space_before && !toks[s].space_before;
        if !ok {
            break;
        }
        s -= 1;
        if t.newline_before {
            break;
        }
    }

    // The place in capitals, or in brackets after its city ("New Delhi [India]").
    let bracketed = (s..place_end).any(|i| toks[i].is_punct('['));
    // "Doha, January 06 (QNA) - ": a place in ordinary capitals will do when a date and an
    // agency follow it at the start of a line.
    let line_start = s == 0 || toks[s].newline_before;
    let first_caps = (s..place_end)
        .find(|&i| all_caps(&text[toks[i].start..toks[i].end]))
        .or_else(|| {
            (bracketed || date.is_some() && line_start)
                .then_some(s)
                .filter(|&i| toks[i].kind == scan::Kind::Word && i < place_end)
        })?;
    if dashless && (date.is_none() || !line_start) {
        return None;
    }
    let place_last = (first_caps..place_end)
        .rev()
        .find(|&i| toks[i].kind == scan::Kind::Word)?;
    let written = &text[toks[first_caps].start..toks[place_last].end];
    // ("Ahmedabad (Gujarat) [India]": the state in parentheses is left out.)
    let written = match (written.find(" ("), written.find(')')) {
        (Some(open), Some(close)) if open < close => {
            format!("{}{}", &written[..open], &written[close + 1..])
        }
        _ => written.to_string(),
    };
    let place = written.replace(" [", ", ").replace(['[', ']'], "");
    Some(Dateline {
        place,
        date,
        agency: Some(agency),
        start: toks[first_caps].start,
        end,
    })
}

/// The parenthesis at `k` encloses one capitalised word right after a place word: "Ahmedabad
/// (Gujarat) [India]".
fn bracketed_state(toks: &[scan::Token], k: usize) -> bool {
    let open = if toks[k].is_punct('(') {
        k
    } else {
        k.saturating_sub(2)
    };
    open > 0
        && toks[open].is_punct('(')
        && toks.get(open + 2).is_some_and(|t| t.is_punct(')'))
        && toks
            .get(open + 1)
            .is_some_and(|t| t.kind == scan::Kind::Word && t.cap)
        && toks[open - 1].kind == scan::Kind::Word
        && toks[open - 1].cap
}

/// Year that puts month/day nearest to `p`.
fn resolve_year_near(p: NaiveDate, m: u32, d: u32) -> i32 {
    let y = p.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d).map(|x| (y, (x - p).num_days().abs())))
        .min_by_key(|&(_, dist)| dist)
        .map_or(y, |(y, _)| y)
}
