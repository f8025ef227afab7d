//! `entente init [DIR]`: a new site to start from, as `zola init` and `hugo new site` make:
//! commented settings, one example of each kind of content, and a `.gitignore` for the built
//! site. Refuses a directory that already holds anything, so nothing is ever overwritten.

use super::CmdError;
use std::path::Path;

/// The new site's files, relative to its directory.
const FILES: &[(&str, &str)] = &[
    ("content/site.yaml", include_str!("init/site.yaml")),
    (
        "content/events/example-event.yaml",
        include_str!("init/event.yaml"),
    ),
    (
        "content/articles/example-article.md",
        include_str!("init/article.md"),
    ),
    ("content/pages/about.md", include_str!("init/about.md")),
    (
        "content/briefings/example-briefing.yaml",
        include_str!("init/briefing.yaml"),
    ),
    (".gitignore", include_str!("init/gitignore")),
];

/// Creates the site in `dir` (made if missing) and prints what to run next.
pub(super) fn run(dir: &Path) -> Result<(), CmdError> {
    let output = |action: &'static str, path: &Path| {
        let path = path.to_path_buf();
        move |source| CmdError::Output {
            action,
            path,
            source,
        }
    };
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(CmdError::Usage(format!(
                    "{} is not empty: `entente init` starts a site only in a new or empty \
                     directory, so nothing is overwritten",
                    dir.display()
                )));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) if dir.exists() && !dir.is_dir() => {
            return Err(CmdError::Usage(format!(
                "{} is a file, not a directory: {e}",
                dir.display()
            )));
        }
        Err(e) => return Err(output("read", dir)(e)),
    }
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(output("create", parent))?;
        }
        std::fs::write(&path, text).map_err(output("write", &path))?;
    }
    println!("Created a new Entente site in {}", dir.display());
    println!("Next:");
    let cd = if dir == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", shell_word(&dir.display().to_string()))
    };
    println!("  {cd}entente serve    # preview at http://127.0.0.1:1111, rebuilt as you edit");
    println!("  entente build        # writes the site into public/; open public/index.html");
    Ok(())
}

/// A path as one shell word, quoted when it needs to be.
fn shell_word(word: &str) -> String {
    if word
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}
