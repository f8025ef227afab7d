//! Evaluations against the shared development data (not used by the site build).

pub mod meantime;
pub mod timeml;
