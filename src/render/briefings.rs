//! Briefing pages: a print-ready page per saved selection, with CSV and Markdown exports.

use super::views::{EventView, Link};
use super::{markdown, RenderError};
use crate::model::{urls, Briefing, Event, OutputFile, PartialDate, Site};
use askama::Template;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Links to the briefings from the site root, for the home page.
pub(crate) fn links(site: &Site) -> Vec<Link> {
    site.briefings
        .iter()
        .map(|b| Link {
            href: urls::briefing(&b.slug),
            label: b.title.clone(),
        })
        .collect()
}

/// A numbered source in the briefing's reference list.
pub(crate) struct Citation {
    pub(crate) n: usize,
    pub(crate) title: String,
    pub(crate) publisher: String,
    pub(crate) date: String,
    pub(crate) url: String,
    pub(crate) article_href: String,
}

pub(crate) struct BriefingItem<'a> {
    pub(crate) e: &'a EventView,
    pub(crate) cites: Vec<usize>,
}

#[derive(Template)]
#[template(path = "briefing.html")]
struct BriefingPage<'a> {
    lang: &'a str,
    site_title: &'a str,
    title: &'a str,
    intro_html: String,
    criteria: Vec<(&'static str, String)>,
    as_of: Option<(String, String)>,
    url: String,
    canonical: String,
    slug: &'a str,
    items: Vec<BriefingItem<'a>>,
    citations: Vec<Citation>,
    /// `a4` or `letter`, from `site.yaml`: the paper it prints on unless the reader picks.
    paper: &'static str,
    /// The `<iframe>` snippet of the briefing's embed page (see `embed.rs`).
    embed_code: String,
}

pub(crate) struct BriefingSummary {
    pub(crate) link: Link,
    pub(crate) slug: String,
    pub(crate) period: String,
    pub(crate) count: usize,
}

#[derive(Template)]
#[template(path = "briefing_index.html")]
struct BriefingIndex<'a> {
    lang: &'a str,
    site_title: &'a str,
    canonical: String,
    briefings: Vec<BriefingSummary>,
}

fn period(b: &Briefing) -> String {
    match (b.from, b.to) {
        (Some(f), Some(t)) if f == t => f.human(),
        (Some(f), Some(t)) => format!("{} \u{2013} {}", f.human(), t.human()),
        (Some(f), None) => format!("from {}", f.human()),
        (None, Some(t)) => format!("until {}", t.human()),
        (None, None) => "all dates".into(),
    }
}

fn criteria(b: &Briefing, count: usize) -> Vec<(&'static str, String)> {
    let mut out = vec![("Period", period(b))];
    let joined = |items: Vec<String>| items.join(", ");
    if !b.countries.is_empty() {
        out.push((
            "Countries",
            joined(b.countries.iter().map(|c| c.name.clone()).collect()),
        ));
    }
    if !b.actors.is_empty() {
        out.push(("People", joined(b.actors.clone())));
    }
    if !b.types.is_empty() {
        out.push((
            "Types",
            joined(b.types.iter().map(|t| t.plural().to_string()).collect()),
        ));
    }
    if !b.tags.is_empty() {
        out.push(("Tags", joined(b.tags.clone())));
    }
    out.push((
        "Events",
        format!("{count} event{}", if count == 1 { "" } else { "s" }),
    ));
    out
}

/// Numbers every distinct source in order of first citation.
fn cite(events: &[&Event]) -> (Vec<Vec<usize>>, Vec<Citation>) {
    let mut numbers: BTreeMap<(String, String, String, String), usize> = BTreeMap::new();
    let mut citations = Vec::new();
    let mut per_event = Vec::new();
    for e in events {
        let mut cites = Vec::new();
        for s in &e.sources {
            // One page is one source, however each event titles or dates it; a source
            // without an address is one by its title, publisher and date.
            let key = match &s.url {
                Some(url) => (String::new(), url.clone(), String::new(), String::new()),
                None => (
                    s.title.clone(),
                    String::new(),
                    s.publisher.clone().unwrap_or_default(),
                    s.date.map(|d| d.iso()).unwrap_or_default(),
                ),
            };
            let n = *numbers.entry(key).or_insert_with(|| {
                citations.push(Citation {
                    n: citations.len() + 1,
                    title: s.title.clone(),
                    publisher: s
                        .publisher
                        .clone()
                        .filter(|p| *p != s.title)
                        .unwrap_or_default(),
                    date: s.date.map(|d: PartialDate| d.human()).unwrap_or_default(),
                    url: s.url.clone().unwrap_or_default(),
                    article_href: s.article.as_deref().map(urls::article).unwrap_or_default(),
                });
                citations.len()
            });
            if !cites.contains(&n) {
                cites.push(n);
            }
        }
        per_event.push(cites);
    }
    (per_event, citations)
}

/// Markdown special characters escaped, so titles print as written. Line breaks become spaces:
/// a title must not be able to start a new block (a heading, raw HTML, a list item).
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if ch.is_control() {
            out.push(' ');
            continue;
        }
        if matches!(
            ch,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// A URL for a Markdown autolink (`<url>`): the characters that would end the autolink or
/// turn the rest into raw HTML (`<`, `>`, spaces, controls) are percent-encoded.
fn md_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for ch in url.chars() {
        if ch == '<' || ch == '>' || ch == '"' || ch.is_whitespace() || ch.is_control() {
            let mut buf = [0u8; 4];
            for b in ch.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(ch);
        }
    }
    out
}

fn to_markdown(
    site: &Site,
    b: &Briefing,
    events: &[&Event],
    cites: &[Vec<usize>],
    citations: &[Citation],
) -> String {
    let config = &site.config;
    // Links work from the file's own folder, or anywhere once the site has a base URL.
    let link = |path: &str| match config.base_url_slash() {
        Some(base) => format!("{base}{path}"),
        None => format!("../{path}"),
    };
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", md_escape(&b.title));
    let as_of = b.as_of.or(config.as_of);
    let _ = write!(md, "Briefing from {}", md_escape(&config.title));
    if let Some(d) = as_of {
        let _ = write!(md, ", information as of {}", d.human());
    }
    let _ = writeln!(
        md,
        ". Web version: <{}>.\n",
        md_url(&link(&urls::briefing(&b.slug)))
    );
    for (label, value) in criteria(b, events.len()) {
        let _ = writeln!(md, "- **{label}:** {}", md_escape(&value));
    }
    md.push('\n');
    if !b.intro_markdown.trim().is_empty() {
        let _ = writeln!(md, "{}\n", b.intro_markdown.trim_end());
    }
    md.push_str("## Chronology\n\n");
    if events.is_empty() {
        md.push_str("No events match this selection.\n\n");
    }
    for (i, (e, cites)) in events.iter().zip(cites).enumerate() {
        let _ = writeln!(
            md,
            "{}. **{}** \u{2014} [{}]({}) ({})",
            i + 1,
            e.date.human(),
            md_escape(&e.title),
            md_url(&link(&urls::event(&e.id))),
            e.kind.label()
        );
        let mut facts = Vec::new();
        if !e.countries.is_empty() {
            let names: Vec<&str> = e.countries.iter().map(|c| c.name.as_str()).collect();
            facts.push(format!("Countries: {}", names.join(", ")));
        }
        if !e.actors.is_empty() {
            facts.push(format!("People: {}", e.actors.join(", ")));
        }
        if !e.places.is_empty() {
            facts.push(format!("Places: {}", e.places.join(", ")));
        }
        if !facts.is_empty() {
            let _ = writeln!(md, "   {}", md_escape(&facts.join("; ")));
        }
        let summary = markdown::to_plain_text(&e.summary);
        let refs: String = cites.iter().map(|n| format!("\\[{n}\\]")).collect();
        match (summary.is_empty(), refs.is_empty()) {
            (true, true) => {}
            (true, false) => {
                let _ = writeln!(md, "   Sources: {refs}");
            }
            (false, _) => {
                let _ = writeln!(md, "   {} {refs}", md_escape(&summary));
            }
        }
        md.push('\n');
    }
    if !citations.is_empty() {
        md.push_str("## Sources\n\n");
        for c in citations {
            let _ = write!(md, "{}. {}", c.n, md_escape(&c.title));
            if !c.publisher.is_empty() {
                let _ = write!(md, ", {}", md_escape(&c.publisher));
            }
            if !c.date.is_empty() {
                let _ = write!(md, ", {}", c.date);
            }
            if !c.url.is_empty() {
                let _ = write!(md, ". <{}>", md_url(&c.url));
            }
            md.push('\n');
        }
    }
    md
}

pub(crate) fn render(site: &Site, views: &[EventView]) -> Result<Vec<OutputFile>, RenderError> {
    if site.briefings.is_empty() {
        return Ok(Vec::new());
    }
    let config = &site.config;
    let mut files = Vec::new();
    let mut summaries = Vec::new();
    for b in &site.briefings {
        let selected: Vec<usize> = site
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| b.selects(e))
            .map(|(i, _)| i)
            .collect();
        let events: Vec<&Event> = selected.iter().map(|&i| &site.events[i]).collect();
        let (cites, citations) = cite(&events);
        let path = urls::briefing(&b.slug);
        let as_of = b.as_of.or(config.as_of).map(|d| (d.iso(), d.human()));
        let page = BriefingPage {
            lang: &config.language,
            site_title: &config.title,
            title: &b.title,
            intro_html: markdown::to_html(&b.intro_markdown),
            criteria: criteria(b, events.len()),
            as_of,
            url: config.absolute(&path),
            canonical: config
                .base_url_slash()
                .map(|base| format!("{base}{path}"))
                .unwrap_or_default(),
            slug: &b.slug,
            paper: config.paper.as_str(),
            embed_code: super::embed::iframe_code(
                &config.absolute(&urls::briefing_embed(&b.slug)),
                &format!("{} \u{00B7} {}", b.title, config.title),
            ),
            items: selected
                .iter()
                .zip(cites.iter())
                .map(|(&i, c)| BriefingItem {
                    e: &views[i],
                    cites: c.clone(),
                })
                .collect(),
            citations,
        };
        let markdown_text = to_markdown(site, b, &events, &cites, &page.citations);
        files.push(super::render_html(path.clone(), &page)?);
        files.push(OutputFile {
            path: urls::briefing_csv(&b.slug),
            bytes: super::exports::to_csv(events.iter().copied()),
        });
        files.push(OutputFile {
            path: urls::briefing_markdown(&b.slug),
            bytes: markdown_text.into_bytes(),
        });
        // Word document, timeline graphic and its image (issue 17).
        files.extend(super::briefing_exports::render(
            site,
            b,
            &events,
            &page.criteria,
        )?);
        summaries.push(BriefingSummary {
            link: Link {
                href: urls::briefing_from_index(&b.slug),
                label: b.title.clone(),
            },
            slug: b.slug.clone(),
            period: period(b),
            count: events.len(),
        });
    }
    files.push(super::render_html(
        urls::BRIEFINGS.into(),
        &BriefingIndex {
            lang: &config.language,
            site_title: &config.title,
            canonical: config
                .base_url_slash()
                .map(|base| format!("{base}{}", urls::BRIEFINGS))
                .unwrap_or_default(),
            briefings: summaries,
        },
    )?);
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventDate, EventType, Gazetteer, Origin, Source};

    fn event(id: &str, date: &str, countries: &[&str], kind: EventType) -> Event {
        Event {
            id: id.into(),
            date: EventDate::new(PartialDate::parse(date).unwrap(), None).unwrap(),
            title: format!("Event {id}"),
            kind,
            host: None,
            actors: vec!["Marco Rubio".into()],
            countries: countries
                .iter()
                .map(|c| Gazetteer::get().normalise(c).unwrap())
                .collect(),
            places: vec![],
            tags: vec!["Caribbean".into()],
            summary: String::new(),
            sources: vec![Source {
                title: "Dispatch".into(),
                publisher: None,
                url: Some("https://example.org/a".into()),
                date: None,
                article: None,
            }],
            origin: Origin::HandWritten {
                file: "x.yaml".into(),
                line: 1,
            },
            reviewed: true,
        }
    }

    #[test]
    fn identical_sources_share_one_number() {
        let a = event("a", "2025-03", &["JM"], EventType::Tour);
        let mut b = event("b", "2025-04", &["JM"], EventType::Tour);
        b.sources.push(Source {
            title: "Other".into(),
            publisher: None,
            url: None,
            date: None,
            article: None,
        });
        let (cites, citations) = cite(&[&a, &b]);
        assert_eq!(cites, vec![vec![1], vec![1, 2]]);
        assert_eq!(citations.len(), 2);
        // The same page under another title or date is still one source (issue 16).
        let mut c = event("c", "2025-05", &["JM"], EventType::Tour);
        c.sources[0].title = "Dispatch, updated".into();
        c.sources[0].date = Some(PartialDate::parse("2025-05-02").unwrap());
        let (cites, citations) = cite(&[&a, &c]);
        assert_eq!(cites, vec![vec![1], vec![1]]);
        assert_eq!(citations.len(), 1);
    }

    #[test]
    fn markdown_escapes_titles() {
        assert_eq!(md_escape("a *b* [c]"), "a \\*b\\* \\[c\\]");
    }
}
