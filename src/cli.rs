//! Command-line interface: parses arguments and runs one command per subcommand.
//!
//! Exit codes: 0 success, 1 content problems (each printed as file:line:col), 2 usage or
//! output errors.

use crate::pipeline::{self, BuildError};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "entente",
    version,
    about = "Timeline sites of diplomatic engagements, from news articles and YAML"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Yaml,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site into the output directory (default: ROOT/public).
    Build {
        /// Site directory holding content/ and optionally static/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output directory; replaced as a whole when the build succeeds.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
        /// Also print how long each stage took (load, extract, merge, render and write, swap).
        #[arg(long)]
        timings: bool,
    },
    /// Validate the content and report every problem; writes nothing.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Find and normalise the temporal expressions of a document (JSON lines).
    Timex {
        /// Article file (`-` for standard input).
        #[arg(required_unless_present = "jsonl")]
        file: Option<String>,
        /// Document creation date (YYYY-MM-DD); else the article's date or dateline.
        #[arg(long)]
        dct: Option<String>,
        /// Serve requests: one `{"text": ..., "dct": ...}` per input line, one JSON array per output line.
        #[arg(long)]
        jsonl: bool,
    },
    /// Extract dated engagement events from articles.
    Extract {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "yaml")]
        format: Format,
        /// Write one reviewable YAML draft per event into DIR (never over a reviewed file).
        #[arg(long, value_name = "DIR")]
        write: Option<PathBuf>,
        /// Write DIR/<article>.json per article (for scorers).
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
    /// Build, serve the output on 127.0.0.1, rebuild on change and reload open pages.
    #[cfg(feature = "serve")]
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; anything but loopback exposes drafts to the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
    },
}

/// Runs the parsed command and returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Build {
            root,
            out,
            quiet,
            timings,
        } => match pipeline::build_with_progress(&root, out.as_deref(), !quiet) {
            Ok(report) => {
                if !quiet {
                    print_warnings(&report.warnings);
                    println!(
                        "built {} events ({} extracted) into {}: {} pages in {:.2} s",
                        report.events,
                        report.extracted,
                        report.out.display(),
                        report.pages,
                        report.elapsed.as_secs_f64()
                    );
                }
                if timings {
                    for (stage, took) in &report.stages {
                        println!("{:>8.3} s  {stage}", took.as_secs_f64());
                    }
                }
                0
            }
            Err(e) => report_build_error(e),
        },
        Command::Check { root } => match pipeline::prepare(&root) {
            Ok((site, _)) => {
                print_warnings(&site.warnings);
                let warnings = match site.warnings.len() {
                    0 => String::new(),
                    1 => " (1 warning)".to_string(),
                    n => format!(" ({n} warnings)"),
                };
                println!(
                    "ok: {} events, {} pages, {} articles; no problems found{warnings}",
                    site.events.len() + site.review.len(),
                    site.pages.len(),
                    site.articles.len()
                );
                0
            }
            Err(problems) => report_build_error(BuildError::Content(problems)),
        },
        Command::Timex { file, dct, jsonl } => {
            if jsonl {
                crate::cmd::timex::serve_jsonl()
            } else {
                crate::cmd::timex::run(file.as_deref().unwrap_or("-"), dct.as_deref())
            }
        }
        Command::Extract {
            files,
            format,
            write,
            out_dir,
        } => crate::cmd::extract::run(crate::cmd::extract::Options {
            files,
            json: matches!(format, Format::Json),
            write,
            out_dir,
        }),
        #[cfg(feature = "serve")]
        Command::Serve {
            root,
            out,
            port,
            bind,
        } => crate::serve::serve(&root, out.as_deref(), &bind, port),
    }
}

/// Warnings go to stderr, sorted like errors, and change no exit code.
fn print_warnings(warnings: &[crate::diagnostics::Diagnostic]) {
    let mut sorted = warnings.to_vec();
    sorted.sort();
    for w in sorted {
        eprintln!("{w}");
    }
}

pub fn report_build_error(error: BuildError) -> i32 {
    match error {
        BuildError::Content(problems) => {
            let count = problems.len();
            let colour = std::io::stderr().is_terminal();
            for p in problems.sorted() {
                eprintln!("{p}");
            }
            let summary = format!(
                "{count} problem{} found; nothing was written",
                if count == 1 { "" } else { "s" }
            );
            if colour {
                eprintln!("\x1b[1;31merror\x1b[0m: {summary}");
            } else {
                eprintln!("error: {summary}");
            }
            1
        }
        BuildError::Output(message) => {
            eprintln!("error: {message}");
            2
        }
    }
}
