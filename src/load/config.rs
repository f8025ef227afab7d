//! `content/site.yaml`: the site settings, read and validated into a [`SiteConfig`].

use super::yaml::{self, Scalar};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::config::default_language;
use crate::model::{Paper, PartialDate, SiteConfig, UnreviewedPolicy};
use serde::Deserialize;
use std::path::Path;

/// Site settings, as written in `content/site.yaml` (every field documented in the README).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSiteConfig {
    title: String,
    #[serde(default)]
    description: String,
    /// Absolute URL the site is published at, used only where a full URL is required (feeds,
    /// sitemap, calendar). Pages link relatively, so the site also works under a sub-path and
    /// from `file://`.
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default = "default_language")]
    language: String,
    /// "As of" date shown on every page: the date the content was last checked.
    #[serde(default)]
    as_of: Option<Scalar>,
    #[serde(default)]
    publisher: Option<String>,
    /// Licence or copyright line shown in the footer.
    #[serde(default)]
    license: Option<String>,
    #[serde(default)]
    unreviewed: UnreviewedPolicy,
    #[serde(default)]
    paper: Paper,
    /// The site's own country, left out of event lists (it would be on nearly every event).
    #[serde(default)]
    home_country: Option<String>,
}

/// Reads `site.yaml`; every problem goes to `problems`, and the defaults stand in for what is
/// wrong so the rest of the site can still be checked.
pub(crate) fn load_config(path: &Path, problems: &mut Diagnostics) -> SiteConfig {
    let text = match super::read_text(path) {
        Ok(t) => t,
        Err(d) => {
            // Not there at all, rather than there but unreadable (a directory that cannot be
            // listed says "not there" to `exists`).
            let missing = matches!(
                std::fs::symlink_metadata(path),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound
            );
            if !missing {
                problems.push(d);
            } else {
                problems.push(Diagnostic::file(
                    path,
                    "missing site.yaml: create it with at least `title: My timeline`",
                ));
            }
            return SiteConfig::default();
        }
    };
    let controls = yaml::control_characters(&text);
    if !controls.is_empty() {
        for e in controls {
            problems.push(Diagnostic::new(path, e.line, e.column, e.message));
        }
        return SiteConfig::default();
    }
    let raw: RawSiteConfig = match yaml::from_str(&text) {
        Ok(r) => r,
        Err(e) => {
            problems.push(Diagnostic::new(path, e.line, e.column, e.message));
            return SiteConfig::default();
        }
    };
    let mut as_of = None;
    if let Some(scalar) = &raw.as_of {
        match PartialDate::parse(&scalar.as_text()) {
            Ok(d) => as_of = Some(d),
            Err(e) => {
                let (line, column) =
                    yaml::locate(&text, &[yaml::Step::Key("as_of")]).unwrap_or((1, 1));
                problems.push(Diagnostic::new(path, line, column, e));
            }
        }
    }
    if crate::model::text::is_blank(&raw.title) {
        let (line, column) = yaml::locate(&text, &[yaml::Step::Key("title")]).unwrap_or((1, 1));
        problems.push(Diagnostic::new(
            path,
            line,
            column,
            "the site's `title` is empty: it heads every page (e.g. `title: My timeline`)",
        ));
    }
    if let Some(url) = &raw.base_url {
        let lower = url.to_ascii_lowercase();
        let problem = if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            Some(format!("base_url \"{url}\" must start with http:// or https:// (e.g. https://example.org/timeline/)"))
        } else {
            // Whatever else is wrong with it (no host, a space), as for a source's URL.
            crate::load::events::check_url(url)
                .err()
                .map(|e| format!("base_url: {e}"))
        };
        if let Some(message) = problem {
            let (line, column) =
                yaml::locate(&text, &[yaml::Step::Key("base_url")]).unwrap_or((1, 1));
            problems.push(Diagnostic::new(path, line, column, message));
        }
    }
    let mut home_country = None;
    if let Some(name) = &raw.home_country {
        match crate::model::Gazetteer::get().normalise(name) {
            Ok(c) => home_country = Some(c),
            Err(e) => {
                let (line, column) =
                    yaml::locate(&text, &[yaml::Step::Key("home_country")]).unwrap_or((1, 1));
                problems.push(Diagnostic::new(
                    path,
                    line,
                    column,
                    format!("home_country: {e}"),
                ));
            }
        }
    }
    SiteConfig {
        title: raw.title,
        description: raw.description,
        base_url: raw.base_url,
        language: raw.language,
        as_of,
        publisher: raw.publisher,
        license: raw.license,
        unreviewed: raw.unreviewed,
        paper: raw.paper,
        home_country,
    }
}
