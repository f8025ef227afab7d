//! The wire format of an event file: what serde reads before anything is checked.

use crate::load::yaml::Scalar;
use serde::Deserialize;

/// An event as written; every field is checked in [`validate`](fn@super::validate::validate).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvent {
    pub(super) id: Option<String>,
    pub(super) date: Option<Scalar>,
    pub(super) end: Option<Scalar>,
    #[serde(default)]
    pub(super) approximate: bool,
    pub(super) title: Option<String>,
    #[serde(rename = "type")]
    pub(super) kind: Option<String>,
    pub(super) host: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub(super) actors: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub(super) countries: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub(super) places: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub(super) tags: Vec<String>,
    #[serde(default)]
    pub(super) summary: Option<String>,
    #[serde(default)]
    pub(super) sources: Vec<RawSource>,
    /// Set to false on an extracted draft until a person has checked it.
    #[serde(default)]
    pub(super) reviewed: Option<bool>,
    /// `true` removes the extracted event with this id from the site.
    #[serde(default)]
    pub(super) suppress: bool,
}

/// A list field written as a single value (`countries: Jamaica`) is a list of one: people
/// write it that way, and it can only mean that.
fn one_or_many<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct OneOrMany;
    impl<'de> serde::de::Visitor<'de> for OneOrMany {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a name or a list of names, such as [Jamaica, Bahamas]")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        // `tags:` with nothing after it is no tags.
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        // `tags: 2025` is a tag named 2025, as it would be inside a list.
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(item) = seq.next_element::<String>()? {
                out.push(item);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_any(OneOrMany)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub(super) title: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) url: Option<String>,
    pub(super) date: Option<Scalar>,
    /// Id of an article in `content/articles/`.
    pub(super) article: Option<String>,
}
