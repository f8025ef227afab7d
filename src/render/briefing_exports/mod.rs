//! A briefing in the forms briefings are published in, next to its page: a Word document
//! (`briefings/<id>.docx`), a timeline graphic (`briefings/<id>.svg`) and its rendering as an
//! image (`briefings/<id>.png`).
//!
//! In: a briefing, its selected events and its criteria lines. Out: [`OutputFile`]s.

pub(crate) mod docx;
pub(crate) mod png;
pub(crate) mod timeline_svg;

use super::{OutputFile, RenderError};
use crate::model::Site;
use crate::model::{Briefing, Event, Precision};

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ExportError {
    /// Packing the Word document's parts into its zip failed.
    #[error("cannot pack part {part}: {source}")]
    Zip {
        /// The part being written.
        part: String,
        /// What the zip writer reported.
        #[source]
        source: zip::result::ZipError,
    },
    /// Writing into the in-memory zip failed.
    #[error("cannot write part {part}: {source}")]
    Io {
        /// The part being written.
        part: String,
        /// What failed.
        #[source]
        source: std::io::Error,
    },
    /// The Word writer produced a part that is not UTF-8.
    #[error("the Word writer produced invalid text: {0}")]
    Text(#[from] std::string::FromUtf8Error),
    /// The graphic could not be read back for drawing.
    #[error("cannot read the graphic back: {0}")]
    Svg(#[from] resvg::usvg::Error),
    /// The graphic is too large (or empty) to draw.
    #[error("cannot draw an image of {width}x{height}")]
    Size {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// Encoding the picture as PNG failed.
    #[error("cannot encode the image: {0}")]
    Png(#[from] ::png::EncodingError),
}

/// The exported files of one briefing.
pub(crate) fn render(
    site: &Site,
    b: &Briefing,
    events: &[&Event],
    criteria: &[(&'static str, String)],
) -> Result<Vec<OutputFile>, RenderError> {
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
    let bytes = docx::to_docx(&doc).map_err(|source| RenderError::Export {
        path: path.clone(),
        source,
    })?;
    files.push(OutputFile { path, bytes });

    let svg = timeline(site, b, events, criteria);
    let path = format!("briefings/{}.png", b.slug);
    let bytes = png::to_png(&svg).map_err(|source| RenderError::Export {
        path: path.clone(),
        source,
    })?;
    files.push(OutputFile { path, bytes });
    files.push(OutputFile {
        path: format!("briefings/{}.svg", b.slug),
        bytes: svg.into_bytes(),
    });
    Ok(files)
}

/// The timeline graphic's SVG text.
pub(crate) fn timeline(
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
