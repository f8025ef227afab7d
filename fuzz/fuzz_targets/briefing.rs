//! Briefing files (`content/briefings/*.yaml`): `load::briefings::parse_file`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = entente::load::briefings::parse_file(Path::new("briefings/fuzz.yaml"), text);
});
