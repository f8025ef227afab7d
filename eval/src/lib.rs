//! Evaluations of Entente's dates tagger against the shared development data (TimeML corpora
//! such as TimeBank and AQUAINT, and MEANTIME): the `timex-eval` and `meantime-eval` binaries.
//! Not part of the shipped `entente` binary.

pub mod meantime;
pub mod timeml;
