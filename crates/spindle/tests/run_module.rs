//! `spindle -m MODULE` runs Lib modules through CPython's runpy, which finds
//! them with importlib (Spindle's finder on sys.meta_path) and runs them in
//! the `__main__` module; outputs are CPython 3.14's for the same commands.

use std::io::Write;
use std::process::{Command, Stdio};

fn spindle(args: &[&str], stdin: &str) -> (String, String, i32) {
    let dir = std::env::temp_dir();
    let mut child = Command::new(env!("CARGO_BIN_EXE_spindle"))
        .args(args)
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn spindle");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code().unwrap_or(-1))
}

#[test]
fn json_tool_pretty_prints_stdin() {
    let (out, err, code) = spindle(&["-m", "json.tool"], "{\"a\": [1, 2], \"b\": null}\n");
    assert_eq!((out.as_str(), err.as_str(), code), ("{\n    \"a\": [\n        1,\n        2\n    ],\n    \"b\": null\n}\n", "", 0));
}

#[test]
fn timeit_runs_a_statement() {
    let (out, err, code) = spindle(&["-m", "timeit", "-n", "10", "-r", "1", "x = 1"], "");
    assert!(out.starts_with("10 loops, best of 1: ") && out.ends_with(" per loop\n"), "{out:?} {err:?}");
    assert_eq!((err.as_str(), code), ("", 0));
}

#[test]
fn unittest_runs_a_test_module() {
    let dir = std::env::temp_dir().join(format!("spindle-run-module-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("test_sample.py"), "import unittest\nclass T(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual(1 + 1, 2)\n    def test_fail(self):\n        self.assertEqual(1, 2)\n").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_spindle")).args(["-m", "unittest", "test_sample"]).current_dir(&dir).output().expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("AssertionError: 1 != 2") && err.contains("Ran 2 tests") && err.ends_with("FAILED (failures=1)\n"), "{err}");
}

#[test]
fn missing_module_is_reported_like_cpython() {
    let (out, err, code) = spindle(&["-m", "no_such_module_here"], "");
    assert_eq!(out, "");
    assert!(err.ends_with(": No module named no_such_module_here\n"), "{err}");
    assert_eq!(code, 1);
}

/// `spindle -m venv` makes an environment whose `bin/python` runs as
/// CPython's does: `sys.executable` is the link itself (not the binary it
/// leads to), `sys.prefix` the environment, `sys.base_prefix` the install,
/// and the environment's site-packages (named as CPython 3.14t names it,
/// by site and sysconfig alike) is on `sys.path`.
#[test]
fn venv_python_knows_its_environment() {
    let dir = std::env::temp_dir().join(format!("spindle-venv-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let venv = dir.join("env");
    let made = Command::new(env!("CARGO_BIN_EXE_spindle")).args(["-m", "venv", "--without-pip"]).arg(&venv).output().expect("run");
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let py = venv.join("bin").join("python");
    let code = "import sys, site\nprint(sys.executable)\nprint(sys.prefix, sys.exec_prefix)\nprint(sys.base_prefix != sys.prefix)\nprint(any(p.startswith(sys.prefix) and p.endswith('site-packages') for p in sys.path))\nprint(site.getsitepackages()[0] == sys.prefix + '/lib/python3.14t/site-packages')\nimport sysconfig\nprint(sysconfig.get_path('purelib') == site.getsitepackages()[0])";
    let out = Command::new(&py).args(["-c", code]).output().expect("run venv python");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let _ = std::fs::remove_dir_all(&dir);
    let v = venv.to_string_lossy();
    assert_eq!(text, format!("{}\n{v} {v}\nTrue\nTrue\nTrue\nTrue\n", py.to_string_lossy()), "{err}");
    assert_eq!(err, "");
}

/// A wheel made by hand (a package, its dist-info and a console script).
fn write_wheel(path: &std::path::Path) {
    let script = "import zipfile, sys\nfiles = {\n 'hellopkg/__init__.py': 'def greet():\\n    print(\"hello from hellopkg\")\\n',\n 'hellopkg-0.1.dist-info/METADATA': 'Metadata-Version: 2.1\\nName: hellopkg\\nVersion: 0.1\\n',\n 'hellopkg-0.1.dist-info/WHEEL': 'Wheel-Version: 1.0\\nGenerator: handmade\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n',\n 'hellopkg-0.1.dist-info/entry_points.txt': '[console_scripts]\\nhello-cli = hellopkg:greet\\n',\n 'hellopkg-0.1.dist-info/RECORD': '',\n}\nwith zipfile.ZipFile(sys.argv[1], 'w') as z:\n    for n, t in files.items():\n        z.writestr(n, t)\n";
    let out = Command::new(env!("CARGO_BIN_EXE_spindle")).args(["-c", script]).arg(path).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// `spindle -m venv` makes an environment with pip (ensurepip, from the
/// wheel CPython bundles) and activation scripts; its pip installs a wheel,
/// lists it, runs its console script, and uninstalls it: materialised Lib
/// packages, importlib.resources, zip imports, importlib.metadata,
/// marshal/compileall and the venv's paths working together.
#[test]
fn venv_pip_installs_lists_and_uninstalls_a_wheel() {
    let dir = std::env::temp_dir().join(format!("spindle-pip-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    let cache = dir.join("cache");
    let venv = dir.join("env");
    let made = Command::new(env!("CARGO_BIN_EXE_spindle")).args(["-m", "venv"]).arg(&venv).env("XDG_CACHE_HOME", &cache).output().expect("run");
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    for script in ["activate", "pip", "python"] {
        assert!(venv.join("bin").join(script).exists(), "no bin/{script}");
    }
    let wheel = dir.join("hellopkg-0.1-py3-none-any.whl");
    write_wheel(&wheel);
    let pip = |args: &[&str]| {
        let out = Command::new(venv.join("bin").join("pip"))
            .args(["--disable-pip-version-check", "--no-input"])
            .args(args)
            .env("PIP_NO_INDEX", "1")
            .env("PIP_CONFIG_FILE", "/dev/null")
            .output()
            .expect("run pip");
        (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code())
    };
    let (out, err, code) = pip(&["install", "--no-deps", &wheel.to_string_lossy()]);
    assert_eq!(code, Some(0), "{out}\n{err}");
    assert!(out.contains("Successfully installed hellopkg-0.1"), "{out}");
    let (out, _, code) = pip(&["list", "--format=freeze"]);
    assert_eq!(code, Some(0));
    assert!(out.lines().any(|l| l == "hellopkg==0.1"), "{out}");
    let ran = Command::new(venv.join("bin").join("hello-cli")).output().expect("console script");
    assert_eq!(String::from_utf8_lossy(&ran.stdout), "hello from hellopkg\n");
    let (out, err, code) = pip(&["uninstall", "-y", "hellopkg"]);
    assert_eq!(code, Some(0), "{out}\n{err}");
    let gone = Command::new(venv.join("bin").join("python")).args(["-c", "import hellopkg"]).output().expect("run");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!gone.status.success());
}
