//! `entente timex`: print the temporal expressions of a document as JSON lines.
//!
//! Offsets are UTF-8 byte offsets into the file exactly as given. Bytes that are not UTF-8
//! are skipped (the valid stretches around them are tagged with their true offsets), so any
//! file can be tagged without a crash.

use super::CmdError;
use crate::pipeline::{self, Timex};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Read, Write};

#[derive(Serialize)]
struct JsonTimex<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<&'a str>,
}

fn to_json(t: &Timex) -> JsonTimex<'_> {
    JsonTimex {
        start: t.start,
        end: t.end,
        text: &t.text,
        kind: t.kind.as_str(),
        value: &t.value,
        modifier: t.modifier.as_deref(),
    }
}

/// Tags raw bytes: the whole file when it is UTF-8, else each valid stretch.
fn tag_bytes(bytes: &[u8], dct: Option<NaiveDate>) -> Vec<Timex> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return pipeline::tag_document(text, dct).1;
    }
    let mut out = Vec::new();
    let mut offset = 0;
    let mut doc_dct = dct;
    for (i, chunk) in bytes.utf8_chunks().enumerate() {
        let valid = chunk.valid();
        let found = if i == 0 {
            let (found_dct, timexes) = pipeline::tag_document(valid, dct);
            doc_dct = doc_dct.or(found_dct);
            timexes
        } else {
            pipeline::tag_text(valid, doc_dct)
        };
        out.extend(found.into_iter().map(|mut t| {
            t.start += offset;
            t.end += offset;
            t
        }));
        offset += valid.len() + chunk.invalid().len();
    }
    out
}

/// A document date that is not a date.
#[derive(Debug, thiserror::Error)]
#[error("invalid --dct \"{0}\": write it as YYYY-MM-DD")]
struct BadDct(String);

fn parse_dct(text: &str) -> Result<NaiveDate, BadDct> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| BadDct(text.to_string()))
}

/// Runs `entente timex FILE|- [--dct D]`.
pub(super) fn run(input: &str, dct: Option<&str>) -> Result<(), CmdError> {
    let dct = dct
        .map(parse_dct)
        .transpose()
        .map_err(|e| CmdError::Usage(e.to_string()))?;
    let bytes = if input == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(CmdError::Stdin)?;
        bytes
    } else {
        std::fs::read(input).map_err(|source| pipeline::ReadError::Io {
            path: input.into(),
            source,
        })?
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for t in tag_bytes(&bytes, dct) {
        if serde_json::to_writer(&mut out, &to_json(&t)).is_err() || writeln!(out).is_err() {
            return Ok(()); // stdout closed (e.g. piped into head): nothing more to do
        }
    }
    let _ = out.flush();
    Ok(())
}

#[derive(Deserialize)]
struct Request {
    text: String,
    #[serde(default)]
    dct: Option<String>,
}

/// `entente timex --jsonl`: one request per input line (`{"text": "...", "dct": "YYYY-MM-DD"}`),
/// one JSON array of timexes per output line, for tagging many documents in one process.
pub(super) fn serve_jsonl() -> Result<(), CmdError> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let reply = match serde_json::from_str::<Request>(&line) {
            Ok(req) => match req.dct.as_deref().map(parse_dct).transpose() {
                Ok(dct) => {
                    let found = pipeline::tag_document(&req.text, dct).1;
                    serde_json::to_string(&found.iter().map(to_json).collect::<Vec<_>>())
                        .unwrap_or_else(|_| "[]".into())
                }
                Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
            },
            Err(e) => serde_json::json!({ "error": format!("bad request: {e}") }).to_string(),
        };
        if writeln!(out, "{reply}").and_then(|_| out.flush()).is_err() {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bytes_keep_true_offsets() {
        let mut bytes = b"\xff\xfe junk ".to_vec();
        let prefix = bytes.len();
        bytes.extend_from_slice(b"He met them on 7 May 2025.");
        let found = tag_bytes(&bytes, None);
        let t = found
            .iter()
            .find(|t| t.value == "2025-05-07")
            .expect("date found");
        assert_eq!(&bytes[t.start..t.end], b"7 May 2025");
        assert!(t.start > prefix);
    }
}
