//! Entente turns news articles and hand-written YAML into a static timeline site of
//! diplomatic engagements.
//!
//! The pipeline, one module per stage: [`load`] content -> [`extract`] events from articles ->
//! [`merge`] with hand-written events -> [`render`] pages -> [`write`] the output directory.
//! [`pipeline`] runs them in order; [`model`] is the plain data they share.

pub mod cli;
pub mod cmd;
pub mod config;
pub mod diagnostics;
pub mod eval;
pub mod extract;
pub mod load;
pub mod merge;
pub mod model;
pub mod pipeline;
pub mod render;
#[cfg(feature = "serve")]
pub mod serve;
pub mod write;
