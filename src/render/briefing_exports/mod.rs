//! A briefing in the forms briefings are published in, next to its page: a Word document
//! (`briefings/<id>.docx`), a timeline graphic (`briefings/<id>.svg`) and its rendering as an
//! image (`briefings/<id>.png`).
//!
//! In: a briefing, its selected events and its criteria lines. Out: [`OutputFile`]s.

pub mod docx;
pub mod png;
pub mod timeline_svg;

use super::OutputFile;
use crate::merge::Site;
use crate::model::{Briefing, Event, Precision};

/// The exported files of one briefing. A file that cannot be made is left out with a
/// warning on stderr: the rest of the site does not depend on it.
pub fn render(
    site: &Site,
    b: &Briefing,
    events: &[&Event],
    criteria: &[(&'static str, String)],
) -> Vec<OutputFile> {
    let config = &site.config;
    let mut files = Vec::new();
    let doc = docx::DocxBriefing {
        title: &b.title,
        site_title: &config.title,
        publisher: config.publisher.as_deref(),
        language: &config.language,
        as_of: b.as_of.or(config.as_of),
        criteria,
        intro_markdown: &b.intro_markdown,
        web_url: config
            .base_url_slash()
            .map(|base| format!("{base}briefings/{}.html", b.slug)),
        base_url: config.base_url_slash(),
        events,
        paper: config.paper,
    };
    let path = format!("briefings/{}.docx", b.slug);
    match docx::to_docx(&doc) {
        Ok(bytes) => files.push(OutputFile { path, bytes }),
        Err(e) => eprintln!("warning: {path} not written: {e}"),
    }

    let svg = timeline(site, b, events, criteria);
    let path = format!("briefings/{}.png", b.slug);
    match png::to_png(&svg) {
        Ok(bytes) => files.push(OutputFile { path, bytes }),
        Err(e) => eprintln!("warning: {path} not written: {e}"),
    }
    files.push(OutputFile {
        path: format!("briefings/{}.svg", b.slug),
        bytes: svg.into_bytes(),
    });
    files
}

/// The timeline graphic's SVG text.
pub fn timeline(
    site: &Site,
    b: &Briefing,
    events: &[&Event],
    criteria: &[(&'static str, String)],
) -> String {
    let config = &site.config;
    let items: Vec<timeline_svg::Item> = events
        .iter()
        .map(|e| timeline_svg::Item {
            id: e.id.clone(),
            title: e.title.clone(),
            date_label: e.date.human(),
            kind: e.kind,
            first: e.date.first_day(),
            last: e.date.last_day(),
            single_day: e.date.end.is_none() && e.date.start.precision() == Precision::Day,
        })
        .collect();
    let mut subtitle = Vec::new();
    if let Some(d) = b.as_of.or(config.as_of) {
        subtitle.push(format!("Information as of {}", d.human()));
    }
    subtitle.push(format!(
        "{} event{}",
        events.len(),
        if events.len() == 1 { "" } else { "s" }
    ));
    if let Some((_, period)) = criteria.iter().find(|(label, _)| *label == "Period") {
        subtitle.push(period.clone());
    }
    let credit = match config.base_url_slash() {
        Some(base) => format!("{} \u{00B7} {base}briefings/{}.html", config.title, b.slug),
        None => config.title.clone(),
    };
    timeline_svg::to_svg(
        &timeline_svg::Heading {
            title: &b.title,
            subtitle: &subtitle.join(" \u{00B7} "),
            credit: &credit,
        },
        &items,
    )
}
