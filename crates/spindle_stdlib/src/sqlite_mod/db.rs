//! `_Db`: one SQLite connection handle, its lock and its Python callbacks.

use std::ffi::{CString, c_char, c_int, c_void};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicPtr, AtomicU64, Ordering};

use libsqlite3_sys as ffi;
use parking_lot::{Mutex, ReentrantMutex, ReentrantMutexGuard, RwLock};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{float_value, int_to_i64, new_bool, new_float, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{is_none, none};
use spindle_vm::str::new_str;
use spindle_vm::{PyErr, PyResult, Value, ops, raise};

use super::stmt::{self, Stmt};
use super::{CallScope, class_error, cstr, db_error, report_callback_error, utf8_of, with_scope};
use crate::kinds::{SQLITE_BASE, kind};

pub(crate) struct Types {
    pub(crate) db: TypeRef,
    pub(crate) stmt: TypeRef,
    pub(crate) blob: TypeRef,
    pub(crate) row: TypeRef,
}

static TYPES: OnceLock<Types> = OnceLock::new();

pub(crate) fn types() -> &'static Types {
    TYPES.get_or_init(|| {
        use spindle_vm::native::{add_methods, add_property, new_type};
        let db = new_type::<Db>("_Db", "_sqlite3", None, false);
        add_methods(
            db,
            &[
                ("close", db_close),
                ("exec", db_exec),
                ("exec_script", db_exec_script),
                ("prepare", db_prepare),
                ("changes", db_changes),
                ("total_changes", db_total_changes),
                ("last_insert_rowid", db_last_insert_rowid),
                ("interrupt", db_interrupt),
                ("create_function", db_create_function),
                ("create_aggregate", db_create_aggregate),
                ("create_window_function", db_create_window_function),
                ("create_collation", db_create_collation),
                ("set_trace", db_set_trace),
                ("set_progress", db_set_progress),
                ("set_authorizer", db_set_authorizer),
                ("limit", db_limit),
                ("config", db_config),
                ("backup", db_backup),
                ("blobopen", super::blob::open),
                ("serialize", db_serialize),
                ("deserialize", db_deserialize),
            ],
        );
        add_property(db, "is_open", |_, a| Ok(new_bool(!this(&a)?.handle().is_null())), None);
        add_property(db, "autocommit", db_autocommit, None);
        let stmt = new_type::<Stmt>("_Stmt", "_sqlite3", None, false);
        stmt::install(stmt);
        let blob = new_type::<super::blob::BlobHandle>("_BlobHandle", "_sqlite3", None, false);
        super::blob::install(blob);
        let row = new_type::<super::row::Row>("Row", "sqlite3", None, true);
        super::row::install(row);
        Types { db, stmt, blob, row }
    })
}

/// A Python callable SQLite holds as a function's, collation's or hook's
/// user data. Boxed so its address is stable; owned by `Db::callbacks`.
pub(crate) struct Callback {
    pub(crate) callable: Value,
}

#[derive(Default)]
struct Callbacks {
    /// Functions, aggregates and collations SQLite still refers to: removed
    /// by SQLite's destructor callback (`destroy_callback`).
    registered: Vec<Box<Callback>>,
    trace: Option<Box<Callback>>,
    progress: Option<Box<Callback>>,
    authorizer: Option<Box<Callback>>,
}

impl Callbacks {
    fn any(&self) -> bool {
        !self.registered.is_empty() || self.trace.is_some() || self.progress.is_some() || self.authorizer.is_some()
    }
}

pub(crate) struct Db {
    /// The handle; null once closed.
    handle: AtomicPtr<ffi::sqlite3>,
    /// Serialises this connection's SQLite calls (re-entrant: a callback
    /// may use its own connection).
    lock: ReentrantMutex<()>,
    /// Python callables SQLite holds. Taken only briefly, never across a
    /// SQLite call or Python code.
    callbacks: Mutex<Callbacks>,
    /// The busy timeout in milliseconds.
    timeout_ms: AtomicU64,
    /// Held shared by `interrupt` (which must not wait for the running
    /// query's `lock`) and exclusively by `close`, so the handle it
    /// interrupts is never freed under it.
    close_guard: RwLock<()>,
}

impl PyPayload for Db {
    const KIND: PayloadKind = kind(SQLITE_BASE);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // A thread changing the registry holds the lock only briefly and
        // at no safepoint; if it is held, its callables look external.
        if let Some(cbs) = self.callbacks.try_lock() {
            for cb in cbs.registered.iter().chain(&cbs.trace).chain(&cbs.progress).chain(&cbs.authorizer) {
                visit(&cb.callable);
            }
        }
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        let h = self.handle.swap(std::ptr::null_mut(), Ordering::AcqRel);
        if !h.is_null() {
            // SAFETY: `h` was opened by us and is closed once (swapped out);
            // close_v2 defers the close while statements remain.
            unsafe { super::sqlite3_close_v2(h) };
        }
        // Hooks SQLite no longer calls (the handle is closed or a zombie
        // that runs no SQL) die with the payload.
    }
}

impl Db {
    pub(crate) fn handle(&self) -> *mut ffi::sqlite3 {
        self.handle.load(Ordering::Acquire)
    }

    /// Takes the connection's lock, waiting detached if another thread holds it.
    pub(crate) fn lock(&self, ts: &ThreadState) -> ReentrantMutexGuard<'_, ()> {
        if let Some(g) = self.lock.try_lock() {
            return g;
        }
        ts.detached(|| self.lock.lock())
    }

    /// Whether SQLite may call into Python on this connection.
    pub(crate) fn has_callbacks(&self) -> bool {
        self.callbacks.lock().any()
    }

    /// Runs `f` (SQLite calls on the open handle) under the lock with `ts`
    /// published to callbacks; detached when no Python callback can run,
    /// so a long query or a busy wait does not hold up the world.
    pub(crate) fn call<R>(&self, ts: &ThreadState, f: impl FnOnce(*mut ffi::sqlite3) -> R) -> PyResult<R> {
        let _g = self.lock(ts);
        let h = self.handle();
        if h.is_null() {
            return Err(class_error(ts, "ProgrammingError", "Cannot operate on a closed database."));
        }
        if self.has_callbacks() {
            let _scope = CallScope::enter(ts, false);
            Ok(f(h))
        } else {
            let _scope = CallScope::enter(ts, true);
            let hp = h as usize;
            // The closure touches no Python object: it only calls SQLite.
            Ok(ts.detached(move || f(hp as *mut ffi::sqlite3)))
        }
    }
}

pub(crate) fn this<'a>(a: &'a Args<'_>) -> PyResult<&'a Db> {
    Ok(crate::math::this::<Db>(a, "_sqlite3._Db")?.1)
}

fn arg<'a>(a: &'a Args<'_>, i: usize) -> PyResult<&'a Value> {
    match a.args.get(i) {
        Some(v) => Ok(v),
        None => raise!(TypeError, "missing argument {}", i),
    }
}

/// Runs `f` with the open handle under the lock (attached: for short calls
/// that never block).
fn with_open(ts: &ThreadState, a: &Args<'_>, f: impl FnOnce(&Db, *mut ffi::sqlite3) -> PyResult) -> PyResult {
    let db = this(a)?;
    let _g = db.lock(ts);
    let h = db.handle();
    if h.is_null() {
        return Err(class_error(ts, "ProgrammingError", "Cannot operate on a closed database."));
    }
    let _scope = CallScope::enter(ts, false);
    f(db, h)
}

fn db_changes(ts: &ThreadState, a: Args<'_>) -> PyResult {
    with_open(ts, &a, |_, h| {
        // SAFETY: `h` is open under the lock.
        Ok(new_int(i64::from(unsafe { ffi::sqlite3_changes(h) })))
    })
}

// ---------------------------------------------------------------- open/close

/// SQLite's default busy-handler delays (ms), then 100 ms each.
const BUSY_DELAYS: [u64; 12] = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100];

/// The busy handler: sleeps (detached) until the connection's timeout is spent.
unsafe extern "C" fn busy_handler(ctx: *mut c_void, count: c_int) -> c_int {
    // SAFETY: `ctx` is the `timeout_ms` of a live Db (the handler is
    // registered on its handle, which the Db closes before it dies).
    let timeout = unsafe { &*(ctx as *const AtomicU64) }.load(Ordering::Relaxed);
    let n = usize::try_from(count).unwrap_or(0);
    let spent: u64 = if n < BUSY_DELAYS.len() {
        BUSY_DELAYS[..n].iter().sum()
    } else {
        BUSY_DELAYS.iter().sum::<u64>().saturating_add(((n - BUSY_DELAYS.len()) as u64).saturating_mul(100))
    };
    let delay = BUSY_DELAYS.get(n).copied().unwrap_or(100);
    if spent >= timeout {
        return 0;
    }
    super::busy_sleep(delay.min(timeout - spent));
    1
}

/// `_open(path, timeout, uri)`.
pub(crate) fn open(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let v = crate::math::exact("_open", &a, 0, 3, 3)?;
    let path = utf8_of(ts, &v[0])?;
    let timeout = float_value(&v[1]).unwrap_or(5.0);
    let uri = ops::is_true(ts, &v[2])?;
    let Ok(cpath) = CString::new(path) else { raise!(ValueError, "embedded null character") };
    let mut flags = ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_CREATE;
    if uri {
        flags |= ffi::SQLITE_OPEN_URI;
    }
    let mut h: *mut ffi::sqlite3 = std::ptr::null_mut();
    let hp = &mut h as *mut *mut ffi::sqlite3 as usize;
    // Opening a file may block: detached, touching no Python object.
    let rc = ts.detached(move || {
        // SAFETY: `cpath` is NUL-terminated and outlives the call; `hp`
        // points to `h`, alive on this stack frame.
        unsafe { ffi::sqlite3_open_v2(cpath.as_ptr(), hp as *mut *mut ffi::sqlite3, flags, std::ptr::null()) }
    });
    if rc != ffi::SQLITE_OK {
        let err = if h.is_null() {
            PyErr(spindle_vm::err!(MemoryError, "").0)
        } else {
            // SAFETY: open_v2 gave a handle carrying the error; closed after.
            let e = unsafe { db_error(ts, h) };
            // SAFETY: as above; closed once.
            unsafe { super::sqlite3_close_v2(h) };
            e
        };
        return Err(err);
    }
    let ms = if timeout.is_finite() && timeout > 0.0 { (timeout * 1000.0).min(i32::MAX as f64) as u64 } else { 0 };
    let db = alloc(
        types().db,
        Db {
            handle: AtomicPtr::new(h),
            lock: ReentrantMutex::new(()),
            callbacks: Mutex::new(Callbacks::default()),
            timeout_ms: AtomicU64::new(ms),
            close_guard: RwLock::new(()),
        },
    );
    if let Some(d) = db.downcast::<Db>() {
        // SAFETY: `h` is open; the handler's context is the Db's timeout,
        // which lives as long as the handle (Db closes it in Drop). The
        // bundled SQLite enables foreign keys by default; CPython's does not.
        unsafe {
            ffi::sqlite3_busy_handler(h, Some(busy_handler), (&raw const d.timeout_ms) as *mut c_void);
            ffi::sqlite3_db_config(h, ffi::SQLITE_DBCONFIG_ENABLE_FKEY, 0 as c_int, std::ptr::null_mut::<c_int>());
        }
    }
    Ok(db)
}

fn db_close(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let db = this(&a)?;
    let _g = db.lock(ts);
    let _closing = match db.close_guard.try_write() {
        Some(g) => g,
        None => ts.detached(|| db.close_guard.write()),
    };
    let h = db.handle.swap(std::ptr::null_mut(), Ordering::AcqRel);
    if h.is_null() {
        return Ok(none());
    }
    let _scope = CallScope::enter(ts, false);
    // SAFETY: `h` was open and is closed once (swapped out under the lock).
    // close_v2 leaves a zombie until the last statement is finalized.
    let rc = unsafe { super::sqlite3_close_v2(h) };
    if rc != ffi::SQLITE_OK {
        return Err(super::code_error(ts, rc, "unable to close due to unfinalized statements or unfinished backups"));
    }
    // The handle runs no more SQL: drop the hooks now (functions and
    // collations are dropped by SQLite's destructors as it closes).
    let (t, p, au) = {
        let mut cbs = db.callbacks.lock();
        (cbs.trace.take(), cbs.progress.take(), cbs.authorizer.take())
    };
    drop((t, p, au));
    Ok(none())
}

fn db_autocommit(ts: &ThreadState, a: Args<'_>) -> PyResult {
    with_open(ts, &a, |_, h| {
        // SAFETY: `h` is open under the lock.
        Ok(new_bool(unsafe { ffi::sqlite3_get_autocommit(h) } != 0))
    })
}

fn db_total_changes(ts: &ThreadState, a: Args<'_>) -> PyResult {
    with_open(ts, &a, |_, h| {
        // SAFETY: `h` is open under the lock.
        Ok(new_int(unsafe { ffi::sqlite3_total_changes64(h) }))
    })
}

fn db_last_insert_rowid(ts: &ThreadState, a: Args<'_>) -> PyResult {
    with_open(ts, &a, |_, h| {
        // SAFETY: `h` is open under the lock.
        Ok(new_int(unsafe { ffi::sqlite3_last_insert_rowid(h) }))
    })
}

fn db_interrupt(ts: &ThreadState, a: Args<'_>) -> PyResult {
    // Without `lock`: interrupting is meant to come from another thread
    // while a query runs (holding it), and sqlite3_interrupt is safe so.
    let db = this(&a)?;
    let _open = match db.close_guard.try_read() {
        Some(g) => g,
        None => ts.detached(|| db.close_guard.read()),
    };
    let h = db.handle();
    if h.is_null() {
        return Err(class_error(ts, "ProgrammingError", "Cannot operate on a closed database."));
    }
    // SAFETY: `h` is open, and stays so while we hold `close_guard`.
    unsafe { ffi::sqlite3_interrupt(h) };
    Ok(none())
}

fn db_limit(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cat = int_arg(ts, arg(&a, 1)?)?;
    let val = int_arg(ts, arg(&a, 2)?)?;
    let (Ok(cat), Ok(val)) = (c_int::try_from(cat), c_int::try_from(val)) else {
        raise!(OverflowError, "Python int too large to convert to C int")
    };
    with_open(ts, &a, |_, h| {
        // SAFETY: `h` is open under the lock.
        let old = unsafe { ffi::sqlite3_limit(h, cat, val) };
        if old < 0 {
            return Err(class_error(ts, "ProgrammingError", "'category' is out of bounds"));
        }
        Ok(new_int(i64::from(old)))
    })
}

/// `config(op, value)`: sets (value 0/1) or reads (-1) a boolean option.
fn db_config(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let op = int_arg(ts, arg(&a, 1)?)?;
    let val = int_arg(ts, arg(&a, 2)?)?;
    let op = match c_int::try_from(op) {
        Ok(op) if (1002..=1017).contains(&op) => op,
        _ => raise!(ValueError, "unknown config 'op': {}", op),
    };
    let val = c_int::try_from(val).unwrap_or(1);
    with_open(ts, &a, |_, h| {
        let mut actual: c_int = 0;
        // SAFETY: `h` is open under the lock; `op` is a boolean option,
        // which takes an int and an int pointer.
        let rc = unsafe { ffi::sqlite3_db_config(h, op, val, &raw mut actual) };
        if rc != ffi::SQLITE_OK {
            // SAFETY: as above.
            return Err(unsafe { db_error(ts, h) });
        }
        Ok(new_bool(actual != 0))
    })
}

fn int_arg(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    if !ops::isinstance_type(v, spindle_vm::runtime::rt().types.int) {
        raise!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(v));
    }
    let _ = ts;
    match int_to_i64(v) {
        Some(i) => Ok(i),
        None => raise!(OverflowError, "Python int too large to convert to C int"),
    }
}

// ---------------------------------------------------------------- plain statements

/// Runs every statement of `sql` to completion (CPython's
/// `connection_exec_stmt` and `executescript`'s loop).
fn exec_all(ts: &ThreadState, db: &Db, sql: &str) -> PyResult<()> {
    let Ok(c) = CString::new(sql) else { raise!(ValueError, "embedded null character") };
    let failed = db.call(ts, |h| {
        let mut p = c.as_ptr();
        loop {
            let mut st: *mut ffi::sqlite3_stmt = std::ptr::null_mut();
            let mut tail: *const c_char = std::ptr::null();
            // SAFETY: `h` is open under the lock; `p` points into `c`.
            let mut rc = unsafe { ffi::sqlite3_prepare_v2(h, p, -1, &mut st, &mut tail) };
            if rc == ffi::SQLITE_OK && !st.is_null() {
                loop {
                    // SAFETY: `st` was prepared above and is finalized below.
                    rc = unsafe { ffi::sqlite3_step(st) };
                    if rc != ffi::SQLITE_ROW {
                        break;
                    }
                }
                // SAFETY: finalized once.
                rc = unsafe { ffi::sqlite3_finalize(st) };
            }
            if rc != ffi::SQLITE_OK {
                // SAFETY: `h` is open under the lock; copied in the failing
                // call's own critical section.
                return Some(unsafe { super::last_error(h) });
            }
            // SAFETY: `tail` points into `c` (at its NUL at the end).
            if tail.is_null() || unsafe { *tail } == 0 {
                return None;
            }
            p = tail;
        }
    })?;
    if let Some(e) = super::take_pending() {
        return Err(e);
    }
    match failed {
        Some(e) => Err(super::error_of(ts, e)),
        None => Ok(()),
    }
}

fn db_exec(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let db = this(&a)?;
    let sql = utf8_of(ts, arg(&a, 1)?)?;
    exec_all(ts, db, &sql)?;
    Ok(none())
}

fn db_exec_script(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let db = this(&a)?;
    let sql = utf8_of(ts, arg(&a, 1)?)?;
    let max = db.call(ts, |h| {
        // SAFETY: `h` is open under the lock.
        unsafe { ffi::sqlite3_limit(h, ffi::SQLITE_LIMIT_SQL_LENGTH, -1) }
    })?;
    if sql.len() > usize::try_from(max).unwrap_or(0) {
        return Err(class_error(ts, "DataError", "query string is too large"));
    }
    exec_all(ts, db, &sql)?;
    Ok(none())
}

fn db_prepare(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (me, _) = crate::math::this::<Db>(&a, "_sqlite3._Db")?;
    stmt::prepare(ts, me, arg(&a, 1)?)
}

// ---------------------------------------------------------------- values

/// A Python value from an SQLite value (a user function's argument).
///
/// # Safety
/// `v` is a valid protected value for the duration of the call.
unsafe fn py_from_value(ts: &ThreadState, v: *mut ffi::sqlite3_value) -> PyResult {
    // SAFETY: the caller guarantees `v`; bytes/text pointers are read
    // before any other call on `v`, as SQLite requires.
    unsafe {
        match ffi::sqlite3_value_type(v) {
            ffi::SQLITE_INTEGER => Ok(new_int(ffi::sqlite3_value_int64(v))),
            ffi::SQLITE_FLOAT => Ok(new_float(ffi::sqlite3_value_double(v))),
            ffi::SQLITE_TEXT => {
                let p = ffi::sqlite3_value_text(v);
                let n = usize::try_from(ffi::sqlite3_value_bytes(v)).unwrap_or(0);
                let bytes = if p.is_null() { &[][..] } else { std::slice::from_raw_parts(p, n) };
                stmt::decode_utf8(ts, bytes)
            }
            ffi::SQLITE_BLOB => {
                let p = ffi::sqlite3_value_blob(v) as *const u8;
                let n = usize::try_from(ffi::sqlite3_value_bytes(v)).unwrap_or(0);
                let bytes = if p.is_null() { &[][..] } else { std::slice::from_raw_parts(p, n) };
                Ok(spindle_vm::bytes::new_bytes(bytes))
            }
            _ => Ok(none()),
        }
    }
}

/// The arguments of a user function call.
///
/// # Safety
/// `argv` holds `argc` valid values.
unsafe fn py_args(ts: &ThreadState, argc: c_int, argv: *mut *mut ffi::sqlite3_value) -> PyResult<Vec<Value>> {
    let n = usize::try_from(argc).unwrap_or(0);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        // SAFETY: `i < argc`, as the caller guarantees.
        out.push(unsafe { py_from_value(ts, *argv.add(i))? });
    }
    Ok(out)
}

/// Sets a user function's result from a Python value; false when the
/// value has no SQLite type.
///
/// # Safety
/// `ctx` is the function call's context.
unsafe fn set_result(ts: &ThreadState, ctx: *mut ffi::sqlite3_context, v: &Value) -> PyResult<bool> {
    use stmt::SqlValue;
    let sv = match stmt::to_sql_value(ts, v)? {
        Some(sv) => sv,
        None => return Ok(false),
    };
    // SAFETY: `ctx` is valid (caller); text/blob are copied (TRANSIENT).
    unsafe {
        match sv {
            SqlValue::Null => ffi::sqlite3_result_null(ctx),
            SqlValue::Int(i) => ffi::sqlite3_result_int64(ctx, i),
            SqlValue::Float(f) => ffi::sqlite3_result_double(ctx, f),
            SqlValue::Text(s) => {
                let Ok(n) = c_int::try_from(s.len()) else { raise!(OverflowError, "string longer than INT_MAX bytes") };
                ffi::sqlite3_result_text(ctx, s.as_ptr().cast(), n, ffi::SQLITE_TRANSIENT())
            }
            SqlValue::Blob(b) => {
                let Ok(n) = c_int::try_from(b.len()) else { raise!(OverflowError, "BLOB longer than INT_MAX bytes") };
                ffi::sqlite3_result_blob(ctx, b.as_ptr().cast(), n, ffi::SQLITE_TRANSIENT())
            }
        }
    }
    Ok(true)
}

/// Fails a user function's call for `err` its Python code raised: an
/// OverflowError (a result int too big) is SQLite's "too big" error.
fn result_exception(ts: &ThreadState, ctx: *mut ffi::sqlite3_context, err: PyErr, callable: &Value, msg: &str) {
    if err.is_instance(spindle_vm::runtime::rt().exc.OverflowError) {
        // SAFETY: `ctx` is the running call's context.
        unsafe { ffi::sqlite3_result_error_toobig(ctx) };
        return;
    }
    report_callback_error(ts, err, callable);
    result_error(ctx, msg);
}

fn result_error(ctx: *mut ffi::sqlite3_context, msg: &str) {
    // SAFETY: `ctx` is the running call's context; the message is copied.
    unsafe { ffi::sqlite3_result_error(ctx, msg.as_ptr().cast(), c_int::try_from(msg.len()).unwrap_or(0)) };
}

// ---------------------------------------------------------------- user functions

/// The Callback behind a function's or collation's user data.
///
/// # Safety
/// `p` is the user data registered by this module: a live `Callback`.
unsafe fn callback<'a>(p: *mut c_void) -> &'a Callback {
    // SAFETY: as the caller guarantees.
    unsafe { &*(p as *const Callback) }
}

unsafe extern "C" fn func_call(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite passes our registered user data and `argc` values.
    let cb = unsafe { callback(ffi::sqlite3_user_data(ctx)) };
    let done = with_scope(|ts| {
        let callable = cb.callable.clone();
        // SAFETY: argv holds argc values for this call.
        let r = unsafe { py_args(ts, argc, argv) }.and_then(|args| ops::call(ts, &callable, &args));
        // SAFETY: ctx is this call's context.
        let r = r.and_then(|v| unsafe { set_result(ts, ctx, &v) });
        match r {
            Ok(true) => {}
            Ok(false) => result_error(ctx, "user-defined function raised exception"),
            Err(e) => result_exception(
                ts,
                ctx,
                e,
                &callable,
                "user-defined function raised exception",
            ),
        }
    });
    if done.is_none() {
        result_error(ctx, "user-defined function raised exception");
    }
}

/// SQLite's destructor for our user data: forgets the registry's entry
/// (dropping the callable; SQLite calls it from within an API call we
/// made attached: create_function's replacement, or closing).
unsafe extern "C" fn destroy_callback(p: *mut c_void) {
    let owner = DESTROY_OWNER.with(std::cell::Cell::get);
    if owner.is_null() {
        return;
    }
    // SAFETY: `owner` was published by `registering`/`closing` from a live
    // Db for the duration of the SQLite call that destroys `p`.
    let db = unsafe { &*owner };
    let taken = {
        let mut cbs = db.callbacks.lock();
        let at = cbs.registered.iter().position(|b| std::ptr::eq(&raw const **b, p as *const Callback));
        at.map(|i| cbs.registered.swap_remove(i))
    };
    drop(taken);
}

thread_local! {
    /// The Db whose SQLite call may run `destroy_callback`.
    static DESTROY_OWNER: std::cell::Cell<*const Db> = const { std::cell::Cell::new(std::ptr::null()) };
}

/// Publishes `db` to `destroy_callback` while it lives.
struct DestroyScope(*const Db);

impl DestroyScope {
    fn enter(db: &Db) -> DestroyScope {
        DestroyScope(DESTROY_OWNER.with(|c| c.replace(std::ptr::from_ref(db))))
    }
}

impl Drop for DestroyScope {
    fn drop(&mut self) {
        DESTROY_OWNER.with(|c| c.set(self.0));
    }
}

/// Registers `cb`; returns its user-data pointer.
fn register(db: &Db, cb: Callback) -> *mut c_void {
    let b = Box::new(cb);
    let p = (&raw const *b) as *mut c_void;
    db.callbacks.lock().registered.push(b);
    p
}

/// Forgets a registration SQLite refused (it did not take the pointer).
fn unregister(db: &Db, p: *mut c_void) {
    let taken = {
        let mut cbs = db.callbacks.lock();
        let at = cbs.registered.iter().position(|b| std::ptr::eq(&raw const **b, p as *const Callback));
        at.map(|i| cbs.registered.swap_remove(i))
    };
    drop(taken);
}

fn name_arg(ts: &ThreadState, v: &Value, what: &str) -> PyResult<CString> {
    if spindle_vm::str::as_data(v).is_none() {
        raise!(TypeError, "{}() argument 'name' must be str, not {}", what, ops::type_name(v));
    }
    match CString::new(utf8_of(ts, v)?) {
        Ok(c) => Ok(c),
        Err(_) => raise!(ValueError, "embedded null character"),
    }
}

type XFunc = unsafe extern "C" fn(*mut ffi::sqlite3_context, c_int, *mut *mut ffi::sqlite3_value);
type XFinal = unsafe extern "C" fn(*mut ffi::sqlite3_context);

#[allow(clippy::too_many_arguments)]
fn create(
    ts: &ThreadState,
    a: &Args<'_>,
    what: &str,
    flags: c_int,
    xfunc: Option<XFunc>,
    xstep: Option<XFunc>,
    xfinal: Option<XFinal>,
    fail: &str,
) -> PyResult {
    let db = this(a)?;
    let name = name_arg(ts, arg(a, 1)?, what)?;
    let narg = int_arg(ts, arg(a, 2)?)?;
    let Ok(narg) = c_int::try_from(narg) else { raise!(OverflowError, "Python int too large to convert to C int") };
    let callable = arg(a, 3)?.clone();
    let _g = db.lock(ts);
    let h = db.handle();
    if h.is_null() {
        return Err(class_error(ts, "ProgrammingError", "Cannot operate on a closed database."));
    }
    let p = register(db, Callback { callable });
    let _scope = CallScope::enter(ts, false);
    let _destroy = DestroyScope::enter(db);
    // SAFETY: `h` is open under the lock; `p` is a live Callback that
    // SQLite owns from here (destroy_callback frees it).
    let rc = unsafe {
        ffi::sqlite3_create_function_v2(
            h,
            name.as_ptr(),
            narg,
            ffi::SQLITE_UTF8 | flags,
            p,
            xfunc,
            xstep,
            xfinal,
            Some(destroy_callback),
        )
    };
    if rc != ffi::SQLITE_OK {
        // On failure SQLite already called the destructor (v2 semantics);
        // unregistering again is a no-op then.
        unregister(db, p);
        return Err(class_error(ts, "OperationalError", fail));
    }
    Ok(none())
}

fn db_create_function(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let deterministic = ops::is_true(ts, arg(&a, 4)?)?;
    let flags = if deterministic { ffi::SQLITE_DETERMINISTIC } else { 0 };
    create(ts, &a, "create_function", flags, Some(func_call), None, None, "Error creating function")
}

// ---------------------------------------------------------------- aggregates

/// The aggregate instance slot of this call (null bits: not created yet).
///
/// # Safety
/// `ctx` is an aggregate call's context.
unsafe fn agg_slot(ctx: *mut ffi::sqlite3_context, create: bool) -> *mut usize {
    let n = if create { std::mem::size_of::<usize>() as c_int } else { 0 };
    // SAFETY: SQLite gives zeroed, aligned memory that lives until xFinal.
    unsafe { ffi::sqlite3_aggregate_context(ctx, n) as *mut usize }
}

unsafe extern "C" fn agg_step(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: our registered user data.
    let cb = unsafe { callback(ffi::sqlite3_user_data(ctx)) };
    let done = with_scope(|ts| {
        // SAFETY: ctx is an aggregate call's context.
        let slot = unsafe { agg_slot(ctx, true) };
        if slot.is_null() {
            result_error(ctx, "out of memory");
            return;
        }
        // SAFETY: the slot holds 0 or the bits of the instance we stored.
        let bits = unsafe { *slot };
        let inst = if bits == 0 {
            match ops::call(ts, &cb.callable.clone(), &[]) {
                Ok(v) => {
                    // SAFETY: the slot is ours; it now owns one reference.
                    unsafe { *slot = v.clone().into_raw() };
                    v
                }
                Err(e) => {
                    report_callback_error(ts, e, &cb.callable.clone());
                    result_error(ctx, "user-defined aggregate's '__init__' method raised error");
                    return;
                }
            }
        } else {
            // SAFETY: `bits` is a reference the slot owns; we take another.
            let v = unsafe { Value::from_bits(std::num::NonZeroUsize::new_unchecked(bits)) };
            let r = v.clone();
            std::mem::forget(v);
            r
        };
        // SAFETY: argv holds argc values.
        let r = unsafe { py_args(ts, argc, argv) }.and_then(|args| ops::call_method(ts, &inst, "step", &args));
        if let Err(e) = r {
            report_callback_error(ts, e, &cb.callable.clone());
            result_error(ctx, "user-defined aggregate's 'step' method raised error");
        }
    });
    if done.is_none() {
        result_error(ctx, "user-defined aggregate's 'step' method raised error");
    }
}

unsafe extern "C" fn agg_final(ctx: *mut ffi::sqlite3_context) {
    // SAFETY: our registered user data.
    let cb = unsafe { callback(ffi::sqlite3_user_data(ctx)) };
    let done = with_scope(|ts| {
        // SAFETY: ctx is an aggregate call's context (0: never stepped).
        let slot = unsafe { agg_slot(ctx, false) };
        // SAFETY: a non-null slot is SQLite's aggregate memory, holding our bits.
        let bits = if slot.is_null() { 0 } else { unsafe { std::mem::replace(&mut *slot, 0) } };
        let Some(nz) = std::num::NonZeroUsize::new(bits) else {
            // No instance: no rows, or __init__ failed (error already set).
            return;
        };
        // SAFETY: the slot's reference, taken out once.
        let inst = unsafe { Value::from_bits(nz) };
        // SAFETY: ctx is this call's context.
        let r = ops::call_method(ts, &inst, "finalize", &[]).and_then(|v| unsafe { set_result(ts, ctx, &v) });
        match r {
            Ok(true) => {}
            Ok(false) => result_error(ctx, "user-defined aggregate's 'finalize' method raised error"),
            Err(e) => result_exception(
                ts,
                ctx,
                e,
                &cb.callable.clone(),
                "user-defined aggregate's 'finalize' method raised error",
            ),
        }
    });
    if done.is_none() {
        // No scope: SQLite finalizes the aggregate from our statement's
        // Drop (attached, as every drop of a Value): just let go of it.
        // SAFETY: ctx is an aggregate call's context.
        let slot = unsafe { agg_slot(ctx, false) };
        // SAFETY: a non-null slot is SQLite's aggregate memory, holding our bits.
        let bits = if slot.is_null() { 0 } else { unsafe { std::mem::replace(&mut *slot, 0) } };
        if let Some(nz) = std::num::NonZeroUsize::new(bits) {
            // SAFETY: the slot's reference, taken out once.
            drop(unsafe { Value::from_bits(nz) });
        }
        result_error(ctx, "user-defined aggregate's 'finalize' method raised error");
    }
}

fn db_create_aggregate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    create(ts, &a, "create_aggregate", 0, None, Some(agg_step), Some(agg_final), "Error creating aggregate")
}

/// The aggregate instance of a window call, if its first step made one.
///
/// # Safety
/// `ctx` is an aggregate call's context.
unsafe fn agg_instance(ctx: *mut ffi::sqlite3_context) -> Option<Value> {
    // SAFETY: as the caller guarantees; a non-null slot holds our bits.
    let bits = unsafe {
        let slot = agg_slot(ctx, false);
        if slot.is_null() { 0 } else { *slot }
    };
    let nz = std::num::NonZeroUsize::new(bits)?;
    // SAFETY: `bits` is a reference the slot keeps; we take another.
    let v = unsafe { Value::from_bits(nz) };
    let r = v.clone();
    std::mem::forget(v);
    Some(r)
}

/// Calls a window method (`value`, `inverse`) of the call's instance,
/// failing the call with CPython's message if it raised.
fn window_call(ctx: *mut ffi::sqlite3_context, method: &str, args: Option<(c_int, *mut *mut ffi::sqlite3_value)>) {
    // SAFETY: our registered user data.
    let cb = unsafe { callback(ffi::sqlite3_user_data(ctx)) };
    let msg = format!("user-defined aggregate's '{method}' method raised error");
    let done = with_scope(|ts| {
        // SAFETY: ctx is an aggregate call's context.
        let Some(inst) = (unsafe { agg_instance(ctx) }) else {
            result_error(ctx, &msg);
            return;
        };
        let bound = match ops::getattr_opt(ts, &inst, method) {
            Ok(Some(m)) => m,
            Ok(None) => {
                result_error(ctx, &format!("user-defined aggregate's '{method}' method not defined"));
                return;
            }
            Err(e) => {
                result_exception(ts, ctx, e, &cb.callable.clone(), &msg);
                return;
            }
        };
        let r = match args {
            // SAFETY: argv holds argc values.
            Some((argc, argv)) => unsafe { py_args(ts, argc, argv) }.and_then(|a| ops::call(ts, &bound, &a)).map(|_| true),
            // SAFETY: ctx is this call's context.
            None => ops::call(ts, &bound, &[]).and_then(|v| unsafe { set_result(ts, ctx, &v) }),
        };
        match r {
            Ok(true) => {}
            Ok(false) => result_error(ctx, &msg),
            Err(e) => result_exception(ts, ctx, e, &cb.callable.clone(), &msg),
        }
    });
    if done.is_none() {
        result_error(ctx, &msg);
    }
}

unsafe extern "C" fn window_value(ctx: *mut ffi::sqlite3_context) {
    window_call(ctx, "value", None);
}

unsafe extern "C" fn window_inverse(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    window_call(ctx, "inverse", Some((argc, argv)));
}

/// `create_window_function(name, narg, aggregate_class or None)`.
fn db_create_window_function(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let db = this(&a)?;
    let name = name_arg(ts, arg(&a, 1)?, "create_window_function")?;
    let narg = int_arg(ts, arg(&a, 2)?)?;
    let Ok(narg) = c_int::try_from(narg) else { raise!(OverflowError, "Python int too large to convert to C int") };
    let cls = arg(&a, 3)?.clone();
    let _g = db.lock(ts);
    let h = db.handle();
    if h.is_null() {
        return Err(class_error(ts, "ProgrammingError", "Cannot operate on a closed database."));
    }
    let _scope = CallScope::enter(ts, false);
    let _destroy = DestroyScope::enter(db);
    let rc = if is_none(&cls) {
        // SAFETY: `h` is open under the lock; removing the function.
        unsafe {
            ffi::sqlite3_create_window_function(h, name.as_ptr(), narg, ffi::SQLITE_UTF8, std::ptr::null_mut(), None, None, None, None, None)
        }
    } else {
        let p = register(db, Callback { callable: cls });
        // SAFETY: as in `create`: SQLite owns `p` from here.
        let rc = unsafe {
            ffi::sqlite3_create_window_function(
                h,
                name.as_ptr(),
                narg,
                ffi::SQLITE_UTF8,
                p,
                Some(agg_step),
                Some(agg_final),
                Some(window_value),
                Some(window_inverse),
                Some(destroy_callback),
            )
        };
        if rc != ffi::SQLITE_OK {
            unregister(db, p);
        }
        rc
    };
    if rc != ffi::SQLITE_OK {
        // SQLite sets no error on the connection here: its text for `rc`.
        // SAFETY: errstr returns a static string.
        let msg = cstr(unsafe { ffi::sqlite3_errstr(rc) });
        return Err(class_error(ts, "ProgrammingError", &msg));
    }
    Ok(none())
}

// ---------------------------------------------------------------- collations

unsafe extern "C" fn collation_call(p: *mut c_void, n1: c_int, s1: *const c_void, n2: c_int, s2: *const c_void) -> c_int {
    // SAFETY: our registered user data.
    let cb = unsafe { callback(p) };
    with_scope(|ts| {
        // After one comparison raised, the rest compare equal and the
        // exception surfaces from the statement (as CPython's).
        if super::has_pending() {
            return 0;
        }
        let text = |s: *const c_void, n: c_int| {
            let n = usize::try_from(n).unwrap_or(0);
            // SAFETY: SQLite passes `n` bytes of UTF-8 text at `s`.
            let b = if s.is_null() { &[][..] } else { unsafe { std::slice::from_raw_parts(s as *const u8, n) } };
            stmt::decode_utf8(ts, b)
        };
        let callable = cb.callable.clone();
        let r = text(s1, n1).and_then(|a| Ok((a, text(s2, n2)?))).and_then(|(a, b)| ops::call(ts, &callable, &[a, b]));
        match r {
            Ok(v) if ops::isinstance_type(&v, spindle_vm::runtime::rt().types.int) => match spindle_vm::num::int_to_big(&v) {
                Some(b) => match b.sign() {
                    num_bigint::Sign::Minus => -1,
                    num_bigint::Sign::NoSign => 0,
                    num_bigint::Sign::Plus => 1,
                },
                None => 0,
            },
            Ok(_) => 0,
            Err(e) => {
                super::set_pending(e);
                0
            }
        }
    })
    .unwrap_or(0)
}

fn db_create_collation(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let db = this(&a)?;
    let name = name_arg(ts, arg(&a, 1)?, "create_collation")?;
    let callable = arg(&a, 2)?.clone();
    let _g = db.lock(ts);
    let h = db.handle();
    if h.is_null() {
        return Err(class_error(ts, "ProgrammingError", "Cannot operate on a closed database."));
    }
    let _scope = CallScope::enter(ts, false);
    let _destroy = DestroyScope::enter(db);
    let rc = if is_none(&callable) {
        // SAFETY: `h` is open under the lock; removing the collation.
        unsafe { ffi::sqlite3_create_collation_v2(h, name.as_ptr(), ffi::SQLITE_UTF8, std::ptr::null_mut(), None, None) }
    } else {
        let p = register(db, Callback { callable });
        // SAFETY: as in `create`: SQLite owns `p` from here.
        let rc = unsafe {
            ffi::sqlite3_create_collation_v2(h, name.as_ptr(), ffi::SQLITE_UTF8, p, Some(collation_call), Some(destroy_callback))
        };
        if rc != ffi::SQLITE_OK {
            unregister(db, p);
        }
        rc
    };
    if rc != ffi::SQLITE_OK {
        // SAFETY: `h` is open under the lock.
        return Err(unsafe { db_error(ts, h) });
    }
    Ok(none())
}

// ---------------------------------------------------------------- hooks

unsafe extern "C" fn trace_call(kind: std::ffi::c_uint, p: *mut c_void, stmt: *mut c_void, _x: *mut c_void) -> c_int {
    if kind != ffi::SQLITE_TRACE_STMT as std::ffi::c_uint {
        return 0;
    }
    // SAFETY: `p` is the Db's trace Callback, alive while registered.
    let cb = unsafe { callback(p) };
    with_scope(|ts| {
        let st = stmt as *mut ffi::sqlite3_stmt;
        // SAFETY: `st` is the statement being run; expanded_sql's result is
        // ours to free.
        let text = unsafe {
            let e = ffi::sqlite3_expanded_sql(st);
            if e.is_null() {
                cstr(ffi::sqlite3_sql(st))
            } else {
                let s = cstr(e);
                ffi::sqlite3_free(e.cast());
                s
            }
        };
        let callable = cb.callable.clone();
        if let Err(e) = ops::call(ts, &callable, &[new_str(&text)]) {
            report_callback_error(ts, e, &callable);
        }
    });
    0
}

unsafe extern "C" fn progress_call(p: *mut c_void) -> c_int {
    // SAFETY: `p` is the Db's progress Callback, alive while registered.
    let cb = unsafe { callback(p) };
    with_scope(|ts| {
        let callable = cb.callable.clone();
        match ops::call(ts, &callable, &[]).and_then(|v| ops::is_true(ts, &v)) {
        Ok(stop) => c_int::from(stop),
        Err(e) => {
            report_callback_error(ts, e, &callable);
            -1
        }
        }
    })
    .unwrap_or(0)
}

unsafe extern "C" fn authorizer_call(
    p: *mut c_void,
    action: c_int,
    a1: *const c_char,
    a2: *const c_char,
    dbname: *const c_char,
    source: *const c_char,
) -> c_int {
    // SAFETY: `p` is the Db's authorizer Callback, alive while registered.
    let cb = unsafe { callback(p) };
    with_scope(|ts| {
        let s = |c: *const c_char| if c.is_null() { none() } else { new_str(&cstr(c)) };
        let args = [new_int(i64::from(action)), s(a1), s(a2), s(dbname), s(source)];
        let callable = cb.callable.clone();
        match ops::call(ts, &callable, &args) {
            Ok(v) if ops::isinstance_type(&v, spindle_vm::runtime::rt().types.int) => {
                int_to_i64(&v).and_then(|i| c_int::try_from(i).ok()).unwrap_or(ffi::SQLITE_DENY)
            }
            Ok(_) => ffi::SQLITE_DENY,
            Err(e) => {
                report_callback_error(ts, e, &callable);
                ffi::SQLITE_DENY
            }
        }
    })
    .unwrap_or(ffi::SQLITE_DENY)
}

#[derive(Clone, Copy)]
enum Hook {
    Trace,
    Progress(c_int),
    Authorizer,
}

/// Installs (or, for None, removes) a hook; the old callable dies after
/// SQLite stopped referring to it.
fn set_hook(ts: &ThreadState, a: &Args<'_>, hook: Hook, callable: Value) -> PyResult {
    let db = this(a)?;
    let _g = db.lock(ts);
    let h = db.handle();
    if h.is_null() {
        return Err(class_error(ts, "ProgrammingError", "Cannot operate on a closed database."));
    }
    let new = if is_none(&callable) { None } else { Some(Box::new(Callback { callable })) };
    let p = new.as_ref().map_or(std::ptr::null_mut(), |b| (&raw const **b) as *mut c_void);
    // SAFETY: `h` is open under the lock; `p` (when set) stays alive in the
    // registry until the hook is replaced or the connection closed.
    unsafe {
        match hook {
            Hook::Trace => {
                let mask = if p.is_null() { 0 } else { ffi::SQLITE_TRACE_STMT as std::ffi::c_uint };
                ffi::sqlite3_trace_v2(h, mask, if p.is_null() { None } else { Some(trace_call) }, p);
            }
            Hook::Progress(n) => {
                ffi::sqlite3_progress_handler(h, n, if p.is_null() { None } else { Some(progress_call) }, p);
            }
            Hook::Authorizer => {
                let rc = ffi::sqlite3_set_authorizer(h, if p.is_null() { None } else { Some(authorizer_call) }, p);
                if rc != ffi::SQLITE_OK {
                    return Err(class_error(ts, "OperationalError", "Error setting authorizer callback"));
                }
            }
        }
    }
    let old = {
        let mut cbs = db.callbacks.lock();
        let slot = match hook {
            Hook::Trace => &mut cbs.trace,
            Hook::Progress(_) => &mut cbs.progress,
            Hook::Authorizer => &mut cbs.authorizer,
        };
        std::mem::replace(slot, new)
    };
    drop(old);
    Ok(none())
}

fn db_set_trace(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cb = arg(&a, 1)?.clone();
    set_hook(ts, &a, Hook::Trace, cb)
}

fn db_set_progress(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cb = arg(&a, 1)?.clone();
    let n = int_arg(ts, arg(&a, 2)?)?;
    let Ok(n) = c_int::try_from(n) else { raise!(OverflowError, "Python int too large to convert to C int") };
    set_hook(ts, &a, Hook::Progress(n), cb)
}

fn db_set_authorizer(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cb = arg(&a, 1)?.clone();
    set_hook(ts, &a, Hook::Authorizer, cb)
}

// ---------------------------------------------------------------- serialize

/// `serialize(name)`: the database's bytes.
fn db_serialize(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let name_v = arg(&a, 1)?;
    let name = name_arg(ts, name_v, "serialize")?;
    let out = with_open(ts, &a, |_, h| {
        let mut size: ffi::sqlite3_int64 = 0;
        // SAFETY: `h` is open under the lock; `name` is NUL-terminated. A
        // NOCOPY result points into SQLite's own memory (valid until the
        // next call on `h`, and we copy it under the lock); otherwise the
        // buffer is ours to free.
        unsafe {
            let mut flags = ffi::SQLITE_SERIALIZE_NOCOPY;
            let mut data = ffi::sqlite3_serialize(h, name.as_ptr(), &mut size, flags);
            if data.is_null() {
                flags = 0;
                data = ffi::sqlite3_serialize(h, name.as_ptr(), &mut size, flags);
            }
            if data.is_null() {
                return Ok(none());
            }
            let bytes = std::slice::from_raw_parts(data, usize::try_from(size).unwrap_or(0)).to_vec();
            if flags == 0 {
                ffi::sqlite3_free(data.cast());
            }
            Ok(spindle_vm::bytes::new_bytes(&bytes))
        }
    })?;
    if is_none(&out) {
        return Err(class_error(ts, "OperationalError", &format!("unable to serialize '{}'", name.to_string_lossy())));
    }
    Ok(out)
}

/// `deserialize(data, name)`: replaces the database with `data`.
fn db_deserialize(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let data = crate::math::bytes_of(ts, arg(&a, 1)?, "")?;
    let name = name_arg(ts, arg(&a, 2)?, "deserialize")?;
    with_open(ts, &a, |_, h| {
        let size = data.len() as u64;
        // SAFETY: `h` is open under the lock; the buffer is SQLite's
        // (FREEONCLOSE), filled with `size` bytes before it is handed over.
        unsafe {
            let buf = ffi::sqlite3_malloc64(size.max(1)) as *mut u8;
            if buf.is_null() {
                return Err(spindle_vm::err!(MemoryError, ""));
            }
            std::ptr::copy_nonoverlapping(data.as_ptr(), buf, data.len());
            let flags = ffi::SQLITE_DESERIALIZE_FREEONCLOSE | ffi::SQLITE_DESERIALIZE_RESIZEABLE;
            let rc = ffi::sqlite3_deserialize(h, name.as_ptr(), buf, size as i64, size as i64, flags);
            if rc != ffi::SQLITE_OK {
                return Err(db_error(ts, h));
            }
        }
        Ok(none())
    })
}

// ---------------------------------------------------------------- backup

/// `backup(target_db, name, pages, progress, sleep_ms)`.
fn db_backup(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let src = this(&a)?;
    let Some(dst) = arg(&a, 1)?.downcast::<Db>() else { raise!(TypeError, "backup target must be a connection") };
    let name = name_arg(ts, arg(&a, 2)?, "backup")?;
    let pages = int_arg(ts, arg(&a, 3)?)?;
    let pages = c_int::try_from(pages).unwrap_or(-1);
    let progress = arg(&a, 4)?.clone();
    let sleep_ms = u64::try_from(int_arg(ts, arg(&a, 5)?)?).unwrap_or(0);
    // Both locks, in address order: two threads backing up each other's
    // connections must not each hold one and wait for the other.
    let (first, second) = if std::ptr::from_ref(src) < std::ptr::from_ref(dst) { (src, dst) } else { (dst, src) };
    let _g1 = first.lock(ts);
    let _g2 = second.lock(ts);
    let (hs, hd) = (src.handle(), dst.handle());
    if hs.is_null() || hd.is_null() {
        return Err(class_error(ts, "ProgrammingError", "Cannot operate on a closed database."));
    }
    let _scope = CallScope::enter(ts, false);
    // SAFETY: both handles are open under their locks; "main" and `name`
    // are NUL-terminated.
    let bck = unsafe { ffi::sqlite3_backup_init(hd, c"main".as_ptr(), hs, name.as_ptr()) };
    if bck.is_null() {
        // SAFETY: `hd` is open; it carries the error.
        return Err(unsafe { db_error(ts, hd) });
    }
    let mut failure: Option<PyErr> = None;
    loop {
        // SAFETY: `bck` is live until finish below.
        let rc = unsafe { ffi::sqlite3_backup_step(bck, pages) };
        if !is_none(&progress) {
            // SAFETY: as above.
            let (remaining, count) = unsafe { (ffi::sqlite3_backup_remaining(bck), ffi::sqlite3_backup_pagecount(bck)) };
            let args = [new_int(i64::from(rc)), new_int(i64::from(remaining)), new_int(i64::from(count))];
            if let Err(e) = ops::call(ts, &progress, &args) {
                failure = Some(e);
                break;
            }
        }
        if rc == ffi::SQLITE_BUSY || rc == ffi::SQLITE_LOCKED {
            ts.detached(|| std::thread::sleep(std::time::Duration::from_millis(sleep_ms)));
        }
        if rc != ffi::SQLITE_OK && rc != ffi::SQLITE_BUSY && rc != ffi::SQLITE_LOCKED {
            break;
        }
    }
    // SAFETY: finished once.
    let rc = unsafe { ffi::sqlite3_backup_finish(bck) };
    if let Some(e) = failure {
        return Err(e);
    }
    if rc != ffi::SQLITE_OK {
        // SAFETY: `hd` is open; finish left its error there.
        return Err(unsafe { db_error(ts, hd) });
    }
    Ok(none())
}
