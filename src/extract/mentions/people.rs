//! People a sentence names: titled ("Prime Minister X"), in apposition ("X, the foreign
//! minister"), or with their country ("Japan's X"), and the state each serves.

use super::lexicon::*;
use super::*;

pub(super) fn is_title_word(lower: &str) -> bool {
    let w = lower.trim_end_matches('.');
    TITLE_HEADS.contains(&w) || TITLE_MODIFIERS.contains(&w)
}

pub(crate) fn is_title_head(lower: &str) -> bool {
    let w = lower.trim_end_matches('.');
    let w = w
        .strip_suffix("-designate")
        .or_else(|| w.strip_suffix("-elect"))
        .unwrap_or(w);
    TITLE_HEADS.contains(&w)
}

/// Whether a token can be part of a person's name.
pub(super) fn name_word(t: &Tok) -> bool {
    t.word
        && t.cap
        && !not_a_name(&t.lower)
        && !is_title_word(&t.lower)
        && t.text.chars().any(char::is_alphabetic)
        && !t.text.chars().all(|c| c.is_ascii_uppercase() || c == '.') // "U.S.", "UN"
        || t.word && t.text.len() == 2 && t.text.ends_with('.') && t.cap // initials "W."
}

/// Finds people introduced by a title, and their countries from the words around them or,
/// for a leader named bare, from the leaders known by name in `year`.
pub(crate) fn people(toks: &[Tok], countries: &[CountryRef], year: Option<i32>) -> Vec<PersonRef> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A title: modifiers then a head, in any case ("foreign minister", "Foreign Minister").
        if !toks[i].word || !is_title_word(&toks[i].lower) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut head_at = None;
        while j < toks.len()
            && toks[j].word
            && (is_title_word(&toks[j].lower)
                || is_title_head(&toks[j].lower)
                || (j > i
                    && toks[j].lower == "of"
                    && toks.get(j + 1).is_some_and(|t| is_title_word(&t.lower))))
        {
            if is_title_head(&toks[j].lower) {
                head_at = Some(j);
            }
            j += 1;
        }
        // "Minister of Foreign Affairs", "Secretary of State".
        while toks.get(j).is_some_and(|t| t.lower == "of") {
            let mut k = j + 1;
            if toks.get(k).is_some_and(|t| t.lower == "the") {
                k += 1;
            }
            let mut m = k;
            while toks.get(m).is_some_and(|t| {
                t.word
                    && t.cap
                    && (is_title_word(&t.lower)
                        || matches!(
                            t.lower.as_str(),
                            "state" | "affairs" | "foreign" | "defense" | "defence"
                        ))
            }) {
                m += 1;
            }
            // "President of the Russian Federation Vladimir Putin": a state, then the name.
            if m == k {
                // "the President of the Republic, Emmanuel Macron": how a republic's own
                // texts name its head of state, the state left unsaid.
                // ("President of the Republic Tarja Halonen": or the name right after it.)
                let own_republic = toks.get(k).is_some_and(|t| t.cap && t.lower == "republic")
                    && toks
                        .get(k + 1)
                        .is_some_and(|t| t.is(",") || name_word(t) && lookup(&t.lower).is_none());
                // ("President of the Republic of Turkey X": a state's style before its name,
                // when the style and name are not one entry; the name right after it, as
                // agencies write it.)
                let styled = |c: &CountryRef| {
                    c.first > k
                        && c.first <= k + 4
                        && toks.get(c.last + 1).is_some_and(name_word)
                        && toks[k..c.first]
                            .iter()
                            .all(|t| t.cap && t.word || t.lower == "of")
                        && toks[c.first - 1].lower == "of"
                };
                let state_last = countries
                    .iter()
                    .find(|c| (c.first == k || styled(c)) && c.via == Via::Name)
                    .map(|c| c.last)
                    .or(own_republic.then_some(k));
                if let Some(state_last) = state_last {
                    // Or set off by a comma, as governments write it: "the President of
                    // the French Republic, H.E. Mr. Emmanuel Macron".
                    let mut n = state_last + 1;
                    if toks.get(n).is_some_and(|t| t.is(",")) {
                        n += 1;
                        while toks.get(n).is_some_and(|t| {
                            t.is(".")
                                || matches!(
                                    t.lower.trim_end_matches('.'),
                                    "h.e"
                                        | "mr"
                                        | "mrs"
                                        | "ms"
                                        | "dr"
                                        | "his"
                                        | "her"
                                        | "excellency"
                                )
                        }) {
                            n += 1;
                        }
                    }
                    let named = |t: &Tok| name_word(t) && lookup(&t.lower).is_none();
                    if toks.get(n).is_some_and(named) {
                        m = n;
                    }
                }
            }
            if m > k {
                j = m;
            } else {
                break;
            }
        }
        let Some(head) = head_at else {
            i = j.max(i + 1);
            continue;
        };
        // "Dr. Phil Gordon": the period of an abbreviated title.
        if toks.get(j).is_some_and(|t| t.is(".")) && toks[j - 1].text.len() <= 4 {
            j += 1;
        }
        // "The Taoiseach, Mr John Bruton, T.D., and ...", "The Prime Minister, Mark Carney,
        // today announced": the holder named in apposition to the title, set off by commas.
        // (A demonym may come between: "the British Prime Minister, the Rt. Hon. John Major,".)
        let lead = countries
            .iter()
            .find(|c| c.via == Via::Demonym && c.last + 1 == i)
            .map_or(i, |c| c.first);
        let apposed =
            lead > 0 && toks[lead - 1].lower == "the" && toks.get(j).is_some_and(|t| t.is(","));
        if apposed {
            let mut n = j + 1;
            while toks.get(n).is_some_and(|t| {
                t.is(".")
                    || matches!(
                        t.lower.trim_end_matches('.'),
                        "the" | "rt" | "hon" | "h.e" | "mr" | "mrs" | "ms" | "dr" | "his" | "her"
                    )
            }) {
                n += 1;
            }
            j = n;
        }
        // A lower-case title must be followed by a capitalised name to be one.
        let mut k = j;
        let mut name: Vec<&Tok> = Vec::new();
        while k < toks.len() {
            let t = &toks[k];
            // "Rosa Vidal de la Madrid": particles, one or two, before a name.
            let is_particle = |x: &Tok| PARTICLES.contains(&x.lower.as_str());
            // "President van der Berg": a surname may open with them, in lower case.
            let opens_surname = k == j && t.text != "y" && !t.cap;
            let particle = (!name.is_empty() || opens_surname)
                && is_particle(t)
                && (toks.get(k + 1).is_some_and(name_word)
                    || toks.get(k + 1).is_some_and(is_particle)
                        && toks.get(k + 2).is_some_and(name_word));
            // "President Mauricio Macri": a first name that names a country in another
            // language, before a surname.
            let first_name = name.is_empty()
                && k == j
                && toks
                    .get(k + 1)
                    .is_some_and(|n| name_word(n) && lookup(&n.lower).is_none());
            // "Miguel de la Madrid": after a particle, a place's name is a surname.
            let after_particle = name.last().is_some_and(|p| is_particle(p));
            let not_a_place = after_particle
                || lookup(&t.lower)
                    .is_none_or(|(_, via)| via == Via::City || first_name && via == Via::Name);
            // "Prime Minister Theresa May at ...": a month that is a surname after a first
            // name, when no day follows it.
            let month_surname = !name.is_empty()
                && t.cap
                && matches!(t.lower.as_str(), "may" | "june" | "april" | "august")
                && toks
                    .get(k + 1)
                    .is_none_or(|n| !n.text.starts_with(|c: char| c.is_ascii_digit()));
            // "George W Bush": an initial without its full stop, as some agencies write it.
            let initial = !name.is_empty()
                && t.text.len() == 1
                && t.text.chars().all(|c| c.is_ascii_uppercase())
                && toks.get(k + 1).is_some_and(name_word);
            if name_word(t) && not_a_place || particle || month_surname || initial {
                name.push(t);
                k += 1;
                if t.possessive {
                    break;
                }
            } else {
                break;
            }
        }
        while name
            .last()
            .is_some_and(|t| PARTICLES.contains(&t.lower.as_str()))
        {
            name.pop();
            k -= 1;
        }
        // (Closed by a comma, or by the sentence's end: "..., and the British Prime
        // Minister, Mrs Anne Hale.")
        let closed = toks
            .get(k)
            .is_none_or(|t| t.is(",") || t.is(".") && k + 1 == toks.len());
        if name.is_empty() || name.len() > 5 || apposed && !closed {
            i = j.max(i + 1);
            continue;
        }
        let title = toks[i..=head.max(i)]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ");
        let speaker = matches!(
            toks[head].lower.as_str(),
            "spokesman" | "spokeswoman" | "spokesperson"
        );
        let visiting = i > 0
            && toks[..i]
                .iter()
                .rev()
                .take(3)
                .any(|t| t.lower == "visiting");
        let first = i;
        let last = k - 1;
        let said = person_country(toks, countries, first, last).or_else(|| {
            title_country(toks, i, head).and_then(|c| Gazetteer::get().by_code(c).cloned())
        });
        let by_name = said.is_none();
        let country = said.or_else(|| {
            let title: Vec<&str> = toks[i..=head].iter().map(|t| t.text).collect();
            let name: Vec<&str> = name.iter().map(|t| t.text).collect();
            leaders::country_of(&title, &name, year)
                .or_else(|| leaders::country_by_full_name(&name, year))
                .and_then(|c| Gazetteer::get().by_code(c).cloned())
        });
        out.push(PersonRef {
            name: name.iter().map(|t| t.text).collect::<Vec<_>>().join(" "),
            title,
            by_name: by_name && country.is_some(),
            country,
            first,
            last,
            visiting,
            speaker,
        });
        i = k;
    }
    // "Chinese President Jiang Zemin and Prime Minister Li Peng": the second shares the
    // first one's country.
    for k in 1..out.len() {
        if out[k].country.is_none()
            && out[k - 1].last + 2 == out[k].first
            && toks[out[k - 1].last + 1].lower == "and"
        {
            out[k].country = out[k - 1].country.clone();
        }
    }
    out.extend(untitled_with_country(toks, countries, &out));
    let apposed = apposed_roles(toks, countries, &out);
    out.extend(apposed);
    out.sort_by_key(|p| p.first);
    out
}

/// Titles only one state uses, for officials the text names without their country: the
/// Pope heads the Holy See (EVENTS.md R1); "Secretary of State" alone, in English news, is
/// the United States' (the British one is "Secretary of State for ...").
pub(super) fn title_country(toks: &[Tok], first: usize, head: usize) -> Option<&'static str> {
    let words: Vec<&str> = toks[first..=head]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    match words.as_slice() {
        [.., "pope"] => Some("VA"),
        [.., "taoiseach"] => Some("IE"),
        [.., "secretary"]
            if toks.get(head + 1).is_some_and(|t| t.lower == "of")
                && toks.get(head + 2).is_some_and(|t| t.lower == "state")
                && toks.get(head + 3).is_none_or(|t| t.lower != "for") =>
        {
            Some("US")
        }
        _ => None,
    }
}

/// The country of a person from the words around the mention at tokens `first..=last`:
/// a demonym or country just before ("Chinese Vice Premier", "China's President",
/// "visiting Romanian"), or "of <country>" just after ("President Hu Jintao of China").
pub(super) fn person_country(
    toks: &[Tok],
    countries: &[CountryRef],
    first: usize,
    last: usize,
) -> Option<Country> {
    // Just before: allow "visiting", "then", "former", "new", "the" in between.
    let mut k = first;
    while k > 0
        && matches!(
            toks[k - 1].lower.as_str(),
            "visiting"
                | "then"
                | "former"
                | "new"
                | "the"
                | "incoming"
                | "outgoing"
                | "top"
                | "senior"
        )
    {
        k -= 1;
    }
    if let Some(c) = countries
        .iter()
        .find(|c| c.last + 1 == k && c.via != Via::City)
    {
        return Some(c.country.clone());
    }
    // "Minister of Foreign Affairs of Japan ..." or "... Hu Jintao of China".
    let after = last + 1;
    if toks.get(after).is_some_and(|t| t.lower == "of") {
        let mut k = after + 1;
        if toks.get(k).is_some_and(|t| t.lower == "the") {
            k += 1;
        }
        if let Some(c) = countries
            .iter()
            .find(|c| c.first == k && c.via != Via::City)
        {
            return Some(c.country.clone());
        }
    }
    // A role set off after the name, as governments write it: "Mr. Taro Sato, Prime
    // Minister of Japan, held ...". Only title words may stand before the state, so that
    // "Mr. X, Prime Minister Y of Japan" (a list of people) does not give X Japan.
    if toks.get(after).is_some_and(|t| t.is(",")) {
        let mut k = after + 1;
        let mut titled = false;
        while toks.get(k).is_some_and(|t| {
            t.word
                && (is_title_word(&t.lower)
                    || is_title_head(&t.lower)
                    || matches!(
                        t.lower.as_str(),
                        "of" | "the" | "for" | "foreign" | "affairs"
                    ))
        }) {
            titled |= is_title_head(&toks[k].lower);
            k += 1;
        }
        if let Some(c) = countries.iter().find(|c| {
            let of = toks[k - 1].lower == "of"
                || toks[k - 1].lower == "the" && toks[k - 2].lower == "of";
            // ("X, President of Russia Vladimir Putin, ...": the role is the next man's.)
            let role_ends = toks.get(c.last + 1).is_none_or(|t| !name_word(t));
            titled && of && role_ends && c.first == k && c.via != Via::City && c.is_state()
        }) {
            return Some(c.country.clone());
        }
    }
    // Inside the title: "Minister of Foreign Affairs of Japan Taro Aso".
    countries
        .iter()
        .find(|c| c.first > first && c.last < last && c.via != Via::City)
        .map(|c| c.country.clone())
}

/// People named before a role set off by commas: "David Gross, coordinator of international
/// communication policy in the State Department, said", "Li Changchun, member of the
/// Standing Committee ...". The role's first state (a name, demonym or seat) is theirs.
pub(super) fn apposed_roles(
    toks: &[Tok],
    countries: &[CountryRef],
    known: &[PersonRef],
) -> Vec<PersonRef> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let taken = |k: usize| known.iter().any(|p| p.first <= k && k <= p.last);
        if taken(i) || !name_word(&toks[i]) || i > 0 && name_word(&toks[i - 1]) {
            i += 1;
            continue;
        }
        let mut k = i;
        while k < toks.len() && name_word(&toks[k]) && !taken(k) && lookup(&toks[k].lower).is_none()
        {
            k += 1;
        }
        let len = k - i;
        if !(2..=4).contains(&len) || !toks.get(k).is_some_and(|t| t.is(",")) {
            i = k.max(i + 1);
            continue;
        }
        // The role runs to the next comma; a title word must be in its first few words.
        let end = (k + 1..toks.len())
            .find(|&j| toks[j].is(",") || toks[j].is("."))
            .unwrap_or(toks.len());
        let role_head = (k + 1..end.min(k + 5))
            .find(|&j| is_title_head(&toks[j].lower) || toks[j].lower == "member");
        if let Some(head) = role_head {
            let country = countries
                .iter()
                .find(|c| c.first > k && c.last < end && c.via != Via::City && c.is_state())
                .map(|c| c.country.clone());
            let speaker = matches!(
                toks[head].lower.as_str(),
                "spokesman" | "spokeswoman" | "spokesperson"
            );
            out.push(PersonRef {
                by_name: false,
                name: join(&toks[i..k]),
                title: toks[k + 1..=head]
                    .iter()
                    .map(|t| t.text)
                    .collect::<Vec<_>>()
                    .join(" "),
                country,
                first: i,
                last: k - 1,
                visiting: false,
                speaker,
            });
        }
        i = k.max(i + 1);
    }
    out
}

/// People named without a title but with their country: "Denis Sassou-Nguesso of the
/// Republic of Congo", "Lee Hae-chan, South Korea's prime minister".
pub(super) fn untitled_with_country(
    toks: &[Tok],
    countries: &[CountryRef],
    titled: &[PersonRef],
) -> Vec<PersonRef> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if titled.iter().any(|p| p.first <= i && i <= p.last) || !name_word(&toks[i]) {
            i += 1;
            continue;
        }
        let mut k = i;
        while k < toks.len()
            && (name_word(&toks[k])
                || k > i
                    && PARTICLES.contains(&toks[k].lower.as_str())
                    && toks.get(k + 1).is_some_and(name_word))
            && lookup(&toks[k].lower).is_none()
            && !titled.iter().any(|p| p.first <= k && k <= p.last)
        {
            k += 1;
            if toks[k - 1].possessive {
                break;
            }
        }
        let len = k - i;
        if !(2..=4).contains(&len) {
            i = k.max(i + 1);
            continue;
        }
        // "of Uganda", "of the Republic of Congo" (its name read from "Congo").
        let of_country = toks
            .get(k)
            .is_some_and(|t| t.lower == "of")
            .then(|| {
                let mut m = k + 1;
                if toks.get(m).is_some_and(|t| t.lower == "the") {
                    m += 1;
                }
                countries.iter().find(|c| {
                    c.is_state()
                        && c.via == Via::Name
                        && (m..=m + 3).contains(&c.first)
                        && toks[m..c.first]
                            .iter()
                            .all(|t| t.word && t.cap || t.lower == "of")
                })
            })
            .flatten();
        // "X, Country's <title>" or "X, <demonym> <title>".
        let apposed = toks.get(k).is_some_and(|t| t.is(","))
            && countries
                .iter()
                .any(|c| c.first == k + 1 && c.is_state() && c.via != Via::City)
            && {
                let c = countries.iter().find(|c| c.first == k + 1);
                c.is_some_and(|c| {
                    toks.get(c.last + 1)
                        .is_some_and(|t| is_title_word(&t.lower))
                })
            };
        // "Russia's Ivan Morozov": a state's possessive before a full name.
        // (Not when the run stopped at a capitalised word: "Jordan's Dead Sea resort".)
        let owned_by = (i > 0
            && toks[i - 1].possessive
            && !toks[k - 1].possessive
            && !toks.get(k).is_some_and(|t| t.word && t.cap))
        .then(|| {
            countries
                .iter()
                .find(|c| c.last + 1 == i && c.is_state() && c.via == Via::Name)
        })
        .flatten();
        if of_country.is_some() || apposed || owned_by.is_some() {
            let country = if let Some(c) = of_country.or(owned_by) {
                Some(c.country.clone())
            } else {
                countries
                    .iter()
                    .find(|c| c.first == k + 1)
                    .map(|c| c.country.clone())
            };
            out.push(PersonRef {
                by_name: false,
                name: join(&toks[i..k]),
                title: String::new(),
                country,
                first: i,
                last: k - 1,
                visiting: false,
                speaker: false,
            });
        }
        i = k.max(i + 1);
    }
    out
}
