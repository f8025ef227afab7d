//! `content/briefings/*.yaml`: saved selections rendered as print-ready briefings.

use crate::diagnostics::Diagnostics;
use crate::model::Briefing;
use std::path::Path;

pub fn load_briefings(dir: &Path, problems: &mut Diagnostics) -> Vec<Briefing> {
    let _ = (dir, problems);
    Vec::new()
}
