//! Briefing pages: a print-ready page per saved selection, with CSV and Markdown exports.

use super::views::EventView;
use super::OutputFile;
use crate::merge::Site;

pub fn render(site: &Site, views: &[EventView]) -> Vec<OutputFile> {
    let _ = (site, views);
    Vec::new()
}
