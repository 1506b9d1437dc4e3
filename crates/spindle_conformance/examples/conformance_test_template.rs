//! Template for `crates/spindle/tests/conformance.rs`: runs every
//! `tests/conformance/**/*.py` under the freshly built `spindle` binary and checks
//! the results against CPython 3.14's recordings and `expected_failures.txt`.
//!
//! Add `spindle_conformance = { path = "../spindle_conformance" }` to the spindle
//! crate's `[dev-dependencies]` (or `spindle_conformance.workspace = true` once the
//! root manifest lists it). Knobs: `SPINDLE_CONFORMANCE_FILTER=substr`,
//! `SPINDLE_CONFORMANCE_BLESS=1`, `SPINDLE_CONFORMANCE_JOBS=n`,
//! `SPINDLE_CONFORMANCE_TIMEOUT_SCALE=f` (e.g. 3 for an unoptimised build).

use std::path::Path;

#[test]
fn conformance() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance");
    let report = spindle_conformance::run_all(Path::new(env!("CARGO_BIN_EXE_spindle")), &root);
    eprintln!("{report}");
    assert!(report.is_ok(), "{}", report.summary());
}
