//! A whole site through `load::load`: the input is `site.yaml`, optionally followed by a NUL
//! byte and `actors.yaml`, then another NUL and one event file.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn root() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("content/events")).expect("mkdir");
        dir
    })
    .path()
}

fuzz_target!(|data: &[u8]| {
    let root = root();
    let content = root.join("content");
    let mut parts = data.splitn(3, |&b| b == 0);
    let site = parts.next().unwrap_or_default();
    let actors = parts.next();
    let events = parts.next();
    std::fs::write(content.join("site.yaml"), site).unwrap();
    match actors {
        Some(a) => std::fs::write(content.join("actors.yaml"), a).unwrap(),
        None => {
            let _ = std::fs::remove_file(content.join("actors.yaml"));
        }
    }
    match events {
        Some(e) => std::fs::write(content.join("events/e.yaml"), e).unwrap(),
        None => {
            let _ = std::fs::remove_file(content.join("events/e.yaml"));
        }
    }
    let _ = entente::load::load(root);
});
