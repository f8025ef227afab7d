//! `entente serve`: build, serve, rebuild on change (the server is `crate::serve`).

use super::CmdError;
use crate::serve;
use std::path::Path;

/// Serves the site at `root` until Ctrl-C.
pub(super) fn run(root: &Path, out: Option<&Path>, bind: &str, port: u16) -> Result<(), CmdError> {
    serve::serve(root, out, bind, port).map_err(|e| match e {
        // The first build's failure was printed as it happened.
        serve::ServeError::Build(_) => CmdError::Reported,
        e if e.is_content() => CmdError::ServeContent(e.to_string()),
        e => CmdError::Serve(e.to_string()),
    })
}
