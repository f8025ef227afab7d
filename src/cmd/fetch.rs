//! `entente fetch [--root DIR] URL... | --list FILE | --feed URL [--since DATE]`: downloads
//! articles into `content/articles/` as saved pages, each opening with a provenance comment
//! (source URL, final URL after redirects, fetch time, the server's date).
//!
//! Polite and safe by construction: one request at a time, a pause between two requests to
//! the same host, timeouts, at most 5 redirects, a 10 MB cap on a response, http(s) only, a
//! user agent that names Entente, and no cookies or credentials ever sent. A failure is
//! reported with its URL and the others go on; the command fails (exit 1) if any did. Files
//! are named after the article (`2024-11-05-headline-slug.html`), written only inside
//! `content/articles/`, and never over a different article; a URL already saved is skipped
//! unless `--refresh`.

use super::CmdError;
use crate::model::slug::slugify;
use crate::model::Article;
use crate::pipeline;
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use ureq::ResponseExt;

/// Largest response read; beyond it a page is reported, not saved.
const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Redirects followed before giving up.
const MAX_REDIRECTS: u32 = 5;

/// What to fetch and how.
pub(super) struct Options {
    /// The site directory.
    pub(super) root: PathBuf,
    /// Pages named on the command line.
    pub(super) urls: Vec<String>,
    /// A file of URLs, one per line.
    pub(super) list: Option<PathBuf>,
    /// A feed whose items are fetched.
    pub(super) feed: Option<String>,
    /// Only feed items from this day on.
    pub(super) since: Option<String>,
    /// Fetch again what is already saved.
    pub(super) refresh: bool,
    /// Pause between two requests to one host.
    pub(super) delay: Duration,
    /// Longest a request may take, connection to last byte.
    pub(super) timeout: Duration,
}

/// One thing to fetch: a page, with what its feed said in case the page cannot be had.
struct Job {
    url: String,
    item: Option<Article>,
}

/// A response as saved.
struct Fetched {
    final_url: String,
    http_date: Option<String>,
    content_type: String,
    charset: Option<String>,
    body: Vec<u8>,
}

/// Runs the command.
pub(super) fn run(options: Options) -> Result<(), CmdError> {
    let started = Instant::now();
    let since = options
        .since
        .as_deref()
        .map(|s| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| CmdError::Usage(format!("invalid --since \"{s}\": use YYYY-MM-DD")))
        })
        .transpose()?;
    let dir = articles_dir(&options.root)?;
    let mut client = Client::new(options.delay, options.timeout);
    let mut failed = 0usize;
    let mut jobs: Vec<Job> = Vec::new();
    for url in &options.urls {
        jobs.push(Job {
            url: url.clone(),
            item: None,
        });
    }
    if let Some(list) = &options.list {
        let text = std::fs::read_to_string(list).map_err(|source| {
            CmdError::Input(crate::pipeline::ReadError::Io {
                path: list.clone(),
                source,
            })
        })?;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if !line.is_empty() {
                jobs.push(Job {
                    url: line.to_string(),
                    item: None,
                });
            }
        }
    }
    if let Some(feed) = &options.feed {
        match feed_jobs(&mut client, feed, since) {
            Ok(items) => jobs.extend(items),
            Err(why) => {
                eprintln!("{feed}: {why}");
                failed += 1;
            }
        }
    }
    let mut saved = saved_urls(&dir);
    let bar = if std::io::stderr().is_terminal() && jobs.len() > 1 {
        let bar =
            ProgressBar::with_draw_target(Some(jobs.len() as u64), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let (mut fetched, mut skipped, mut kept) = (0usize, 0usize, 0usize);
    for job in &jobs {
        bar.set_message(job.url.clone());
        let existing = saved.get(&job.url).cloned();
        if existing.is_some() && !options.refresh {
            skipped += 1;
            bar.inc(1);
            continue;
        }
        match client.get(&job.url, true) {
            Ok(page) => match save_page(&dir, &job.url, &page, existing.as_deref()) {
                Ok(path) => {
                    fetched += 1;
                    say(&bar, format!("saved {}", path.display()));
                    saved.insert(job.url.clone(), path);
                }
                Err(e) => {
                    failed += 1;
                    say(&bar, format!("{}: cannot write: {e}", job.url));
                }
            },
            Err(why) => match &job.item {
                // The feed's own text is better than nothing.
                Some(item) if !item.provenance.without_text => {
                    match save_item(&dir, &job.url, item, existing.as_deref()) {
                        Ok(path) => {
                            kept += 1;
                            say(
                                &bar,
                                format!(
                                    "{}: {why}; kept the feed's text in {}",
                                    job.url,
                                    path.display()
                                ),
                            );
                            saved.insert(job.url.clone(), path);
                        }
                        Err(e) => {
                            failed += 1;
                            say(&bar, format!("{}: cannot write: {e}", job.url));
                        }
                    }
                }
                _ => {
                    failed += 1;
                    say(&bar, format!("{}: {why}", job.url));
                }
            },
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let kept_note = match kept {
        0 => String::new(),
        n => format!(", {n} kept from the feed"),
    };
    eprintln!(
        "fetched {fetched}{kept_note}, skipped {skipped} already saved, failed {failed} in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if failed > 0 {
        return Err(CmdError::Fetch {
            failed,
            total: jobs.len() + usize::from(options.feed.is_some()),
        });
    }
    Ok(())
}

/// A line on stderr, above the progress bar when there is one (a hidden bar prints nothing).
fn say(bar: &ProgressBar, line: String) {
    if bar.is_hidden() {
        eprintln!("{line}");
    } else {
        bar.println(line);
    }
}

/// `ROOT/content/articles/`, made if missing; refused if it (or `content/`) is a symbolic
/// link, which could send the files anywhere.
fn articles_dir(root: &Path) -> Result<PathBuf, CmdError> {
    let content = root.join("content");
    if !content.is_dir() {
        return Err(CmdError::Usage(format!(
            "{} is not a site (no content/ directory): give its directory with --root, or \
             start one with `entente init`",
            root.display()
        )));
    }
    let dir = content.join("articles");
    for path in [&content, &dir] {
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(CmdError::Usage(format!(
                "{} is a symbolic link: fetch writes only into the site's own content/articles/",
                path.display()
            )));
        }
    }
    std::fs::create_dir_all(&dir).map_err(|source| CmdError::Output {
        action: "create",
        path: dir.clone(),
        source,
    })?;
    Ok(dir)
}

/// The HTTP client: one agent (no cookie store: the crate is built without one), requests
/// one at a time with a pause per host.
struct Client {
    agent: ureq::Agent,
    delay: Duration,
    last: HashMap<String, Instant>,
}

impl Client {
    fn new(delay: Duration, timeout: Duration) -> Client {
        let config = ureq::Agent::config_builder()
            .user_agent(concat!(
                "Entente/",
                env!("CARGO_PKG_VERSION"),
                " (news article fetcher for a timeline of diplomatic engagements)"
            ))
            .timeout_global(Some(timeout))
            .timeout_connect(Some(timeout.min(Duration::from_secs(10))))
            .max_redirects(MAX_REDIRECTS)
            .http_status_as_error(false)
            .https_only(false)
            .build();
        Client {
            agent: config.into(),
            delay,
            last: HashMap::new(),
        }
    }

    /// Fetches `url`, waiting first if its host was asked less than the delay ago. With
    /// `page`, only HTML is accepted.
    fn get(&mut self, url: &str, page: bool) -> Result<Fetched, String> {
        let parsed = url::Url::parse(url).map_err(|e| format!("not a URL: {e}"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(format!(
                "only http and https URLs are fetched, not {}:",
                parsed.scheme()
            ));
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(
                "URLs with a user name or password are not fetched: credentials are \
                 never sent"
                    .into(),
            );
        }
        let host = parsed.host_str().unwrap_or("").to_string();
        if let Some(last) = self.last.get(&host) {
            let since = last.elapsed();
            if since < self.delay {
                std::thread::sleep(self.delay - since);
            }
        }
        let result = self.agent.get(url).call();
        self.last.insert(host, Instant::now());
        let mut response = result.map_err(describe)?;
        let status = response.status();
        if !status.is_success() {
            return Err(format!(
                "{} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            )
            .trim_end()
            .to_string());
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header("content-type").unwrap_or_default();
        let http_date = header("date");
        let mime = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let charset = content_type.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            (k.trim().eq_ignore_ascii_case("charset"))
                .then(|| v.trim().trim_matches('"').to_string())
        });
        if page && !(mime.is_empty() || mime == "text/html" || mime == "application/xhtml+xml") {
            return Err(format!("not a web page ({mime})"));
        }
        let final_url = response.get_uri().to_string();
        if let Some(length) = header("content-length").and_then(|l| l.parse::<u64>().ok()) {
            if length > MAX_BYTES {
                return Err(too_large());
            }
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BYTES)
            .read_to_vec()
            .map_err(describe)?;
        Ok(Fetched {
            final_url,
            http_date,
            content_type,
            charset,
            body,
        })
    }
}

fn too_large() -> String {
    format!("larger than {} MB, not saved", MAX_BYTES / 1_048_576)
}

/// A transport failure in a few words.
fn describe(error: ureq::Error) -> String {
    match error {
        ureq::Error::Timeout(_) => "timed out".into(),
        ureq::Error::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        ureq::Error::BodyExceedsLimit(_) => too_large(),
        ureq::Error::Io(e) => format!("connection failed: {e}"),
        ureq::Error::HostNotFound => "host not found".into(),
        other => other.to_string(),
    }
}

/// The pages of a feed's items (from `since` on), each with the item in case its page
/// cannot be fetched.
fn feed_jobs(client: &mut Client, url: &str, since: Option<NaiveDate>) -> Result<Vec<Job>, String> {
    let fetched = client.get(url, false)?;
    let final_url = fetched.final_url.clone();
    let items = match pipeline::parse_feed_at(Path::new(url), &fetched.body, "feed", &final_url) {
        Ok(Ok(items)) => items,
        Ok(Err(why)) => return Err(why),
        Err(d) => return Err(d.message),
    };
    let mut jobs = Vec::new();
    for item in items {
        if let (Some(since), Some(date)) = (since, item.date) {
            if date.first_day() < since {
                continue;
            }
        }
        match item.url.clone() {
            Some(link) => jobs.push(Job {
                url: link,
                item: Some(item),
            }),
            None => eprintln!("{url}: item \"{}\" has no link; skipped", item.headline),
        }
    }
    Ok(jobs)
}

/// The source URL of every page `fetch` saved before, from their provenance comments.
fn saved_urls(dir: &Path) -> HashMap<String, PathBuf> {
    let mut urls = HashMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return urls;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        if let Some(source) = source_of(&path) {
            urls.insert(source, path);
        }
    }
    urls
}

/// The `source:` line of a saved page's provenance comment.
fn source_of(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut head = vec![0u8; 4096];
    let mut file = std::fs::File::open(path).ok()?;
    let n = file.read(&mut head).ok()?;
    let head = String::from_utf8_lossy(&head[..n]);
    let comment = head.strip_prefix("<!-- saved by entente fetch")?;
    comment
        .lines()
        .find_map(|l| l.trim().strip_prefix("source: "))
        .map(|s| s.trim().to_string())
}

/// Saves a fetched page: decoded with the server's charset, written as UTF-8 under a
/// provenance comment.
fn save_page(
    dir: &Path,
    source: &str,
    page: &Fetched,
    existing: Option<&Path>,
) -> std::io::Result<PathBuf> {
    let text = pipeline::decode_page(&page.body, page.charset.as_deref());
    let header = provenance(
        source,
        &page.final_url,
        page.http_date.as_deref(),
        &page.content_type,
    );
    let read = pipeline::read_page(&format!("{header}{text}"));
    let name = file_name(read.date, read.headline.as_deref(), source);
    write_new(dir, &name, &format!("{header}{text}"), existing)
}

/// Saves a feed item whose page could not be had as a small page of its own.
fn save_item(
    dir: &Path,
    source: &str,
    item: &Article,
    existing: Option<&Path>,
) -> std::io::Result<PathBuf> {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut page = provenance(source, source, None, "from the feed");
    page.push_str("<html><head>\n");
    page.push_str(&format!("<title>{}</title>\n", esc(&item.headline)));
    if let Some(d) = item.date {
        page.push_str(&format!(
            "<meta property=\"article:published_time\" content=\"{}\">\n",
            d.iso()
        ));
    }
    if let Some(p) = &item.publisher {
        page.push_str(&format!(
            "<meta property=\"og:site_name\" content=\"{}\">\n",
            esc(p)
        ));
    }
    page.push_str(&format!(
        "<link rel=\"canonical\" href=\"{}\">\n",
        esc(source)
    ));
    page.push_str("</head><body><article>\n");
    page.push_str(&format!("<h1>{}</h1>\n", esc(&item.headline)));
    for line in item.text[item.body_start.min(item.text.len())..].lines() {
        page.push_str(&format!("<p>{}</p>\n", esc(line)));
    }
    page.push_str("</article></body></html>\n");
    let name = file_name(
        item.date.map(|d| d.first_day()),
        Some(&item.headline),
        source,
    );
    write_new(dir, &name, &page, existing)
}

/// The comment a fetched page opens with. Its `saved from url=` line is the one browsers
/// write, so the page names its URL even without a canonical link.
fn provenance(source: &str, final_url: &str, http_date: Option<&str>, kind: &str) -> String {
    let clean = |s: &str| s.replace("--", "%2D%2D").replace(['\n', '\r'], " ");
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
    format!(
        "<!-- saved by entente fetch\nsource: {}\nfinal: {}\nfetched: {now}\nhttp-date: {}\ncontent-type: {}\nsaved from url=({:04}){} -->\n<meta charset=\"utf-8\">\n",
        clean(source),
        clean(final_url),
        clean(http_date.unwrap_or("-")),
        clean(kind),
        final_url.len(),
        clean(final_url),
    )
}

/// `2024-11-05-headline-slug.html` (at most 80 characters before `.html`); the URL's last
/// part when the page names no headline.
fn file_name(date: Option<NaiveDate>, headline: Option<&str>, url: &str) -> String {
    let from_url = url
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("page")
        .split(['?', '#'])
        .next()
        .unwrap_or("page")
        .trim_end_matches(".html")
        .trim_end_matches(".htm")
        .to_string();
    let slug = slugify(headline.filter(|h| !h.is_empty()).unwrap_or(&from_url));
    let slug = if slug.is_empty() {
        "page".to_string()
    } else {
        slug
    };
    let stem = match date {
        Some(d) => format!("{d}-{slug}"),
        None => format!("undated-{slug}"),
    };
    let stem: String = stem.chars().take(80).collect();
    format!("{}.html", stem.trim_end_matches('-'))
}

/// Writes `name` in `dir`, or `name-2`, `name-3`... when a different article has that name;
/// `existing` (the same URL saved before, with `--refresh`) is replaced in place.
fn write_new(
    dir: &Path,
    name: &str,
    text: &str,
    existing: Option<&Path>,
) -> std::io::Result<PathBuf> {
    let path = match existing {
        Some(p) => p.to_path_buf(),
        None => {
            let stem = name.trim_end_matches(".html");
            let mut path = dir.join(name);
            let mut n = 2;
            while path.exists() {
                path = dir.join(format!("{stem}-{n}.html"));
                n += 1;
            }
            path
        }
    };
    // Written beside and renamed, so an interrupted fetch leaves no half page.
    let tmp = dir.join(format!(
        ".{}.part",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("page")
    ));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, &path)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_date_and_headline() {
        let d = NaiveDate::from_ymd_opt(2024, 11, 5);
        assert_eq!(
            file_name(d, Some("Leaders meet in Lima"), "https://x.org/a"),
            "2024-11-05-leaders-meet-in-lima.html"
        );
        assert_eq!(
            file_name(None, None, "https://x.org/news/story-1.html?x=1"),
            "undated-story-1.html"
        );
        assert!(file_name(d, Some(&"word ".repeat(50)), "u").len() <= 85);
    }

    #[test]
    fn provenance_cannot_close_its_comment_early() {
        let p = provenance(
            "https://x.org/a-->b",
            "https://x.org/a-->b",
            None,
            "text/html",
        );
        assert_eq!(p.matches("-->").count(), 1);
        assert!(p.contains("source: https://x.org/a%2D%2D>b"));
    }
}
