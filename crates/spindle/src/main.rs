//! The `spindle` command: CPython's command line (`FILE`, `-c`, `-m`, `-`,
//! `-i`, `-u`, `-E`, `-I`, `-S`, `-X`, `-W`, `-V`), wired to the VM. Nothing
//! else lives here.

use std::io::Read;
use std::process::ExitCode;

use spindle_vm::boot::{self, Config};
use spindle_vm::interp::ThreadState;

// mimalloc, as DESIGN.md section 4 asks: per-thread heaps with no global
// lock, so allocation-heavy threads do not serialise on the allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli;
mod native_modules;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let parsed = match cli::parse(&args) {
        Ok(p) => p,
        Err(cli::Exit(code)) => return ExitCode::from(code),
    };
    // Python code runs on a thread with a large stack; Rust recursion (native
    // code calling back into Python) is bounded well below it.
    // Left unnamed: it keeps the process's name at the OS level, as the
    // main thread of CPython does (threads it starts inherit that name
    // until threading names them).
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || run(parsed));
    // Signals go to the Python thread, not to this one waiting for it.
    spindle_vm::signals::block_async_signals_here();
    match handle.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(1),
    }
}

fn run(p: cli::Parsed) -> u8 {
    let mut cfg: Config = p.config;
    cfg.native_modules = native_modules::table();
    let (_interp, ts) = match boot::new_interpreter(&cfg) {
        Ok(x) => x,
        Err(_) => {
            eprintln!("Fatal Python error: failed to initialize the interpreter");
            return 1;
        }
    };
    let prev = spindle_vm::ops::set_thread_state(&ts as *const ThreadState);
    #[cfg(feature = "stdlib")]
    if let Err(e) = spindle_stdlib::os::install_std_streams(&ts, cfg.unbuffered) {
        // Keep the minimal built-in streams; SPINDLE_DEBUG_STREAMS says why.
        if std::env::var_os("SPINDLE_DEBUG_STREAMS").is_some() {
            spindle_vm::boot::print_exception(&ts, e.value());
        }
    }
    // -X faulthandler or PYTHONFAULTHANDLER (unless -E): enable() on stderr
    // before anything else runs, as CPython's init.
    #[cfg(feature = "stdlib")]
    if cfg.xoptions.iter().any(|(k, _)| k == "faulthandler")
        || (!cfg.ignore_environment && std::env::var_os("PYTHONFAULTHANDLER").is_some_and(|v| !v.is_empty()))
    {
        if let Err(e) = spindle_stdlib::os::enable_faulthandler(&ts) {
            spindle_vm::boot::print_exception(&ts, e.value());
        }
    }
    boot::finish_startup(&ts, &cfg);
    let mut code = run_target(&ts, &p.target, &cfg);
    // -i (or PYTHONINSPECT, which the program itself may set): the prompt
    // after the program, as CPython's pymain_repl.
    let inspect = cfg.inspect || (!cfg.ignore_environment && std::env::var_os("PYTHONINSPECT").is_some_and(|v| !v.is_empty()));
    if inspect && !matches!(p.target, cli::Target::Repl | cli::Target::Stdin) {
        use std::io::IsTerminal;
        if cfg.interactive || std::io::stdin().is_terminal() {
            code = boot::run_interactive(&ts, &cfg, false) as u8;
        }
    }
    // As CPython's Py_FinalizeEx: first threading._shutdown (its
    // _register_atexit callbacks, then joining non-daemon threads), then the
    // atexit handlers, which run only if the program imported atexit.
    #[cfg(feature = "stdlib")]
    spindle_stdlib::os::at_exit(&ts);
    if let Some(m) = ts.interp.modules.downcast::<spindle_vm::dict::PyDict>().and_then(|d| d.get_str("atexit")) {
        if let Ok(f) = spindle_vm::ops::getattr_str(&ts, &m, "_run_exitfuncs") {
            let _ = spindle_vm::ops::call(&ts, &f, &[]);
        }
    }
    spindle_vm::builtins_init::flush_std_streams(&ts);
    spindle_vm::ops::set_thread_state(prev);
    code
}

/// `path` joined to the current directory unless absolute (not normalised,
/// as CPython's script path).
fn absolute(path: &str) -> String {
    let shown = std::path::Path::new(path);
    if shown.is_absolute() {
        return path.to_owned();
    }
    std::env::current_dir().map(|d| d.join(shown).to_string_lossy().into_owned()).unwrap_or_else(|_| path.to_owned())
}

fn run_target(ts: &ThreadState, target: &cli::Target, cfg: &Config) -> u8 {
    let result = match target {
        cli::Target::Command(src) => boot::run_main_source(ts, src, "<string>", None).map(drop),
        cli::Target::Module(name) => boot::run_module(ts, name),
        cli::Target::File(path) if std::path::Path::new(path).is_dir() || boot::is_zip_archive(path) => boot::run_path_main(ts, &absolute(path)),
        cli::Target::File(path) => match std::fs::read(path) {
            Ok(bytes) => {
                let src = spindle_vm::import::decode_source(&bytes);
                // As CPython 3.9+: the script's `__file__` and code filename are
                // absolute (the current directory joined, not normalised);
                // `sys.argv[0]` stays as given.
                let file = absolute(path);
                boot::run_main_source(ts, &src, &file, Some(&file)).map(drop)
            }
            Err(e) => {
                let exe = cfg.executable.clone();
                let errno = e.raw_os_error().unwrap_or(2);
                let msg = match e.kind() {
                    std::io::ErrorKind::NotFound => "No such file or directory".to_owned(),
                    std::io::ErrorKind::PermissionDenied => "Permission denied".to_owned(),
                    _ => e.to_string(),
                };
                let abs = absolute(path);
                eprintln!("{exe}: can't open file {abs:?}: [Errno {errno}] {msg}");
                return 2;
            }
        },
        // `-` (or -i) with an interactive stdin is the prompt, as CPython's pymain_run_stdin.
        cli::Target::Stdin if cfg.interactive || std::io::IsTerminal::is_terminal(&std::io::stdin()) => {
            if !cfg.quiet {
                boot::print_banner(ts, cfg);
            }
            return boot::run_interactive(ts, cfg, true) as u8;
        }
        cli::Target::Stdin => {
            let mut bytes = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut bytes);
            let src = spindle_vm::import::decode_source(&bytes);
            boot::run_main_source(ts, &src, "<stdin>", None).map(drop)
        }
        cli::Target::Repl => {
            if !cfg.quiet {
                boot::print_banner(ts, cfg);
            }
            return boot::run_interactive(ts, cfg, true) as u8;
        }
    };
    match result {
        Ok(()) => {
            spindle_vm::builtins_init::flush_std_streams(ts);
            0
        }
        // With -i a SystemExit is reported like any error and the prompt follows.
        Err(e) if cfg.inspect && e.is_instance(spindle_vm::runtime::rt().exc.SystemExit) => {
            spindle_vm::builtins_init::flush_std_streams(ts);
            boot::print_exception(ts, e.value());
            1
        }
        Err(e) => boot::handle_exit(ts, e) as u8,
    }
}
