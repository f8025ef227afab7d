//! The only module that touches a YAML library.
//!
//! `serde_yaml` here is `yaml_serde`, the YAML organisation's maintained continuation of the
//! archived serde_yaml, under its old name (Cargo.toml renames it). `saphyr-parser` only
//! supplies line and column for problems found after deserialisation (an unknown country in
//! an otherwise valid file): yaml_serde gives positions for its own errors but not for nodes.

use saphyr_parser::{Event, Parser};
use serde::de::DeserializeOwned;

/// A date-like scalar as written (`date: 2025`, `date: 2025-05`, `date: '2025'`): always its
/// text, never what YAML would read it as, so that `2025.5` (a float), `1e3` (a float) or
/// `0x7E9` (an integer, 2025) are rejected as the dates they are not, rather than read as
/// numbers. A list or mapping is an error at its position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scalar(String);

impl Scalar {
    pub(crate) fn as_text(&self) -> String {
        self.0.clone()
    }
}

impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("one date, written YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            // Only reached through explicit tags (`!!int 2025`): plain scalars come as text.
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        // As a string: yaml_serde hands a plain scalar over as written.
        deserializer.deserialize_str(Text)
    }
}

/// A YAML problem with its 1-based position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct YamlError {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) message: String,
}

/// Deserialises YAML text into `T`. Alias expansion is bounded by serde_yaml, so a "billion
/// laughs" file fails with an error instead of eating memory.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if let Some(e) = too_deep(text) {
        return Err(e);
    }
    serde_yaml::from_str(text).map_err(|e| {
        // serde reports a repeated field at the start of the document; YAML forbids repeated
        // keys anywhere, so one found is the problem, at its own place.
        if let Some(duplicate) = duplicate_key(text) {
            return duplicate;
        }
        let (line, column) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        YamlError {
            line,
            column,
            message: tidy_message(&e.to_string()),
        }
    })
}

/// The first key of a mapping that repeats an earlier key of the same mapping, placed at the
/// repeat.
fn duplicate_key(text: &str) -> Option<YamlError> {
    // Per open collection: for a mapping, whether a key comes next and the keys seen.
    enum Frame {
        Seq,
        Map {
            expecting_key: bool,
            seen: std::collections::HashMap<String, usize>,
        },
    }
    let mut stack: Vec<Frame> = Vec::new();
    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else { break };
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::SequenceStart(..)
                | Event::MappingStart(..)
                | Event::Alias(..)
        );
        if is_node {
            if let Some(Frame::Map {
                expecting_key,
                seen,
            }) = stack.last_mut()
            {
                if *expecting_key {
                    if let Event::Scalar(key, ..) = &event {
                        if let Some(first) = seen.get(key.as_ref()) {
                            return Some(YamlError {
                                line: span.start.line(),
                                column: span.start.col() + 1,
                                message: format!(
                                    "duplicate key `{key}` (first on line {first}): keep one"
                                ),
                            });
                        }
                        seen.insert(key.to_string(), span.start.line());
                    }
                }
                *expecting_key = !*expecting_key;
            }
            match event {
                Event::SequenceStart(..) => stack.push(Frame::Seq),
                Event::MappingStart(..) => stack.push(Frame::Map {
                    expecting_key: true,
                    seen: Default::default(),
                }),
                _ => {}
            }
        } else if matches!(event, Event::SequenceEnd | Event::MappingEnd) {
            stack.pop();
        } else if matches!(event, Event::DocumentEnd) {
            stack.clear();
        }
    }
    None
}

/// Control characters in a YAML file, written raw or as double-quoted escapes (`"\0"`,
/// `"\x1b"`), each at its position: they would reach the site's pages and exports as they
/// are, invisible or worse. Tab, line feed and carriage return are text.
pub(crate) fn control_characters(text: &str) -> Vec<YamlError> {
    let mut found = crate::model::text::raw_controls(text)
        .into_iter()
        .map(|(line, column, c)| YamlError {
            line,
            column,
            message: crate::model::text::control_message(c),
        })
        .collect::<Vec<_>>();
    if !found.is_empty() {
        return found;
    }
    const ESCAPES: [&str; 10] = [
        "\\0", "\\a", "\\b", "\\v", "\\f", "\\e", "\\N", "\\x", "\\u", "\\U",
    ];
    if !ESCAPES.iter().any(|e| text.contains(e)) {
        return found;
    }
    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else { break };
        if let Event::Scalar(value, ..) = &event {
            if let Some(c) = value.chars().find(|&c| crate::model::text::is_control(c)) {
                found.push(YamlError {
                    line: span.start.line(),
                    column: span.start.col() + 1,
                    message: crate::model::text::control_message(c),
                });
            }
        }
    }
    found
}

/// Deepest nesting of lists and mappings accepted (serde_yaml refuses more than 128 when it
/// deserialises anyway). Events need four.
const MAX_DEPTH: usize = 100;

/// Refuses documents nested deeper than [`MAX_DEPTH`] before serde_yaml sees them: its
/// scanner (libyaml's) does work proportional to the flow nesting depth for every token, so
/// 200 KB of `{a: {a: ...` would take minutes. Only files with that many `[`/`{` at all are
/// parsed for the check, and the parse stops at the first level too deep.
fn too_deep(text: &str) -> Option<YamlError> {
    let openers = text.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
    if openers <= MAX_DEPTH {
        return None;
    }
    let mut depth = 0usize;
    let too_deep = |line: usize, col: usize| YamlError {
        line,
        column: col + 1,
        message: format!(
            "lists and mappings nested more than {MAX_DEPTH} levels deep: flatten the structure"
        ),
    };
    for item in Parser::new_from_str(text) {
        let (event, span) = match item {
            Ok(item) => item,
            // This parser has a nesting limit of its own (its scanner looks ahead).
            Err(e) if e.info().contains("recursion limit") => {
                return Some(too_deep(e.marker().line(), e.marker().col()));
            }
            // Another syntax error: serde_yaml reports it with its own position.
            Err(_) => return None,
        };
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(too_deep(span.start.line(), span.start.col()));
                }
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            Event::DocumentEnd => depth = 0,
            _ => {}
        }
    }
    None
}

/// A YAML document as data, for deserialising item by item.
pub(crate) use serde_yaml::Value;

/// The items of a top-level sequence, each to be deserialised separately so that one bad item
/// does not hide the problems (or the good events) of the others. `Err` only for YAML syntax
/// errors.
pub(crate) fn values_from_str(text: &str) -> Result<Vec<Value>, YamlError> {
    from_str(text)
}

/// An item that does not fit the type it is read as (no position: the item is already parsed).
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub(crate) struct ItemError {
    message: String,
}

/// Deserialises one item of [`values_from_str`].
pub(crate) fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, ItemError> {
    serde_yaml::from_value(value).map_err(|e| ItemError {
        message: tidy_message(&e.to_string()),
    })
}

/// The first key of a mapping that is not one of `known`, when that key is where reading the
/// mapping as `T` stops: the keys before it read without error. Found from the keys
/// themselves, never from the wording of serde's messages. `T` must accept a mapping with any
/// of its fields missing.
pub(crate) fn unknown_key<T: DeserializeOwned>(item: &Value, known: &[&str]) -> Option<String> {
    let Value::Mapping(map) = item else {
        return None;
    };
    let at = map
        .iter()
        .position(|(k, _)| k.as_str().is_some_and(|k| !known.contains(&k)))?;
    let key = map.iter().nth(at)?.0.as_str()?.to_string();
    let before: serde_yaml::Mapping = map
        .iter()
        .take(at)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    serde_yaml::from_value::<T>(Value::Mapping(before)).ok()?;
    Some(key)
}

/// A value that could not be written as YAML.
#[derive(Debug, thiserror::Error)]
#[error("cannot write YAML: {0}")]
pub(crate) struct YamlWriteError(#[from] serde_yaml::Error);

/// Serialises `value` as YAML (used to write reviewable drafts).
pub(crate) fn to_string<T: serde::Serialize>(value: &T) -> Result<String, YamlWriteError> {
    Ok(serde_yaml::to_string(value)?)
}

/// serde_yaml appends " at line L column C" to messages; we print the position ourselves.
/// serde's "invalid type: sequence" reads better as what the writer did.
fn tidy_message(message: &str) -> String {
    let cut = message.find(" at line ").unwrap_or(message.len());
    message[..cut]
        .replace(
            "invalid type: sequence, expected",
            "a list where Entente expects",
        )
        .replace(
            "invalid type: map, expected",
            "a mapping where Entente expects",
        )
}

/// One step into a YAML document: a key of a mapping or an index of a sequence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Whether the first node of the document is a sequence (a file of several events).
pub(crate) fn is_sequence(text: &str) -> bool {
    // Stop at the first syntax error: the parser reports it again on every call, so skipping
    // errors (`flatten`) would loop forever on a file such as ",".
    for (event, _) in Parser::new_from_str(text).map_while(Result::ok) {
        match event {
            Event::SequenceStart(..) => return true,
            Event::MappingStart(..) | Event::Scalar(..) | Event::Alias(..) => return false,
            _ => {}
        }
    }
    false
}

/// Position of one top-level node and of its direct keys.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct NodePositions {
    pub(crate) start: (usize, usize),
    pub(crate) keys: Vec<(String, (usize, usize))>,
}

impl NodePositions {
    pub(crate) fn key(&self, name: &str) -> Option<(usize, usize)> {
        self.keys.iter().find(|(k, _)| k == name).map(|(_, p)| *p)
    }
}

/// Item positions as far as a caller needs them: where each item starts and where its `id`
/// is, from a pass that stops at the `id` of a single-event file; every other key only when an
/// error has to be placed. A valid file is the common case and the YAML is already parsed
/// once by serde, so this spares a second full parse of nearly every file.
pub(crate) struct Positions<'t> {
    text: &'t str,
    quick: Vec<NodePositions>,
    full: std::cell::OnceCell<Vec<NodePositions>>,
}

impl<'t> Positions<'t> {
    pub(crate) fn new(text: &'t str) -> Positions<'t> {
        Positions {
            text,
            quick: scan_positions(text, Some("id")),
            full: std::cell::OnceCell::new(),
        }
    }

    /// Where item `index` starts, (0, 0) if there is no such item.
    pub(crate) fn start(&self, index: usize) -> (usize, usize) {
        self.quick.get(index).map(|p| p.start).unwrap_or_default()
    }

    /// Where the value of `key` in item `index` starts.
    pub(crate) fn key(&self, index: usize, key: &str) -> Option<(usize, usize)> {
        if key == "id" {
            return self.quick.get(index)?.key(key);
        }
        self.full
            .get_or_init(|| top_level_positions(self.text))
            .get(index)?
            .key(key)
    }
}

/// Positions of the items of a top-level sequence (or of the single top-level mapping) and of
/// their keys, in one pass: placing every event of a 100,000-event file must not re-parse it
/// per event.
pub(crate) fn top_level_positions(text: &str) -> Vec<NodePositions> {
    scan_positions(text, None)
}

/// [`top_level_positions`], keeping only `only_key` when given; a single mapping's scan then
/// ends as soon as that key is placed.
fn scan_positions(text: &str, only_key: Option<&str>) -> Vec<NodePositions> {
    let mut out: Vec<NodePositions> = Vec::new();
    let mut depth = 0usize;
    let mut sequence_root = false;
    // Within an item mapping: the key whose value comes next, if a key was just read.
    let mut expecting_key = false;
    let mut pending_key: Option<String> = None;
    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else { break };
        let position = (span.start.line(), span.start.col() + 1);
        let item_depth = usize::from(sequence_root);
        let is_node_start = matches!(
            event,
            Event::SequenceStart(..)
                | Event::MappingStart(..)
                | Event::Scalar(..)
                | Event::Alias(..)
        );
        // A node directly inside an item mapping is a key or the value of the pending key.
        if is_node_start && depth == item_depth + 1 && !out.is_empty() {
            if expecting_key {
                if let Event::Scalar(value, ..) = &event {
                    pending_key = Some(value.to_string());
                }
            } else if let (Some(key), Some(last)) = (pending_key.take(), out.last_mut()) {
                let wanted = only_key.is_none_or(|k| k == key);
                if wanted {
                    last.keys.push((key, position));
                    if only_key.is_some() && !sequence_root {
                        break;
                    }
                }
            }
            expecting_key = !expecting_key;
        }
        match event {
            Event::DocumentEnd => break,
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if depth == 0 {
                    sequence_root = matches!(event, Event::SequenceStart(..));
                    if !sequence_root {
                        out.push(NodePositions {
                            start: position,
                            keys: Vec::new(),
                        });
                        expecting_key = true;
                    }
                } else if depth == item_depth && sequence_root {
                    out.push(NodePositions {
                        start: position,
                        keys: Vec::new(),
                    });
                    expecting_key = true;
                }
                depth += 1;
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            Event::Scalar(..) | Event::Alias(..) if depth == 1 && sequence_root => {
                out.push(NodePositions {
                    start: position,
                    keys: Vec::new(),
                });
            }
            _ => {}
        }
    }
    out
}

/// Finds the 1-based line and column of the node at `path` (or of its deepest existing
/// ancestor) in the first document of `text`. Used only to place errors, so it is allowed to be
/// slower than deserialisation.
pub(crate) fn locate(text: &str, path: &[Step]) -> Option<(usize, usize)> {
    enum Frame {
        Seq(usize),
        Map {
            expecting_key: bool,
            key: Option<String>,
        },
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut best: Option<(usize, usize)> = None;
    let mut best_depth = 0usize;
    // Each node's path is the chain of frames above it; compare it with the wanted path.
    let matches = |stack: &[Frame]| -> usize {
        let mut depth = 0;
        for (frame, step) in stack.iter().zip(path.iter()) {
            let same = match (frame, step) {
                (Frame::Seq(i), Step::Index(j)) => i == j,
                (Frame::Map { key: Some(k), .. }, Step::Key(w)) => k == w,
                _ => false,
            };
            if !same {
                break;
            }
            depth += 1;
        }
        depth
    };
    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else { break };
        let position = (span.start.line(), span.start.col() + 1);
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::SequenceStart(..)
                | Event::MappingStart(..)
                | Event::Alias(..)
        );
        if matches!(event, Event::DocumentEnd) {
            break;
        }
        if is_node {
            // A scalar in key position names the key of the next value.
            if let Some(Frame::Map { expecting_key, key }) = stack.last_mut() {
                if *expecting_key {
                    if let Event::Scalar(value, ..) = &event {
                        *key = Some(value.to_string());
                        *expecting_key = false;
                        let depth = matches(&stack);
                        if depth == stack.len() && depth == path.len() && depth > best_depth {
                            // Exact path found as a key: point at the key.
                            best = Some(position);
                            best_depth = depth;
                        }
                        continue;
                    }
                }
            }
            let depth = matches(&stack);
            if depth == stack.len() && depth >= best_depth && depth <= path.len() {
                best = Some(position);
                best_depth = depth;
            }
            match event {
                Event::SequenceStart(..) => stack.push(Frame::Seq(0)),
                Event::MappingStart(..) => stack.push(Frame::Map {
                    expecting_key: true,
                    key: None,
                }),
                _ => advance(&mut stack),
            }
        } else if matches!(event, Event::SequenceEnd | Event::MappingEnd) {
            stack.pop();
            advance(&mut stack);
        }
    }
    return best;

    fn advance(stack: &mut [Frame]) {
        match stack.last_mut() {
            Some(Frame::Seq(i)) => *i += 1,
            Some(Frame::Map { expecting_key, .. }) => *expecting_key = true,
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str =
        "- title: A\n  countries:\n    - JM\n    - Jamiaca\n- title: B\n  date: 2025-13-01\n";

    #[test]
    fn deep_nesting_is_refused_quickly() {
        let started = std::time::Instant::now();
        for text in [
            "{a: ".repeat(50_000),
            "[".repeat(100_000),
            format!("{}{}", "[".repeat(50_000), "]".repeat(50_000)),
            format!("- x\n- {}", "[".repeat(100_000)),
        ] {
            let e = from_str::<serde_yaml::Value>(&text).unwrap_err();
            assert!(e.message.contains("nested"), "{}", e.message);
        }
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        // Ordinary nesting and many shallow lists are fine.
        let many = "- [a, b, {c: [d]}]\n".repeat(1000);
        assert_eq!(
            from_str::<Vec<serde_yaml::Value>>(&many).unwrap().len(),
            1000
        );
    }

    /// Found by the `events_yaml` fuzz target: a file holding just "," hung `entente check`.
    #[test]
    fn syntax_errors_end_every_scan() {
        for text in [",", "a: b\n,", "- a\n- [", "{", "]"] {
            assert!(!is_sequence(text) || text.starts_with('-'), "{text:?}");
            let _ = top_level_positions(text);
            let _ = locate(text, &[Step::Index(0), Step::Key("date")]);
        }
    }

    #[test]
    fn locates_list_items_and_keys() {
        assert_eq!(
            locate(
                DOC,
                &[Step::Index(0), Step::Key("countries"), Step::Index(1)]
            ),
            Some((4, 7))
        );
        assert_eq!(
            locate(DOC, &[Step::Index(1), Step::Key("date")]),
            Some((6, 9))
        );
        assert_eq!(locate(DOC, &[Step::Index(1)]), Some((5, 3)));
    }

    #[test]
    fn top_level_positions_in_one_pass() {
        let p = top_level_positions(DOC);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].start, (1, 3));
        assert_eq!(p[1].key("date"), Some((6, 9)), "points at the value");
        assert_eq!(p[0].key("countries"), Some((3, 5)));
        let single = top_level_positions("title: A\nid: x\n");
        assert_eq!(single.len(), 1);
        assert_eq!(single[0].key("id"), Some((2, 5)));
    }

    #[test]
    fn lazy_positions_agree_with_the_full_scan() {
        for doc in [
            DOC,
            "title: A\nid: x\ndate: 2025\n",
            "# c\nid: a\ntitle: B\n",
            "title: A\n",
        ] {
            let full = top_level_positions(doc);
            let lazy = Positions::new(doc);
            for (i, item) in full.iter().enumerate() {
                assert_eq!(lazy.start(i), item.start, "{doc:?}");
                for (k, p) in &item.keys {
                    assert_eq!(lazy.key(i, k), Some(*p), "{doc:?} {k}");
                }
            }
            assert_eq!(lazy.start(full.len()), (0, 0));
        }
    }

    #[test]
    fn missing_path_falls_back_to_deepest_ancestor() {
        assert_eq!(
            locate(DOC, &[Step::Index(1), Step::Key("nope")]),
            Some((5, 3))
        );
    }

    #[test]
    fn dates_are_read_as_written() {
        #[derive(serde::Deserialize, Debug)]
        struct D {
            date: Scalar,
        }
        for (text, read) in [
            ("date: 2025", "2025"),
            ("date: 2025.5", "2025.5"),
            ("date: 1e3", "1e3"),
            ("date: 0x7E9", "0x7E9"),
            ("date: '2025-05'", "2025-05"),
            ("date: 2025-05-06", "2025-05-06"),
        ] {
            assert_eq!(from_str::<D>(text).unwrap().date.as_text(), read, "{text}");
        }
        let e = from_str::<D>("date: [2025]").unwrap_err();
        assert_eq!((e.line, e.column), (1, 7));
        assert_eq!(
            e.message,
            "date: a list where Entente expects one date, written YYYY, YYYY-MM or YYYY-MM-DD"
        );
    }

    #[test]
    fn repeated_keys_are_placed_at_the_repeat() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct E {
            id: String,
        }
        let e = from_str::<E>("# c\nid: a\nid: b\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1), "{e:?}");
        assert!(
            e.message.contains("duplicate key `id` (first on line 2)"),
            "{e:?}"
        );
        let e = from_str::<Vec<E>>("- id: a\n- id: b\n  x: 1\n  id: c\n").unwrap_err();
        assert_eq!((e.line, e.column), (4, 3), "{e:?}");
        // The same key in two items is no repeat.
        assert!(duplicate_key("- id: a\n- id: b\n").is_none());
        assert!(duplicate_key("a: {x: 1}\nb: {x: 2}\n").is_none());
    }

    #[test]
    fn control_characters_raw_or_escaped_are_placed() {
        let found = control_characters("title: a\u{0}b\nsummary: x\u{1b}[31m\n");
        let at: Vec<(usize, usize)> = found.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(at, [(1, 9), (2, 11)]);
        assert!(found[0].message.contains("U+0000"), "{}", found[0].message);
        let found = control_characters("a: ok\ntitle: \"x\\0y\"\n");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].column), (2, 8));
        assert!(control_characters("a: \"tab\\there\\n\"\nb: |\n  x\r\n").is_empty());
    }

    #[test]
    fn errors_carry_positions() {
        let err = from_str::<Vec<String>>("- a\n- [b\n").unwrap_err();
        assert!(err.line >= 2, "{err:?}");
    }

    #[test]
    fn alias_bombs_fail_instead_of_expanding() {
        let mut bomb =
            String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        let mut prev = 'a';
        for name in 'b'..='k' {
            bomb.push_str(&format!(
                "{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
            ));
            prev = name;
        }
        assert!(from_str::<serde_yaml::Value>(&bomb).is_err());
    }
}
