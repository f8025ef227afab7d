//! Gatherings of many states: a bloc's ministers meeting as one, and sessions of a body
//! told in passing. The articles are invented.

use crate::extraction_rules::{extract, has};

#[test]
fn a_blocs_ministers_at_their_meeting_hold_a_summit() {
    let found = extract(
        "2011-03-12",
        "OSLO, March 12 (Agency) - The government approved the fisheries plan on Saturday.\n\
         NATO defence ministers are due to review the plan at their meeting in Brussels on \
         Monday, when the alliance's staff is also expected to report.",
    );
    assert!(has(&found, "summit", "2011-03-14", &["BE"]), "{found:?}");
    assert!(!found.iter().any(|f| f.kind == "meeting"), "{found:?}");
}
