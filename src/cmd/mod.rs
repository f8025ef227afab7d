//! One module per command, each with one entry point that goes through the driver
//! ([`crate::pipeline`]); this module dispatches to them and owns how their failures are
//! printed and which exit code each class of failure gives.

mod build;
mod check;
mod completions;
mod extract;
#[cfg(feature = "fetch")]
mod fetch;
mod init;
#[cfg(feature = "serve")]
mod serve;
mod timex;

use crate::cli::{Cli, ColorWhen, Command, Format};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::pipeline::{BuildError, ReadError};
use anstyle::{AnsiColor, Style};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Prints a line on stdout; a reader that has gone away (`entente extract ... | head`) makes
/// it return [`CmdError::ClosedPipe`], which ends the command quietly.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cmd::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Prints a line on stderr (coloured where colour is wanted) and never fails: a closed stderr
/// must neither stop a command nor make it panic.
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(anstream::stderr(), $($arg)*);
    }};
}
pub(crate) use {errln, outln};

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CmdError {
    /// A build (or `check`) stopped.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// Problems in some of the articles given; the others were processed and printed.
    #[error("{count} of {total} articles could not be used")]
    Articles {
        /// Articles that failed.
        count: usize,
        /// Articles given.
        total: usize,
        /// Whether one of them could not be read at all (an environment problem).
        unreadable: bool,
    },
    /// An input file could not be read.
    #[error(transparent)]
    Input(#[from] ReadError),
    /// Standard input could not be read.
    #[error("cannot read standard input: {0}")]
    Stdin(#[source] std::io::Error),
    /// An output file or directory could not be written.
    #[error("cannot {action} {}: {source}", path.display())]
    Output {
        /// "write" or "create".
        action: &'static str,
        /// The file or directory.
        path: PathBuf,
        /// What the file system reported.
        #[source]
        source: std::io::Error,
    },
    /// Standard output was closed by its reader (piped into `head`): nothing more to say.
    #[error("")]
    ClosedPipe,
    /// Standard output could not be written.
    #[error("cannot write to standard output: {0}")]
    Stdout(#[source] std::io::Error),
    /// Some URLs given to `fetch` could not be fetched; each was reported with its URL.
    #[cfg(feature = "fetch")]
    #[error("{failed} of {total} URLs could not be fetched")]
    Fetch {
        /// URLs that failed.
        failed: usize,
        /// URLs tried.
        total: usize,
    },
    /// Arguments that parse but make no sense.
    #[error("{0}")]
    Usage(String),
    /// Some outputs could not be written; each was reported as it happened.
    #[error("{0} output files could not be written")]
    Partial(usize),
    /// The development server could not start.
    #[cfg(feature = "serve")]
    #[error("{0}")]
    Serve(String),
    /// Already printed where it happened.
    #[cfg(feature = "serve")]
    #[error("")]
    Reported,
    /// The development server found no site to serve.
    #[cfg(feature = "serve")]
    #[error("{0}")]
    ServeContent(String),
}

impl CmdError {
    /// 1 for problems in the content, 2 for usage and environment problems.
    pub(crate) fn exit_code(&self) -> ExitCode {
        let content = match self {
            CmdError::Build(BuildError::Content(_)) => true,
            #[cfg(feature = "serve")]
            CmdError::ServeContent(_) => true,
            CmdError::Articles { unreadable, .. } => !unreadable,
            CmdError::Input(ReadError::Content(_)) => true,
            #[cfg(feature = "fetch")]
            CmdError::Fetch { .. } => true,
            _ => false,
        };
        ExitCode::from(if content { 1 } else { 2 })
    }
}

/// Runs one command.
pub(crate) fn run(cli: Cli) -> Result<(), CmdError> {
    let root = cli.root;
    match cli.command {
        Command::Build {
            out,
            quiet,
            timings,
        } => build::run(&root, out.as_deref(), quiet, timings),
        Command::Check => check::run(&root),
        Command::Timex { file, dct, jsonl } => {
            if jsonl {
                timex::serve_jsonl()
            } else {
                timex::run(file.as_deref().unwrap_or("-"), dct.as_deref())
            }
        }
        Command::Extract {
            files,
            format,
            write,
            out_dir,
        } => extract::run(extract::Options {
            files,
            json: matches!(format, Format::Json),
            write,
            out_dir,
        }),
        #[cfg(feature = "serve")]
        Command::Serve { out, port, bind } => serve::run(&root, out.as_deref(), &bind, port),
        Command::Completions { shell } => completions::run(shell),
        Command::Init { dir } => init::run(&dir),
        #[cfg(feature = "fetch")]
        Command::Fetch {
            urls,
            list,
            feed,
            since,
            refresh,
            delay,
            timeout,
        } => fetch::run(fetch::Options {
            root,
            urls,
            list,
            feed,
            since,
            refresh,
            delay: std::time::Duration::from_secs_f64(delay.max(0.0)),
            timeout: std::time::Duration::from_secs_f64(timeout.clamp(0.1, 3600.0)),
        }),
    }
}

/// Applies `--color` to everything printed through `anstream`.
pub(crate) fn set_color(when: ColorWhen) {
    let choice = match when {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
}

pub(super) const ERROR: Style = AnsiColor::Red.on_default().bold();

/// Prints a failure on stderr: the problems one per line when there are several, then one
/// `error:` line (coloured where colour is wanted).
pub(crate) fn report(error: &CmdError) {
    #[cfg(feature = "serve")]
    if let CmdError::Reported = error {
        return;
    }
    if let CmdError::ClosedPipe = error {
        return;
    }
    // One article: its own error line says it all.
    if let CmdError::Articles { total: 1, .. } = error {
        return;
    }
    if let CmdError::Build(BuildError::Content(problems)) = error {
        print_problems(problems);
        errln!("{ERROR}error{ERROR:#}: {problems}; nothing was written");
        return;
    }
    errln!("{ERROR}error{ERROR:#}: {error}");
}

/// Writes to stdout, telling a reader that went away from a real failure.
pub(crate) fn write_out(args: std::fmt::Arguments) -> Result<(), CmdError> {
    let mut out = std::io::stdout().lock();
    out.write_fmt(args)
        .and_then(|()| out.flush())
        .map_err(stdout_error)
}

/// [`write_out`] of bytes.
pub(crate) fn write_out_bytes(bytes: &[u8]) -> Result<(), CmdError> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(stdout_error)
}

fn stdout_error(e: std::io::Error) -> CmdError {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        CmdError::ClosedPipe
    } else {
        CmdError::Stdout(e)
    }
}

/// Lines on stderr through one lock, stopping quietly if stderr is gone.
fn print_lines<T: std::fmt::Display>(lines: impl IntoIterator<Item = T>) {
    let mut err = anstream::stderr().lock();
    for line in lines {
        if writeln!(err, "{line}").is_err() {
            return;
        }
    }
}

/// Problems sorted by file and position, one per line.
pub(crate) fn print_problems(problems: &Diagnostics) {
    let mut sorted = problems.0.clone();
    sorted.sort();
    sorted.dedup();
    print_lines(sorted);
}

/// Warnings go to stderr, sorted like errors, and change no exit code.
pub(crate) fn print_warnings(warnings: &[Diagnostic]) {
    let mut sorted = warnings.to_vec();
    sorted.sort();
    print_lines(sorted);
}
