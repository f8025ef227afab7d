//! Commands that are not the site build: each reads its inputs, calls a pipeline stage and
//! prints machine-readable output.

pub mod extract;
pub mod timex;
