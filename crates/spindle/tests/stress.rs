//! Thread stress suite (issue 7, point 4): runs every `tests/stress/*.py`
//! under the freshly built `spindle` binary. Each program races 8 threads
//! on one object (list, dict, set, bytearray, deque, instance and class
//! attributes, generator and iterators, import, cycle collection with
//! finalizers, queue hand-offs under collection, closure cells, `+=`
//! counters), checks its invariants itself and prints
//! `ok` last. A run fails on a non-zero exit, a signal, a timeout, or a
//! missing `ok`.
//!
//! `tests/stress/skip.txt` lists programs that currently find a runtime bug
//! too deep to fix at once: `name.py: why`, one a line. They are not run
//! (unless `SPINDLE_STRESS_RUN_SKIPPED=1`), and each is reported.
//!
//! Knobs: `SPINDLE_STRESS_FILTER=substr` (programs whose name contains it),
//! `SPINDLE_STRESS_RUNS=n` (run each n times, to catch flaky failures),
//! `SPINDLE_STRESS_TIMEOUT=secs` (per run, default 60),
//! `SPINDLE_STRESS_THREADS=n` and `SPINDLE_STRESS_SCALE=f` (read by the
//! programs: threads per race, loop-count factor).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The programs of `dir`: `*.py` files not starting with `_` (helpers).
fn programs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".py") && !name.starts_with('_')
        })
        .collect();
    out.sort();
    out
}

/// `skip.txt`: `name.py: reason` lines; `#` starts a comment line.
fn skip_list(dir: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(dir.join("skip.txt")).unwrap_or_default();
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (name, reason) = line.split_once(':').unwrap_or((line, ""));
        let (name, reason) = (name.trim(), reason.trim());
        assert!(!reason.is_empty(), "skip.txt: entry {name:?} gives no reason");
        assert!(dir.join(name).is_file(), "skip.txt: {name:?} is not a program in {}", dir.display());
        out.push((name.to_owned(), reason.to_owned()));
    }
    out
}

struct Run {
    status: Option<ExitStatus>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

fn spawn_reader(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        String::from_utf8_lossy(&buf).into_owned()
    })
}

/// Runs `program` with a deadline; `status` is None when it was killed at the timeout.
fn run_one(binary: &Path, program: &Path, timeout: Duration) -> Run {
    let start = Instant::now();
    let mut child = Command::new(binary)
        .arg(program)
        .current_dir(program.parent().unwrap_or(Path::new(".")))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", binary.display()));
    let out = spawn_reader(child.stdout.take().expect("piped stdout"));
    let err = spawn_reader(child.stderr.take().expect("piped stderr"));
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => panic!("waiting for {}: {e}", program.display()),
        }
    };
    let elapsed = start.elapsed();
    Run { status, stdout: out.join().unwrap_or_default(), stderr: err.join().unwrap_or_default(), elapsed }
}

/// Why a run failed, or None when it passed.
fn verdict(run: &Run, timeout: Duration) -> Option<String> {
    let Some(status) = run.status else {
        return Some(format!("timed out after {timeout:?}"));
    };
    if !status.success() {
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            if let Some(sig) = status.signal() {
                return Some(format!("killed by signal {sig}"));
            }
        }
        return Some(format!("exited with {status}"));
    }
    match run.stdout.lines().rev().find(|l| !l.trim().is_empty()) {
        Some(l) if l.trim() == "ok" => None,
        _ => Some("exited 0 without printing `ok` last".to_owned()),
    }
}

fn tail(text: &str, max_lines: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(max_lines)..].join("\n")
}

#[test]
fn thread_stress_programs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/stress");
    let binary = Path::new(env!("CARGO_BIN_EXE_spindle"));
    let filter = std::env::var("SPINDLE_STRESS_FILTER").unwrap_or_default();
    let runs: usize = env_or("SPINDLE_STRESS_RUNS", 1).max(1);
    let timeout = Duration::from_secs_f64(env_or("SPINDLE_STRESS_TIMEOUT", 60.0));
    let run_skipped = std::env::var("SPINDLE_STRESS_RUN_SKIPPED").is_ok_and(|v| v == "1");
    let skips = skip_list(&dir);

    let all = programs(&dir);
    assert!(!all.is_empty(), "no stress programs in {}", dir.display());
    let suite_start = Instant::now();
    let mut failures = Vec::new();
    let mut ran = 0;
    for program in &all {
        let name = program.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_owned();
        if !name.contains(&filter) {
            continue;
        }
        if let Some((_, why)) = skips.iter().find(|(n, _)| *n == name) {
            if !run_skipped {
                eprintln!("stress: {name}: SKIPPED (tests/stress/skip.txt: {why})");
                continue;
            }
        }
        let mut times = Vec::new();
        for i in 0..runs {
            let run = run_one(binary, program, timeout);
            times.push(run.elapsed.as_secs_f64());
            ran += 1;
            if let Some(why) = verdict(&run, timeout) {
                eprintln!("stress: {name} run {}: FAILED: {why}", i + 1);
                failures.push(format!(
                    "{name} (run {} of {runs}): {why}\n--- stdout (tail)\n{}\n--- stderr (tail)\n{}",
                    i + 1,
                    tail(&run.stdout, 25),
                    tail(&run.stderr, 25)
                ));
            }
        }
        let max = times.iter().copied().fold(0.0, f64::max);
        let mean = times.iter().sum::<f64>() / times.len() as f64;
        eprintln!("stress: {name}: {runs} run(s), mean {mean:.2}s, max {max:.2}s");
    }
    eprintln!("stress: {ran} runs, {} failed, {:.1}s in all", failures.len(), suite_start.elapsed().as_secs_f64());
    assert!(failures.is_empty(), "{} stress run(s) failed:\n\n{}", failures.len(), failures.join("\n\n"));
}
