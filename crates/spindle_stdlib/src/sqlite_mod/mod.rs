//! `_sqlite3`: the native half of CPython's `sqlite3` package, on SQLite's
//! C API (`libsqlite3-sys`, the bundled amalgamation).
//!
//! Layout: `db.rs` is the connection handle (`_Db`: open/close, plain
//! statements, user functions, aggregates, collations, hooks, backup),
//! `stmt.rs` a prepared statement (`_Stmt`: binding, stepping, rows),
//! `blob.rs` an incremental-I/O blob handle, `row.rs` `sqlite3.Row`,
//! `glue.py` the DB-API objects built on them (Connection, Cursor, Row, the
//! exception classes, adapters and converters), run inside the module.
//!
//! Threads: a `_Db` serialises its SQLite calls with a re-entrant mutex (a
//! user function may use its own connection), taken detached when another
//! thread holds it. SQLite calls back into Python (user functions, hooks)
//! on the calling thread: that thread's `ThreadState` is published in a
//! thread-local for the call's duration (`CallScope`). A call that cannot
//! reach Python (no callbacks registered) runs detached, and so does the
//! busy handler's sleep.

mod blob;
mod db;
mod row;
mod stmt;

use std::cell::Cell;
use std::ffi::{CStr, c_char};

use libsqlite3_sys as ffi;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_fn, add_value, new_module};
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::runtime::{none, rt};
use spindle_vm::str::new_str;
use spindle_vm::{PyErr, PyResult, Value, ops, raise};

unsafe extern "C" {
    /// Missing from libsqlite3-sys's bundled bindings; part of the
    /// amalgamation it links (SQLite 3.7.14+).
    pub(crate) fn sqlite3_close_v2(db: *mut ffi::sqlite3) -> std::ffi::c_int;
}

// Interpreter state: what the glue installs for the native side.
const K_ERROR: &str = "_sqlite3.error";
const K_CLASSES: &str = "_sqlite3.classes";
const K_REPORTER: &str = "_sqlite3.reporter";
const K_TRACEBACKS: &str = "_sqlite3.tracebacks";

fn state(ts: &ThreadState, key: &'static str) -> Option<Value> {
    ts.interp.module_state.lock().get(key).cloned()
}

/// The glue's class `name` (ProgrammingError, ..., Cursor).
pub(crate) fn class_value(ts: &ThreadState, name: &str) -> Option<Value> {
    state(ts, K_CLASSES).and_then(|d| ops::getitem(ts, &d, &new_str(name)).ok())
}

/// An exception of the glue's class `name` (ProgrammingError, ...) with `msg`.
pub(crate) fn class_error(ts: &ThreadState, name: &str, msg: &str) -> PyErr {
    let cls = state(ts, K_CLASSES).and_then(|d| ops::getitem(ts, &d, &new_str(name)).ok());
    match cls {
        Some(c) => crate::math::exc_of(ts, &c, msg),
        None => spindle_vm::err!(RuntimeError, "_sqlite3 is not initialised: {}", msg),
    }
}

/// The exception for SQLite's result `code` (extended) and message `msg`,
/// as the glue's `_error` builds it (class by primary code, with
/// `sqlite_errorcode` and `sqlite_errorname`).
pub(crate) fn code_error(ts: &ThreadState, code: i32, msg: &str) -> PyErr {
    let Some(f) = state(ts, K_ERROR) else { return spindle_vm::err!(RuntimeError, "_sqlite3 is not initialised: {}", msg) };
    match ops::call(ts, &f, &[new_int(i64::from(code)), new_str(msg)]) {
        Ok(exc) => PyErr(exc),
        Err(e) => e,
    }
}

/// The error SQLite last recorded on `db` (CPython's `_pysqlite_seterror`).
///
/// # Safety
/// `db` is an open connection handle.
pub(crate) unsafe fn db_error(ts: &ThreadState, db: *mut ffi::sqlite3) -> PyErr {
    // SAFETY: the caller guarantees `db` is open; errmsg's text lives until
    // the next call on `db`, and we copy it at once.
    let (code, msg) = unsafe { (ffi::sqlite3_extended_errcode(db), cstr(ffi::sqlite3_errmsg(db))) };
    code_error(ts, code, &msg)
}

/// The connection's last error (extended code, message), copied. Read it
/// under the connection's lock in the same critical section as the call
/// that failed: another thread's call on the connection replaces it.
///
/// # Safety
/// `db` is open, and the caller holds the connection's lock.
pub(crate) unsafe fn last_error(db: *mut ffi::sqlite3) -> (std::ffi::c_int, String) {
    // SAFETY: as the caller guarantees; errmsg's text is copied at once.
    unsafe { (ffi::sqlite3_extended_errcode(db), cstr(ffi::sqlite3_errmsg(db))) }
}

/// The exception for an error `last_error` copied.
pub(crate) fn error_of(ts: &ThreadState, (code, msg): (std::ffi::c_int, String)) -> PyErr {
    code_error(ts, code, &msg)
}

/// A C string SQLite returned, as an owned Rust string ("" for null).
pub(crate) fn cstr(p: *const c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    // SAFETY: SQLite returns NUL-terminated strings; checked non-null.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// Reports an exception raised by a Python callback that SQLite cannot
/// carry: through `sys.unraisablehook` when `enable_callback_tracebacks(True)`
/// is in force, else dropped (CPython's `print_or_clear_traceback`).
pub(crate) fn report_callback_error(ts: &ThreadState, err: PyErr, callable: &Value) {
    let on = state(ts, K_TRACEBACKS).is_some_and(|v| ops::is_true(ts, &v).unwrap_or(false));
    if !on {
        return;
    }
    if let Some(f) = state(ts, K_REPORTER) {
        let _ = ops::call(ts, &f, &[err.0, callable.clone()]);
    }
}

thread_local! {
    /// An exception a collation raised, to re-raise from the SQLite call
    /// that ran it (CPython leaves it set, and later comparisons skip).
    static PENDING: std::cell::RefCell<Option<PyErr>> = const { std::cell::RefCell::new(None) };
}

pub(crate) fn set_pending(e: PyErr) {
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if p.is_none() {
            *p = Some(e);
        }
    });
}

pub(crate) fn has_pending() -> bool {
    PENDING.with(|p| p.borrow().is_some())
}

pub(crate) fn take_pending() -> Option<PyErr> {
    PENDING.with(|p| p.borrow_mut().take())
}

// ---------------------------------------------------------------- call scope

thread_local! {
    /// The thread state of the thread inside a SQLite call that may call
    /// back into Python, and whether that call runs detached.
    static SCOPE: Cell<(*const ThreadState, bool)> = const { Cell::new((std::ptr::null(), false)) };
}

/// Publishes `ts` to callbacks for its lifetime (restoring the outer scope,
/// for calls nested through a callback).
pub(crate) struct CallScope {
    prev: (*const ThreadState, bool),
}

impl CallScope {
    pub(crate) fn enter(ts: &ThreadState, detached: bool) -> CallScope {
        let prev = SCOPE.with(|s| s.replace((std::ptr::from_ref(ts), detached)));
        CallScope { prev }
    }
}

impl Drop for CallScope {
    fn drop(&mut self) {
        SCOPE.with(|s| s.set(self.prev));
    }
}

/// Runs `f` with the thread state of the SQLite call this callback runs in;
/// None when there is none or it runs detached (then no Python may run).
pub(crate) fn with_scope<R>(f: impl FnOnce(&ThreadState) -> R) -> Option<R> {
    let (p, detached) = SCOPE.with(Cell::get);
    if p.is_null() || detached {
        return None;
    }
    // SAFETY: a CallScope published `p` from a `&ThreadState` that outlives
    // the scope, and this callback runs on that thread inside the scope.
    Some(f(unsafe { &*p }))
}

/// Sleeps `ms` milliseconds for the busy handler: detached when the thread
/// is attached inside a scope, so other threads can stop the world.
pub(crate) fn busy_sleep(ms: u64) {
    let d = std::time::Duration::from_millis(ms);
    let (p, detached) = SCOPE.with(Cell::get);
    if p.is_null() || detached {
        std::thread::sleep(d);
        return;
    }
    // SAFETY: as in `with_scope`.
    let ts = unsafe { &*p };
    ts.detached(|| std::thread::sleep(d));
}

// ---------------------------------------------------------------- constants

/// Result codes (primary and extended) the module exports, by name; the
/// glue's `_ERROR_NAMES` inverts it for `sqlite_errorname`.
const ERROR_CODES: &[(&str, i32)] = &[
    ("SQLITE_OK", 0),
    ("SQLITE_ERROR", 1),
    ("SQLITE_INTERNAL", 2),
    ("SQLITE_PERM", 3),
    ("SQLITE_ABORT", 4),
    ("SQLITE_BUSY", 5),
    ("SQLITE_LOCKED", 6),
    ("SQLITE_NOMEM", 7),
    ("SQLITE_READONLY", 8),
    ("SQLITE_INTERRUPT", 9),
    ("SQLITE_IOERR", 10),
    ("SQLITE_CORRUPT", 11),
    ("SQLITE_NOTFOUND", 12),
    ("SQLITE_FULL", 13),
    ("SQLITE_CANTOPEN", 14),
    ("SQLITE_PROTOCOL", 15),
    ("SQLITE_EMPTY", 16),
    ("SQLITE_SCHEMA", 17),
    ("SQLITE_TOOBIG", 18),
    ("SQLITE_CONSTRAINT", 19),
    ("SQLITE_MISMATCH", 20),
    ("SQLITE_MISUSE", 21),
    ("SQLITE_NOLFS", 22),
    ("SQLITE_AUTH", 23),
    ("SQLITE_FORMAT", 24),
    ("SQLITE_RANGE", 25),
    ("SQLITE_NOTADB", 26),
    ("SQLITE_NOTICE", 27),
    ("SQLITE_WARNING", 28),
    ("SQLITE_ROW", 100),
    ("SQLITE_DONE", 101),
    ("SQLITE_ABORT_ROLLBACK", 516),
    ("SQLITE_AUTH_USER", 279),
    ("SQLITE_BUSY_RECOVERY", 261),
    ("SQLITE_BUSY_SNAPSHOT", 517),
    ("SQLITE_BUSY_TIMEOUT", 773),
    ("SQLITE_CANTOPEN_CONVPATH", 1038),
    ("SQLITE_CANTOPEN_DIRTYWAL", 1294),
    ("SQLITE_CANTOPEN_FULLPATH", 782),
    ("SQLITE_CANTOPEN_ISDIR", 526),
    ("SQLITE_CANTOPEN_NOTEMPDIR", 270),
    ("SQLITE_CANTOPEN_SYMLINK", 1550),
    ("SQLITE_CONSTRAINT_CHECK", 275),
    ("SQLITE_CONSTRAINT_COMMITHOOK", 531),
    ("SQLITE_CONSTRAINT_FOREIGNKEY", 787),
    ("SQLITE_CONSTRAINT_FUNCTION", 1043),
    ("SQLITE_CONSTRAINT_NOTNULL", 1299),
    ("SQLITE_CONSTRAINT_PINNED", 2835),
    ("SQLITE_CONSTRAINT_PRIMARYKEY", 1555),
    ("SQLITE_CONSTRAINT_ROWID", 2579),
    ("SQLITE_CONSTRAINT_TRIGGER", 1811),
    ("SQLITE_CONSTRAINT_UNIQUE", 2067),
    ("SQLITE_CONSTRAINT_VTAB", 2323),
    ("SQLITE_CORRUPT_INDEX", 779),
    ("SQLITE_CORRUPT_SEQUENCE", 523),
    ("SQLITE_CORRUPT_VTAB", 267),
    ("SQLITE_ERROR_MISSING_COLLSEQ", 257),
    ("SQLITE_ERROR_RETRY", 513),
    ("SQLITE_ERROR_SNAPSHOT", 769),
    ("SQLITE_IOERR_ACCESS", 3338),
    ("SQLITE_IOERR_AUTH", 7178),
    ("SQLITE_IOERR_BEGIN_ATOMIC", 7434),
    ("SQLITE_IOERR_BLOCKED", 2826),
    ("SQLITE_IOERR_CHECKRESERVEDLOCK", 3594),
    ("SQLITE_IOERR_CLOSE", 4106),
    ("SQLITE_IOERR_COMMIT_ATOMIC", 7690),
    ("SQLITE_IOERR_CONVPATH", 6666),
    ("SQLITE_IOERR_CORRUPTFS", 8458),
    ("SQLITE_IOERR_DATA", 8202),
    ("SQLITE_IOERR_DELETE", 2570),
    ("SQLITE_IOERR_DELETE_NOENT", 5898),
    ("SQLITE_IOERR_DIR_CLOSE", 4362),
    ("SQLITE_IOERR_DIR_FSYNC", 1290),
    ("SQLITE_IOERR_FSTAT", 1802),
    ("SQLITE_IOERR_FSYNC", 1034),
    ("SQLITE_IOERR_GETTEMPPATH", 6410),
    ("SQLITE_IOERR_LOCK", 3850),
    ("SQLITE_IOERR_MMAP", 6154),
    ("SQLITE_IOERR_NOMEM", 3082),
    ("SQLITE_IOERR_RDLOCK", 2314),
    ("SQLITE_IOERR_READ", 266),
    ("SQLITE_IOERR_ROLLBACK_ATOMIC", 7946),
    ("SQLITE_IOERR_SEEK", 5642),
    ("SQLITE_IOERR_SHMLOCK", 5130),
    ("SQLITE_IOERR_SHMMAP", 5386),
    ("SQLITE_IOERR_SHMOPEN", 4618),
    ("SQLITE_IOERR_SHMSIZE", 4874),
    ("SQLITE_IOERR_SHORT_READ", 522),
    ("SQLITE_IOERR_TRUNCATE", 1546),
    ("SQLITE_IOERR_UNLOCK", 2058),
    ("SQLITE_IOERR_VNODE", 6922),
    ("SQLITE_IOERR_WRITE", 778),
    ("SQLITE_LOCKED_SHAREDCACHE", 262),
    ("SQLITE_LOCKED_VTAB", 518),
    ("SQLITE_NOTICE_RECOVER_ROLLBACK", 539),
    ("SQLITE_NOTICE_RECOVER_WAL", 283),
    ("SQLITE_OK_LOAD_PERMANENTLY", 256),
    ("SQLITE_OK_SYMLINK", 512),
    ("SQLITE_READONLY_CANTINIT", 1288),
    ("SQLITE_READONLY_CANTLOCK", 520),
    ("SQLITE_READONLY_DBMOVED", 1032),
    ("SQLITE_READONLY_DIRECTORY", 1544),
    ("SQLITE_READONLY_RECOVERY", 264),
    ("SQLITE_READONLY_ROLLBACK", 776),
    ("SQLITE_WARNING_AUTOINDEX", 284),
];

/// Authorizer action codes and return values, and limit categories.
const OTHER_CONSTANTS: &[(&str, i32)] = &[
    ("SQLITE_DENY", 1),
    ("SQLITE_IGNORE", 2),
    ("SQLITE_CREATE_INDEX", 1),
    ("SQLITE_CREATE_TABLE", 2),
    ("SQLITE_CREATE_TEMP_INDEX", 3),
    ("SQLITE_CREATE_TEMP_TABLE", 4),
    ("SQLITE_CREATE_TEMP_TRIGGER", 5),
    ("SQLITE_CREATE_TEMP_VIEW", 6),
    ("SQLITE_CREATE_TRIGGER", 7),
    ("SQLITE_CREATE_VIEW", 8),
    ("SQLITE_DELETE", 9),
    ("SQLITE_DROP_INDEX", 10),
    ("SQLITE_DROP_TABLE", 11),
    ("SQLITE_DROP_TEMP_INDEX", 12),
    ("SQLITE_DROP_TEMP_TABLE", 13),
    ("SQLITE_DROP_TEMP_TRIGGER", 14),
    ("SQLITE_DROP_TEMP_VIEW", 15),
    ("SQLITE_DROP_TRIGGER", 16),
    ("SQLITE_DROP_VIEW", 17),
    ("SQLITE_INSERT", 18),
    ("SQLITE_PRAGMA", 19),
    ("SQLITE_READ", 20),
    ("SQLITE_SELECT", 21),
    ("SQLITE_TRANSACTION", 22),
    ("SQLITE_UPDATE", 23),
    ("SQLITE_ATTACH", 24),
    ("SQLITE_DETACH", 25),
    ("SQLITE_ALTER_TABLE", 26),
    ("SQLITE_REINDEX", 27),
    ("SQLITE_ANALYZE", 28),
    ("SQLITE_CREATE_VTABLE", 29),
    ("SQLITE_DROP_VTABLE", 30),
    ("SQLITE_FUNCTION", 31),
    ("SQLITE_SAVEPOINT", 32),
    ("SQLITE_RECURSIVE", 33),
    ("SQLITE_DBCONFIG_ENABLE_FKEY", 1002),
    ("SQLITE_DBCONFIG_ENABLE_TRIGGER", 1003),
    ("SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER", 1004),
    ("SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION", 1005),
    ("SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE", 1006),
    ("SQLITE_DBCONFIG_ENABLE_QPSG", 1007),
    ("SQLITE_DBCONFIG_TRIGGER_EQP", 1008),
    ("SQLITE_DBCONFIG_RESET_DATABASE", 1009),
    ("SQLITE_DBCONFIG_DEFENSIVE", 1010),
    ("SQLITE_DBCONFIG_WRITABLE_SCHEMA", 1011),
    ("SQLITE_DBCONFIG_LEGACY_ALTER_TABLE", 1012),
    ("SQLITE_DBCONFIG_DQS_DML", 1013),
    ("SQLITE_DBCONFIG_DQS_DDL", 1014),
    ("SQLITE_DBCONFIG_ENABLE_VIEW", 1015),
    ("SQLITE_DBCONFIG_LEGACY_FILE_FORMAT", 1016),
    ("SQLITE_DBCONFIG_TRUSTED_SCHEMA", 1017),
    ("SQLITE_LIMIT_LENGTH", 0),
    ("SQLITE_LIMIT_SQL_LENGTH", 1),
    ("SQLITE_LIMIT_COLUMN", 2),
    ("SQLITE_LIMIT_EXPR_DEPTH", 3),
    ("SQLITE_LIMIT_COMPOUND_SELECT", 4),
    ("SQLITE_LIMIT_VDBE_OP", 5),
    ("SQLITE_LIMIT_FUNCTION_ARG", 6),
    ("SQLITE_LIMIT_ATTACHED", 7),
    ("SQLITE_LIMIT_LIKE_PATTERN_LENGTH", 8),
    ("SQLITE_LIMIT_VARIABLE_NUMBER", 9),
    ("SQLITE_LIMIT_TRIGGER_DEPTH", 10),
    ("SQLITE_LIMIT_WORKER_THREADS", 11),
];

// ---------------------------------------------------------------- module functions

/// `_install_errors(error_factory, classes)`.
fn install_errors(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let v = crate::math::exact("_install_errors", &a, 0, 2, 2)?;
    let mut st = ts.interp.module_state.lock();
    st.insert(K_ERROR, v[0].clone());
    st.insert(K_CLASSES, v[1].clone());
    st.insert(K_TRACEBACKS, new_bool(false));
    Ok(none())
}

fn install_reporter(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let v = crate::math::exact("_install_reporter", &a, 0, 1, 1)?;
    ts.interp.module_state.lock().insert(K_REPORTER, v[0].clone());
    Ok(none())
}

fn set_callback_tracebacks(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let v = crate::math::exact("_set_callback_tracebacks", &a, 0, 1, 1)?;
    ts.interp.module_state.lock().insert(K_TRACEBACKS, v[0].clone());
    Ok(none())
}

/// `_complete(sql)`: whether `sql` ends a complete statement.
fn complete(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let v = crate::math::exact("complete_statement", &a, 0, 1, 1)?;
    let text = utf8_of(ts, &v[0])?;
    let Ok(c) = std::ffi::CString::new(text) else { raise!(ValueError, "embedded null character") };
    // SAFETY: `c` is a NUL-terminated string that outlives the call.
    let r = unsafe { ffi::sqlite3_complete(c.as_ptr()) };
    Ok(new_bool(r != 0))
}

/// The UTF-8 text of a str (CPython's `PyUnicode_AsUTF8`: lone surrogates
/// raise UnicodeEncodeError).
pub(crate) fn utf8_of(ts: &ThreadState, v: &Value) -> PyResult<String> {
    let Some(d) = spindle_vm::str::as_data(v) else { raise!(TypeError, "expected str, got {}", ops::type_name(v)) };
    if let Some(s) = d.as_str() {
        return Ok(s.to_owned());
    }
    // Lone surrogates: let the codec raise CPython's UnicodeEncodeError.
    ops::call_method(ts, v, "encode", &[new_str("utf-8")])?;
    Ok(spindle_vm::str::as_str(v).unwrap_or("").to_owned())
}

const GLUE: &str = include_str!("glue.py");

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = new_module("_sqlite3", &[]);
    let types = db::types();
    add_value(&m, "_Db", types.db.to_value());
    add_value(&m, "_Stmt", types.stmt.to_value());
    add_value(&m, "Row", types.row.to_value());
    add_fn(&m, "_open", db::open);
    add_fn(&m, "_complete", complete);
    add_fn(&m, "_install_errors", install_errors);
    add_fn(&m, "_install_reporter", install_reporter);
    add_fn(&m, "_set_callback_tracebacks", set_callback_tracebacks);
    let codes = spindle_vm::builtins_init::new_dict();
    for &(name, code) in ERROR_CODES {
        add_value(&m, name, new_int(i64::from(code)));
        ops::setitem(ts, &codes, &new_str(name), new_int(i64::from(code)))?;
    }
    add_value(&m, "_ERROR_CODES", codes);
    for &(name, code) in OTHER_CONSTANTS {
        add_value(&m, name, new_int(i64::from(code)));
    }
    // SAFETY: sqlite3_libversion returns a static NUL-terminated string.
    let version = cstr(unsafe { ffi::sqlite3_libversion() });
    add_value(&m, "sqlite_version", new_str(&version));
    // SQLITE_THREADSAFE=1 (serialized) is DB-API threadsafety 3.
    // SAFETY: a pure query of a compile-time setting.
    let threadsafety = match unsafe { ffi::sqlite3_threadsafe() } {
        0 => 0,
        2 => 1,
        _ => 3,
    };
    add_value(&m, "threadsafety", new_int(threadsafety));
    crate::os::run_source(ts, &m, GLUE, "<_sqlite3>")?;
    let _ = rt();
    Ok(m)
}
