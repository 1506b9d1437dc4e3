//! GIL mode in the same binary, as CPython 3.14's free-threaded build (3.14t)
//! behaves: `PYTHON_GIL` / `-X gil`, `sys._is_gil_enabled()`, `sys.flags.gil`,
//! the start-up error for other values, the build's `Py_GIL_DISABLED` / "t"
//! ABI flag, and the RuntimeWarning when importing a native module that has
//! not declared it can run without the GIL. No CPython 3.14t is at hand to
//! record these with, so the expected texts are taken from CPython's
//! sources (Python/initconfig.c, Python/sysmodule.c, Python/import.c).
//! The conformance cases cover what a GIL build agrees on
//! (tests/conformance/stdlib/sys_switchinterval.py, gil_options.py).

use std::process::Command;

/// Runs spindle with `args` and the extra environment `env` (no other
/// `PYTHON*` variable leaks in); (stdout, stderr, exit status).
fn spindle(args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_spindle"));
    cmd.args(args).current_dir(std::env::temp_dir());
    for (key, _) in std::env::vars_os() {
        let k = key.to_string_lossy();
        if k.starts_with("PYTHON") || k.starts_with("SPINDLE_TEST") {
            cmd.env_remove(&key);
        }
    }
    cmd.envs(env.iter().copied());
    let out = cmd.output().expect("run spindle");
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code().unwrap_or(-1))
}

const SHOW: &str = "import sys; print(sys._is_gil_enabled(), sys.flags.gil)";

fn show(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut all = args.to_vec();
    all.extend(["-c", SHOW]);
    let (out, err, code) = spindle(&all, env);
    assert_eq!((err.as_str(), code), ("", 0), "{args:?} {env:?}");
    out
}

#[test]
fn default_is_free_threaded() {
    assert_eq!(show(&[], &[]), "False None\n");
}

#[test]
fn option_and_environment_choose_the_mode() {
    assert_eq!(show(&["-X", "gil=1"], &[]), "True 1\n");
    assert_eq!(show(&["-X", "gil=0"], &[]), "False 0\n");
    assert_eq!(show(&[], &[("PYTHON_GIL", "1")]), "True 1\n");
    assert_eq!(show(&[], &[("PYTHON_GIL", "0")]), "False 0\n");
    // -X wins over the environment; the first -X gil counts.
    assert_eq!(show(&["-X", "gil=0"], &[("PYTHON_GIL", "1")]), "False 0\n");
    assert_eq!(show(&["-X", "gil=1"], &[("PYTHON_GIL", "0")]), "True 1\n");
    assert_eq!(show(&["-X", "gil=1", "-X", "gil=bad"], &[]), "True 1\n");
    // -E / -I ignore PYTHON_GIL; an empty variable counts as unset.
    assert_eq!(show(&["-E"], &[("PYTHON_GIL", "1")]), "False None\n");
    assert_eq!(show(&["-I"], &[("PYTHON_GIL", "1")]), "False None\n");
    assert_eq!(show(&[], &[("PYTHON_GIL", "")]), "False None\n");
}

#[test]
fn other_values_fail_at_start_up() {
    let fatal = "Fatal Python error: config_read_gil: PYTHON_GIL / -X gil must be \"0\" or \"1\"\nPython runtime state: preinitialized\n\n";
    let cases: &[(&[&str], &[(&str, &str)])] = &[
        (&["-X", "gil=2"], &[]),
        (&["-X", "gil"], &[]),
        (&["-X", "gil="], &[]),
        (&["-X", "gil=01"], &[]),
        (&["-X", "gil=bad", "-X", "gil=1"], &[]),
        (&[], &[("PYTHON_GIL", "yes")]),
        // The environment is read (and checked) before the option.
        (&["-X", "gil=1"], &[("PYTHON_GIL", "2")]),
    ];
    for (args, env) in cases {
        let mut all = args.to_vec();
        all.extend(["-c", "print('ran')"]);
        assert_eq!(spindle(&all, env), (String::new(), fatal.to_owned(), 1), "{args:?} {env:?}");
    }
}

#[test]
fn the_build_is_free_threaded() {
    let (out, err, code) = spindle(&["-c", "import sys, sysconfig; print(sys.abiflags, sysconfig.get_config_var('Py_GIL_DISABLED'), sysconfig.get_config_var('abi_thread'))"], &[]);
    assert_eq!((out.as_str(), err.as_str(), code), ("t 1 t\n", "", 0));
    // The same under GIL mode: abiflags names the build, not the mode.
    let (out, _, _) = spindle(&["-X", "gil=1", "-c", "import sys, sysconfig; print(sys.abiflags, sysconfig.get_config_var('Py_GIL_DISABLED'))"], &[]);
    assert_eq!(out, "t 1\n");
}

const WARNING: &str = "RuntimeWarning: The global interpreter lock (GIL) has been enabled to load module '_spindle_test_gil_module', which has not declared that it can run safely without the GIL. To override this behavior and keep the GIL disabled (at your own risk), run with PYTHON_GIL=0 or -Xgil=0.";

const IMPORT: &str = "import sys\nprint(sys._is_gil_enabled())\nimport _spindle_test_gil_module\nprint(sys._is_gil_enabled())\nimport _spindle_test_gil_module\n";

#[test]
fn importing_a_module_that_needs_the_gil_enables_it_and_warns() {
    let test_module = ("SPINDLE_TEST_GIL_MODULE", "1");
    let (out, err, code) = spindle(&["-c", IMPORT], &[test_module]);
    assert_eq!((out.as_str(), err.as_str(), code), ("False\nTrue\n", format!("<string>:3: {WARNING}\n").as_str(), 0));
    // PYTHON_GIL=0 / -X gil=0 keep it off; =1 has it on already: no warning.
    for (args, env) in [(&["-X", "gil=0"][..], &[test_module][..]), (&[], &[test_module, ("PYTHON_GIL", "0")]), (&["-X", "gil=1"], &[test_module])] {
        let mut all = args.to_vec();
        all.extend(["-c", IMPORT]);
        let (out, err, code) = spindle(&all, env);
        let on = if args.contains(&"gil=1") { "True\nTrue\n" } else { "False\nFalse\n" };
        assert_eq!((out.as_str(), err.as_str(), code), (on, "", 0), "{args:?}");
    }
    // As a warning turned error, the import fails and the GIL stays on.
    let src = "import sys\ntry:\n    import _spindle_test_gil_module\nexcept RuntimeWarning as e:\n    print('RuntimeWarning', str(e)[:60])\nprint(sys._is_gil_enabled(), '_spindle_test_gil_module' in sys.modules)\n";
    let (out, err, code) = spindle(&["-W", "error", "-c", src], &[test_module]);
    assert_eq!((out.as_str(), err.as_str(), code), ("RuntimeWarning The global interpreter lock (GIL) has been enabled to load m\nTrue False\n", "", 0));
    // Without the variable the module does not exist; Spindle's own modules
    // all declare they run without the GIL.
    let (out, err, code) = spindle(&["-c", "import sys, _thread, _io, math, _json\ntry:\n    import _spindle_test_gil_module\nexcept ImportError as e:\n    print(e)\nprint(sys._is_gil_enabled())"], &[]);
    assert_eq!((out.as_str(), err.as_str(), code), ("No module named '_spindle_test_gil_module'\nFalse\n", "", 0));
}

#[test]
fn verbose_notes_later_modules_that_need_the_gil() {
    let src = "import sys, warnings\nwarnings.simplefilter('ignore')\nimport _spindle_test_gil_module\ndel sys.modules['_spindle_test_gil_module']\nimport _spindle_test_gil_module\n";
    let (_, err, code) = spindle(&["-v", "-c", src], &[("SPINDLE_TEST_GIL_MODULE", "1")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.matches("# loading module '_spindle_test_gil_module', which requires the GIL\n").count(), 1, "{err}");
}

#[test]
fn gil_mode_hands_the_gil_over() {
    // A thread spinning until another one has run can only finish if the
    // holder hands the GIL over (the switch-interval drop request); a
    // sleeping thread releases it. A broken hand-over shows as `False`
    // after 20 s, not as a hang.
    let src = r#"
import sys, threading, time
seen = []
result = []
def spin():
    deadline = time.monotonic() + 20
    while not seen and time.monotonic() < deadline:
        pass
    result.append(bool(seen))
a = threading.Thread(target=spin)
b = threading.Thread(target=seen.append, args=(1,))
a.start(); b.start(); a.join(); b.join()
print(sys._is_gil_enabled(), result)
seen.clear(); result.clear()
a = threading.Thread(target=spin)
a.start()
time.sleep(0.01)
seen.append(1)
a.join()
print("sleep released the GIL", result)
"#;
    let (out, err, code) = spindle(&["-X", "gil=1", "-c", src], &[]);
    assert_eq!((out.as_str(), err.as_str(), code), ("True [True]\nsleep released the GIL [True]\n", "", 0));
}
