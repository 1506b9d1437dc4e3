//! The import system: `__import__`, `import_module`, `from x import y`,
//! `import *`, and compiling source into code objects.
//!
//! Modules come from, in order: `sys.modules`, the interpreter's native
//! module table, then each `sys.path` entry (a directory on disk, or
//! `spindle_pylib::LIB_PREFIX` for the embedded CPython Lib).
//!
//! The native search stands in for CPython's PathFinder on directories;
//! importlib's machinery runs only where it does something the native
//! search cannot: finders put in front of Spindle's on `sys.meta_path` are
//! asked first, a path entry that is a zip archive (or a package folder in
//! one) is asked about in its place in the order (zipimport), and a module
//! not found natively is looked for by importlib's PathFinder (namespace
//! packages, path hooks others added) and the finders after Spindle's.
//! `py/importer.py` is the Python side.

use std::collections::HashMap;
use std::sync::Mutex as StdMutex;

use crate::cell::PyModule;
use crate::dict::PyDict;
use crate::error::{PyErr, PyResult};
use crate::eval::Frame;
use crate::function::Args;
use crate::interp::ThreadState;
use crate::object::alloc;
use crate::ops;
use crate::runtime::{is_none, none, rt};
use crate::str::{as_str, new_str};
use crate::value::Value;
use crate::raise;

/// Compiles source text into a code object, mapping syntax errors to Python's.
pub fn compile_source(ts: &ThreadState, text: &str, filename: &str, mode: &str) -> PyResult {
    let m = match mode {
        "eval" => spindle_compiler::Mode::Eval,
        "single" => spindle_compiler::Mode::Single,
        _ => spindle_compiler::Mode::Exec,
    };
    // The native modules' own Python (named `<...>`) was compiled at build time.
    if m == spindle_compiler::Mode::Exec && filename.starts_with('<') {
        if let Some(mut code) = spindle_frozen::code_for(text).and_then(|b| spindle_bytecode::decode(b).ok()) {
            set_filename(&mut code, filename);
            return Ok(crate::code::new_code(std::sync::Arc::new(code)));
        }
    }
    match spindle_compiler::compile_with_warnings(text, filename, m, 0) {
        Ok((code, warnings)) => {
            for w in &warnings {
                emit_syntax_warning(ts, w, filename)?;
            }
            Ok(crate::code::new_code(std::sync::Arc::new(code)))
        }
        Err(e) => Err(syntax_error(ts, &e, filename, text)),
    }
}

/// `compile(tree, ...)`: compiles `text`, the tree's unparsed text, with its
/// positions (and a syntax error's, and warnings' lines) moved to the tree's
/// by `relocation`.
pub fn compile_relocated(ts: &ThreadState, text: &str, filename: &str, mode: &str, relocation: &spindle_compiler::Relocation) -> PyResult {
    let m = match mode {
        "eval" => spindle_compiler::Mode::Eval,
        "single" => spindle_compiler::Mode::Single,
        _ => spindle_compiler::Mode::Exec,
    };
    match spindle_compiler::compile_relocated(text, filename, m, 0, relocation) {
        Ok((code, warnings)) => {
            for w in &warnings {
                emit_syntax_warning(ts, w, filename)?;
            }
            Ok(crate::code::new_code(std::sync::Arc::new(code)))
        }
        Err(e) => Err(syntax_error(ts, &e, filename, text)),
    }
}

/// Sets `co_filename` of `code` and of every code object nested in it.
fn set_filename(code: &mut spindle_bytecode::CodeObject, filename: &str) {
    code.filename = filename.to_owned();
    for c in code.constants.iter_mut() {
        if let spindle_bytecode::Constant::Code(inner) = c {
            set_filename(std::sync::Arc::make_mut(inner), filename);
        }
    }
}

/// A compile-time SyntaxWarning, as CPython's compiler issues it:
/// `warnings.warn_explicit(msg, SyntaxWarning, filename, lineno)`.
fn emit_syntax_warning(ts: &ThreadState, w: &spindle_compiler::CompileWarning, filename: &str) -> PyResult<()> {
    let cat = rt().exc.SyntaxWarning.to_value();
    match import_module(ts, "warnings") {
        Ok(m) => {
            let f = ops::getattr_str(ts, &m, "warn_explicit")?;
            ops::call(ts, &f, &[new_str(&w.msg), cat, new_str(filename), crate::num::new_int(i64::from(w.lineno))])?;
        }
        Err(_) => crate::builtins_init::write_stderr(ts, &format!("{}:{}: SyntaxWarning: {}\n", filename, w.lineno, w.msg)),
    }
    Ok(())
}

/// `compile()`/`exec()` of a source string: as `compile_source`, refusing
/// NUL characters first as CPython does.
pub fn compile_string(ts: &ThreadState, text: &str, filename: &str, mode: &str) -> PyResult {
    if text.contains('\0') {
        return Err(PyErr::new(rt().exc.SyntaxError, "source code string cannot contain null bytes".to_owned()));
    }
    compile_source(ts, text, filename, mode).map_err(|e| {
        // A source string's syntax error carries the string for the
        // keyword-typo search, as CPython's string parser does.
        let meta = ops::getattr_opt(ts, &e.0, "_metadata").ok().flatten();
        if let Some(items) = meta.as_ref().and_then(|m| crate::seq::tuple_items(m)).filter(|i| i.len() == 3) {
            let with_source = crate::seq::new_tuple(vec![items[0].clone(), items[1].clone(), new_str(text)]);
            let _ = ops::setattr_silent(&e.0, "_metadata", with_source);
        }
        e
    })
}

/// A `SyntaxErrorInfo` from compiling `text` as the Python exception.
pub fn syntax_error(_ts: &ThreadState, e: &spindle_compiler::SyntaxErrorInfo, filename: &str, text: &str) -> PyErr {
    let r = rt();
    let ty = match e.kind {
        spindle_compiler::SyntaxErrorKind::SyntaxError => r.exc.SyntaxError,
        spindle_compiler::SyntaxErrorKind::IndentationError => r.exc.IndentationError,
        spindle_compiler::SyntaxErrorKind::TabError => r.exc.TabError,
        spindle_compiler::SyntaxErrorKind::TooComplex => return PyErr::new(r.exc.MemoryError, e.msg.clone()),
    };
    let details = crate::seq::new_tuple(vec![
        new_str(filename),
        crate::num::new_int(i64::from(e.lineno)),
        crate::num::new_int(i64::from(e.offset)),
        e.text.as_deref().map(new_str).unwrap_or_else(none),
        crate::num::new_int(i64::from(e.end_lineno)),
        // u32::MAX stands for CPython's -1 (no end column).
        crate::num::new_int(if e.end_offset == u32::MAX { -1 } else { i64::from(e.end_offset) }),
    ]);
    let exc = crate::exceptions::new_exception(ty, vec![new_str(&e.msg), details.clone()]);
    let set = |n: &str, v: Value| {
        let _ = ops::setattr_silent(&exc, n, v);
    };
    set("msg", new_str(&e.msg));
    let items = crate::seq::tuple_items(&details).map(<[Value]>::to_vec).unwrap_or_default();
    for (n, v) in ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].iter().zip(items) {
        set(n, v);
    }
    set("print_file_and_line", none());
    // CPython's parser leaves `(line, column, source)` here for the traceback
    // module's keyword-typo search (`_find_keyword_typos`), where line is
    // where the last top-level statement began; source is None for a file
    // (the search reads it by name), see `compile_string`.
    let start = statement_start_line(text, e.lineno);
    set("_metadata", crate::seq::new_tuple(vec![crate::num::new_int(i64::from(start)), crate::num::new_int(0), none()]));
    PyErr(exc)
}

/// The line where the top-level statement holding line `lineno` begins
/// (1-based), found from the text as the parser's statement start would be:
/// back to a line that starts at column 0 with code and does not continue a
/// compound statement (`else`, `elif`, `except`, `finally`), a bracket or a
/// backslash, then up over its decorators.
fn statement_start_line(text: &str, lineno: u32) -> u32 {
    let lines: Vec<&str> = text.lines().collect();
    let mut i = (lineno as usize).min(lines.len());
    let continues = |l: &str| {
        ["else", "elif", "except", "finally"]
            .iter()
            .any(|k| l.strip_prefix(k).is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_')))
    };
    while i > 1 {
        let l = lines[i - 1];
        let starts = l.starts_with(|c: char| !c.is_whitespace() && !matches!(c, '#' | ')' | ']' | '}'));
        if starts && !continues(l) && !lines[i - 2].ends_with('\\') {
            break;
        }
        i -= 1;
    }
    while i > 1 && lines[i - 2].starts_with('@') {
        i -= 1;
    }
    i.max(1) as u32
}

static SOURCE_CACHE: StdMutex<Option<HashMap<String, Option<String>>>> = StdMutex::new(None);

/// Source text for traceback lines (a cache of files, not Python-visible state).
pub fn source_for_traceback(filename: &str) -> Option<String> {
    if let Some(rel) = filename.strip_prefix(spindle_pylib::LIB_PREFIX).and_then(|r| r.strip_prefix('/')) {
        return spindle_pylib::source(rel).map(str::to_owned);
    }
    if filename.starts_with('<') {
        return None;
    }
    let mut g = SOURCE_CACHE.lock().unwrap_or_else(|p| p.into_inner());
    let map = g.get_or_insert_with(HashMap::new);
    map.entry(filename.to_owned()).or_insert_with(|| std::fs::read(filename).ok().map(|b| String::from_utf8_lossy(&b).into_owned())).clone()
}

/// Source of statements typed at the interactive prompt, by the code
/// objects compiled from it (keyed as linecache keys `_interactive_cache`:
/// filename, qualified name, first line), so tracebacks show their lines.
/// A cache, not Python-visible state.
static INTERACTIVE_SOURCE: StdMutex<Option<HashMap<(String, String, u32), std::sync::Arc<str>>>> = StdMutex::new(None);

/// Remembers `text` as the source of `code` and every code object nested in it.
pub fn register_interactive_source(code: &spindle_bytecode::CodeObject, text: &str) {
    let text: std::sync::Arc<str> = text.into();
    let mut g = INTERACTIVE_SOURCE.lock().unwrap_or_else(|p| p.into_inner());
    let map = g.get_or_insert_with(HashMap::new);
    let mut stack = vec![code];
    while let Some(c) = stack.pop() {
        map.insert((c.filename.clone(), c.qualname.clone(), c.first_line), text.clone());
        for k in &c.constants {
            if let spindle_bytecode::Constant::Code(inner) = k {
                stack.push(inner);
            }
        }
    }
}

/// Line `lineno` of interactive source registered for `code`.
pub fn interactive_source_line(code: &spindle_bytecode::CodeObject, lineno: u32) -> Option<String> {
    let g = INTERACTIVE_SOURCE.lock().unwrap_or_else(|p| p.into_inner());
    let text = g.as_ref()?.get(&(code.filename.clone(), code.qualname.clone(), code.first_line))?.clone();
    drop(g);
    text.lines().nth((lineno as usize).checked_sub(1)?).map(str::to_owned)
}

fn sys_modules(ts: &ThreadState) -> &PyDict {
    ts.interp.modules.downcast::<PyDict>().unwrap_or_else(|| rt().empty_dict_data_pub())
}

pub fn new_module(name: &str) -> Value {
    let d = crate::builtins_init::new_dict();
    if let Some(dd) = d.downcast::<PyDict>() {
        dd.set_str(new_str("__name__"), new_str(name));
        dd.set_str(new_str("__doc__"), none());
        dd.set_str(new_str("__package__"), none());
        dd.set_str(new_str("__loader__"), none());
        dd.set_str(new_str("__spec__"), none());
    }
    let m = alloc(rt().types.module, PyModule { dict: d });
    if crate::gc::definitions_deferred() {
        crate::gc::defer_new_definition(&m);
    }
    m
}

fn module_dict(m: &Value) -> Option<&PyDict> {
    m.downcast::<PyModule>().and_then(|m| m.dict.downcast::<PyDict>())
}

fn not_found(name: &str, msg: String) -> PyErr {
    let e = PyErr::new(rt().exc.ModuleNotFoundError, msg);
    let _ = ops::setattr_silent(&e.0, "name", new_str(name));
    let _ = ops::setattr_silent(&e.0, "path", none());
    let _ = ops::setattr_silent(&e.0, "msg", crate::exceptions_args_first(&e.0));
    e
}

/// Imports the module `name` (absolute, dotted) and returns it (the leaf).
pub fn import_module(ts: &ThreadState, name: &str) -> PyResult {
    load_dotted(ts, name)
}

/// `sys.modules[name]`, once no other thread is still running its body
/// (None: not there, or gone because that body failed).
fn loaded_module(ts: &ThreadState, name: &str) -> PyResult<Option<Value>> {
    let Some(m) = sys_modules(ts).get_str(name) else { return Ok(None) };
    let m = if ts.interp.import_locks.loading_elsewhere(ts, name) {
        ts.interp.import_locks.wait_loaded(ts, name);
        match sys_modules(ts).get_str(name) {
            Some(m) => m,
            None => return Ok(None),
        }
    } else {
        m
    };
    if is_none(&m) {
        return Err(not_found(name, format!("import of {name} halted; None in sys.modules")));
    }
    Ok(Some(m))
}

fn load_dotted(ts: &ThreadState, name: &str) -> PyResult {
    if let Some(m) = loaded_module(ts, name)? {
        return Ok(m);
    }
    let (parent, child) = match name.rsplit_once('.') {
        Some((p, c)) => (Some(p), c),
        None => (None, name),
    };
    let parent_module = match parent {
        Some(p) => Some(load_dotted(ts, p)?),
        None => None,
    };
    // One thread finds and runs the module; others importing it meanwhile
    // wait here, then find it in sys.modules. (No guard: waiting would
    // deadlock; go on with the partial module, as CPython.)
    let _guard = ts.interp.import_locks.acquire(ts, name);
    if let Some(m) = sys_modules(ts).get_str(name) {
        if is_none(&m) {
            return Err(not_found(name, format!("import of {name} halted; None in sys.modules")));
        }
        return Ok(m);
    }
    // The parent's `__path__` (None for a top-level module), for finders.
    let mut path_value = none();
    let search_path: Vec<String> = match (parent, &parent_module) {
        (Some(p), Some(pm)) => {
            let path = module_dict(pm).and_then(|d| d.get_str("__path__"));
            match path {
                Some(pv) => {
                    let entries = ops::collect(ts, &pv)?.iter().filter_map(|v| as_str(v).map(str::to_owned)).collect();
                    path_value = pv;
                    entries
                }
                None => return Err(not_found(name, format!("No module named '{name}'; '{p}' is not a package"))),
            }
        }
        _ => {
            if let Some(def) = ts.interp.native_module_def(name) {
                let m = (def.init)(ts)?;
                // A module that initialised and has not declared it runs
                // without the GIL keeps GIL mode on from now (CPython enables
                // the GIL around every init and keeps it for these; a failed
                // init leaves it as it was).
                if !def.gil_not_used {
                    let enabled_now = ts.interp.gil.config().is_none() && crate::interp::enable_gil(ts);
                    warn_gil_enabled(ts, name, enabled_now)?;
                }
                sys_modules(ts).set_str(new_str(name), m.clone());
                return Ok(m);
            }
            let sp = crate::builtins_init::sys_attr(ts, "path").unwrap_or_else(none);
            ops::collect(ts, &sp).unwrap_or_default().iter().filter_map(|v| as_str(v).map(str::to_owned)).collect()
        }
    };
    let importer = sys_modules(ts).get_str("_spindle_importer");
    if let Some(imp) = importer.as_ref().filter(|imp| finders_before_ours(ts, imp)) {
        if let Some(m) = load_by_spec(ts, imp, "_meta_before", name, &path_value)? {
            set_on_parent(ts, parent, child, &m);
            return Ok(m);
        }
    }
    for entry in &search_path {
        if let Some((file, src, is_pkg)) = find_in(entry, child) {
            let m = exec_module(ts, name, &file, &src, is_pkg)?;
            set_on_parent(ts, parent, child, &m);
            return Ok(m);
        }
        // A file on the path is a zip archive (or nothing), and a package
        // from one has its folder in there: the entry's place in the order
        // is kept by asking importlib about it here. What that
        // asking imports itself (zipimport, on first use) skips such
        // entries, or it would ask again.
        let is_archive = || {
            let p = std::path::Path::new(entry);
            // The archive itself, or a package folder inside one.
            !entry.is_empty() && !entry.starts_with(spindle_pylib::LIB_PREFIX) && !p.is_dir() && p.ancestors().any(|a| a.is_file())
        };
        if let Some(imp) = importer.as_ref().filter(|_| !ASKING_ARCHIVE.get() && is_archive()) {
            let one = crate::seq::new_list(vec![new_str(entry)]);
            ASKING_ARCHIVE.set(true);
            let spec = ops::getattr_str(ts, imp, "_entry_spec").and_then(|f| ops::call(ts, &f, &[new_str(name), one]));
            ASKING_ARCHIVE.set(false);
            let spec = spec?;
            if !is_none(&spec) {
                let m = load_spec(ts, imp, spec)?;
                set_on_parent(ts, parent, child, &m);
                return Ok(m);
            }
        }
    }
    if let Some(imp) = importer.as_ref().filter(|_| importlib_may_find(ts, &search_path, child)) {
        if let Some(m) = load_by_spec(ts, imp, "_meta_after", name, &path_value)? {
            set_on_parent(ts, parent, child, &m);
            return Ok(m);
        }
    }
    Err(not_found(name, format!("No module named '{name}'")))
}

fn set_on_parent(ts: &ThreadState, parent: Option<&str>, child: &str, m: &Value) {
    if let Some(pm) = parent.and_then(|p| sys_modules(ts).get_str(p)) {
        let _ = ops::setattr(ts, &pm, &new_str(child), Some(m.clone()));
    }
}

/// Whether `sys.meta_path` has finders in front of Spindle's (they are
/// asked first, as on CPython's meta_path).
fn finders_before_ours(ts: &ThreadState, importer: &Value) -> bool {
    let ours = module_dict(importer).and_then(|d| d.get_str("SpindlePathFinder"));
    let meta = crate::builtins_init::sys_attr(ts, "meta_path");
    let first = meta.as_ref().and_then(|m| m.downcast::<crate::seq::PyList>()).and_then(|l| l.get_index(0));
    match (first, ours) {
        (Some(f), Some(o)) => !f.is(&o),
        _ => false,
    }
}

/// Whether importlib's machinery could find a module the native search
/// did not: a finder after Spindle's on `sys.meta_path` or a path hook
/// beyond Spindle's, or a directory named `child` without `__init__.py` (a
/// namespace package portion). Otherwise a miss (`try: import x except
/// ImportError`, the start-up's `sitecustomize`) costs no importlib.
fn importlib_may_find(ts: &ThreadState, entries: &[String], child: &str) -> bool {
    let len = |name: &str| crate::builtins_init::sys_attr(ts, name).and_then(|v| v.downcast::<crate::seq::PyList>().map(|l| l.len()));
    if len("meta_path").is_some_and(|n| n > 1) || len("path_hooks").is_some_and(|n| n != 1) {
        return true;
    }
    entries.iter().filter(|e| !e.starts_with(spindle_pylib::LIB_PREFIX)).any(|e| {
        let dir = if e.is_empty() { "." } else { e.as_str() };
        let p = std::path::Path::new(dir);
        p.join(child).is_dir()
    })
}

thread_local! {
    /// This thread is asking importlib about a zip archive on the path.
    static ASKING_ARCHIVE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Loads `name` from the spec `_spindle_importer.<finder>(name, path)`
/// gives; None when it gives none.
fn load_by_spec(ts: &ThreadState, importer: &Value, finder: &str, name: &str, path: &Value) -> PyResult<Option<Value>> {
    let f = ops::getattr_str(ts, importer, finder)?;
    let spec = ops::call(ts, &f, &[new_str(name), path.clone()])?;
    if is_none(&spec) {
        return Ok(None);
    }
    load_spec(ts, importer, spec).map(Some)
}

/// Creates and runs the module `spec` describes (importlib's `_load`).
fn load_spec(ts: &ThreadState, importer: &Value, spec: Value) -> PyResult {
    let load = ops::getattr_str(ts, importer, "_load_spec")?;
    ops::call(ts, &load, &[spec])
}

/// After importing native module `name`, which has not declared that it
/// runs without the GIL: CPython's RuntimeWarning when that import turned
/// GIL mode on (`_PyImport_EnableGILAndWarn`), or its `-v` note when the GIL
/// was already on and no `PYTHON_GIL` / `-X gil` was given.
fn warn_gil_enabled(ts: &ThreadState, name: &str, enabled_now: bool) -> PyResult<()> {
    if enabled_now {
        let w = crate::err!(
            RuntimeWarning,
            "The global interpreter lock (GIL) has been enabled to load module '{}', which has not declared that it can run safely without the GIL. To override this behavior and keep the GIL disabled (at your own risk), run with PYTHON_GIL=0 or -Xgil=0.",
            name
        );
        return crate::builtins_init::sysmod::warn(ts, &w);
    }
    if ts.interp.gil.config().is_none() && verbose(ts) {
        crate::builtins_init::sysmod::write_stderr(ts, &format!("# loading module '{name}', which requires the GIL\n"));
    }
    Ok(())
}

fn verbose(ts: &ThreadState) -> bool {
    crate::builtins_init::sys_attr(ts, "flags")
        .and_then(|f| ops::getattr_str(ts, &f, "verbose").ok())
        .and_then(|v| crate::num::int_to_i64(&v))
        .is_some_and(|v| v > 0)
}

/// `_find(fullname, path)` for the meta-path finder (py/importer.py):
/// `(origin, is_package)` of the module the import statement would load from
/// `path` (a package's `__path__`; `None`: native modules, then `sys.path`),
/// or None.
fn finder_find(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(name) = a.args.first().and_then(as_str) else { raise!(TypeError, "_find() argument 1 must be str") };
    let path = a.args.get(1).filter(|p| !is_none(p));
    let entries: Vec<String> = match path {
        Some(p) => ops::collect(ts, p)?.iter().filter_map(|v| as_str(v).map(str::to_owned)).collect(),
        None => {
            if ts.interp.native_module(name).is_some() {
                return Ok(crate::seq::new_tuple(vec![new_str("built-in"), crate::num::new_bool(false)]));
            }
            let sp = crate::builtins_init::sys_attr(ts, "path").unwrap_or_else(none);
            ops::collect(ts, &sp).unwrap_or_default().iter().filter_map(|v| as_str(v).map(str::to_owned)).collect()
        }
    };
    let child = name.rsplit_once('.').map_or(name, |(_, c)| c);
    for entry in &entries {
        if let Some((file, _, is_pkg)) = find_in(entry, child) {
            return Ok(crate::seq::new_tuple(vec![new_str(&file), crate::num::new_bool(is_pkg)]));
        }
    }
    Ok(none())
}

/// The source a found module's origin names: embedded Lib text or a file.
fn source_at(origin: &str) -> Option<Source> {
    match origin.strip_prefix(spindle_pylib::LIB_PREFIX) {
        Some(rel) => {
            let rel = rel.trim_start_matches('/');
            spindle_pylib::contains(rel).then(|| Source::Lib(rel.to_owned()))
        }
        None => std::fs::read(origin).ok().map(|b| Source::File(decode_source(&b))),
    }
}

/// `_code(origin)`: the module code for a `_find` origin (None for built-ins).
fn finder_code(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(origin) = a.args.first().and_then(as_str) else { raise!(TypeError, "_code() argument must be str") };
    match source_at(origin) {
        Some(src) => module_code(ts, &src, origin),
        None => Ok(none()),
    }
}

/// `_source(origin)`: the module's source text, or None.
fn finder_source(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(origin) = a.args.first().and_then(as_str) else { raise!(TypeError, "_source() argument must be str") };
    Ok(source_at(origin).map_or_else(none, |s| new_str(s.text())))
}

/// `_list(entry)`: the modules of an embedded-Lib path entry
/// (`<spindle-lib>` or one of its package folders), sorted, as
/// `(name, is_package)` pairs; for `pkgutil.iter_modules`.
fn finder_list(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(entry) = a.args.first().and_then(as_str) else { raise!(TypeError, "_list() argument must be str") };
    let Some(rest) = entry.strip_prefix(spindle_pylib::LIB_PREFIX) else { return Ok(crate::seq::new_list(vec![])) };
    let base = rest.trim_matches('/');
    let prefix = if base.is_empty() { String::new() } else { format!("{base}/") };
    let mut found: Vec<(String, bool)> = Vec::new();
    for p in spindle_pylib::all_paths() {
        let Some(tail) = p.strip_prefix(prefix.as_str()) else { continue };
        let item = match tail.split_once('/') {
            Some((pkg, "__init__.py")) => (pkg.to_owned(), true),
            Some(_) => continue,
            None => match tail.strip_suffix(".py") {
                Some(m) if m != "__init__" => (m.to_owned(), false),
                _ => continue,
            },
        };
        if !item.0.contains('.') && !found.iter().any(|(n, _)| *n == item.0) {
            found.push(item);
        }
    }
    found.sort();
    let items = found.into_iter().map(|(n, pkg)| crate::seq::new_tuple(vec![new_str(&n), crate::num::new_bool(pkg)])).collect();
    Ok(crate::seq::new_list(items))
}

/// `_load(fullname)`: the import statement's loading of a module (native or
/// from a path entry), for the finder's `create_module`.
fn finder_load(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(name) = a.args.first().and_then(as_str) else { raise!(TypeError, "_load() argument must be str") };
    import_module(ts, name)
}

/// Puts Spindle's path finder on `sys.meta_path`, and its path hook on
/// `sys.path_hooks` (see py/importer.py).
pub fn install_meta_path_finder(ts: &ThreadState) -> PyResult<()> {
    let m = new_module("_spindle_importer");
    let Some(d) = module_dict(&m) else { raise!(SystemError, "module without dict") };
    d.set_str(new_str("__builtins__"), ts.interp.builtins.clone());
    d.set_str(new_str("_find"), crate::function::new_native("_find", finder_find));
    d.set_str(new_str("_code"), crate::function::new_native("_code", finder_code));
    d.set_str(new_str("_source"), crate::function::new_native("_source", finder_source));
    d.set_str(new_str("_load"), crate::function::new_native("_load", finder_load));
    d.set_str(new_str("_list"), crate::function::new_native("_list", finder_list));
    d.set_str(new_str("_lock_acquire"), crate::function::new_native("_lock_acquire", finder_lock_acquire));
    d.set_str(new_str("_lock_release"), crate::function::new_native("_lock_release", finder_lock_release));
    d.set_str(new_str("_LIB"), new_str(spindle_pylib::LIB_PREFIX));
    let code = compile_source(ts, include_str!("py/importer.py"), "<spindle importer>", "exec")?;
    let globals = m.downcast::<PyModule>().map(|p| p.dict.clone()).unwrap_or_else(none);
    crate::eval::run_code(ts, &code, &globals, None)?;
    sys_modules(ts).set_str(new_str("_spindle_importer"), m.clone());
    let finder = ops::getattr_str(ts, &m, "SpindlePathFinder")?;
    let meta = crate::builtins_init::sys_attr(ts, "meta_path").unwrap_or_else(none);
    if let Some(l) = meta.downcast::<crate::seq::PyList>() {
        l.push(finder);
    }
    let hook = ops::getattr_str(ts, &m, "path_hook")?;
    let hooks = crate::builtins_init::sys_attr(ts, "path_hooks").unwrap_or_else(none);
    if let Some(l) = hooks.downcast::<crate::seq::PyList>() {
        l.push(hook);
    }
    Ok(())
}

/// A found module's source: an embedded Lib file (by its path under Lib/; the
/// text is read only when there is no precompiled code) or a file's contents.
enum Source {
    Lib(String),
    File(String),
}

impl Source {
    fn text(&self) -> &str {
        match self {
            Source::Lib(rel) => spindle_pylib::source(rel).unwrap_or(""),
            Source::File(s) => s,
        }
    }
}

/// Looks for `child` in one path entry: (file path, source, is package).
fn find_in(entry: &str, child: &str) -> Option<(String, Source, bool)> {
    if let Some(rest) = entry.strip_prefix(spindle_pylib::LIB_PREFIX) {
        let base = rest.trim_start_matches('/');
        // A package that reads data files from beside itself runs from a
        // copy on disk (written once per embedded Lib).
        if base.is_empty() && spindle_pylib::has_data_files(child) {
            if let Ok(root) = spindle_pylib::materialize(child, &cache_dir()) {
                if let Some(found) = find_in(&root.to_string_lossy(), child) {
                    return Some(found);
                }
            }
        }
        let rel = if base.is_empty() { child.to_owned() } else { format!("{base}/{child}") };
        let init = format!("{rel}/__init__.py");
        if spindle_pylib::contains(&init) {
            return Some((format!("{}/{init}", spindle_pylib::LIB_PREFIX), Source::Lib(init), true));
        }
        let file = format!("{rel}.py");
        if spindle_pylib::contains(&file) {
            return Some((format!("{}/{file}", spindle_pylib::LIB_PREFIX), Source::Lib(file), false));
        }
        return None;
    }
    let dir = if entry.is_empty() { "." } else { entry };
    let pkg = format!("{dir}/{child}/__init__.py");
    if let Ok(b) = std::fs::read(&pkg) {
        return Some((pkg, Source::File(decode_source(&b)), true));
    }
    let file = format!("{dir}/{child}.py");
    if let Ok(b) = std::fs::read(&file) {
        return Some((file, Source::File(decode_source(&b)), false));
    }
    None
}

/// Where Spindle keeps files it writes for itself: `$XDG_CACHE_HOME/spindle`,
/// `~/.cache/spindle`, or a per-user folder in the temporary directory.
fn cache_dir() -> std::path::PathBuf {
    let home = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| std::path::PathBuf::from(h).join(".cache")));
    match home {
        Some(h) => h.join("spindle"),
        // SAFETY: getuid cannot fail.
        None => std::env::temp_dir().join(format!("spindle-{}", unsafe { libc::getuid() })),
    }
}

pub fn decode_source(b: &[u8]) -> String {
    let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
    String::from_utf8_lossy(b).into_owned()
}

fn exec_module(ts: &ThreadState, name: &str, file: &str, src: &Source, is_pkg: bool) -> PyResult {
    let m = new_module(name);
    let Some(d) = module_dict(&m) else { raise!(SystemError, "module without dict") };
    d.set_str(new_str("__file__"), new_str(file));
    d.set_str(new_str("__builtins__"), ts.interp.builtins.clone());
    let package = if is_pkg { name.to_owned() } else { name.rsplit_once('.').map(|(p, _)| p.to_owned()).unwrap_or_default() };
    d.set_str(new_str("__package__"), new_str(&package));
    let path = is_pkg.then(|| {
        let dir = file.rsplit_once('/').map(|(d, _)| d.to_owned()).unwrap_or_default();
        crate::seq::new_list(vec![new_str(&dir)])
    });
    if let Some(p) = &path {
        d.set_str(new_str("__path__"), p.clone());
    }
    // The loader is Spindle's path finder (what importlib.resources,
    // inspect and pkgutil.get_data ask), once the importer is installed.
    let loader = sys_modules(ts).get_str("_spindle_importer").and_then(|m| module_dict(&m).and_then(|md| md.get_str("SpindlePathFinder")));
    let spec = make_spec(name, file, loader.clone(), path.clone());
    d.set_str(new_str("__loader__"), loader.unwrap_or_else(none));
    d.set_str(new_str("__spec__"), spec.clone());
    let code = module_code(ts, src, file)?;
    let modules = sys_modules(ts);
    // While the body runs, importlib's `_find_and_load` sees the module as
    // initializing and takes its lock (ours, see `import_lock.rs`) to wait.
    let initializing = new_str("_initializing");
    ops::setattr(ts, &spec, &initializing, Some(crate::num::new_bool(true)))?;
    modules.set_str(new_str(name), m.clone());
    let globals = m.downcast::<PyModule>().map(|p| p.dict.clone()).unwrap_or_else(none);
    let ran = crate::eval::run_code(ts, &code, &globals, None);
    let _ = ops::setattr(ts, &spec, &initializing, None);
    if let Err(e) = ran {
        modules.remove_str(name);
        return Err(e);
    }
    if name == "importlib._bootstrap" {
        share_module_locks(ts, &m)?;
    }
    Ok(modules.get_str(name).unwrap_or(m))
}

/// Points importlib's `_get_module_lock` at ours (`_spindle_importer`'s,
/// over `import_lock.rs`), so an import through importlib and one by the
/// import statement wait for each other.
fn share_module_locks(ts: &ThreadState, bootstrap: &Value) -> PyResult<()> {
    let Some(importer) = sys_modules(ts).get_str("_spindle_importer") else { return Ok(()) };
    let Some(get_lock) = module_dict(&importer).and_then(|d| d.get_str("_get_module_lock")) else { return Ok(()) };
    ops::setattr(ts, bootstrap, &new_str("_get_module_lock"), Some(get_lock))
}

/// `_lock_acquire(name)`: takes module `name`'s import lock; False when
/// waiting for it would deadlock.
fn finder_lock_acquire(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(name) = a.args.first().and_then(as_str) else { raise!(TypeError, "_lock_acquire() argument must be str") };
    Ok(crate::num::new_bool(ts.interp.import_locks.acquire_raw(ts, name)))
}

/// `_lock_release(name)`: gives back one level of module `name`'s import lock.
fn finder_lock_release(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(name) = a.args.first().and_then(as_str) else { raise!(TypeError, "_lock_release() argument must be str") };
    if !ts.interp.import_locks.release(ts, name) {
        raise!(RuntimeError, "cannot release un-acquired lock");
    }
    Ok(none())
}

/// A module's code: the build's precompiled copy for an embedded Lib file
/// (compiled from the same source with the same filename), else compiled now.
fn module_code(ts: &ThreadState, src: &Source, file: &str) -> PyResult {
    let precompiled = match src {
        Source::Lib(rel) => spindle_pylib::precompiled(rel).and_then(|bytes| spindle_bytecode::decode(bytes).ok()),
        Source::File(_) => None,
    };
    match precompiled {
        Some(code) => Ok(crate::code::new_code(std::sync::Arc::new(code))),
        None => compile_source(ts, src.text(), file, "exec"),
    }
}

/// A lightweight spec object carrying what the Lib reads (name, origin,
/// loader, parent...); `path` is a package's `__path__` list.
fn make_spec(name: &str, file: &str, loader: Option<Value>, path: Option<Value>) -> Value {
    let ns = crate::builtins_init::new_dict();
    if let Some(d) = ns.downcast::<PyDict>() {
        d.set_str(new_str("name"), new_str(name));
        d.set_str(new_str("origin"), new_str(file));
        d.set_str(new_str("has_location"), crate::num::new_bool(true));
        d.set_str(new_str("cached"), none());
        d.set_str(new_str("loader"), loader.unwrap_or_else(none));
        d.set_str(new_str("loader_state"), none());
        let parent = match &path {
            Some(_) => name.to_owned(),
            None => name.rsplit_once('.').map(|(p, _)| p.to_owned()).unwrap_or_default(),
        };
        d.set_str(new_str("submodule_search_locations"), path.unwrap_or_else(none));
        // importlib's `_find_and_load_unlocked` notes a package's submodule
        // in it while that loads (ModuleSpec has it for every module).
        d.set_str(new_str("_uninitialized_submodules"), crate::seq::new_list(vec![]));
        d.set_str(new_str("parent"), new_str(&parent));
    }
    crate::builtins_init::simple_namespace(ns)
}

fn package_of(ts: &ThreadState, globals: &Value) -> PyResult<String> {
    let Some(g) = globals.downcast::<PyDict>() else { return Ok(String::new()) };
    if let Some(p) = g.get_str("__package__").filter(|p| !is_none(p)) {
        return Ok(ops::str_string(ts, &p)?);
    }
    let name = g.get_str("__name__").and_then(|n| as_str(&n).map(str::to_owned)).unwrap_or_default();
    if g.get_str("__path__").is_some() {
        return Ok(name);
    }
    Ok(name.rsplit_once('.').map(|(p, _)| p.to_owned()).unwrap_or_default())
}

fn resolve_name(ts: &ThreadState, name: &str, globals: &Value, level: i64) -> PyResult<String> {
    if level == 0 {
        if name.is_empty() {
            raise!(ValueError, "Empty module name");
        }
        return Ok(name.to_owned());
    }
    let package = package_of(ts, globals)?;
    if package.is_empty() {
        raise!(ImportError, "attempted relative import with no known parent package");
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rsplit_once('.') {
            Some((p, _)) => base = p,
            None => raise!(ImportError, "attempted relative import beyond top-level package"),
        }
    }
    Ok(if name.is_empty() { base.to_owned() } else { format!("{base}.{name}") })
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [name, globals, _locals, fromlist, level] =
        crate::builtins_init::parse_args("__import__", a, ["name", "globals", "locals", "fromlist", "level"], 1)?;
    let name = name.unwrap_or_else(none);
    let Some(n) = as_str(&name) else { raise!(TypeError, "module name must be str, not {}", ops::type_name(&name)) };
    let level = level.and_then(|l| crate::num::int_to_i64(&l)).unwrap_or(0);
    if level < 0 {
        raise!(ValueError, "level must be >= 0");
    }
    let globals = globals.unwrap_or_else(crate::builtins_init::new_dict);
    let fromlist = fromlist.unwrap_or_else(|| crate::seq::new_tuple(vec![]));
    import_impl(ts, n, &globals, &fromlist, level)
}

fn import_impl(ts: &ThreadState, name: &str, globals: &Value, fromlist: &Value, level: i64) -> PyResult {
    let abs = resolve_name(ts, name, globals, level)?;
    let m = load_dotted(ts, &abs)?;
    let from: Vec<Value> = if is_none(fromlist) { Vec::new() } else { ops::collect(ts, fromlist)? };
    if from.is_empty() {
        if level == 0 || !name.is_empty() {
            let first = name.split('.').next().unwrap_or(name);
            let cut = abs.len() - name.len() + first.len();
            let top = &abs[..cut.min(abs.len())];
            return match sys_modules(ts).get_str(top) {
                Some(t) => Ok(t),
                None => load_dotted(ts, top),
            };
        }
        return Ok(m);
    }
    if module_dict(&m).and_then(|d| d.get_str("__path__")).is_some() {
        handle_fromlist(ts, &m, &abs, &from, false)?;
    }
    Ok(m)
}

fn handle_fromlist(ts: &ThreadState, m: &Value, abs: &str, from: &[Value], recursive: bool) -> PyResult<()> {
    for x in from {
        let Some(xs) = as_str(x) else {
            raise!(TypeError, "Item in {}.__all__ must be str, not {}", abs, ops::type_name(x));
        };
        if xs == "*" {
            if !recursive {
                if let Some(all) = module_dict(m).and_then(|d| d.get_str("__all__")) {
                    let items = ops::collect(ts, &all)?;
                    handle_fromlist(ts, m, abs, &items, true)?;
                }
            }
            continue;
        }
        if ops::getattr_opt(ts, m, xs)?.is_none() {
            let sub = format!("{abs}.{xs}");
            match load_dotted(ts, &sub) {
                Ok(_) => {}
                Err(e) if e.is_instance(rt().exc.ModuleNotFoundError) => {
                    let missing = ops::getattr_opt(ts, &e.0, "name")?.and_then(|n| as_str(&n).map(str::to_owned));
                    if missing.as_deref() != Some(sub.as_str()) {
                        return Err(e);
                    }
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// `IMPORT_NAME`.
pub fn import_name(ts: &ThreadState, f: &Frame, name: &Value, fromlist: &Value, level: &Value) -> PyResult {
    let n = as_str(name).unwrap_or("");
    let level = crate::num::int_to_i64(level).unwrap_or(0);
    let import = f.builtins.downcast::<PyDict>().and_then(|b| b.get_str("__import__"));
    if let Some(imp) = &import {
        let is_native = imp.downcast::<crate::function::NativeFunction>().map(|nf| nf.name == "__import__").unwrap_or(false);
        if !is_native {
            let locals = f.locals_map.clone().unwrap_or_else(none);
            return ops::call(ts, imp, &[name.clone(), f.globals.clone(), locals, fromlist.clone(), crate::num::new_int(level)]);
        }
    }
    // Fast path: an absolute import of a module already in sys.modules
    // (and not still running its body in another thread).
    if level == 0 && is_none(fromlist) && !n.contains('.') {
        if let Some(m) = sys_modules(ts).get_str(n) {
            if !is_none(&m) && !ts.interp.import_locks.loading_elsewhere(ts, n) {
                return Ok(m);
            }
        }
    }
    import_impl(ts, n, &f.globals, fromlist, level)
}

/// `IMPORT_FROM`.
pub fn import_from(ts: &ThreadState, m: &Value, name: &Value) -> PyResult {
    let n = as_str(name).unwrap_or("");
    match ops::getattr(ts, m, name) {
        Ok(v) => Ok(v),
        Err(e) if e.is_instance(rt().exc.AttributeError) => {
            let mname = ops::getattr_opt(ts, m, "__name__")?.and_then(|v| as_str(&v).map(str::to_owned));
            if let Some(mn) = &mname {
                if let Some(v) = sys_modules(ts).get_str(&format!("{mn}.{n}")) {
                    return Ok(v);
                }
            }
            let mn = mname.unwrap_or_else(|| "<unknown module name>".into());
            let file = ops::getattr_opt(ts, m, "__file__")?.and_then(|v| as_str(&v).map(str::to_owned));
            let initializing = false;
            let msg = match file {
                Some(f) if !initializing => format!("cannot import name '{n}' from '{mn}' ({f})"),
                _ => format!("cannot import name '{n}' from '{mn}' (unknown location)"),
            };
            let err = PyErr::new(rt().exc.ImportError, msg);
            let _ = ops::setattr_silent(&err.0, "name", new_str(&mn));
            let _ = ops::setattr_silent(&err.0, "name_from", new_str(n));
            Err(err)
        }
        Err(e) => Err(e),
    }
}

/// `from m import *`.
pub fn import_star(ts: &ThreadState, f: &Frame, m: &Value) -> PyResult<()> {
    let Some(locals) = &f.locals_map else { raise!(SystemError, "no locals found during 'import *'") };
    let names: Vec<Value> = match ops::getattr_opt(ts, m, "__all__")? {
        Some(all) => ops::collect(ts, &all)?,
        None => {
            let d = ops::getattr_str(ts, m, "__dict__")?;
            ops::collect(ts, &d)?.into_iter().filter(|k| as_str(k).map(|s| !s.starts_with('_')).unwrap_or(false)).collect()
        }
    };
    for n in names {
        let v = ops::getattr(ts, m, &n)?;
        ops::setitem(ts, locals, &n, v)?;
    }
    Ok(())
}
