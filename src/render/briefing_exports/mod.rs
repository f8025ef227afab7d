//! A briefing in the forms briefings are published in, next to its page: a Word document
//! (`briefings/<id>.docx`), a timeline graphic (`briefings/<id>.svg`) and its rendering as an
//! image (`briefings/<id>.png`).
//!
//! In: a briefing, its selected events and its criteria lines. Out: [`OutputFile`]s.

pub mod docx;

use super::OutputFile;
use crate::merge::Site;
use crate::model::{Briefing, Event};

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
    files
}
