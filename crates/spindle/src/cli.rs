//! Parsing the command line the way CPython's `python3` does: options up to
//! the first of `-c CMD`, `-m MOD`, `-` or `FILE`; everything after it goes
//! to `sys.argv`. Usage errors exit with status 2 and CPython's message.

use spindle_vm::boot::Config;

pub enum Target {
    Command(String),
    Module(String),
    File(String),
    Stdin,
    Repl,
}

pub struct Parsed {
    pub config: Config,
    pub target: Target,
}

pub struct Exit(pub u8);

const USAGE: &str = "usage: spindle [option] ... [-c cmd | -m mod | file | -] [arg] ...";

fn usage_error(msg: &str) -> Exit {
    eprintln!("{msg}");
    eprintln!("{USAGE}");
    eprintln!("Try `spindle -h' for more information.");
    Exit(2)
}

const HELP: &str = "usage: spindle [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (and corresponding environment variables):
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script
-I     : isolate Python from the user's environment (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements
-P     : don't prepend a potentially unsafe path to sys.path
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Python version number and exit (also --version)
-W arg : warning control
-X opt : set implementation-specific option (gil=0|1, jit=0|1, ...)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

/// `sys.executable` as CPython's getpath finds it: `argv[0]` made absolute
/// when it names a path, else the `PATH` entry that holds it; symlinks stay
/// as they are (a virtual environment's `bin/python` must stay itself, for
/// its `pyvenv.cfg` to be found). The running binary when neither works.
fn executable(argv0: Option<&str>) -> String {
    use std::path::{Component, Path, PathBuf};
    let resolved = || std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| "spindle".into());
    let Some(a) = argv0.filter(|a| !a.is_empty()) else { return resolved() };
    let found: Option<PathBuf> = if a.contains('/') {
        std::env::current_dir().ok().map(|d| d.join(a))
    } else {
        std::env::var_os("PATH").and_then(|path| {
            std::env::split_paths(&path).map(|dir| dir.join(a)).find(|p| {
                use std::os::unix::fs::PermissionsExt;
                p.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            })
        })
    };
    let Some(p) = found.filter(|p| p.is_file()) else { return resolved() };
    // Lexically normalised, as os.path.abspath.
    let mut out = PathBuf::new();
    for c in Path::new(&p).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out.to_string_lossy().into_owned()
}

pub fn parse(args: &[String]) -> Result<Parsed, Exit> {
    let mut cfg = Config {
        orig_argv: args.to_vec(),
        executable: executable(args.first().map(String::as_str)),
        ..Config::default()
    };
    let mut i = 1;
    let mut target = None;
    let mut version = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "--version" {
            version += 1;
            i += 1;
            continue;
        }
        if a == "--help" || a == "-?" {
            print!("{HELP}");
            return Err(Exit(0));
        }
        if a == "-" {
            target = Some(Target::Stdin);
            cfg.argv = vec!["-".into()];
            cfg.argv.extend(args[i + 1..].iter().cloned());
            cfg.path0 = Some(String::new());
            break;
        }
        if a == "--" {
            i += 1;
            break;
        }
        if !a.starts_with('-') || a.len() < 2 || a.starts_with("--") {
            if a.starts_with("--") {
                return Err(usage_error(&format!("unknown option {a}")));
            }
            break;
        }
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        let mut consumed_next = false;
        while j < chars.len() {
            let c = chars[j];
            let rest: String = chars[j + 1..].iter().collect();
            let take_arg = |consumed: &mut bool| -> Option<String> {
                if !rest.is_empty() {
                    Some(rest.clone())
                } else if i + 1 < args.len() {
                    *consumed = true;
                    Some(args[i + 1].clone())
                } else {
                    None
                }
            };
            match c {
                'c' => {
                    let Some(cmd) = take_arg(&mut consumed_next) else { return Err(usage_error("Argument expected for the -c option")) };
                    let next = if consumed_next { i + 2 } else { i + 1 };
                    cfg.argv = vec!["-c".into()];
                    cfg.argv.extend(args[next..].iter().cloned());
                    cfg.path0 = Some(String::new());
                    let t = Target::Command(cmd);
                    return finish(cfg, Some(t), version);
                }
                'm' => {
                    let Some(m) = take_arg(&mut consumed_next) else { return Err(usage_error("Argument expected for the -m option")) };
                    let next = if consumed_next { i + 2 } else { i + 1 };
                    cfg.argv = vec![m.clone()];
                    cfg.argv.extend(args[next..].iter().cloned());
                    cfg.path0 = Some(std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default());
                    return finish(cfg, Some(Target::Module(m)), version);
                }
                'X' => {
                    let Some(x) = take_arg(&mut consumed_next) else { return Err(usage_error("Argument expected for the -X option")) };
                    let (k, v) = match x.split_once('=') {
                        Some((k, v)) => (k.to_owned(), Some(v.to_owned())),
                        None => (x.clone(), None),
                    };
                    cfg.xoptions.push((k, v));
                    break;
                }
                'W' => {
                    let Some(w) = take_arg(&mut consumed_next) else { return Err(usage_error("Argument expected for the -W option")) };
                    cfg.warnoptions.push(w);
                    break;
                }
                'V' => version += 1,
                'u' => cfg.unbuffered = true,
                'E' => cfg.ignore_environment = true,
                'I' => {
                    cfg.isolated = true;
                    cfg.ignore_environment = true;
                    cfg.safe_path = true;
                }
                'P' => cfg.safe_path = true,
                'S' => cfg.no_site = true,
                's' => {}
                'i' => {
                    cfg.inspect = true;
                    cfg.interactive = true;
                }
                'q' => cfg.quiet = true,
                'v' => cfg.verbose += 1,
                'b' => cfg.bytes_warning += 1,
                'B' => cfg.dont_write_bytecode = true,
                'O' => cfg.optimize += 1,
                'd' | 'R' | 'x' => {}
                'h' => {
                    print!("{HELP}");
                    return Err(Exit(0));
                }
                _ => return Err(usage_error(&format!("Unknown option: -{c}"))),
            }
            j += 1;
        }
        i += if consumed_next { 2 } else { 1 };
    }
    if target.is_none() && i < args.len() {
        cfg.argv = args[i..].to_vec();
        let f = args[i].clone();
        let dir = std::path::Path::new(&f).parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        let dir = if dir.is_empty() {
            std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default()
        } else {
            std::fs::canonicalize(&dir).map(|d| d.to_string_lossy().into_owned()).unwrap_or(dir)
        };
        cfg.path0 = Some(dir);
        target = Some(Target::File(f));
    }
    finish(cfg, target, version)
}

/// A `PYTHON_GIL` / `-X gil` value: "0" or "1", else CPython's start-up
/// error (config_read_gil), exit status 1.
fn read_gil(v: &str) -> Result<bool, Exit> {
    match v {
        "0" => Ok(false),
        "1" => Ok(true),
        _ => Err(config_error("config_read_gil", "PYTHON_GIL / -X gil must be \"0\" or \"1\"")),
    }
}

/// A `0`/`1` switch read as CPython's `_Py_str_to_int` / `config_wstr_to_int`
/// read it (strtol: leading blanks and a sign allowed, nothing after the
/// digits; an empty string reads as 0); `None` for anything else.
fn read_switch_value(v: &str) -> Option<bool> {
    let t = v.trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
        // strtol converted nothing: only an empty string passes (as 0).
        return if v.is_empty() { Some(false) } else { None };
    }
    let digits = unsigned.trim_start_matches('0');
    let negative = t.starts_with('-');
    match digits {
        "" => Some(false),
        "1" if !negative => Some(true),
        _ => None,
    }
}

/// CPython's `config_init_thread_inherit_context` and
/// `config_init_context_aware_warnings`: the variable (unless -E/-I), then
/// the first `-X name=...`, each a 0/1 switch or a start-up error.
fn read_switch(cfg: &Config, var: &str, option: &str, func: &str) -> Result<Option<bool>, Exit> {
    let mut value = None;
    if !cfg.ignore_environment {
        if let Some(v) = std::env::var_os(var).filter(|v| !v.is_empty()) {
            match read_switch_value(&v.to_string_lossy()) {
                Some(b) => value = Some(b),
                None => return Err(config_error(func, &format!("{var}=N: N is missing or invalid"))),
            }
        }
    }
    if let Some((_, v)) = cfg.xoptions.iter().find(|(k, _)| k == option) {
        match v.as_deref().and_then(read_switch_value) {
            Some(b) => value = Some(b),
            None => return Err(config_error(func, &format!("-X {option}=n: n is missing or invalid"))),
        }
    }
    Ok(value)
}

/// A configuration error before the interpreter exists, as CPython reports
/// it (Py_ExitStatusException: a fatal error, exit status 1).
fn config_error(func: &str, msg: &str) -> Exit {
    eprint!("Fatal Python error: {func}: {msg}\nPython runtime state: preinitialized\n\n");
    Exit(1)
}

fn finish(mut cfg: Config, target: Option<Target>, version: u32) -> Result<Parsed, Exit> {
    if version > 0 {
        if version > 1 {
            println!("Python {}", spindle_vm::boot::version_string());
        } else {
            println!("Python {}", spindle_vm::boot::VERSION);
        }
        return Err(Exit(0));
    }
    if !cfg.ignore_environment {
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            cfg.pythonpath = pp.split(':').filter(|s| !s.is_empty()).map(str::to_owned).collect();
        }
        if std::env::var("PYTHONUNBUFFERED").map(|v| !v.is_empty()).unwrap_or(false) {
            cfg.unbuffered = true;
        }
        if let Ok(w) = std::env::var("PYTHONWARNINGS") {
            cfg.warnoptions.splice(0..0, w.split(',').filter(|s| !s.is_empty()).map(str::to_owned));
        }
        // An empty variable counts as unset (CPython's config_get_env).
        if let Some(v) = std::env::var_os("PYTHON_GIL").filter(|v| !v.is_empty()) {
            cfg.enable_gil = Some(read_gil(&v.to_string_lossy())?);
        }
    }
    // sys.warnoptions from lowest to highest precedence, as CPython's
    // config_init_warnoptions: -X dev, PYTHONWARNINGS, -W, then -b/-bb.
    if cfg.xoptions.iter().any(|(k, _)| k == "dev") {
        cfg.warnoptions.insert(0, "default".into());
    }
    match cfg.bytes_warning {
        0 => {}
        1 => cfg.warnoptions.push("default::BytesWarning".into()),
        _ => cfg.warnoptions.push("error::BytesWarning".into()),
    }
    // The first `-X gil` counts, and beats PYTHON_GIL (CPython's config_read
    // reads the environment first, then the option).
    if let Some((_, v)) = cfg.xoptions.iter().find(|(k, _)| k == "gil") {
        cfg.enable_gil = Some(read_gil(v.as_deref().unwrap_or(""))?);
    }
    cfg.thread_inherit_context = read_switch(&cfg, "PYTHON_THREAD_INHERIT_CONTEXT", "thread_inherit_context", "config_init_thread_inherit_context")?;
    cfg.context_aware_warnings = read_switch(&cfg, "PYTHON_CONTEXT_AWARE_WARNINGS", "context_aware_warnings", "config_init_context_aware_warnings")?;
    let target = match target {
        Some(t) => t,
        None => {
            use std::io::IsTerminal;
            cfg.argv = vec![String::new()];
            cfg.path0 = Some(String::new());
            if std::io::stdin().is_terminal() { Target::Repl } else { Target::Stdin }
        }
    };
    Ok(Parsed { config: cfg, target })
}
