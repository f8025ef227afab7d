//! `entente fetch`: placeholder while it is written.
use super::CmdError;
use std::path::PathBuf;

pub(super) struct Options {
    pub(super) root: PathBuf,
    pub(super) urls: Vec<String>,
    pub(super) list: Option<PathBuf>,
    pub(super) feed: Option<String>,
    pub(super) since: Option<String>,
    pub(super) refresh: bool,
}

pub(super) fn run(_o: Options) -> Result<(), CmdError> {
    Err(CmdError::Usage("not yet".into()))
}
