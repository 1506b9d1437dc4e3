//! Building an `Interpreter`: the `builtins` and `sys` modules, the standard
//! streams, `sys.path`, and the entry points the `spindle` binary uses to run
//! a file, a string or a module and to report uncaught exceptions.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use crate::dict::PyDict;
use crate::error::{PyErr, PyResult};
use crate::function::{Args, NativeFnPtr, new_native};
use crate::interp::{Interpreter, NativeModuleDef, ThreadState};
use crate::num::{new_bool, new_int};
use crate::object::TypeRef;
use crate::ops;
use crate::runtime::{is_none, none, rt};
use crate::seq::{new_list, new_tuple};
use crate::str::{as_str, new_str};
use crate::value::Value;
use crate::{err, raise};

/// What the command line asked for, as `sys` exposes it.
#[derive(Default, Clone)]
pub struct Config {
    pub argv: Vec<String>,
    pub orig_argv: Vec<String>,
    /// `sys.path[0]` (script directory, '' for -c/-m/stdin), if any.
    pub path0: Option<String>,
    pub pythonpath: Vec<String>,
    pub xoptions: Vec<(String, Option<String>)>,
    pub warnoptions: Vec<String>,
    pub unbuffered: bool,
    pub ignore_environment: bool,
    pub isolated: bool,
    pub no_site: bool,
    pub inspect: bool,
    pub interactive: bool,
    pub optimize: u8,
    pub quiet: bool,
    pub verbose: u8,
    pub bytes_warning: u8,
    pub dont_write_bytecode: bool,
    pub safe_path: bool,
    pub executable: String,
    /// `PYTHON_GIL` / `-X gil` (`-X` wins): `None` when neither was given.
    pub enable_gil: Option<bool>,
    /// `PYTHON_THREAD_INHERIT_CONTEXT` / `-X thread_inherit_context`
    /// (`-X` wins); `None`: the free-threaded build's default, on.
    pub thread_inherit_context: Option<bool>,
    /// `PYTHON_CONTEXT_AWARE_WARNINGS` / `-X context_aware_warnings`;
    /// `None`: the free-threaded build's default, on.
    pub context_aware_warnings: Option<bool>,
    pub native_modules: Vec<(&'static str, NativeModuleDef)>,
}

pub const VERSION: &str = "3.14.0";
pub const SPINDLE_VERSION: &str = env!("CARGO_PKG_VERSION");

pub fn version_string() -> String {
    format!("{VERSION} (main, Nov 23 2026, 00:00:00) [Spindle {SPINDLE_VERSION} (Rust)]")
}

/// Creates an interpreter and the main thread's state.
pub fn new_interpreter(cfg: &Config) -> PyResult<(Arc<Interpreter>, ThreadState)> {
    let r = rt();
    // This thread runs Python signal handlers; Ctrl-C raises KeyboardInterrupt.
    crate::signals::set_main_thread();
    crate::signals::install_startup_handlers();
    let builtins_dict = crate::builtins_init::new_dict();
    let builtins = crate::import::new_module("builtins");
    let bd = builtins.downcast::<crate::cell::PyModule>().map(|m| m.dict.clone()).unwrap_or_else(none);
    let _ = builtins_dict;
    let sys = crate::import::new_module("sys");
    let sys_dict = sys.downcast::<crate::cell::PyModule>().map(|m| m.dict.clone()).unwrap_or_else(none);
    let modules = crate::builtins_init::new_dict();
    let interp = Arc::new(Interpreter {
        modules: modules.clone(),
        builtins: builtins.clone(),
        builtins_dict: bd.clone(),
        sys: sys.clone(),
        sys_dict: sys_dict.clone(),
        recursion_limit: AtomicUsize::new(1000),
        int_max_str_digits: AtomicUsize::new(spindle_num::DEFAULT_MAX_STR_DIGITS),
        native_modules: parking_lot::Mutex::new(cfg.native_modules.iter().map(|(n, f)| ((*n).to_owned(), *f)).collect()),
        module_state: parking_lot::Mutex::new(std::collections::HashMap::new()),
        gc: crate::gc::GcState::new(),
        gil: crate::gil::Gil::new(cfg.enable_gil),
        import_locks: Default::default(),
    });
    // Rust-stack budget for nested native->Python calls: main runs on a big stack.
    let ts = ThreadState::new(interp.clone(), 200 * 1024 * 1024);
    if let Some(b) = bd.downcast::<PyDict>() {
        crate::builtins_init::fill_builtins(b);
        b.set_str(new_str("__name__"), new_str("builtins"));
        b.set_str(new_str("__doc__"), new_str("Built-in functions, types, exceptions, and other objects."));
    }
    let md = modules.downcast::<PyDict>().ok_or_else(|| err!(SystemError, "sys.modules"))?;
    md.set_str(new_str("builtins"), builtins.clone());
    md.set_str(new_str("sys"), sys.clone());
    fill_sys(&ts, cfg, &sys_dict)?;
    let _ = r;
    Ok((interp, ts))
}

/// The last start-up steps, once the standard streams exist: `import site`
/// (unless -S), then `sys.path[0]` (script folder, or '' for -c/-m/stdin)
/// in front of the path, so site never rewrites it (CPython's order).
pub fn finish_startup(ts: &ThreadState, cfg: &Config) {
    let Some(path) = ts.interp.sys_dict.downcast::<PyDict>().and_then(|d| d.get_str("path")) else { return };
    if let Err(e) = crate::import::install_meta_path_finder(ts) {
        print_exception(ts, e.value());
    }
    if !cfg.no_site {
        if let Err(e) = crate::import::import_module(ts, "site") {
            eprintln!("Error in site module:");
            print_exception(ts, e.value());
        }
        // site makes every entry absolute; the embedded Lib's entry is not a
        // real folder, so give it back its name.
        if let Some(l) = path.downcast::<crate::seq::PyList>() {
            let suffix = format!("/{}", spindle_pylib::LIB_PREFIX);
            let mut items = l.items.lock();
            let mut old = Vec::new();
            for i in 0..items.len() {
                if crate::str::as_str(&items[i]).is_some_and(|s| s.ends_with(&suffix)) {
                    old.extend(items.set(i, new_str(spindle_pylib::LIB_PREFIX)));
                }
            }
            drop(items);
            drop(old);
        }
    }
    if let (Some(p), Some(l)) = (&cfg.path0, path.downcast::<crate::seq::PyList>()) {
        if !cfg.safe_path && !cfg.isolated {
            l.items.lock().insert(0, new_str(p));
        }
    }
}

fn set(d: &Value, k: &str, v: Value) {
    if let Some(dd) = d.downcast::<PyDict>() {
        dd.set_str(crate::str::intern(k), v);
    }
}

fn strs(v: &[String]) -> Value {
    new_list(v.iter().map(|s| new_str(s)).collect())
}

fn fill_sys(ts: &ThreadState, cfg: &Config, d: &Value) -> PyResult<()> {
    let r = rt();
    let stream_t = crate::builtins_init::make_stream_type();
    let stdout = crate::builtins_init::new_fd_stream(stream_t, 1, !cfg.unbuffered && !crate::builtins_init::is_tty(1));
    let stderr = crate::builtins_init::new_fd_stream(stream_t, 2, false);
    let stdin = crate::builtins_init::new_fd_stream(stream_t, 0, false);
    for (k, v) in [("stdout", &stdout), ("stderr", &stderr), ("stdin", &stdin)] {
        set(d, k, v.clone());
        set(d, &format!("__{k}__"), v.clone());
    }
    set(d, "argv", strs(&cfg.argv));
    set(d, "orig_argv", strs(&cfg.orig_argv));
    // `sys.path[0]` is added after `site` runs (`finish_startup`), as in CPython.
    let mut path: Vec<String> = Vec::new();
    path.extend(cfg.pythonpath.iter().cloned());
    path.push(spindle_pylib::LIB_PREFIX.to_owned());
    set(d, "path", strs(&path));
    set(d, "modules", ts.interp.modules.clone());
    set(d, "meta_path", new_list(vec![]));
    set(d, "path_hooks", new_list(vec![]));
    set(d, "path_importer_cache", crate::builtins_init::new_dict());
    set(d, "version", new_str(&version_string()));
    let vi = new_tuple(vec![new_int(3), new_int(14), new_int(0), new_str("final"), new_int(0)]);
    set(d, "version_info", crate::builtins_init::named_tuple_like(ts, "sys.version_info", &["major", "minor", "micro", "releaselevel", "serial"], vi)?);
    set(d, "hexversion", new_int(0x030E_00F0));
    set(d, "api_version", new_int(1013));
    let impl_ns = crate::builtins_init::new_dict();
    set(&impl_ns, "name", new_str("spindle"));
    // Spindle's own: its .pyc files hold Spindle code (see marshal).
    set(&impl_ns, "cache_tag", new_str("spindle-314"));
    set(&impl_ns, "version", crate::builtins_init::named_tuple_like(ts, "sys.version_info", &["major", "minor", "micro", "releaselevel", "serial"], new_tuple(vec![new_int(3), new_int(14), new_int(0), new_str("final"), new_int(0)]))?);
    set(&impl_ns, "hexversion", new_int(0x030E_00F0));
    set(&impl_ns, "_multiarch", new_str("x86_64-linux-gnu"));
    set(&impl_ns, "supports_isolated_interpreters", new_bool(false));
    set(d, "implementation", crate::builtins_init::simple_namespace(impl_ns));
    set(d, "platform", new_str("linux"));
    set(d, "byteorder", new_str("little"));
    set(d, "maxsize", new_int(i64::MAX));
    set(d, "maxunicode", new_int(0x10FFFF));
    set(d, "executable", new_str(&cfg.executable));
    let venv = virtual_env(&cfg.executable);
    let base_executable = venv.as_ref().and_then(|v| v.base_executable.clone()).unwrap_or_else(|| cfg.executable.clone());
    set(d, "_base_executable", new_str(&base_executable));
    let prefix = venv.as_ref().map_or(BASE_PREFIX, |v| v.prefix.as_str());
    for (k, v) in [("prefix", prefix), ("exec_prefix", prefix), ("base_prefix", BASE_PREFIX), ("base_exec_prefix", BASE_PREFIX)] {
        set(d, k, new_str(v));
    }
    set(d, "platlibdir", new_str("lib"));
    set(d, "pycache_prefix", none());
    // The free-threaded build's ABI flag (CPython 3.14t), whether or not
    // GIL mode is on: it names the build, not the running mode.
    set(d, "abiflags", new_str("t"));
    set(d, "float_repr_style", new_str("short"));
    set(d, "dont_write_bytecode", new_bool(true));
    set(d, "copyright", new_str("Copyright (c) 2001 Python Software Foundation.\nAll Rights Reserved."));
    set(d, "warnoptions", strs(&cfg.warnoptions));
    let xo = crate::builtins_init::new_dict();
    for (k, v) in &cfg.xoptions {
        set(&xo, k, match v {
            Some(v) => new_str(v),
            None => r.true_.clone(),
        });
    }
    set(d, "_xoptions", xo);
    let flag_names = [
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment",
        "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
        "safe_path", "int_max_str_digits", "gil", "thread_inherit_context", "context_aware_warnings",
    ];
    let hash_rand = if std::env::var("PYTHONHASHSEED").map(|s| s == "0").unwrap_or(false) { 0 } else { 1 };
    let flag_vals = vec![
        new_int(0),
        new_int(i64::from(cfg.inspect)),
        new_int(i64::from(cfg.interactive)),
        new_int(i64::from(cfg.optimize)),
        new_int(1),
        new_int(i64::from(cfg.isolated)),
        new_int(i64::from(cfg.no_site)),
        new_int(i64::from(cfg.ignore_environment || cfg.isolated)),
        new_int(i64::from(cfg.verbose)),
        new_int(i64::from(cfg.bytes_warning)),
        new_int(i64::from(cfg.quiet)),
        new_int(hash_rand),
        new_int(i64::from(cfg.isolated)),
        new_bool(cfg.xoptions.iter().any(|(k, _)| k == "dev")),
        new_int(1),
        new_int(0),
        new_bool(cfg.safe_path || cfg.isolated),
        new_int(-1),
        // The free-threaded build's sys.flags.gil: None unless PYTHON_GIL / -X gil.
        match cfg.enable_gil {
            None => none(),
            Some(on) => new_int(i64::from(on)),
        },
        // Ints, as CPython's SetFlag (not bools like dev_mode/safe_path).
        new_int(i64::from(cfg.thread_inherit_context.unwrap_or(true))),
        new_int(i64::from(cfg.context_aware_warnings.unwrap_or(true))),
    ];
    set(d, "flags", crate::builtins_init::named_tuple_like(ts, "sys.flags", &flag_names, new_tuple(flag_vals))?);
    let hi = new_tuple(vec![new_int(64), new_int((1 << 61) - 1), new_int(314_159), new_int(0), new_int(1_000_003), new_str("siphash13"), new_int(64), new_int(128), new_int(0)]);
    set(d, "hash_info", crate::builtins_init::named_tuple_like(ts, "sys.hash_info", &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"], hi)?);
    let fi = new_tuple(vec![
        crate::num::new_float(f64::MAX),
        new_int(1024),
        new_int(308),
        crate::num::new_float(f64::MIN_POSITIVE),
        new_int(-1021),
        new_int(-307),
        new_int(15),
        new_int(53),
        crate::num::new_float(f64::EPSILON),
        new_int(2),
        new_int(1),
    ]);
    set(d, "float_info", crate::builtins_init::named_tuple_like(ts, "sys.float_info", &["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"], fi)?);
    let ii = new_tuple(vec![new_int(30), new_int(4), new_int(4300), new_int(640)]);
    set(d, "int_info", crate::builtins_init::named_tuple_like(ts, "sys.int_info", &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"], ii)?);
    let ti = new_tuple(vec![new_str("pthread"), new_str("mutex+cond"), none()]);
    set(d, "thread_info", crate::builtins_init::named_tuple_like(ts, "sys.thread_info", &["name", "lock", "version"], ti)?);
    let mut names: Vec<String> = ts.interp.native_modules.lock().keys().cloned().collect();
    names.extend(["builtins".to_owned(), "sys".to_owned()]);
    names.sort();
    set(d, "builtin_module_names", new_tuple(names.iter().map(|s| new_str(s)).collect()));
    let fns: &[(&'static str, NativeFnPtr)] = &[
        ("exit", sys_exit),
        ("getrecursionlimit", |ts, _| Ok(new_int(ts.interp.recursion_limit() as i64))),
        ("setrecursionlimit", |ts, a| {
            let n = a.args.first().and_then(crate::num::int_to_i64).ok_or_else(|| err!(TypeError, "'{}' object cannot be interpreted as an integer", a.args.first().map(ops::type_name).unwrap_or_default()))?;
            if n < 1 {
                raise!(ValueError, "recursion limit must be greater or equal than 1");
            }
            ts.interp.recursion_limit.store(n as usize, std::sync::atomic::Ordering::Relaxed);
            Ok(none())
        }),
        ("exc_info", |ts, _| {
            Ok(match ts.current_exception() {
                Some(e) => new_tuple(vec![e.type_ref().to_value(), e.clone(), crate::traceback::get_traceback(&e)]),
                None => new_tuple(vec![none(), none(), none()]),
            })
        }),
        ("exception", |ts, _| Ok(ts.current_exception().unwrap_or_else(none))),
        ("getrefcount", |_, a| Ok(new_int(a.args.first().and_then(|v| v.header().map(|h| h.refcount() as i64)).unwrap_or(1 << 30)))),
        ("intern", |_, a| {
            let arg = a.args.first().cloned().unwrap_or_else(none);
            let s = as_str(&arg).ok_or_else(|| err!(TypeError, "intern() argument must be str, not {}", ops::type_name(&arg)))?;
            Ok(crate::str::intern(s))
        }),
        ("getsizeof", |ts, a| {
            let o = a.args.first().cloned().unwrap_or_else(none);
            match ops::call_dunder(ts, &o, "__sizeof__", &[])? {
                Some(v) => crate::arith::binary_op(ts, &v, &new_int(16), 0),
                None => Ok(new_int(48)),
            }
        }),
        ("_getframe", |ts, a| {
            let depth = a.args.first().and_then(crate::num::int_to_i64).unwrap_or(0).max(0) as usize;
            match crate::frame::frame_object(ts, depth) {
                Some(f) => Ok(f),
                None => raise!(ValueError, "call stack is not deep enough"),
            }
        }),
        ("displayhook", sys_displayhook),
        ("_baserepl", |ts, _| base_repl(ts, false).map(|()| none())),
        ("excepthook", |ts, a| {
            let v = a.args.get(1).cloned().unwrap_or_else(none);
            print_exception(ts, &v);
            Ok(none())
        }),
        ("unraisablehook", crate::ops::default_unraisablehook),
        ("get_int_max_str_digits", |ts, _| Ok(new_int(ts.interp.int_max_str_digits.load(std::sync::atomic::Ordering::Relaxed) as i64))),
        ("set_int_max_str_digits", |ts, a| {
            let [n] = crate::builtins_init::parse_args("set_int_max_str_digits", a, ["maxdigits"], 1)?;
            let n = n.and_then(|v| crate::num::int_to_i64(&v)).unwrap_or(-1);
            if n != 0 && n < 640 {
                raise!(ValueError, "maxdigits must be >= 640 or 0 for unlimited");
            }
            ts.interp.int_max_str_digits.store(if n == 0 { usize::MAX } else { n as usize }, std::sync::atomic::Ordering::Relaxed);
            Ok(none())
        }),
        ("_is_gil_enabled", |ts, a| {
            no_args("sys._is_gil_enabled", &a)?;
            Ok(new_bool(ts.interp.gil.is_enabled()))
        }),
        ("_get_cpu_count_config", |ts, a| {
            no_args("sys._get_cpu_count_config", &a)?;
            // -X cpu_count=N; -1 when unset or 'default'.
            let sys = ts.interp.sys.clone();
            let n = crate::ops::getattr_str(ts, &sys, "_xoptions")
                .ok()
                .and_then(|x| x.downcast::<crate::dict::PyDict>().and_then(|d| d.get_str("cpu_count")))
                .and_then(|v| crate::str::as_str(&v).and_then(|s| s.parse::<i64>().ok()))
                .unwrap_or(-1);
            Ok(new_int(n))
        }),
        ("getdefaultencoding", |_, _| Ok(new_str("utf-8"))),
        ("getfilesystemencoding", |_, _| Ok(new_str("utf-8"))),
        ("getfilesystemencodeerrors", |_, _| Ok(new_str("surrogateescape"))),
        ("getswitchinterval", |ts, a| {
            no_args("sys.getswitchinterval", &a)?;
            Ok(crate::num::new_float(crate::gil::interval_seconds(ts.interp.gil.switch_interval_us())))
        }),
        ("setswitchinterval", |ts, a| {
            if a.has_kwargs() {
                raise!(TypeError, "sys.setswitchinterval() takes no keyword arguments");
            }
            let [interval] = a.args else {
                raise!(TypeError, "sys.setswitchinterval() takes exactly one argument ({} given)", a.args.len());
            };
            let interval = crate::builtins_init::format::real_as_f64(ts, interval)?;
            if interval <= 0.0 {
                raise!(ValueError, "switch interval must be strictly positive");
            }
            ts.interp.gil.set_switch_interval_us(crate::gil::interval_micros(interval));
            Ok(none())
        }),
        ("is_finalizing", |_, _| Ok(new_bool(false))),
        ("audit", sys_audit),
        ("addaudithook", |ts, a| {
            let [hook] = crate::builtins_init::parse_args("addaudithook", a, ["hook"], 1)?;
            let hook = hook.unwrap_or_else(none);
            // Existing hooks hear about the new one first, as in CPython.
            sys_audit(ts, Args::new(&[new_str("sys.addaudithook")]))?;
            if let Some(l) = audit_hooks(ts).downcast::<crate::seq::PyList>() {
                l.push(hook);
            }
            Ok(none())
        }),
        ("settrace", |ts, a| {
            let [f] = crate::builtins_init::parse_args("settrace", a, ["function"], 1)?;
            crate::eval::set_hook(ts, false, f.filter(|f| !crate::runtime::is_none(f)));
            Ok(none())
        }),
        ("gettrace", |ts, _| Ok(ts.trace_fn.borrow().clone().unwrap_or_else(none))),
        ("setprofile", |ts, a| {
            let [f] = crate::builtins_init::parse_args("setprofile", a, ["function"], 1)?;
            crate::eval::set_hook(ts, true, f.filter(|f| !crate::runtime::is_none(f)));
            Ok(none())
        }),
        ("_settraceallthreads", |ts, a| {
            let [f] = crate::builtins_init::parse_args("_settraceallthreads", a, ["function"], 1)?;
            crate::interp_hooks::set_hook_all_threads(ts, false, f.filter(|f| !crate::runtime::is_none(f)));
            Ok(none())
        }),
        ("_setprofileallthreads", |ts, a| {
            let [f] = crate::builtins_init::parse_args("_setprofileallthreads", a, ["function"], 1)?;
            crate::interp_hooks::set_hook_all_threads(ts, true, f.filter(|f| !crate::runtime::is_none(f)));
            Ok(none())
        }),
        ("getprofile", |ts, _| Ok(ts.profile_fn.borrow().clone().unwrap_or_else(none))),
        ("call_tracing", |ts, a| {
            let f = a.args.first().cloned().unwrap_or_else(none);
            let args = ops::collect(ts, a.args.get(1).unwrap_or(&none()))?;
            ops::call(ts, &f, &args)
        }),
        ("_clear_type_cache", |_, _| Ok(none())),
        ("activate_stack_trampoline", |_, _| Ok(none())),
        ("is_stack_trampoline_active", |_, _| Ok(new_bool(false))),
        ("_is_interned", |_, _| Ok(new_bool(false))),
        ("set_asyncgen_hooks", crate::generator::sys_set_asyncgen_hooks),
        ("get_asyncgen_hooks", crate::generator::sys_get_asyncgen_hooks),
        ("_clear_type_descriptors", crate::builtins_init::sysmod::clear_type_descriptors),
    ];
    for (name, f) in fns {
        set(d, name, new_native(name, *f));
    }
    set(d, "__displayhook__", crate::builtins_init::sys_attr(ts, "displayhook").unwrap_or_else(none));
    set(d, "__excepthook__", crate::builtins_init::sys_attr(ts, "excepthook").unwrap_or_else(none));
    set(d, "__unraisablehook__", crate::builtins_init::sys_attr(ts, "unraisablehook").unwrap_or_else(none));
    set(d, "monitoring", crate::builtins_init::sysmod::monitoring_module(ts)?);
    set(d, "stdlib_module_names", crate::builtins_init::new_frozenset_from(stdlib_names(ts)));
    Ok(())
}

/// `sys.stdlib_module_names`: the embedded Lib's top-level modules plus the
/// modules CPython writes in C (here native: math, posix, _io, ...).
fn stdlib_names(ts: &ThreadState) -> Vec<Value> {
    let mut v: Vec<String> = spindle_pylib::all_paths()
        .filter_map(|p| p.split('/').next().map(|s| s.trim_end_matches(".py").to_owned()))
        .collect();
    v.extend(ts.interp.native_modules.lock().keys().cloned());
    v.extend(["sys".to_owned(), "builtins".to_owned()]);
    v.sort();
    v.dedup();
    v.iter().map(|s| new_str(s)).collect()
}

/// A METH_NOARGS function's argument check, with CPython's messages.
fn no_args(name: &str, a: &Args<'_>) -> PyResult<()> {
    if a.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", name);
    }
    if !a.args.is_empty() {
        raise!(TypeError, "{}() takes no arguments ({} given)", name, a.args.len());
    }
    Ok(())
}

fn sys_exit(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let args: Vec<Value> = a.positional().to_vec();
    if args.len() > 1 {
        raise!(TypeError, "exit expected at most 1 argument, got {}", args.len());
    }
    Err(PyErr(crate::exceptions::new_exception(rt().exc.SystemExit, args)))
}

fn sys_displayhook(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let v = a.args.first().cloned().unwrap_or_else(none);
    if is_none(&v) {
        return Ok(none());
    }
    if let Some(b) = ts.interp.builtins_dict.downcast::<PyDict>() {
        b.set_str(new_str("_"), none());
    }
    let s = ops::repr_string(ts, &v)?;
    crate::builtins_init::write_stdout(ts, &format!("{s}\n"))?;
    if let Some(b) = ts.interp.builtins_dict.downcast::<PyDict>() {
        b.set_str(new_str("_"), v);
    }
    Ok(none())
}

/// Prints an exception and its chain to stderr, as the default excepthook.
pub fn print_exception(ts: &ThreadState, exc: &Value) {
    let text = crate::traceback::format_exception(ts, exc);
    crate::builtins_init::write_stderr(ts, &text);
}

/// How a top-level run ended: the process exit code.
pub fn handle_exit(ts: &ThreadState, e: PyErr) -> i32 {
    let r = rt();
    if e.is_instance(r.exc.SystemExit) {
        let code = ops::getattr_str(ts, &e.0, "code").unwrap_or_else(|_| none());
        if is_none(&code) {
            return 0;
        }
        if let Some(i) = crate::num::int_to_i64(&code) {
            return (i & 0xff) as i32;
        }
        crate::builtins_init::flush_std_streams(ts);
        let s = ops::str_string(ts, &code).unwrap_or_default();
        crate::builtins_init::write_stderr(ts, &format!("{s}\n"));
        return 1;
    }
    crate::builtins_init::flush_std_streams(ts);
    let hook = crate::builtins_init::sys_attr(ts, "excepthook");
    match hook {
        Some(h) if !is_native_named(&h, "excepthook") => {
            let tb = crate::traceback::get_traceback(&e.0);
            if ops::call(ts, &h, &[e.0.type_ref().to_value(), e.0.clone(), tb]).is_err() {
                print_exception(ts, &e.0);
            }
        }
        _ => print_exception(ts, &e.0),
    }
    if e.is_instance(r.exc.KeyboardInterrupt) {
        return 130;
    }
    1
}

fn is_native_named(v: &Value, name: &str) -> bool {
    v.downcast::<crate::function::NativeFunction>().map(|f| f.name == name).unwrap_or(false)
}

/// Runs `source` as the `__main__` module.
pub fn run_main_source(ts: &ThreadState, source: &str, filename: &str, file_attr: Option<&str>) -> PyResult<Value> {
    let main = crate::import::new_module("__main__");
    let globals = main.downcast::<crate::cell::PyModule>().map(|m| m.dict.clone()).unwrap_or_else(none);
    set(&globals, "__builtins__", ts.interp.builtins.clone());
    if let Some(f) = file_attr {
        set(&globals, "__file__", new_str(f));
    }
    set(&globals, "__cached__", none());
    if let Some(m) = ts.interp.modules.downcast::<PyDict>() {
        m.set_str(new_str("__main__"), main.clone());
    }
    set(&globals, "__loader__", main_loader(ts, file_attr));
    let code = crate::import::compile_source(ts, source, filename, "exec")?;
    crate::eval::run_code(ts, &code, &globals, None)?;
    Ok(globals)
}

/// `__main__.__loader__` as CPython sets it: a `SourceFileLoader` for a
/// script file, the `BuiltinImporter` class for `-c`, stdin and the prompt
/// (`__spec__` stays None in both). None if importlib cannot be imported.
fn main_loader(ts: &ThreadState, file: Option<&str>) -> Value {
    let loader = || -> PyResult {
        let machinery = crate::import::import_module(ts, "importlib.machinery")?;
        match file {
            Some(path) => {
                let class = ops::getattr_str(ts, &machinery, "SourceFileLoader")?;
                ops::call(ts, &class, &[new_str("__main__"), new_str(path)])
            }
            None => ops::getattr_str(ts, &machinery, "BuiltinImporter"),
        }
    };
    loader().unwrap_or_else(|_| none())
}

/// The interactive loop CPython runs on a non-terminal stdin (or with
/// PYTHON_BASIC_REPL): prompts `sys.ps1`/`sys.ps2` on stderr, one statement
/// at a time read from `sys.stdin` (complete per `codeop`), compiled in
/// 'single' mode and run in `__main__`; errors are reported and the loop
/// goes on; it ends at end of input (SystemExit ends it too, as an error).
const BASE_REPL_SRC: &str = r#"
def _baserepl(ns, register, pythonstartup):
    import sys
    if pythonstartup:
        import os
        path = os.environ.get('PYTHONSTARTUP')
        if path:
            try:
                with open(path, 'rb') as f:
                    exec(compile(f.read(), path, 'exec'), ns)
            except SystemExit:
                raise
            except BaseException as e:
                sys.excepthook(type(e), e, e.__traceback__)
    if not hasattr(sys, 'ps1'):
        sys.ps1 = '>>> '
    if not hasattr(sys, 'ps2'):
        sys.ps2 = '... '
    import codeop
    lines = []
    while True:
        try:
            sys.stderr.write(str(sys.ps2 if lines else sys.ps1))
            sys.stderr.flush()
            line = sys.stdin.readline()
        except KeyboardInterrupt:
            sys.stderr.write('\nKeyboardInterrupt\n')
            lines = []
            continue
        if not line:
            sys.stderr.write('\n')
            sys.stderr.flush()
            return
        lines.append(line[:-1] if line.endswith('\n') else line)
        source = '\n'.join(lines)
        try:
            code = codeop.compile_command(source, '<stdin>', 'single')
        except (SyntaxError, OverflowError, ValueError) as e:
            lines = []
            e.__traceback__ = None
            sys.excepthook(type(e), e, None)
            continue
        if code is None:
            continue
        lines = []
        register(code, source)
        try:
            exec(code, ns)
        except SystemExit:
            raise
        except BaseException as e:
            tb = e.__traceback__
            if tb is not None:
                tb = tb.tb_next
            e.__traceback__ = tb
            sys.last_exc = sys.last_value = e
            sys.last_type = type(e)
            sys.last_traceback = tb
            sys.excepthook(type(e), e, tb)
        finally:
            try:
                sys.stdout.flush()
            except Exception:
                pass
"#;

fn register_interactive(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    if let (Some(code), Some(text)) = (a.args.first().and_then(|c| c.downcast::<crate::code::PyCode>()), a.args.get(1).and_then(|t| as_str(t))) {
        crate::import::register_interactive_source(&code.code, text);
    }
    Ok(none())
}

/// The `__main__` module, made (empty) if nothing ran yet.
fn main_module(ts: &ThreadState) -> PyResult<Value> {
    if let Some(m) = ts.interp.modules.downcast::<PyDict>().and_then(|d| d.get_str("__main__")) {
        return Ok(m);
    }
    run_main_source(ts, "", "<stdin>", None)?;
    ts.interp.modules.downcast::<PyDict>().and_then(|d| d.get_str("__main__")).ok_or_else(|| err!(RuntimeError, "no __main__ module"))
}

/// Runs the basic interactive loop on `sys.stdin` in `__main__`.
pub fn base_repl(ts: &ThreadState, pythonstartup: bool) -> PyResult<()> {
    let main = main_module(ts)?;
    let ns = main.downcast::<crate::cell::PyModule>().map(|m| m.dict.clone()).unwrap_or_else(none);
    let helper = crate::import::new_module("_spindle_repl");
    let hd = helper.downcast::<crate::cell::PyModule>().map(|m| m.dict.clone()).unwrap_or_else(none);
    set(&hd, "__builtins__", ts.interp.builtins.clone());
    let code = crate::import::compile_source(ts, BASE_REPL_SRC, "<spindle-repl>", "exec")?;
    crate::eval::run_code(ts, &code, &hd, None)?;
    let f = hd.downcast::<PyDict>().and_then(|d| d.get_str("_baserepl")).ok_or_else(|| err!(RuntimeError, "no REPL"))?;
    let reg = crate::function::new_native("_register", register_interactive);
    ops::call(ts, &f, &[ns, reg, new_bool(pythonstartup)]).map(drop)
}

/// CPython's start-up banner on stderr (interactive start without -q).
pub fn print_banner(ts: &ThreadState, cfg: &Config) {
    let mut text = format!("Python {} on linux\n", version_string());
    if !cfg.no_site {
        text.push_str("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
    }
    crate::builtins_init::write_stderr(ts, &text);
}

/// The interactive prompt as CPython's `pymain_repl`/`pymain_run_stdin`
/// start it: `_pyrepl` on a terminal (unless PYTHON_BASIC_REPL is set),
/// else the basic loop. Returns the exit status.
pub fn run_interactive(ts: &ThreadState, cfg: &Config, pythonstartup: bool) -> i32 {
    use std::io::IsTerminal;
    // sys.__interactivehook__ (site's: history file, completion) first, as
    // CPython's pymain_run_interactive_hook.
    if let Some(hook) = crate::builtins_init::sys_attr(ts, "__interactivehook__").filter(|h| !is_none(h)) {
        if let Err(e) = ops::call(ts, &hook, &[]) {
            crate::builtins_init::write_stderr(ts, "Failed calling sys.__interactivehook__\n");
            return handle_exit(ts, e);
        }
    }
    let basic = !std::io::stdin().is_terminal()
        || (!cfg.ignore_environment && std::env::var_os("PYTHON_BASIC_REPL").is_some_and(|v| !v.is_empty()));
    let r = if basic {
        base_repl(ts, pythonstartup)
    } else {
        (|| -> PyResult<()> {
            let main = main_module(ts)?;
            let m = match crate::import::import_module(ts, "_pyrepl.main") {
                Ok(m) => m,
                Err(e) => {
                    crate::builtins_init::write_stderr(ts, "Could not import _pyrepl.main\n");
                    return Err(e);
                }
            };
            let f = ops::getattr_str(ts, &m, "interactive_console")?;
            let kw = [new_str("mainmodule"), new_str("pythonstartup")];
            let args = [main, new_bool(pythonstartup)];
            ops::call_args(ts, &f, Args { args: &args, kwnames: &kw })?;
            Ok(())
        })()
    };
    match r {
        Ok(()) => 0,
        Err(e) => handle_exit(ts, e),
    }
}

/// `-m module`: runs the module as `__main__` (packages run `pkg.__main__`).
/// The hooks `sys.addaudithook` registered (interpreter state).
fn audit_hooks(ts: &ThreadState) -> Value {
    ts.interp.module_state("sys.audithooks", || new_list(vec![]))
}

/// `sys.audit(event, *args)`: calls every hook with `(event, args)`; a hook's
/// exception propagates to the auditing code.
fn sys_audit(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(event) = a.args.first() else { raise!(TypeError, "audit() missing 1 required positional argument: 'event'") };
    if as_str(event).is_none() {
        raise!(TypeError, "audit() argument 1 must be str, not {}", ops::type_name(event));
    }
    let hooks = audit_hooks(ts);
    let hooks = hooks.downcast::<crate::seq::PyList>().map(|l| l.snapshot()).unwrap_or_default();
    if hooks.is_empty() {
        return Ok(none());
    }
    let args = new_tuple(a.args[1..].to_vec());
    for h in hooks {
        ops::call(ts, &h, &[event.clone(), args.clone()])?;
    }
    Ok(none())
}

/// `sys.base_prefix`: where an installed Spindle's files would live.
const BASE_PREFIX: &str = "/usr/local";

/// The virtual environment `executable` runs in (CPython's getpath): one
/// whose `pyvenv.cfg` is in the folder above the executable's, or in its
/// own folder.
struct VirtualEnv {
    /// `sys.prefix` and `sys.exec_prefix`: the folder holding `pyvenv.cfg`.
    prefix: String,
    /// `sys._base_executable`: the executable of that name in the
    /// configuration's `home` folder, else the file the executable's links
    /// lead to.
    base_executable: Option<String>,
}

fn virtual_env(executable: &str) -> Option<VirtualEnv> {
    use std::path::Path;
    let exe = Path::new(executable);
    let exe_dir = exe.parent()?;
    let candidates = exe_dir.parent().into_iter().chain(std::iter::once(exe_dir));
    let (dir, text) = candidates.filter_map(|d| std::fs::read_to_string(d.join("pyvenv.cfg")).ok().map(|t| (d, t))).next()?;
    let home = text.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == "home").then(|| v.trim().to_owned())
    });
    let base_executable = home
        .zip(exe.file_name())
        .map(|(h, n)| Path::new(&h).join(n))
        .filter(|p| p.is_file())
        .or_else(|| std::fs::canonicalize(exe).ok())
        .map(|p| p.to_string_lossy().into_owned());
    Some(VirtualEnv { prefix: dir.to_string_lossy().into_owned(), base_executable })
}

pub fn run_module(ts: &ThreadState, name: &str) -> PyResult<()> {
    run_as_main(ts, name, true)
}

/// Runs module `name` as `__main__` through runpy, in the namespace of the
/// `__main__` module that CPython creates at start-up.
fn run_as_main(ts: &ThreadState, name: &str, alter_argv: bool) -> PyResult<()> {
    if let Some(modules) = ts.interp.modules.downcast::<PyDict>() {
        if modules.get_str("__main__").is_none() {
            let main = crate::import::new_module("__main__");
            if let Some(d) = main.downcast::<crate::cell::PyModule>().and_then(|m| m.dict.downcast::<PyDict>()) {
                d.set_str(new_str("__builtins__"), ts.interp.builtins.clone());
            }
            modules.set_str(new_str("__main__"), main);
        }
    }
    let runpy = crate::import::import_module(ts, "runpy")?;
    let f = ops::getattr_str(ts, &runpy, "_run_module_as_main")?;
    ops::call(ts, &f, &[new_str(name), new_bool(alter_argv)])?;
    Ok(())
}

/// `spindle DIR` or `spindle ARCHIVE.zip` (a zipapp): as CPython, the path
/// (absolute) becomes `sys.path[0]` in place of the script's directory and
/// its `__main__` module runs through runpy, which reports one that is
/// missing ("can't find '__main__' module in ...", exit status 1).
pub fn run_path_main(ts: &ThreadState, path: &str) -> PyResult<()> {
    let sys_path = crate::builtins_init::sys_attr(ts, "path");
    if let Some(l) = sys_path.as_ref().and_then(|p| p.downcast::<crate::seq::PyList>()) {
        let mut items = l.items.lock();
        let old = if items.len() > 0 {
            items.set(0, new_str(path))
        } else {
            items.push(new_str(path));
            None
        };
        drop(items);
        drop(old);
    }
    run_as_main(ts, "__main__", false)
}

/// Whether `path` is a zip archive, possibly with something before it (a
/// zipapp's `#!` line): its end-of-central-directory record is in the last
/// 64 KiB + 22 bytes.
pub fn is_zip_archive(path: &str) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut f) = std::fs::File::open(path) else { return false };
    let Ok(len) = f.seek(SeekFrom::End(0)) else { return false };
    let tail = len.min(65_536 + 22);
    if tail < 22 || f.seek(SeekFrom::Start(len - tail)).is_err() {
        return false;
    }
    let mut buf = Vec::with_capacity(tail as usize);
    if f.read_to_end(&mut buf).is_err() {
        return false;
    }
    buf.windows(4).any(|w| w == b"PK\x05\x06")
}

pub fn type_of(v: &Value) -> TypeRef {
    v.type_ref()
}
