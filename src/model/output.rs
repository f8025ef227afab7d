//! What render produces and write consumes: files by their path in the output directory.

/// One rendered file, its path relative to the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OutputFile {
    pub(crate) path: String,
    pub(crate) bytes: Vec<u8>,
}

/// Receives rendered files as they are produced, from several threads at once, so a large
/// site never sits in memory whole.
pub(crate) trait Sink: Sync {
    /// A newly rendered file.
    fn file(&self, file: OutputFile);
    /// A file of the previous build that is still up to date (incremental builds only).
    fn unchanged(&self, path: &str);
}
