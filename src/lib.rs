//! Entente turns news articles and hand-written YAML into a static timeline site of
//! diplomatic engagements.
//!
//! The pipeline, one module per stage: `load` content -> `extract` events from articles ->
//! `merge` with hand-written events -> `render` pages -> `write` the output directory.
//! `pipeline` is the driver that runs them in order; each stage knows only [`model`], the
//! plain data they share, and the shared utilities ([`diagnostics`], the dates tagger).
//! `cli` parses arguments and `cmd` runs one command per subcommand (the development
//! server is `cmd/serve`), through the driver.
//!
//! The public API is what the binary, the fuzz targets, the evaluation crate and the tests
//! need; everything else is crate-private.

mod cli;
mod cmd;
pub mod diagnostics;
pub mod extract;
pub mod load;
mod merge;
pub mod model;
mod pipeline;
mod render;
pub mod timex;
mod write;

pub use cli::main as run;
