//! Content errors that name the file, line and column, say what is wrong and how to fix it.
//!
//! Every stage that reads user input reports problems as [`Diagnostic`]s and keeps going, so
//! one run of `entente check` lists all of them.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub path: PathBuf,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based; 0 when unknown.
    pub column: usize,
    /// What is wrong, and how to fix it.
    pub message: String,
    /// Worth a look but not wrong: printed, and the build goes on.
    pub warning: bool,
}

impl Diagnostic {
    /// An error at `line` and `column` (1-based; 0 when unknown).
    pub fn new(path: &Path, line: usize, column: usize, message: impl fmt::Display) -> Self {
        Diagnostic {
            path: path.to_path_buf(),
            line,
            column,
            message: message.to_string(),
            warning: false,
        }
    }

    /// A warning: printed, and the build goes on.
    pub fn warning(path: &Path, line: usize, column: usize, message: impl fmt::Display) -> Self {
        Diagnostic {
            warning: true,
            ..Diagnostic::new(path, line, column, message)
        }
    }

    /// An error about the file as a whole, shown at its start.
    pub fn file(path: &Path, message: impl fmt::Display) -> Self {
        Diagnostic::new(path, 1, 1, message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.path.display(),
            self.line.max(1),
            self.column.max(1),
            if self.warning { "warning" } else { "error" },
            self.message
        )
    }
}

/// 1-based line and column (in characters) of byte offset `at` in `text`.
pub(crate) fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

impl std::error::Error for Diagnostic {}

/// Problems gathered over a whole run.
#[derive(Debug, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        write!(
            f,
            "{count} problem{} found",
            if count == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for Diagnostics {}

impl Diagnostics {
    /// Adds one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Adds several problems.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Sorted by file and position, so output is stable and reads top to bottom.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort();
        self.0.dedup();
        self.0
    }
}
