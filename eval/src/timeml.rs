//! TimeML reader and TempEval-3 style scorer for the timex tagger.
//!
//! In: a folder of `.tml` files (or a folder of such folders), each with a
//! `<DCT>` and inline `<TIMEX3>` tags inside `<TEXT>`. Out: a table of
//! strict and relaxed span P/R/F1, type and value F1 (relaxed F1 times
//! attribute accuracy over relaxed matches) and throughput, per folder and in
//! total; optionally example mismatches. The plain text scored is the
//! character content of `<TEXT>` with tags removed and entities decoded, so
//! gold offsets are offsets into that text.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;

use entente::timex::{self, Timex};

/// One gold TIMEX3: byte span into the document's plain text.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
    pub modifier: Option<String>,
}

/// A parsed `.tml` document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub name: String,
    pub dct: Option<NaiveDate>,
    pub text: String,
    pub timexes: Vec<GoldTimex>,
}

/// Value of attribute `name` in the inside of a start tag.
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

/// Decode the XML entities of `s` (named and numeric); a `&` that starts none stays.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        match timex::timeml::entity(rest) {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Parse one TimeML document.
pub fn parse_tml(name: &str, src: &str) -> Result<GoldDoc, crate::EvalError> {
    let dct = src.find("<DCT>").and_then(|p| {
        let inner = &src[p..];
        let close = inner.find("</DCT>")?;
        let v = attr(&inner[..close], "value")?;
        let d = v.get(..10)?;
        NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()
    });
    let open = src
        .find("<TEXT>")
        .ok_or_else(|| crate::EvalError::Malformed {
            doc: name.to_string(),
            problem: "no <TEXT>",
        })?
        + "<TEXT>".len();
    let close = src[open..]
        .find("</TEXT>")
        .ok_or_else(|| crate::EvalError::Malformed {
            doc: name.to_string(),
            problem: "no </TEXT>",
        })?
        + open;
    let body = &src[open..close];
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut pending: Option<GoldTimex> = None;
    let mut rest = body;
    loop {
        let next = rest.find(['<', '&']);
        let Some(p) = next else {
            text.push_str(rest);
            break;
        };
        text.push_str(&rest[..p]);
        rest = &rest[p..];
        if rest.starts_with('&') {
            let k = rest.find(';').filter(|&k| k <= 10).unwrap_or(0);
            text.push_str(&decode_entities(&rest[..=k]));
            rest = &rest[k + 1..];
            continue;
        }
        let end = rest.find('>').ok_or_else(|| crate::EvalError::Malformed {
            doc: name.to_string(),
            problem: "unterminated tag",
        })?;
        let tag = &rest[1..end];
        if let Some(inner) = tag.strip_prefix("TIMEX3") {
            pending = Some(GoldTimex {
                start: text.len(),
                end: text.len(),
                kind: attr(inner, "type").unwrap_or_default(),
                value: attr(inner, "value").unwrap_or_default(),
                modifier: attr(inner, "mod"),
            });
        } else if tag.starts_with("/TIMEX3") {
            if let Some(mut g) = pending.take() {
                g.end = text.len();
                timexes.push(g);
            }
        }
        rest = &rest[end + 1..];
    }
    Ok(GoldDoc {
        name: name.to_string(),
        dct,
        text,
        timexes,
    })
}

/// Counts for TempEval-3 style scores.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub docs: usize,
    pub gold: usize,
    pub sys: usize,
    pub strict: usize,
    /// Relaxed (overlap) one-to-one matches.
    pub relaxed: usize,
    pub type_ok: usize,
    pub value_ok: usize,
    pub bytes: usize,
    pub seconds: f64,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.docs += o.docs;
        self.gold += o.gold;
        self.sys += o.sys;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_ok += o.type_ok;
        self.value_ok += o.value_ok;
        self.bytes += o.bytes;
        self.seconds += o.seconds;
    }
    fn prf(&self, hits: usize) -> (f64, f64, f64) {
        let p = if self.sys == 0 {
            0.0
        } else {
            hits as f64 / self.sys as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            hits as f64 / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p * 100.0, r * 100.0, f * 100.0)
    }
    /// Strict span (P, R, F1).
    pub fn strict(&self) -> (f64, f64, f64) {
        self.prf(self.strict)
    }
    /// Relaxed span (P, R, F1).
    pub fn relaxed(&self) -> (f64, f64, f64) {
        self.prf(self.relaxed)
    }
    fn attr_f1(&self, ok: usize) -> f64 {
        if self.relaxed == 0 {
            0.0
        } else {
            self.relaxed().2 * ok as f64 / self.relaxed as f64
        }
    }
    /// Type F1: relaxed F1 times type accuracy over relaxed matches.
    pub fn type_f1(&self) -> f64 {
        self.attr_f1(self.type_ok)
    }
    /// Value F1: relaxed F1 times value accuracy over relaxed matches.
    pub fn value_f1(&self) -> f64 {
        self.attr_f1(self.value_ok)
    }
    pub fn mb_per_s(&self) -> f64 {
        if self.seconds <= 0.0 {
            0.0
        } else {
            self.bytes as f64 / 1e6 / self.seconds
        }
    }
}

/// A mismatch for the `--errors` listing.
struct Mismatch {
    doc: String,
    what: &'static str,
    line: String,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn context(text: &str, s: usize, e: usize) -> String {
    let mut a = s.saturating_sub(50);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (e + 30).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("{}[[{}]]{}", &text[a..s], &text[s..e], &text[e..b]).replace('\n', " ")
}

/// Score one document's system output against its gold annotation.
fn score_doc(doc: &GoldDoc, sys: &[Timex], errs: &mut Vec<Mismatch>) -> Counts {
    let mut c = Counts {
        docs: 1,
        gold: doc.timexes.len(),
        sys: sys.len(),
        bytes: doc.text.len(),
        ..Counts::default()
    };
    let mut used = vec![false; sys.len()];
    for g in &doc.timexes {
        if sys.iter().any(|s| s.start == g.start && s.end == g.end) {
            c.strict += 1;
        }
        let found = sys
            .iter()
            .enumerate()
            .find(|(k, s)| !used[*k] && overlaps((s.start, s.end), (g.start, g.end)));
        match found {
            Some((k, s)) => {
                used[k] = true;
                c.relaxed += 1;
                let type_ok = s.kind.as_str() == g.kind;
                let value_ok = s.value == g.value;
                c.type_ok += usize::from(type_ok);
                c.value_ok += usize::from(value_ok);
                if !value_ok || !type_ok || s.start != g.start || s.end != g.end {
                    errs.push(Mismatch {
                        doc: doc.name.clone(),
                        what: if !value_ok || !type_ok {
                            "VALUE"
                        } else {
                            "SPAN"
                        },
                        line: format!(
                            "gold {} {} {:?} | sys {} {} {:?} \"{}\" | {}",
                            g.kind,
                            g.value,
                            g.modifier,
                            s.kind.as_str(),
                            s.value,
                            s.modifier,
                            s.text,
                            context(&doc.text, g.start, g.end)
                        ),
                    });
                }
            }
            None => errs.push(Mismatch {
                doc: doc.name.clone(),
                what: "MISSED",
                line: format!(
                    "gold {} {} | {}",
                    g.kind,
                    g.value,
                    context(&doc.text, g.start, g.end)
                ),
            }),
        }
    }
    for (k, s) in sys.iter().enumerate() {
        if !used[k]
            && !doc
                .timexes
                .iter()
                .any(|g| overlaps((s.start, s.end), (g.start, g.end)))
        {
            errs.push(Mismatch {
                doc: doc.name.clone(),
                what: "SPURIOUS",
                line: format!(
                    "sys {} {} | {}",
                    s.kind.as_str(),
                    s.value,
                    context(&doc.text, s.start, s.end)
                ),
            });
        }
    }
    c
}

/// Folders to evaluate: `root` itself if it holds `.tml` files, else its
/// sub-folders that do.
fn folders(root: &Path) -> Result<Vec<(String, Vec<PathBuf>)>, crate::EvalError> {
    let list = |dir: &Path| -> Result<Vec<PathBuf>, crate::EvalError> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|source| crate::EvalError::Io {
                path: dir.to_path_buf(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        v.sort();
        Ok(v)
    };
    let entries = list(root)?;
    let tml = |v: &[PathBuf]| -> Vec<PathBuf> {
        v.iter()
            .filter(|p| p.extension().is_some_and(|x| x == "tml"))
            .cloned()
            .collect()
    };
    let here = tml(&entries);
    let name = |p: &Path| {
        p.file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned())
    };
    if !here.is_empty() {
        return Ok(vec![(name(root), here)]);
    }
    let mut out = Vec::new();
    for d in entries.iter().filter(|p| p.is_dir()) {
        let files = tml(&list(d)?);
        if !files.is_empty() {
            out.push((name(d), files));
        }
    }
    if out.is_empty() {
        return Err(crate::EvalError::Empty {
            path: root.to_path_buf(),
            what: ".tml files",
        });
    }
    Ok(out)
}

/// Read every folder under `root` into gold documents, folder by folder.
pub fn load_timeml(root: &Path) -> Result<Vec<(String, Vec<GoldDoc>)>, crate::EvalError> {
    let mut sets = Vec::new();
    for (name, files) in folders(root)? {
        let mut docs = Vec::with_capacity(files.len());
        for f in files {
            let src = std::fs::read_to_string(&f).map_err(|source| crate::EvalError::Io {
                path: f.to_path_buf(),
                source,
            })?;
            let doc_name = f
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            docs.push(parse_tml(&doc_name, &src)?);
        }
        sets.push((name, docs));
    }
    Ok(sets)
}

/// Evaluate every folder under `root`; returns the rendered report.
pub fn evaluate(
    root: &Path,
    errors: usize,
    only: Option<&str>,
) -> Result<String, crate::EvalError> {
    Ok(evaluate_sets(&load_timeml(root)?, errors, only))
}

/// Score named sets of gold documents (one table row each, then the total);
/// returns the rendered report. `errors` example mismatches are listed, from
/// the set named `only` if given.
pub fn evaluate_sets(sets: &[(String, Vec<GoldDoc>)], errors: usize, only: Option<&str>) -> String {
    let mut report = String::new();
    let _ = writeln!(
        report,
        "{:<10} {:>5} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} | {:>7}",
        "folder",
        "docs",
        "gold",
        "sys",
        "sP",
        "sR",
        "sF1",
        "rP",
        "rR",
        "rF1",
        "typeF1",
        "valF1",
        "MB/s"
    );
    let mut total = Counts::default();
    let mut errs = Vec::new();
    for (name, docs) in sets {
        let mut c = Counts::default();
        for doc in docs {
            // Tag time only, best of three runs to damp noise from other processes.
            let mut best = f64::MAX;
            let mut sys = Vec::new();
            for _ in 0..3 {
                let t0 = Instant::now();
                sys = timex::tag(&doc.text, doc.dct);
                best = best.min(t0.elapsed().as_secs_f64());
            }
            let mut doc_errs = Vec::new();
            let mut dc = score_doc(doc, &sys, &mut doc_errs);
            dc.seconds = best;
            c.add(&dc);
            if only.is_none_or(|o| o == name) {
                errs.extend(doc_errs.into_iter().map(|mut m| {
                    m.doc = format!("{name}/{} dct={:?}", m.doc, doc.dct.map(|d| d.to_string()));
                    m
                }));
            }
        }
        row(&mut report, name, &c);
        total.add(&c);
    }
    row(&mut report, "TOTAL", &total);
    if errors > 0 {
        let _ = writeln!(report, "\nExample mismatches ({} in all):", errs.len());
        for m in errs.iter().take(errors) {
            let _ = writeln!(report, "{:<8} {} :: {}", m.what, m.doc, m.line);
        }
    }
    report
}

fn row(out: &mut String, name: &str, c: &Counts) {
    let (sp, sr, sf) = c.strict();
    let (rp, rr, rf) = c.relaxed();
    let _ = writeln!(
        out,
        "{:<10} {:>5} {:>5} {:>5} | {:>6.1} {:>6.1} {:>6.1} | {:>6.1} {:>6.1} {:>6.1} | {:>6.1} {:>6.1} | {:>7.1}",
        name,
        c.docs,
        c.gold,
        c.sys,
        sp,
        sr,
        sf,
        rp,
        rr,
        rf,
        c.type_f1(),
        c.value_f1(),
        c.mb_per_s()
    );
}

const USAGE: &str = "usage: timex-eval DIR [--errors N] [--folder NAME]";

/// Command-line entry: `timex-eval DIR [--errors N] [--folder NAME]`.
/// Returns the process exit code.
pub fn main_with_args<I: IntoIterator<Item = String>>(args: I) -> i32 {
    let mut dir = None;
    let mut errors = 0usize;
    let mut only = None;
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
            "--folder" => only = it.next(),
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
    match evaluate(&dir, errors, only.as_deref()) {
        Ok(r) => {
            print!("{r}");
            0
        }
        Err(e) => {
            eprintln!("timex-eval: {e}");
            1
        }
    }
}
