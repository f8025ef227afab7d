//! `index/text.js`: the search index, each word of the events' searchable text with the
//! events it occurs in, as posting lists in a compact code of 64 digits.

use super::{js_raw_string, js_string, RECORD};
use crate::model::Site;
use crate::render::views::EventView;
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The 64 digits of the posting codes; the first 32 end a number, the last 32 continue it.
pub(super) const DIGITS: &[u8; 64] =
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// FNV-1a: the word table's keys are short and trusted to be ours, and the default
/// hasher's resistance to flooding costs a tenth of this step.
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordMap = HashMap<String, Vec<u32>, BuildHasherDefault<Fnv>>;

/// The words of one event's searchable text, lower case.
fn event_text(site: &Site, i: usize, view: &EventView) -> String {
    let e = &site.events[i];
    let mut text = String::with_capacity(e.title.len() + view.plain_summary.len() + 256);
    text.push_str(&e.title);
    text.push(' ');
    text.push_str(&view.plain_summary);
    for a in &e.actors {
        text.push(' ');
        text.push_str(a);
    }
    for p in &e.places {
        text.push(' ');
        text.push_str(p);
    }
    for c in &e.countries {
        text.push(' ');
        text.push_str(&c.name);
    }
    if text.is_ascii() {
        text.make_ascii_lowercase();
        text
    } else {
        text.to_lowercase()
    }
}

/// Adds event `i`'s words to `map`, each once.
fn add_words(map: &mut WordMap, i: u32, text: &str) {
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        match map.get_mut(word) {
            Some(list) => {
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            None => {
                map.insert(word.to_string(), vec![i]);
            }
        }
    }
}

/// The `text.js` data (without the version): sorted words and their events.
pub(super) fn text_data(site: &Site, views: &[EventView]) -> String {
    let n = site.events.len();
    let maps: Vec<WordMap> = views
        .par_chunks(512)
        .enumerate()
        .map(|(chunk, chunk_views)| {
            let mut map = WordMap::default();
            for (k, v) in chunk_views.iter().enumerate() {
                let i = chunk * 512 + k;
                add_words(&mut map, i as u32, &event_text(site, i, v));
            }
            map
        })
        .collect();
    // Chunks are in event order, so appending keeps every list sorted.
    let mut all = WordMap::default();
    for map in maps {
        for (word, list) in map {
            match all.get_mut(&word) {
                Some(existing) => existing.extend(list),
                None => {
                    all.insert(word, list);
                }
            }
        }
    }
    let mut words: Vec<(String, Vec<u32>)> = all.into_iter().collect();
    words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let encoded: Vec<String> = words
        .par_iter()
        .map(|(_, list)| encode_postings(list, n))
        .collect();
    let mut word_text = String::with_capacity(words.iter().map(|w| w.0.len() + 1).sum());
    for (k, (w, _)) in words.iter().enumerate() {
        if k > 0 {
            word_text.push(RECORD);
        }
        word_text.push_str(w);
    }
    let mut post = String::with_capacity(encoded.iter().map(|p| p.len() + 1).sum());
    for (k, p) in encoded.iter().enumerate() {
        if k > 0 {
            post.push(' ');
        }
        post.push_str(p);
    }
    format!(
        "\"words\":{},\"post\":{}",
        js_raw_string(&word_text),
        js_string(&post)
    )
}

/// One word's events (ascending): gaps in the variable-length code, or `~` and a bitmap of
/// all `n` events when that is shorter.
pub(super) fn encode_postings(list: &[u32], n: usize) -> String {
    let mut gaps = String::new();
    let mut prev: Option<u32> = None;
    for &i in list {
        let gap = match prev {
            None => i,
            Some(p) => i - p - 1,
        };
        prev = Some(i);
        push_number(gap, &mut gaps);
    }
    let bitmap_len = n.div_ceil(6) + 1;
    if gaps.len() <= bitmap_len {
        return gaps;
    }
    let mut bits = vec![0u8; n.div_ceil(6)];
    for &i in list {
        bits[i as usize / 6] |= 1 << (i % 6);
    }
    let mut out = String::with_capacity(bitmap_len);
    out.push('~');
    out.extend(bits.iter().map(|&b| DIGITS[b as usize] as char));
    out
}

/// A number in base 32, most significant digit first: continuation digits from the upper half
/// of [`DIGITS`], the last digit from the lower half.
fn push_number(mut v: u32, out: &mut String) {
    let mut buf = [0u8; 8];
    let mut i = buf.len() - 1;
    buf[i] = DIGITS[(v & 31) as usize];
    v >>= 5;
    while v > 0 {
        i -= 1;
        buf[i] = DIGITS[32 + (v & 31) as usize];
        v >>= 5;
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}
