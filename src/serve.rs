//! `entente serve`: development server with rebuild on change and live reload.

use std::path::Path;

/// Serves the site; returns the process exit code.
pub fn serve(root: &Path, out: Option<&Path>, bind: &str, port: u16) -> i32 {
    let _ = (root, out, bind, port);
    eprintln!("error: serve is not available yet");
    2
}
