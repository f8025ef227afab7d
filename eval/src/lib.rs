//! Evaluations of Entente's dates tagger against the shared development data (TimeML corpora
//! such as TimeBank and AQUAINT, and MEANTIME): the `timex-eval` and `meantime-eval` binaries.
//! Not part of the shipped `entente` binary.

pub mod meantime;
pub mod timeml;

use std::path::PathBuf;

/// Why a corpus could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or folder could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the file system reported.
        #[source]
        source: std::io::Error,
    },
    /// A document that is not well-formed where the scorer needs it to be.
    #[error("{doc}: {problem}")]
    Malformed {
        /// The document's name.
        doc: String,
        /// What is wrong ("unterminated tag").
        problem: &'static str,
    },
    /// A folder without documents of the corpus.
    #[error("{}: no {what}", path.display())]
    Empty {
        /// The folder.
        path: PathBuf,
        /// What was looked for (".tml files").
        what: &'static str,
    },
    /// `--dump` named no document.
    #[error("no document matching {0}")]
    NoMatch(String),
}
