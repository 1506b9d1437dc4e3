//! Runner tests with a fake interpreter: `/bin/sh`, which runs each "case" as a
//! shell script. A case's `#` header lines are shell comments, so the same files
//! exercise headers, arguments, stdin, exit statuses, panics and timeouts.

use super::*;
use std::sync::atomic::AtomicU32;

static NEXT_DIR: AtomicU32 = AtomicU32::new(0);

/// A fresh conformance root under the system temp dir, removed on drop.
struct Fixture {
    root: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let n = NEXT_DIR.fetch_add(1, Ordering::Relaxed);
        let root = std::env::temp_dir().join(format!(
            "spindle-conformance-test-{}-{n}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).unwrap();
        Fixture {
            root: root.canonicalize().unwrap(),
        }
    }

    /// Writes a case and its recorded expectations.
    fn case(&self, name: &str, script: &str, out: &str, err: &str, code: i32) -> &Self {
        let path = self.root.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, script).unwrap();
        fs::write(format!("{}.out", path.display()), out).unwrap();
        fs::write(format!("{}.err", path.display()), err).unwrap();
        fs::write(format!("{}.code", path.display()), format!("{code}\n")).unwrap();
        self
    }

    fn file(&self, name: &str, text: &str) -> &Self {
        let path = self.root.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    fn config(&self) -> Config {
        let mut config = Config::new(Path::new("/bin/sh"), &self.root);
        config.jobs = 3;
        config
    }

    fn run(&self) -> Report {
        run(&self.config())
    }

    fn list(&self) -> String {
        fs::read_to_string(self.root.join(xfail::FILE_NAME)).unwrap_or_default()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn outcome<'r>(report: &'r Report, name: &str) -> &'r Outcome {
    &report
        .results
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("{name} not run"))
        .outcome
}

#[test]
fn classifies_pass_fail_exit_panic_timeout() {
    let fx = Fixture::new();
    fx.case(
        "a/pass.py",
        "# Pins: nothing.\necho hello\necho oops >&2\n",
        "hello\n",
        "oops\n",
        0,
    )
    .case("a/stdout.py", "echo 1\necho 2\n", "1\ntwo\n", "", 0)
    .case("a/stderr.py", "echo x >&2\n", "", "y\n", 0)
    .case("b/exit.py", "echo 1\nexit 3\n", "2\n", "", 0)
    .case(
        "b/panic.py",
        "echo \"thread 'main' panicked at src/vm.rs:1:1:\" >&2\nexit 101\n",
        "",
        "",
        1,
    )
    .case("b/exit101.py", "exit 101\n", "", "", 0)
    .case("b/crash.py", "kill -SEGV $$\n", "", "", 0)
    .case(
        "c/timeout.py",
        "# Pins: a hang.\n# timeout: 1\nsleep 30 &\nwait\n",
        "",
        "",
        0,
    );
    let report = fx.run();
    assert_eq!(report.results.len(), 8);
    assert_eq!(*outcome(&report, "a/pass.py"), Outcome::Pass);
    assert_eq!(
        outcome(&report, "a/stdout.py").signature(),
        "stdout differs at line 2"
    );
    assert_eq!(
        outcome(&report, "a/stderr.py").signature(),
        "stderr differs at line 1"
    );
    assert_eq!(
        outcome(&report, "b/exit.py").signature(),
        "exit 3 (expected 0)"
    );
    assert_eq!(outcome(&report, "b/panic.py").signature(), "panic");
    assert_eq!(outcome(&report, "b/exit101.py").signature(), "panic");
    assert_eq!(
        outcome(&report, "b/crash.py").signature(),
        "crash (signal 11)"
    );
    assert_eq!(*outcome(&report, "c/timeout.py"), Outcome::Timeout);
    assert!(
        report
            .results
            .iter()
            .all(|r| r.elapsed < Duration::from_secs(20))
    );
    let Outcome::Fail { diff, .. } = outcome(&report, "a/stdout.py") else {
        unreachable!()
    };
    assert!(diff.contains("-two\n+2\n"), "{diff}");
    assert!(!report.is_ok());
    let text = report.to_string();
    assert!(
        text.starts_with("conformance: 8 cases: 1 pass, 3 fail, 3 panic, 1 timeout;"),
        "{text}"
    );
    assert!(text.contains("new panics (3):"), "{text}");
}

#[test]
fn headers_args_stdin_env_and_cwd() {
    let fx = Fixture::new();
    fx.file("io/input.txt", "line one\n")
        .case(
            "io/args.py",
            "# Pins: argv and stdin.\n# args: x  y\n# stdin: input.txt\necho \"$0|$*\"\ncat\nls input.txt\n",
            "args.py|x y\nline one\ninput.txt\n",
            "",
            0,
        )
        .case("io/null_stdin.py", "cat\necho done\n", "done\n", "", 0)
        .case(
            "io/env.py",
            "echo \"$PYTHONHASHSEED $PYTHONIOENCODING $PYTHONUTF8 $LC_ALL ${PYTHONPATH:-unset}\"\n",
            "0 utf-8 1 C.UTF-8 unset\n",
            "",
            0,
        );
    let report = fx.run();
    for r in &report.results {
        assert_eq!(r.outcome, Outcome::Pass, "{}: {:?}", r.name, r.outcome);
    }
    assert!(report.is_ok(), "{report}");
}

#[test]
fn absolute_case_directory_is_normalised_away() {
    let fx = Fixture::new();
    fx.case(
        "e/tb.py",
        "echo \"  File \\\"$PWD/tb.py\\\", line 1\" >&2\necho \"$PWD/_pkg/m.py\"\nexit 1\n",
        "_pkg/m.py\n",
        "  File \"tb.py\", line 1\n",
        1,
    );
    let report = fx.run();
    assert_eq!(*outcome(&report, "e/tb.py"), Outcome::Pass, "{report}");
}

#[test]
fn helper_directories_and_unrecorded_cases() {
    let fx = Fixture::new();
    fx.case("l/ok.py", "echo ok\n", "ok\n", "", 0)
        .file("l/_helpers/mod.py", "this is not a case\n")
        .file("l/new.py", "echo new\n");
    let report = fx.run();
    let names: Vec<&str> = report.results.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["l/new.py", "l/ok.py"]);
    assert!(
        outcome(&report, "l/new.py")
            .signature()
            .starts_with("not recorded")
    );
}

#[test]
fn expected_failures_are_checked_and_blessed() {
    let fx = Fixture::new();
    fx.case("ok.py", "echo ok\n", "ok\n", "", 0)
        .case("known.py", "exit 1\n", "", "", 0)
        .case("changed.py", "echo a\n", "b\n", "", 0)
        .case("fixed.py", "echo f\n", "f\n", "", 0)
        .case("new.py", "exit 2\n", "", "", 0)
        .file(
            xfail::FILE_NAME,
            "# my header\nknown.py | exit 1 (expected 0) | no exit codes yet\n\
             changed.py | exit 1 (expected 0) | was crashing\nfixed.py | panic | old bug\n\
             gone.py | panic | deleted case\n",
        );
    let report = fx.run();
    assert!(!report.is_ok());
    let as_expected: Vec<(&str, bool)> = report
        .results
        .iter()
        .map(|r| (r.name.as_str(), r.as_expected()))
        .collect();
    assert_eq!(
        as_expected,
        [
            ("changed.py", false),
            ("fixed.py", false),
            ("known.py", true),
            ("new.py", false),
            ("ok.py", true)
        ]
    );
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    let text = report.to_string();
    assert!(text.contains("fixed.py: now passes"), "{text}");
    assert!(
        text.contains(
            "changed.py: listed as `exit 1 (expected 0)` but got `stdout differs at line 1`"
        ),
        "{text}"
    );

    // A filtered bless touches only the selected cases and keeps the others' lines.
    let mut config = fx.config();
    config.filter = Some("new".into());
    config.bless = true;
    let report = run(&config);
    assert!(report.is_ok(), "{report}");
    assert!(
        fx.list()
            .contains("new.py | exit 2 (expected 0) | untriaged\n")
    );
    assert!(fx.list().contains("gone.py | panic | deleted case\n"));

    // A full bless drops passing and vanished cases and keeps reasons.
    config.filter = None;
    let report = run(&config);
    assert!(report.is_ok(), "{report}");
    assert_eq!(
        fx.list(),
        "# my header\nchanged.py | stdout differs at line 1 | was crashing\n\
         known.py | exit 1 (expected 0) | no exit codes yet\nnew.py | exit 2 (expected 0) | untriaged\n"
    );
    let report = fx.run();
    assert!(report.is_ok(), "{report}");
}

#[test]
fn filter_selects_by_substring() {
    let fx = Fixture::new();
    fx.case("lang/a.py", "echo a\n", "a\n", "", 0)
        .case("stdlib/b.py", "echo b\n", "b\n", "", 0);
    let mut config = fx.config();
    config.filter = Some("stdlib/".into());
    let report = run(&config);
    assert_eq!(report.results.len(), 1);
    assert_eq!(report.results[0].name, "stdlib/b.py");
}
