//! Command-line interface: the arguments of every command, parsed by clap, and the entry
//! point that runs one command and turns its outcome into the exit code.
//!
//! Exit codes, the same for every command: 0 success, 1 content problems (each printed as
//! file:line:col), 2 usage or environment problems (bad arguments, an input file that cannot
//! be read, an output directory that is refused or cannot be written).

use crate::cmd;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Timeline sites of diplomatic engagements, from news articles and YAML.
#[derive(Parser, Debug)]
#[command(name = "entente", version)]
pub(crate) struct Cli {
    /// Site directory holding content/ and optionally static/ (build, check, serve).
    #[arg(short, long, global = true, default_value = ".", value_name = "DIR")]
    pub(crate) root: PathBuf,
    /// When to colour messages on stderr (NO_COLOR=1 means never, unless `always`).
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub(crate) color: ColorWhen,
    /// The command to run.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Output format of `entente extract`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    /// Drafts that can be pasted into `content/events/`.
    Yaml,
    /// An array of events for tools.
    Json,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Build the site into the output directory (default: ROOT/public).
    Build {
        /// Output directory; replaced as a whole when the build succeeds.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
        /// Also print how long each stage took (load, extract, merge, render and write, swap).
        #[arg(long)]
        timings: bool,
    },
    /// Validate the content and report every problem; writes nothing.
    Check,
    /// Find and normalise the temporal expressions of a document (JSON lines).
    Timex {
        /// Article file (`-` for standard input).
        #[arg(required_unless_present = "jsonl")]
        file: Option<String>,
        /// Document creation date (YYYY-MM-DD); else the article's date or dateline.
        #[arg(long, value_name = "YYYY-MM-DD")]
        dct: Option<String>,
        /// Serve requests: one `{"text": ..., "dct": ...}` per input line, one JSON array per output line.
        #[arg(long)]
        jsonl: bool,
    },
    /// Extract dated engagement events from articles.
    Extract {
        /// Article files (the plain-text article format, or text or Markdown with front matter).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format on stdout.
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
        /// Output directory (default: ROOT/public).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Port to listen on (0 picks a free one and prints it).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; anything but loopback exposes drafts to the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
    },
    /// Start a new site: commented settings, an example event, article, page and briefing.
    Init {
        /// Directory to create the site in; must be new or empty.
        #[arg(default_value = ".", value_name = "DIR")]
        dir: PathBuf,
    },
    /// Download articles (pages, or a feed's items) into ROOT/content/articles/.
    #[cfg(feature = "fetch")]
    Fetch {
        /// Pages to fetch (http or https).
        #[arg(value_name = "URL", required_unless_present_any = ["list", "feed"])]
        urls: Vec<String>,
        /// A file of URLs, one per line (`#` starts a comment).
        #[arg(long, value_name = "FILE")]
        list: Option<PathBuf>,
        /// A feed (RSS, Atom, JSON Feed) whose items' pages are fetched.
        #[arg(long, value_name = "URL", conflicts_with = "list")]
        feed: Option<String>,
        /// With --feed: only items published on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD", requires = "feed")]
        since: Option<String>,
        /// Fetch again URLs already saved, replacing their files.
        #[arg(long)]
        refresh: bool,
        /// Seconds to wait between two requests to the same host.
        #[arg(long, default_value_t = 1.0, value_name = "SECONDS")]
        delay: f64,
        /// Seconds a request may take, from connecting to the last byte.
        #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
        timeout: f64,
    },
    /// Print a shell completion script to stdout (e.g. `entente completions bash`).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
}

/// Parses the arguments, runs the command and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    cmd::set_color(cli.color);
    match cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            cmd::report(&e);
            e.exit_code()
        }
    }
}
