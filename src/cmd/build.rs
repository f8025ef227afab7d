//! `entente build`: the whole site into the output directory, swapped in when complete.

use super::CmdError;
use crate::pipeline;
use std::path::Path;

/// Builds the site at `root` into `out` and prints the summary (and stage timings).
pub(super) fn run(
    root: &Path,
    out: Option<&Path>,
    quiet: bool,
    timings: bool,
) -> Result<(), CmdError> {
    let report = pipeline::build(root, out, !quiet)?;
    if !quiet {
        super::print_warnings(&report.warnings);
        super::outln!(
            "built {} events ({} extracted) into {}: {} pages in {:.2} s",
            report.events,
            report.extracted,
            report.out.display(),
            report.pages,
            report.elapsed.as_secs_f64()
        )?;
    }
    if timings {
        for (stage, took) in &report.stages {
            super::outln!("{:>8.3} s  {stage}", took.as_secs_f64())?;
        }
    }
    Ok(())
}
