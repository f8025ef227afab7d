//! The lock that lets one build at a time write an output directory.

use super::swap::beside;
use super::WriteError;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The lock on an output directory: a file beside it (`.public.entente-lock`) holding the pid
/// of the build that writes it, locked for as long as this value lives and removed with it.
pub(crate) struct OutputLock {
    path: PathBuf,
    _file: fs::File,
}

impl OutputLock {
    /// Takes the lock of `out`, waiting at most `wait` for another build to release it.
    /// `out`'s parent directory is created if need be.
    pub(crate) fn acquire(out: &Path, wait: Duration) -> Result<OutputLock, WriteError> {
        let path = beside(out, "entente-lock");
        let parent_error = |source| WriteError::Parent {
            out: out.to_path_buf(),
            parent: path.parent().map(Path::to_path_buf).unwrap_or_default(),
            source,
        };
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(parent_error)?;
        }
        let deadline = Instant::now() + wait;
        loop {
            let file = fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(parent_error)?;
            match file.try_lock() {
                // The build that held it may have removed the file meanwhile: then this lock is
                // on a file nobody else will find, and the one at the path must be taken.
                Ok(()) if !same_file(&file, &path) => continue,
                Ok(()) => {
                    let mut writer = &file;
                    let _ = file.set_len(0);
                    let _ = writeln!(writer, "{}", std::process::id());
                    return Ok(OutputLock { path, _file: file });
                }
                Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    let pid = fs::read_to_string(&path)
                        .ok()
                        .and_then(|t| t.trim().parse().ok());
                    return Err(WriteError::Locked {
                        out: out.to_path_buf(),
                        pid,
                    });
                }
                Err(fs::TryLockError::Error(source)) => {
                    return Err(WriteError::Io { path, source });
                }
            }
        }
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still locked; the file is unlocked when it closes, right after.
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether the open `file` is still the one at `path`.
fn same_file(file: &fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}
