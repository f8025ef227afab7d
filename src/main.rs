//! `entente`: builds, checks and serves timeline sites, extracts events from articles and
//! tags dates (`entente --help`).

use std::process::ExitCode;

// Builds allocate and free millions of small strings across threads; glibc's allocator spent
// about a sixth of a 10,000-event build in malloc/free (perf), mimalloc a fraction of that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    entente::run()
}
