//! The `.docx` package: `docProps/core.xml`, written here so it carries the "as of" date
//! rather than the build's clock, and the zip of all parts in a fixed order with fixed
//! timestamps.

use super::blocks::clean;
use super::{DocxBriefing, ExportError};
use std::io::Write;

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in clean(text).chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(ch),
        }
    }
    out
}

/// `docProps/core.xml`: title, author, language, and the "as of" date as both created and
/// modified (never the build's clock), or no dates at all.
pub(super) fn core_xml(b: &DocxBriefing<'_>) -> Vec<u8> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    );
    xml.push_str(&format!("<dc:title>{}</dc:title>", xml_escape(b.title)));
    xml.push_str(&format!(
        "<dc:creator>{}</dc:creator>",
        xml_escape(b.publisher.unwrap_or(b.site_title))
    ));
    xml.push_str(&format!(
        "<dc:language>{}</dc:language>",
        xml_escape(b.language)
    ));
    if let Some(d) = b.as_of {
        let stamp = format!("{}T00:00:00Z", d.first_day());
        xml.push_str(&format!(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:modified>"
        ));
    }
    xml.push_str("</cp:coreProperties>");
    xml.into_bytes()
}

/// Writes the parts into a zip in a fixed order with fixed timestamps.
pub(super) fn package(parts: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, ExportError> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), options)
            .map_err(|source| ExportError::Zip {
                part: name.clone(),
                source,
            })?;
        zip.write_all(&bytes).map_err(|source| ExportError::Io {
            part: name.clone(),
            source,
        })?;
    }
    zip.finish()
        .map(|cursor| cursor.into_inner())
        .map_err(|source| ExportError::Zip {
            part: "the end of the package".into(),
            source,
        })
}
