//! `entente check`: load, extract and merge the site, report every problem, write nothing.

use super::CmdError;
use crate::pipeline::{self, BuildError};
use std::path::Path;

/// Checks the site at `root` and prints a summary when it has no problems.
pub(super) fn run(root: &Path) -> Result<(), CmdError> {
    let site = pipeline::check(root).map_err(BuildError::Content)?;
    super::print_warnings(&site.warnings);
    let warnings = match site.warnings.len() {
        0 => String::new(),
        1 => " (1 warning)".to_string(),
        n => format!(" ({n} warnings)"),
    };
    super::outln!(
        "ok: {} events, {} pages, {} articles; no problems found{warnings}",
        site.events.len() + site.review.len(),
        site.pages.len(),
        site.articles.len()
    )
}
