//! Entente's integration test suite: one binary, a module per area, each driving the real
//! `entente` binary on fixture sites copied into temporary directories.
//!
//! How it is laid out, how to run one area and how to add a test: `tests/README.md`.

mod common;

mod browse_index;
mod browser;
mod build;
mod check;
mod extract;
mod extraction_dates;
mod extraction_gatherings;
mod extraction_meetings;
mod extraction_parties;
mod extraction_rules;
mod extraction_senses;
mod extraction_trips;
#[cfg(feature = "fetch")]
mod fetch;
mod fixture_sites;
mod hostile;
mod intake;
mod properties;
mod publish;
mod safety;
#[cfg(feature = "serve")]
mod serve;
