//! `content/site.yaml`: what a publisher sets once for the whole site.

use crate::model::PartialDate;
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// Site settings, as written in `content/site.yaml` (every field documented in the README).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSiteConfig {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Absolute URL the site is published at, used only where a full URL is required (feeds,
    /// sitemap, calendar). Pages link relatively, so the site also works under a sub-path and
    /// from `file://`.
    #[serde(default)]
    pub base_url: Option<String>,
    #[serde(default = "default_language")]
    pub language: String,
    /// "As of" date shown on every page: the date the content was last checked.
    #[serde(default)]
    pub as_of: Option<crate::load::yaml::Scalar>,
    #[serde(default)]
    pub publisher: Option<String>,
    /// Licence or copyright line shown in the footer.
    #[serde(default)]
    pub license: Option<String>,
    #[serde(default)]
    pub unreviewed: UnreviewedPolicy,
    #[serde(default)]
    pub paper: Paper,
}

fn default_language() -> String {
    "en".to_string()
}

/// Site settings after validation.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub description: String,
    pub base_url: Option<String>,
    pub language: String,
    pub as_of: Option<PartialDate>,
    pub publisher: Option<String>,
    pub license: Option<String>,
    pub unreviewed: UnreviewedPolicy,
    pub paper: Paper,
}

impl SiteConfig {
    /// `base_url` with exactly one trailing slash.
    pub fn base_url_slash(&self) -> Option<String> {
        self.base_url
            .as_ref()
            .map(|u| format!("{}/", u.trim_end_matches('/')))
    }

    /// Absolute URL of a site-relative path when `base_url` is set, else the relative path.
    pub fn absolute(&self, path: &str) -> String {
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
        }
    }
}
