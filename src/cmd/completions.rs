//! `entente completions SHELL`: a completion script for the shell, on stdout.

use super::CmdError;
use crate::cli::Cli;
use clap::CommandFactory;

/// Prints the completion script of every command and argument for `shell`.
pub(super) fn run(shell: clap_complete::Shell) -> Result<(), CmdError> {
    clap_complete::generate(
        shell,
        &mut Cli::command(),
        "entente",
        &mut std::io::stdout(),
    );
    Ok(())
}
