//! Event YAML files (`content/events/**/*.yaml`): `load::events::parse_file`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::collections::HashMap;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut aliases = HashMap::new();
    aliases.insert("rubio".to_string(), "Marco Rubio".to_string());
    let _ = entente::load::events::parse_file(Path::new("events/fuzz.yaml"), text, &aliases);
});
