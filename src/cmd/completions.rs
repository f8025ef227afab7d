//! `entente completions SHELL`: a completion script for the shell, on stdout.

use super::CmdError;
use crate::cli::Cli;
use clap::CommandFactory;

/// Prints the completion script of every command and argument for `shell`.
pub(super) fn run(shell: clap_complete::Shell) -> Result<(), CmdError> {
    // clap_complete panics when its writer fails; a buffer cannot, and a closed stdout (piped
    // into `head`) is nothing to report.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "entente", &mut script);
    super::write_out_bytes(&script)
}
