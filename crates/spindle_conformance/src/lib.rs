//! Spindle's differential conformance runner.
//!
//! Every `tests/conformance/**/*.py` is a black-box case: the runner starts the
//! `spindle` binary on it (cwd = the case's directory, argument = its bare file name)
//! and compares stdout, stderr and the exit status with what CPython 3.14 printed,
//! recorded beside it as `name.py.out`, `name.py.err` and `name.py.code` by
//! `tests/conformance/record.sh`. Each case ends in an [`Outcome`]; the checked-in
//! `expected_failures.txt` ([`xfail`]) says which cases fail today and how, and the
//! run fails when reality and that list disagree.
//!
//! CPython prints the script's absolute path in tracebacks, so both sides are
//! normalised: `<case dir>/` is removed from stdout and stderr, which makes a
//! traceback read `File "name.py"` wherever the repository lives.
//!
//! Environment knobs (read by [`Config::from_env`]):
//! - `SPINDLE_CONFORMANCE_FILTER=substr` runs only cases whose path contains `substr`;
//! - `SPINDLE_CONFORMANCE_BLESS=1` rewrites the expected-failure list from this run;
//! - `SPINDLE_CONFORMANCE_JOBS=n` sets the number of worker threads;
//! - `SPINDLE_CONFORMANCE_TIMEOUT_SCALE=f` multiplies every case's timeout (slow
//!   debug builds, loaded machines).

pub mod case;
pub mod diff;
pub mod xfail;

use std::fmt::{self, Write as _};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

pub use case::{Case, Expected, Header};
pub use xfail::{Entry, ExpectedFailures};

/// How many failing cases get their diff printed in full; the rest are named only.
const MAX_DIFFS_SHOWN: usize = 25;

/// What a run needs to know. Build it with [`Config::new`] or [`Config::from_env`].
#[derive(Debug, Clone)]
pub struct Config {
    /// The interpreter under test.
    pub spindle_bin: PathBuf,
    /// The conformance root (`tests/conformance`).
    pub root: PathBuf,
    /// Run only cases whose relative path contains this.
    pub filter: Option<String>,
    /// Rewrite `expected_failures.txt` from this run instead of checking against it.
    pub bless: bool,
    /// Worker threads.
    pub jobs: usize,
    /// Multiplies each case's timeout.
    pub timeout_scale: f64,
}

impl Config {
    /// No filter, no blessing, one job per available CPU.
    pub fn new(spindle_bin: &Path, root: &Path) -> Config {
        Config {
            spindle_bin: spindle_bin.to_owned(),
            root: root.to_owned(),
            filter: None,
            bless: false,
            jobs: thread::available_parallelism().map_or(2, usize::from),
            timeout_scale: 1.0,
        }
    }

    /// [`Config::new`], then the `SPINDLE_CONFORMANCE_*` variables.
    pub fn from_env(spindle_bin: &Path, root: &Path) -> Config {
        let mut config = Config::new(spindle_bin, root);
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        config.filter = var("SPINDLE_CONFORMANCE_FILTER");
        config.bless = var("SPINDLE_CONFORMANCE_BLESS").is_some_and(|v| v != "0");
        if let Some(jobs) = var("SPINDLE_CONFORMANCE_JOBS").and_then(|v| v.parse().ok()) {
            config.jobs = jobs;
        }
        if let Some(scale) = var("SPINDLE_CONFORMANCE_TIMEOUT_SCALE")
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
        {
            config.timeout_scale = scale;
        }
        config
    }
}

/// How one case ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    /// Output or exit status differs from CPython's (or the case could not be run).
    Fail {
        signature: String,
        diff: String,
    },
    /// A Rust panic (`panicked at` on stderr, or exit status 101) or a crash by signal.
    Panic {
        signature: String,
        stderr_tail: String,
    },
    Timeout,
}

impl Outcome {
    /// The short, stable description stored in the expected-failure list.
    pub fn signature(&self) -> &str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail { signature, .. } | Outcome::Panic { signature, .. } => signature,
            Outcome::Timeout => "timeout",
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail { .. } => "fail",
            Outcome::Panic { .. } => "panic",
            Outcome::Timeout => "timeout",
        }
    }
}

/// A case's outcome and how it compares with the expected-failure list.
#[derive(Debug, Clone)]
pub struct CaseResult {
    pub name: String,
    pub outcome: Outcome,
    pub elapsed: Duration,
    /// The list's entry for this case, if any.
    pub listed: Option<Entry>,
}

impl CaseResult {
    /// True when the outcome is what the list predicts (pass and unlisted, or the
    /// listed signature).
    pub fn as_expected(&self) -> bool {
        match (&self.outcome, &self.listed) {
            (Outcome::Pass, None) => true,
            (Outcome::Pass, Some(_)) | (_, None) => false,
            (outcome, Some(entry)) => outcome.signature() == entry.signature,
        }
    }
}

/// Everything a run found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// One per case run, sorted by name.
    pub results: Vec<CaseResult>,
    /// Things that fail the run, beyond the cases themselves: a malformed or stale
    /// expected-failure list, an unreadable root.
    pub errors: Vec<String>,
    /// Whether this run rewrote the expected-failure list.
    pub blessed: bool,
}

impl Report {
    /// True when every case behaved as the expected-failure list says (always after
    /// a bless) and the list itself is sound.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty() && (self.blessed || self.results.iter().all(CaseResult::as_expected))
    }

    /// Counts per outcome, in one line.
    pub fn summary(&self) -> String {
        let count = |kind: &str| {
            self.results
                .iter()
                .filter(|r| r.outcome.kind() == kind)
                .count()
        };
        let expected = self
            .results
            .iter()
            .filter(|r| r.outcome != Outcome::Pass && r.as_expected())
            .count();
        let unexpected = self.results.iter().filter(|r| !r.as_expected()).count();
        format!(
            "conformance: {} cases: {} pass, {} fail, {} panic, {} timeout; {} as listed in {}, {} unexpected{}",
            self.results.len(),
            count("pass"),
            count("fail"),
            count("panic"),
            count("timeout"),
            expected,
            xfail::FILE_NAME,
            unexpected,
            if self.blessed { " (list blessed)" } else { "" },
        )
    }

    /// The unlisted panics, which are always worth a look.
    pub fn new_panics(&self) -> impl Iterator<Item = &CaseResult> {
        self.results.iter().filter(|r| {
            matches!(r.outcome, Outcome::Panic { .. })
                && r.listed
                    .as_ref()
                    .is_none_or(|e| e.signature != r.outcome.signature())
        })
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.summary())?;
        let panics: Vec<&CaseResult> = self.new_panics().collect();
        if !panics.is_empty() {
            writeln!(f, "\nnew panics ({}):", panics.len())?;
            for r in &panics {
                if let Outcome::Panic {
                    signature,
                    stderr_tail,
                } = &r.outcome
                {
                    writeln!(f, "  {}: {signature}", r.name)?;
                    for line in stderr_tail.lines() {
                        writeln!(f, "      {line}")?;
                    }
                }
            }
        }
        for e in &self.errors {
            writeln!(f, "error: {e}")?;
        }
        let unexpected: Vec<&CaseResult> =
            self.results.iter().filter(|r| !r.as_expected()).collect();
        if unexpected.is_empty() || self.blessed {
            return Ok(());
        }
        writeln!(f, "\nunexpected results ({}):", unexpected.len())?;
        for (i, r) in unexpected.iter().enumerate() {
            let what = match (&r.outcome, &r.listed) {
                (Outcome::Pass, Some(_)) => "now passes: remove it from the list".to_owned(),
                (o, Some(e)) => format!("listed as `{}` but got `{}`", e.signature, o.signature()),
                (o, None) => format!("{}: {}", o.kind(), o.signature()),
            };
            writeln!(f, "  {}: {what}", r.name)?;
            if let (Outcome::Fail { diff, .. }, true) = (&r.outcome, i < MAX_DIFFS_SHOWN) {
                for line in diff.lines() {
                    writeln!(f, "      {line}")?;
                }
            }
        }
        writeln!(
            f,
            "\n(re-run with SPINDLE_CONFORMANCE_FILTER=<path> to focus; SPINDLE_CONFORMANCE_BLESS=1 to rewrite {})",
            xfail::FILE_NAME
        )
    }
}

/// Runs every case under `root` with `spindle_bin`, honouring the
/// `SPINDLE_CONFORMANCE_*` environment variables. Print the report with `{}`.
pub fn run_all(spindle_bin: &Path, root: &Path) -> Report {
    run(&Config::from_env(spindle_bin, root))
}

/// Runs the cases `config` selects, checks them against the expected-failure list,
/// and rewrites that list when `config.bless` is set.
pub fn run(config: &Config) -> Report {
    let mut report = Report::default();
    let list_path = config.root.join(xfail::FILE_NAME);
    let list_text = match fs::read_to_string(&list_path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            report
                .errors
                .push(format!("cannot read {}: {e}", list_path.display()));
            String::new()
        }
    };
    let (mut list, list_errors) = ExpectedFailures::parse(&list_text);
    report.errors.extend(list_errors);

    let cases = match case::discover(&config.root, config.filter.as_deref()) {
        Ok(cases) => cases,
        Err(e) => {
            report.errors.push(format!(
                "cannot list cases under {}: {e}",
                config.root.display()
            ));
            return report;
        }
    };
    if cases.is_empty() {
        report
            .errors
            .push(format!("no cases found under {}", config.root.display()));
    }
    if config.filter.is_none() {
        for path in list.entries.keys() {
            if !cases.iter().any(|c| &c.name == path) {
                report.errors.push(format!(
                    "{}: lists {path}, which is not a case",
                    xfail::FILE_NAME
                ));
            }
        }
    }

    let outcomes = run_cases(config, &cases);
    report.results = cases
        .iter()
        .zip(outcomes)
        .map(|(case, (outcome, elapsed))| CaseResult {
            name: case.name.clone(),
            outcome,
            elapsed,
            listed: list.entries.get(&case.name).cloned(),
        })
        .collect();

    if config.bless {
        if config.filter.is_none() {
            list.entries
                .retain(|path, _| cases.iter().any(|c| &c.name == path));
            report.errors.retain(|e| !e.contains("which is not a case"));
        }
        for r in &report.results {
            if r.outcome == Outcome::Pass {
                list.entries.remove(&r.name);
            } else {
                let reason = r
                    .listed
                    .as_ref()
                    .map_or_else(|| xfail::UNTRIAGED.to_owned(), |e| e.reason.clone());
                list.entries.insert(
                    r.name.clone(),
                    Entry {
                        signature: r.outcome.signature().to_owned(),
                        reason,
                    },
                );
            }
        }
        match fs::write(&list_path, list.render()) {
            Ok(()) => report.blessed = true,
            Err(e) => report
                .errors
                .push(format!("cannot write {}: {e}", list_path.display())),
        }
    }
    report
}

/// Runs `cases` on `config.jobs` threads; results come back in the cases' order.
fn run_cases(config: &Config, cases: &[Case]) -> Vec<(Outcome, Duration)> {
    let scratch = scratch_dir();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<(Outcome, Duration)>>> = Mutex::new(vec![None; cases.len()]);
    thread::scope(|s| {
        for _ in 0..config.jobs.clamp(1, cases.len().max(1)) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(case) = cases.get(i) else { break };
                    let start = Instant::now();
                    let outcome = run_case(config, case, &scratch.join(i.to_string()));
                    let done = (outcome, start.elapsed());
                    results
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)[i] = Some(done);
                }
            });
        }
    });
    let _ = fs::remove_dir_all(&scratch);
    results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .into_iter()
        .map(|r| {
            r.unwrap_or((
                Outcome::Fail {
                    signature: "not run".into(),
                    diff: String::new(),
                },
                Duration::ZERO,
            ))
        })
        .collect()
}

fn scratch_dir() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::env::temp_dir().join(format!(
        "spindle-conformance-{}-{nanos}",
        std::process::id()
    ))
}

/// What a finished (or killed) process left behind.
struct Run {
    status: Option<ExitStatus>,
    stdout: String,
    stderr: String,
}

/// Runs one case and classifies the result. `scratch` is a private file prefix for
/// the captured output.
pub fn run_case(config: &Config, case: &Case, scratch: &Path) -> Outcome {
    let fail = |signature: String| Outcome::Fail {
        signature,
        diff: String::new(),
    };
    let expected = match case.expected() {
        Ok(expected) => expected,
        Err(e) => return fail(format!("not recorded ({e})")),
    };
    let run = match execute(config, case, scratch) {
        Ok(run) => run,
        Err(e) => return fail(format!("cannot run: {e}")),
    };
    let dir = case.dir();
    let normalise = |text: &str| normalise_paths(text, dir);
    let (stdout, stderr) = (normalise(&run.stdout), normalise(&run.stderr));
    let (want_out, want_err) = (normalise(&expected.stdout), normalise(&expected.stderr));

    let Some(status) = run.status else {
        return Outcome::Timeout;
    };
    let code = status.code();
    if stderr.contains("panicked at") || (code == Some(101) && expected.code != 101) {
        return Outcome::Panic {
            signature: "panic".into(),
            stderr_tail: tail(&stderr, 6),
        };
    }
    let Some(code) = code else {
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt as _;
            let signal = status.signal().unwrap_or(0);
            return Outcome::Panic {
                signature: format!("crash (signal {signal})"),
                stderr_tail: tail(&stderr, 6),
            };
        }
        #[cfg(not(unix))]
        return Outcome::Panic {
            signature: "crash".into(),
            stderr_tail: tail(&stderr, 6),
        };
    };

    let out_line = diff::first_difference(&want_out, &stdout);
    let err_line = diff::first_difference(&want_err, &stderr);
    let signature = if code != expected.code {
        format!("exit {code} (expected {})", expected.code)
    } else if let Some(line) = out_line {
        format!("stdout differs at line {line}")
    } else if let Some(line) = err_line {
        format!("stderr differs at line {line}")
    } else {
        return Outcome::Pass;
    };
    let mut text = String::new();
    if out_line.is_some() {
        text.push_str(&diff::unified("stdout", &want_out, &stdout));
    }
    if err_line.is_some() {
        text.push_str(&diff::unified("stderr", &want_err, &stderr));
    }
    if code != expected.code {
        let _ = writeln!(text, "exit status: expected {}, got {code}", expected.code);
    }
    Outcome::Fail {
        signature,
        diff: text,
    }
}

/// Removes `<dir>/` (as given and canonicalised) from `text`.
fn normalise_paths(text: &str, dir: &Path) -> String {
    let mut out = text.to_owned();
    let mut forms = vec![dir.to_path_buf()];
    if let Ok(canonical) = dir.canonicalize() {
        forms.push(canonical);
    }
    for form in forms {
        let mut prefix = form.to_string_lossy().into_owned();
        if prefix.is_empty() || prefix == "." {
            continue;
        }
        if !prefix.ends_with('/') {
            prefix.push('/');
        }
        out = out.replace(&prefix, "");
    }
    out
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// Kills a timed-out case and everything in its process group.
fn kill_group(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        // std has no killpg; `kill -s KILL -- -PGID` reaches the grandchildren too.
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", child.id())])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
}

/// Starts the interpreter on `case` and waits for it, killing it at the timeout.
fn execute(config: &Config, case: &Case, scratch: &Path) -> std::io::Result<Run> {
    let dir = case.dir();
    fs::create_dir_all(scratch)?;
    let out_path = scratch.join("stdout");
    let err_path = scratch.join("stderr");
    let stdin = match &case.header.stdin {
        Some(file) => Stdio::from(File::open(dir.join(file))?),
        None => Stdio::null(),
    };
    let mut cmd = Command::new(&config.spindle_bin);
    cmd.arg(case.file_name())
        .args(&case.header.args)
        .current_dir(dir)
        .stdin(stdin)
        .stdout(File::create(&out_path)?)
        .stderr(File::create(&err_path)?);
    // Whatever the caller's environment says about Python must not leak in.
    for (key, _) in std::env::vars_os() {
        let key_text = key.to_string_lossy();
        if key_text.starts_with("PYTHON") || key_text == "FORCE_COLOR" || key_text == "NO_COLOR" {
            cmd.env_remove(&key);
        }
    }
    cmd.env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONUTF8", "1")
        .env("LC_ALL", "C.UTF-8")
        .env("PYTHONHASHSEED", "0");
    // Its own process group, so that a timeout also ends whatever it started.
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt as _;
        cmd.process_group(0);
    }
    let mut child = cmd.spawn()?;
    let deadline = Instant::now() + case.header.timeout.mul_f64(config.timeout_scale);
    let mut pause = Duration::from_millis(1);
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if Instant::now() >= deadline {
            kill_group(&mut child);
            let _ = child.wait();
            break None;
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    };
    let read = |path: &Path| fs::read(path).map(|b| String::from_utf8_lossy(&b).into_owned());
    let run = Run {
        status,
        stdout: read(&out_path)?,
        stderr: read(&err_path)?,
    };
    let _ = fs::remove_dir_all(scratch);
    Ok(run)
}

#[cfg(test)]
mod tests;
