//! Site settings: what a publisher sets once for the whole site in `content/site.yaml`
//! (read and validated by `load`).

use super::PartialDate;
use serde::Deserialize;

/// What to do with events that extraction found and no person has reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum UnreviewedPolicy {
    /// Shown in the timeline like any other event, marked "unreviewed".
    Publish,
    /// Left out of the timeline; listed on the review page only.
    #[default]
    Review,
    /// Left out entirely.
    Omit,
}

/// Paper size of documents made for printing (the briefings' Word documents).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// ISO A4, 210 x 297 mm (the default).
    #[default]
    A4,
    /// US Letter, 8.5 x 11 in.
    Letter,
}

/// The language of a site that names none.
pub(crate) fn default_language() -> String {
    "en".to_string()
}

/// Site settings after validation.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    /// The site's name, in every page's title and header.
    pub title: String,
    /// Shown under the title on the home page and in `<meta>`.
    pub description: String,
    /// Absolute URL the site is published at, used only where a full URL is required (feeds,
    /// sitemap, calendar, canonical links). Pages link relatively, so the site also works
    /// under a sub-path and from `file://`.
    pub base_url: Option<String>,
    /// `<html lang>`.
    pub language: String,
    /// "As of" date shown on every page: the date the content was last checked.
    pub as_of: Option<PartialDate>,
    /// Footer and feed author.
    pub publisher: Option<String>,
    /// Licence or copyright line shown in the footer.
    pub license: Option<String>,
    /// What to do with extracted events no person has reviewed.
    pub unreviewed: UnreviewedPolicy,
    /// Paper size of printable documents (`a4` or `letter`).
    pub paper: Paper,
    /// The site's own country ("US" on a U.S.-focused site): left out of the countries shown
    /// in event lists, where it would be on nearly every event; kept in the data, the event
    /// pages, the exports and the filters.
    pub home_country: Option<super::Country>,
}

impl Paper {
    /// The name as written in `site.yaml` and used by the print style (`a4`, `letter`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }
}

impl SiteConfig {
    /// `base_url` with exactly one trailing slash.
    pub(crate) fn base_url_slash(&self) -> Option<String> {
        self.base_url
            .as_ref()
            .map(|u| format!("{}/", u.trim_end_matches('/')))
    }

    /// Absolute URL of a site-relative path when `base_url` is set, else the relative path.
    pub(crate) fn absolute(&self, path: &str) -> String {
        match self.base_url_slash() {
            Some(base) => format!("{base}{path}"),
            None => path.to_string(),
        }
    }
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Entente".into(),
            description: String::new(),
            base_url: None,
            language: default_language(),
            as_of: None,
            publisher: None,
            license: None,
            unreviewed: UnreviewedPolicy::default(),
            paper: Paper::default(),
            home_country: None,
        }
    }
}
