//! MEANTIME (NewsReader CAT XML) reader for the timex scorer.
//!
//! In: a folder of `.xml` files (or of such folders, one table row each),
//! each with `<token t_id=.. sentence=..>` words and stand-off
//! `<TIMEX3 type=.. value=..>` elements anchored on tokens. Out: the same
//! [`GoldDoc`]s the TimeML reader builds, so the same scorer applies.
//!
//! The corpus keeps no whitespace, so the text is rebuilt: tokens joined by
//! one space, none before closing punctuation and clitics (`,` `.` `)` `'s`
//! `n't`) or after opening ones (`(` `$`); a sentence that ends without
//! final punctuation (the headline) is followed by a blank line, others by a
//! space. The document creation time (`functionInDocument="CREATION_TIME"`)
//! becomes the DCT and, as in TimeML where it sits outside `<TEXT>`, its
//! line is left out of the text and of the gold set. TIMEX3 elements without
//! token anchors (implicit times) are skipped. Only the first sentences of
//! each article are annotated (for any markable), so the text stops after
//! the last sentence that holds an annotation anchor.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::timeml::{decode_entities, evaluate_sets, load_timeml, GoldDoc, GoldTimex};

/// Value of attribute `name` inside a start tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(p) = rest.find(name) {
        let before_ok = p == 0 || rest.as_bytes()[p - 1].is_ascii_whitespace();
        let after = &rest[p + name.len()..];
        if before_ok {
            if let Some(v) = after.strip_prefix("=\"") {
                let end = v.find('"')?;
                return Some(decode_entities(&v[..end]));
            }
        }
        rest = after;
    }
    None
}

struct Tok {
    id: u32,
    sentence: u32,
    text: String,
}

struct Mention {
    kind: String,
    value: String,
    dct: bool,
    anchors: Vec<u32>,
}

fn no_space_before(w: &str) -> bool {
    matches!(
        w,
        "," | "."
            | ";"
            | ":"
            | "?"
            | "!"
            | ")"
            | "]"
            | "%"
            | "'s"
            | "'"
            | "n't"
            | "'re"
            | "'ve"
            | "'ll"
            | "'d"
            | "'m"
    ) || w.starts_with("'s")
}

fn no_space_after(w: &str) -> bool {
    matches!(w, "(" | "[" | "$" | "US$" | "#")
}

/// Parse one MEANTIME document.
pub fn parse_meantime(name: &str, src: &str) -> Result<GoldDoc, crate::EvalError> {
    let mut toks = Vec::new();
    let mut mentions = Vec::new();
    // Only the first sentences of each article are annotated: every
    // markable's anchor tells how far the annotation reaches.
    let mut last_anchor = 0u32;
    let mut a = src;
    while let Some(q) = a.find("<token_anchor") {
        a = &a[q..];
        let e = a.find('>').unwrap_or(a.len());
        if let Some(id) = attr(&a[..e], "t_id").and_then(|v| v.parse::<u32>().ok()) {
            last_anchor = last_anchor.max(id);
        }
        a = &a[e..];
    }
    let mut rest = src;
    while let Some(p) = rest.find('<') {
        rest = &rest[p..];
        let close = rest.find('>').ok_or_else(|| crate::EvalError::Malformed {
            doc: name.to_string(),
            problem: "unterminated tag",
        })?;
        let tag = &rest[1..close];
        if let Some(inner) = tag.strip_prefix("token ") {
            let body = &rest[close + 1..];
            let end = body
                .find("</token>")
                .ok_or_else(|| crate::EvalError::Malformed {
                    doc: name.to_string(),
                    problem: "unterminated token",
                })?;
            let id = attr(inner, "t_id").and_then(|v| v.parse().ok());
            let sentence = attr(inner, "sentence").and_then(|v| v.parse().ok());
            if let (Some(id), Some(sentence)) = (id, sentence) {
                toks.push(Tok {
                    id,
                    sentence,
                    text: decode_entities(body[..end].trim()),
                });
            }
            rest = &body[end..];
            continue;
        }
        if let Some(inner) = tag.strip_prefix("TIMEX3 ") {
            let self_closing = inner.trim_end().ends_with('/');
            let mut m = Mention {
                kind: attr(inner, "type").unwrap_or_default(),
                value: attr(inner, "value").unwrap_or_default(),
                dct: attr(inner, "functionInDocument").as_deref() == Some("CREATION_TIME"),
                anchors: Vec::new(),
            };
            let body = &rest[close + 1..];
            if !self_closing {
                let end = body
                    .find("</TIMEX3>")
                    .ok_or_else(|| crate::EvalError::Malformed {
                        doc: name.to_string(),
                        problem: "unterminated TIMEX3",
                    })?;
                let mut a = &body[..end];
                while let Some(q) = a.find("<token_anchor") {
                    a = &a[q..];
                    let e = a.find('>').unwrap_or(a.len());
                    if let Some(id) = attr(&a[..e], "t_id").and_then(|v| v.parse().ok()) {
                        m.anchors.push(id);
                    }
                    a = &a[e..];
                }
                rest = &body[end..];
            } else {
                rest = body;
            }
            if !m.anchors.is_empty() {
                mentions.push(m);
            }
            continue;
        }
        rest = &rest[close + 1..];
    }
    toks.sort_by_key(|t| t.id);
    let last_sentence = toks
        .iter()
        .find(|t| t.id == last_anchor)
        .map_or(u32::MAX, |t| t.sentence);
    toks.retain(|t| t.sentence <= last_sentence);

    // The DCT, and the sentence holding nothing but it, which is dropped.
    // A few documents mark it badly ("03-02-2009", or no CREATION_TIME):
    // then the date line under the headline ("February 03 , 2009") gives it.
    let sentence_text = |s: u32| {
        toks.iter()
            .filter(|t| t.sentence == s)
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let date_line = NaiveDate::parse_from_str(&sentence_text(1), "%B %d , %Y").ok();
    let whole_sentence = |m: &Mention| {
        let first = toks.iter().find(|t| m.anchors.contains(&t.id))?.sentence;
        toks.iter()
            .filter(|t| t.sentence == first)
            .all(|t| m.anchors.contains(&t.id))
            .then_some(first)
    };
    for m in mentions.iter_mut() {
        if !m.dct && date_line.is_some() && whole_sentence(m) == Some(1) {
            m.dct = true;
        }
    }
    let dct_mention = mentions.iter().find(|m| m.dct);
    let dct = dct_mention
        .and_then(|m| NaiveDate::parse_from_str(m.value.get(..10)?, "%Y-%m-%d").ok())
        .or(date_line);
    let skip_sentence = dct_mention.and_then(whole_sentence);

    // Rebuild the text, remembering each token's byte span.
    let mut text = String::new();
    let mut spans: Vec<(u32, usize, usize)> = Vec::with_capacity(toks.len());
    let mut prev: Option<&Tok> = None;
    for t in &toks {
        if Some(t.sentence) == skip_sentence {
            continue;
        }
        if let Some(p) = prev {
            if p.sentence != t.sentence {
                let ends = p.text.ends_with(['.', '!', '?', '"', '\'', ')', ':']);
                text.push_str(if ends { " " } else { "\n\n" });
            } else if !no_space_before(&t.text) && !no_space_after(&p.text) {
                text.push(' ');
            }
        }
        let start = text.len();
        text.push_str(&t.text);
        spans.push((t.id, start, text.len()));
        prev = Some(t);
    }
    let span_of = |id: u32| {
        spans
            .binary_search_by_key(&id, |s| s.0)
            .ok()
            .map(|k| (spans[k].1, spans[k].2))
    };
    let mut timexes = Vec::new();
    for m in mentions.iter().filter(|m| !m.dct) {
        let ranges: Vec<(usize, usize)> = m.anchors.iter().filter_map(|&a| span_of(a)).collect();
        let (Some(start), Some(end)) = (
            ranges.iter().map(|r| r.0).min(),
            ranges.iter().map(|r| r.1).max(),
        ) else {
            continue;
        };
        timexes.push(GoldTimex {
            start,
            end,
            kind: m.kind.clone(),
            value: m.value.clone(),
            modifier: None,
        });
    }
    timexes.sort_by_key(|g| (g.start, g.end));
    Ok(GoldDoc {
        name: name.to_string(),
        dct,
        text,
        timexes,
    })
}

fn xml_files(dir: &Path) -> Result<Vec<PathBuf>, crate::EvalError> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|source| crate::EvalError::Io {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    Ok(v)
}

/// Read a MEANTIME folder (all sub-folders' documents together) as one set.
pub fn load_meantime(root: &Path) -> Result<Vec<GoldDoc>, crate::EvalError> {
    let mut docs = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for p in xml_files(&d)? {
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "xml") {
                let src = std::fs::read_to_string(&p).map_err(|source| crate::EvalError::Io {
                    path: p.to_path_buf(),
                    source,
                })?;
                if !src.contains("<token ") {
                    continue;
                }
                let n = p
                    .file_name()
                    .map_or(String::new(), |n| n.to_string_lossy().into_owned());
                docs.push(parse_meantime(&n, &src)?);
            }
        }
    }
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    if docs.is_empty() {
        return Err(crate::EvalError::Empty {
            path: root.to_path_buf(),
            what: "MEANTIME documents",
        });
    }
    Ok(docs)
}

const USAGE: &str =
    "usage: meantime-eval MEANTIME_DIR [--timeml DIR] [--errors N] [--folder NAME] [--dump DOC]";

/// Command-line entry: scores MEANTIME as one row (after the TimeML folders
/// of `--timeml DIR`, if given) and a total. `--dump NAME` prints the
/// rebuilt text of one document. Returns the process exit code.
pub fn main_with_args<I: IntoIterator<Item = String>>(args: I) -> i32 {
    let mut dir = None;
    let mut timeml = None;
    let mut errors = 0usize;
    let mut only = None;
    let mut dump = None;
    let mut it = args.into_iter().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--errors" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => errors = n,
                None => {
                    eprintln!("{USAGE}");
                    return 2;
                }
            },
            "--timeml" => timeml = it.next().map(PathBuf::from),
            "--folder" => only = it.next(),
            "--dump" => dump = it.next(),
            "-h" | "--help" => {
                println!("{USAGE}");
                return 0;
            }
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => {
                eprintln!("{USAGE}");
                return 2;
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("{USAGE}");
        return 2;
    };
    let run = || -> Result<String, crate::EvalError> {
        let docs = load_meantime(&dir)?;
        if let Some(d) = &dump {
            let doc = docs
                .iter()
                .find(|x| x.name.contains(d.as_str()))
                .ok_or_else(|| crate::EvalError::NoMatch(d.to_string()))?;
            let mut s = format!("dct {:?}\n{}\n", doc.dct, doc.text);
            for g in &doc.timexes {
                s.push_str(&format!(
                    "{} {} {:?} {}\n",
                    g.kind,
                    g.value,
                    &doc.text[g.start..g.end],
                    g.start
                ));
            }
            return Ok(s);
        }
        let mut sets = match &timeml {
            Some(t) => load_timeml(t)?,
            None => Vec::new(),
        };
        sets.push(("MEANTIME".to_string(), docs));
        Ok(evaluate_sets(&sets, errors, only.as_deref()))
    };
    match run() {
        Ok(r) => {
            print!("{r}");
            0
        }
        Err(e) => {
            eprintln!("meantime-eval: {e}");
            1
        }
    }
}
