//! Issue point 8: at least 1,000 generated and mutated programs go through
//! compile and run, and none may make the binary panic, abort or hang.
//! The generator is fuzz/run.py (standard-library Python, run by the host's
//! `python3`); hangs and aborts are confirmed against that same python3, so
//! a program that loops forever in CPython too is not counted.

use std::path::Path;
use std::process::Command;

#[test]
fn thousand_programs_no_panic_abort_or_hang() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let script = root.join("fuzz/run.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(["--count", "1000", "--seed", "1", "--jobs", "2", "--timeout", "10", "--quiet"])
        .arg("--spindle")
        .arg(env!("CARGO_BIN_EXE_spindle"))
        .output()
        .unwrap_or_else(|e| panic!("running python3 {}: {e} (the fuzz test needs a python3 on PATH)", script.display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let summary = stdout.lines().chain(stderr.lines()).rev().find(|l| l.contains(" programs, ")).unwrap_or("").to_owned();
    eprintln!("fuzz: {summary}");
    assert!(out.status.success(), "fuzz run failed ({}):\n{stdout}\n{stderr}", out.status);
    assert!(summary.starts_with("1000 programs, 0 panics, 0 aborts, 0 hangs"), "unexpected summary: {summary}\n{stdout}\n{stderr}");
}
