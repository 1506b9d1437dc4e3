//! `_Stmt`: one prepared statement: binding parameters, stepping, rows.

use std::ffi::{c_char, c_int};
use std::sync::atomic::{AtomicPtr, Ordering};

use libsqlite3_sys as ffi;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{float_value, int_to_big, int_to_i64, new_bool, new_float, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::str::new_str;
use spindle_vm::{PyResult, Value, ops, raise};

use super::db::{Db, types};
use super::{class_error, cstr, db_error, utf8_of};
use crate::kinds::{SQLITE_BASE, kind};

pub(crate) struct Stmt {
    /// The `_Db` (keeps the handle alive while the statement exists).
    db: Value,
    /// Null for SQL with no statement (only blanks and comments).
    st: AtomicPtr<ffi::sqlite3_stmt>,
    is_dml: bool,
    /// The parameters' names (None: nameless `?`), fixed at prepare.
    param_names: Vec<Option<String>>,
}

impl PyPayload for Stmt {
    const KIND: PayloadKind = kind(SQLITE_BASE + 1);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.db);
    }
    const GC: bool = true;
}

impl Drop for Stmt {
    fn drop(&mut self) {
        let st = self.st.swap(std::ptr::null_mut(), Ordering::AcqRel);
        if !st.is_null() {
            // SAFETY: `st` is ours and finalized once; SQLite (serialized
            // mode) makes this safe beside other calls on the connection,
            // and a closed connection is a zombie until this finalize.
            unsafe { ffi::sqlite3_finalize(st) };
        }
    }
}

fn db_of(s: &Stmt) -> PyResult<&Db> {
    match s.db.downcast::<Db>() {
        Some(d) => Ok(d),
        None => raise!(SystemError, "statement without a connection"),
    }
}

/// Whether `sql` starts (after blanks and comments) with INSERT, UPDATE,
/// DELETE or REPLACE: the statements legacy transaction control opens a
/// transaction before (CPython's `is_dml`).
fn starts_dml(sql: &str) -> bool {
    let b = sql.as_bytes();
    let mut i = 0;
    loop {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
            i += 1;
        }
        if b[i..].starts_with(b"--") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if b[i..].starts_with(b"/*") {
            match sql[i + 2..].find("*/") {
                Some(end) => i = i + 2 + end + 2,
                None => return false,
            }
            continue;
        }
        break;
    }
    let rest = &b[i..];
    ["insert", "update", "delete", "replace"]
        .iter()
        .any(|kw| rest.len() >= kw.len() && rest[..kw.len()].eq_ignore_ascii_case(kw.as_bytes()))
}

/// Whether the text after a statement holds only blanks, `;` and comments.
fn only_trailing(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b';' => i += 1,
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                match b[i + 2..].windows(2).position(|w| w == b"*/") {
                    Some(end) => i = i + 2 + end + 2,
                    None => return true,
                }
            }
            _ => return false,
        }
    }
    true
}

/// Why `prepare` failed.
enum Failed {
    TooLarge,
    Several,
    /// SQLite's error, copied under the lock.
    Sqlite((c_int, String)),
}

/// `_Db.prepare(sql)`.
pub(crate) fn prepare(ts: &ThreadState, dbv: &Value, sql: &Value) -> PyResult {
    let Some(db) = dbv.downcast::<Db>() else { raise!(TypeError, "not a connection") };
    let text = utf8_of(ts, sql)?;
    if text.as_bytes().contains(&0) {
        return Err(class_error(ts, "ProgrammingError", "the query contains a null character"));
    }
    let res = db.call(ts, |h| {
        // SAFETY: `h` is open under the lock.
        let max = unsafe { ffi::sqlite3_limit(h, ffi::SQLITE_LIMIT_SQL_LENGTH, -1) };
        if text.len() > usize::try_from(max).unwrap_or(0) {
            return Err(Failed::TooLarge);
        }
        let mut st: *mut ffi::sqlite3_stmt = std::ptr::null_mut();
        let mut tail: *const c_char = std::ptr::null();
        let n = c_int::try_from(text.len()).unwrap_or(c_int::MAX);
        // SAFETY: `text` outlives the call; SQLite reads at most `n` bytes.
        let rc = unsafe { ffi::sqlite3_prepare_v2(h, text.as_ptr().cast(), n, &mut st, &mut tail) };
        if rc != ffi::SQLITE_OK {
            // SAFETY: `h` is open under the lock; copied in the failing
            // call's own critical section.
            return Err(Failed::Sqlite(unsafe { super::last_error(h) }));
        }
        // SAFETY: `tail` points into `text` (or at its end).
        let off = if tail.is_null() { text.len() } else { (unsafe { tail.offset_from(text.as_ptr().cast()) }) as usize };
        if !only_trailing(&text.as_bytes()[off.min(text.len())..]) {
            // SAFETY: finalized once.
            unsafe { ffi::sqlite3_finalize(st) };
            return Err(Failed::Several);
        }
        Ok(st as usize)
    })?;
    let st = match res {
        Ok(st) => st as *mut ffi::sqlite3_stmt,
        Err(Failed::TooLarge) => return Err(class_error(ts, "DataError", "query string is too large")),
        Err(Failed::Several) => return Err(class_error(ts, "ProgrammingError", "You can only execute one statement at a time.")),
        Err(Failed::Sqlite(e)) => return Err(super::error_of(ts, e)),
    };
    let is_dml = starts_dml(&text);
    let param_names = if st.is_null() {
        Vec::new()
    } else {
        let _g = db.lock(ts);
        // SAFETY: the statement we just prepared, under the lock; names
        // copied at once.
        let n = unsafe { ffi::sqlite3_bind_parameter_count(st) };
        (1..=n)
            .map(|i| {
                // SAFETY: as above, `i` within the count.
                let p = unsafe { ffi::sqlite3_bind_parameter_name(st, i) };
                if p.is_null() { None } else { Some(cstr(p)) }
            })
            .collect()
    };
    Ok(alloc(types().stmt, Stmt { db: dbv.clone(), st: AtomicPtr::new(st), is_dml, param_names }))
}

// ---------------------------------------------------------------- binding

pub(crate) enum SqlValue {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// The SQLite value of a Python value (CPython's `bind_param` types: int,
/// float, str and their subclasses, buffers); None: unsupported.
pub(crate) fn to_sql_value(ts: &ThreadState, v: &Value) -> PyResult<Option<SqlValue>> {
    let types = &rt().types;
    if is_none(v) {
        return Ok(Some(SqlValue::Null));
    }
    // Exact types first: the common case needs no subclass walk.
    let t = v.type_ref();
    if t == types.int {
        if let Some(i) = int_to_i64(v) {
            return Ok(Some(SqlValue::Int(i)));
        }
    } else if t == types.float {
        return Ok(Some(SqlValue::Float(float_value(v).unwrap_or(0.0))));
    } else if t == types.str {
        return Ok(Some(SqlValue::Text(utf8_of(ts, v)?)));
    }
    if ops::isinstance_type(v, types.int) {
        return match int_to_i64(v) {
            Some(i) => Ok(Some(SqlValue::Int(i))),
            None if int_to_big(v).is_some() => raise!(OverflowError, "Python int too large to convert to SQLite INTEGER"),
            None => Ok(Some(SqlValue::Int(i64::from(ops::is_true(ts, v)?)))),
        };
    }
    if ops::isinstance_type(v, types.float) {
        return Ok(Some(SqlValue::Float(float_value(v).unwrap_or(0.0))));
    }
    if ops::isinstance_type(v, types.str) {
        return Ok(Some(SqlValue::Text(utf8_of(ts, v)?)));
    }
    match crate::math::bytes_of(ts, v, "") {
        Ok(b) => Ok(Some(SqlValue::Blob(b))),
        Err(e) if e.is_instance(rt().exc.TypeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The SQLite value of parameter `pos` (1-based, for messages).
fn sql_param(ts: &ThreadState, pos: usize, v: &Value) -> PyResult<SqlValue> {
    match to_sql_value(ts, v)? {
        Some(sv) => Ok(sv),
        None => Err(class_error(
            ts,
            "ProgrammingError",
            &format!("Error binding parameter {}: type '{}' is not supported", pos, ops::type_name(v)),
        )),
    }
}

/// Adapts a parameter unless it is of a type bound as is (CPython's `need_adapt`).
fn adapted(ts: &ThreadState, v: Value, adapt: &Value, base_adapted: bool) -> PyResult {
    let t = v.type_ref();
    let types = &rt().types;
    if !base_adapted && (t == types.int || t == types.float || t == types.str || t == types.bytearray) {
        return Ok(v);
    }
    ops::call(ts, adapt, &[v])
}

/// Binds `params` (a sequence or a dict) to `s`, with CPython's checks and
/// messages. The Python work (items, adapters) runs without the
/// connection's lock; the lock is held only to read the parameter names
/// and to bind.
fn bind_params(ts: &ThreadState, s: &Stmt, params: &Value, adapt: &Value, base_adapted: bool) -> PyResult<()> {
    let db = db_of(s)?;
    let st = s.st.load(Ordering::Acquire);
    let names = &s.param_names;
    let needed = names.len();
    let types = &rt().types;
    let t = params.type_ref();
    let is_dict = ops::isinstance_type(params, types.dict);
    let is_seq = t == types.tuple || t == types.list || (!is_dict && t.lookup_static("__getitem__").is_some());
    let mut values = Vec::with_capacity(needed);
    if is_seq {
        let items = spindle_vm::seq::tuple_items(params);
        let n = match items {
            Some(items) => items.len(),
            None => ops::len(ts, params)?,
        };
        if n != needed {
            return Err(class_error(
                ts,
                "ProgrammingError",
                &format!("Incorrect number of bindings supplied. The current statement uses {needed}, and there are {n} supplied."),
            ));
        }
        for (i, name) in names.iter().enumerate() {
            if let Some(name) = name.as_ref().filter(|n| !n.starts_with('?')) {
                return Err(class_error(
                    ts,
                    "ProgrammingError",
                    &format!(
                        "Binding {} ('{name}') is a named parameter, but you supplied a sequence which requires nameless (qmark) placeholders.",
                        i + 1
                    ),
                ));
            }
            let item = match items {
                Some(items) => items[i].clone(),
                None => ops::getitem(ts, params, &new_int(i as i64))?,
            };
            let item = adapted(ts, item, adapt, base_adapted)?;
            values.push(sql_param(ts, i + 1, &item)?);
        }
    } else if is_dict {
        for (i, name) in names.iter().enumerate() {
            let Some(full) = name else {
                return Err(class_error(
                    ts,
                    "ProgrammingError",
                    &format!("Binding {} has no name, but you supplied a dictionary (which has only names).", i + 1),
                ));
            };
            let key = full.get(1..).unwrap_or("");
            let item = match ops::getitem(ts, params, &new_str(key)) {
                Ok(v) => v,
                Err(e) if e.is_instance(rt().exc.LookupError) => {
                    return Err(class_error(
                        ts,
                        "ProgrammingError",
                        &format!("You did not supply a value for binding parameter :{key}."),
                    ));
                }
                Err(e) => return Err(e),
            };
            let item = adapted(ts, item, adapt, base_adapted)?;
            values.push(sql_param(ts, i + 1, &item)?);
        }
    } else {
        return Err(class_error(ts, "ProgrammingError", "parameters are of unsupported type"));
    }
    let _g = db.lock(ts);
    let h = db.handle();
    if h.is_null() {
        return Err(class_error(ts, "ProgrammingError", "Cannot operate on a closed database."));
    }
    for (i, sv) in values.into_iter().enumerate() {
        let pos = c_int::try_from(i + 1).unwrap_or(c_int::MAX);
        // SAFETY: a live statement under the lock, `pos` within its
        // parameter count; text and blobs are copied (TRANSIENT).
        let rc = unsafe {
            match sv {
                SqlValue::Null => ffi::sqlite3_bind_null(st, pos),
                SqlValue::Int(x) => ffi::sqlite3_bind_int64(st, pos, x),
                SqlValue::Float(f) => ffi::sqlite3_bind_double(st, pos, f),
                SqlValue::Text(t) => {
                    let Ok(n) = c_int::try_from(t.len()) else { raise!(OverflowError, "string longer than INT_MAX bytes") };
                    ffi::sqlite3_bind_text(st, pos, t.as_ptr().cast(), n, ffi::SQLITE_TRANSIENT())
                }
                SqlValue::Blob(b) => {
                    let Ok(n) = c_int::try_from(b.len()) else { raise!(OverflowError, "BLOB longer than INT_MAX bytes") };
                    ffi::sqlite3_bind_blob(st, pos, b.as_ptr().cast(), n, ffi::SQLITE_TRANSIENT())
                }
            }
        };
        if rc != ffi::SQLITE_OK {
            // SAFETY: `h` is open under the lock.
            return Err(unsafe { db_error(ts, h) });
        }
    }
    Ok(())
}

/// `_Stmt.run(params_iter, adapt, base_adapted)`: binds and steps once per
/// parameter set (CPython's `_pysqlite_query_execute` loop); a statement
/// that is done is reset. Returns the rows a DML statement changed.
fn stmt_run(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = crate::math::this::<Stmt>(&a, "_sqlite3._Stmt")?;
    let v = crate::math::exact("run", &a, 1, 3, 3)?;
    let (it, adapt) = (&v[0], &v[1]);
    let base_adapted = ops::is_true(ts, &v[2])?;
    let db = db_of(s)?;
    let mut changed: i64 = 0;
    while let Some(params) = ops::next(ts, it)? {
        bind_params(ts, s, &params, adapt, base_adapted)?;
        if !step(ts, s)? {
            if s.is_dml {
                let _g = db.lock(ts);
                let h = db.handle();
                if !h.is_null() {
                    // SAFETY: `h` is open under the lock.
                    changed += i64::from(unsafe { ffi::sqlite3_changes(h) });
                }
            }
            reset(ts, s);
        }
    }
    Ok(new_int(changed))
}

// ---------------------------------------------------------------- stepping

/// `_Stmt.step()`: True for a row, False when done.
fn stmt_step(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = crate::math::this::<Stmt>(&a, "_sqlite3._Stmt")?;
    Ok(new_bool(step(ts, s)?))
}

/// Steps `s`: true for a row, false when done; an error resets it.
fn step(ts: &ThreadState, s: &Stmt) -> PyResult<bool> {
    let db = db_of(s)?;
    let st = s.st.load(Ordering::Acquire) as usize;
    if st == 0 {
        return Ok(false);
    }
    // A failure's error is copied and the statement reset in the step's own
    // critical section (another thread's call would replace the error).
    let (rc, failure) = db.call(ts, move |h| {
        let st = st as *mut ffi::sqlite3_stmt;
        // SAFETY: a live statement of this open connection, under its lock.
        let rc = unsafe { ffi::sqlite3_step(st) };
        if rc == ffi::SQLITE_ROW || rc == ffi::SQLITE_DONE {
            return (rc, None);
        }
        // SAFETY: `h` is open under the lock; the error is read before the
        // reset, then the failed statement is reset.
        let e = unsafe { super::last_error(h) };
        // SAFETY: as above.
        unsafe { ffi::sqlite3_reset(st) };
        (rc, Some(e))
    })?;
    if let Some(e) = super::take_pending() {
        return Err(e);
    }
    match (rc, failure) {
        (ffi::SQLITE_ROW, _) => Ok(true),
        (ffi::SQLITE_DONE, _) => Ok(false),
        (_, failure) => Err(super::error_of(ts, failure.unwrap_or((rc, String::new())))),
    }
}

fn stmt_reset(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = crate::math::this::<Stmt>(&a, "_sqlite3._Stmt")?;
    reset(ts, s);
    Ok(none())
}

fn reset(ts: &ThreadState, s: &Stmt) {
    let Ok(db) = db_of(s) else { return };
    let st = s.st.load(Ordering::Acquire);
    if st.is_null() {
        return;
    }
    let _g = db.lock(ts);
    if db.handle().is_null() {
        return;
    }
    let _scope = super::CallScope::enter(ts, false);
    // SAFETY: a live statement under the lock; reset keeps the bindings,
    // which are rebound on each execution anyway.
    unsafe { ffi::sqlite3_reset(st) };
}

/// Decodes column or argument text as UTF-8 (a UnicodeDecodeError as CPython's).
pub(crate) fn decode_utf8(ts: &ThreadState, b: &[u8]) -> PyResult {
    match std::str::from_utf8(b) {
        Ok(s) => Ok(new_str(s)),
        Err(_) => ops::call_method(ts, &spindle_vm::bytes::new_bytes(b), "decode", &[new_str("utf-8")]),
    }
}

/// `_Stmt.fetch(n, converters, text_factory, row_type, description)`: up
/// to `n` rows (all for n < 0) as tuples, or as `row_type` (sqlite3.Row)
/// with `description` when it is not None; steps past each row read and
/// resets the statement when it is done.
fn stmt_fetch(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = crate::math::this::<Stmt>(&a, "_sqlite3._Stmt")?;
    let v = crate::math::exact("fetch", &a, 1, 5, 5)?;
    let mut left = int_to_i64(&v[0]).unwrap_or(-1);
    let converters = if is_none(&v[1]) { None } else { Some(ops::collect(ts, &v[1])?) };
    let (text_factory, row_type, description) = (&v[2], TypeRef::from_value(&v[3]), &v[4]);
    let mut out = Vec::new();
    while left != 0 {
        let Some(row) = read_row(ts, s, converters.as_deref(), text_factory)? else { break };
        let more = step(ts, s)?;
        if !more {
            reset(ts, s);
        }
        out.push(match row_type {
            Some(t) => super::row::new_row(t, description.clone(), row),
            None => row,
        });
        left -= 1;
        if !more {
            break;
        }
    }
    Ok(spindle_vm::seq::new_list(out))
}

/// The current row as a tuple, or None when the statement has no row
/// (CPython's `_pysqlite_fetch_one_row`).
fn read_row(ts: &ThreadState, s: &Stmt, converters: Option<&[Value]>, text_factory: &Value) -> PyResult<Option<Value>> {
    let db = db_of(s)?;
    let st = s.st.load(Ordering::Acquire);
    if st.is_null() {
        return Ok(None);
    }
    // Read the raw columns under the lock, then convert (Python code) without it.
    enum Col {
        Null,
        Int(i64),
        Float(f64),
        Text(Vec<u8>),
        Blob(Vec<u8>),
        Raw(Option<Vec<u8>>),
    }
    let (cols, names) = {
        let _g = db.lock(ts);
        if db.handle().is_null() {
            return Err(class_error(ts, "ProgrammingError", "Cannot operate on a closed database."));
        }
        // SAFETY: a live statement under the lock.
        let n = unsafe { ffi::sqlite3_data_count(st) };
        if n == 0 {
            return Ok(None);
        }
        let mut cols = Vec::with_capacity(usize::try_from(n).unwrap_or(0));
        let mut names = Vec::new();
        for i in 0..n {
            let conv = converters.and_then(|c| c.get(i as usize)).is_some_and(|c| !is_none(c));
            // SAFETY: `i` < data_count on a live statement; each pointer is
            // read before the next call on the column, then copied.
            let col = unsafe {
                let bytes = |p: *const u8| {
                    let len = usize::try_from(ffi::sqlite3_column_bytes(st, i)).unwrap_or(0);
                    if p.is_null() { Vec::new() } else { std::slice::from_raw_parts(p, len).to_vec() }
                };
                if conv {
                    let p = ffi::sqlite3_column_blob(st, i) as *const u8;
                    if p.is_null() { Col::Raw(None) } else { Col::Raw(Some(bytes(p))) }
                } else {
                    match ffi::sqlite3_column_type(st, i) {
                        ffi::SQLITE_NULL => Col::Null,
                        ffi::SQLITE_INTEGER => Col::Int(ffi::sqlite3_column_int64(st, i)),
                        ffi::SQLITE_FLOAT => Col::Float(ffi::sqlite3_column_double(st, i)),
                        ffi::SQLITE_TEXT => {
                            let p = ffi::sqlite3_column_text(st, i);
                            Col::Text(bytes(p))
                        }
                        _ => {
                            let p = ffi::sqlite3_column_blob(st, i) as *const u8;
                            Col::Blob(bytes(p))
                        }
                    }
                }
            };
            if matches!(col, Col::Text(_)) {
                // SAFETY: as above.
                names.push((i, cstr(unsafe { ffi::sqlite3_column_name(st, i) })));
            }
            cols.push(col);
        }
        (cols, names)
    };
    let types = &rt().types;
    let tf_type = TypeRef::from_value(text_factory);
    let mut out = Vec::with_capacity(cols.len());
    for (i, col) in cols.into_iter().enumerate() {
        let v = match col {
            Col::Null => none(),
            Col::Int(x) => new_int(x),
            Col::Float(f) => new_float(f),
            Col::Blob(b) => spindle_vm::bytes::new_bytes(&b),
            Col::Raw(None) => none(),
            Col::Raw(Some(b)) => {
                let conv = converters.and_then(|c| c.get(i)).cloned().unwrap_or_else(none);
                ops::call(ts, &conv, &[spindle_vm::bytes::new_bytes(&b)])?
            }
            Col::Text(b) => {
                if tf_type == Some(types.str) {
                    match std::str::from_utf8(&b) {
                        Ok(s) => new_str(s),
                        Err(_) => {
                            let name = names.iter().find(|(j, _)| *j as usize == i).map(|(_, n)| n.as_str()).unwrap_or("");
                            let text = String::from_utf8_lossy(&b);
                            let msg = format!("Could not decode to UTF-8 column '{name}' with text '{text}'");
                            let msg: String = msg.chars().map(|c| if c.is_ascii() { c } else { '\u{FFFD}' }).collect();
                            return Err(class_error(ts, "OperationalError", &msg));
                        }
                    }
                } else if tf_type == Some(types.bytes) {
                    spindle_vm::bytes::new_bytes(&b)
                } else if tf_type == Some(types.bytearray) {
                    spindle_vm::bytes::new_bytearray(b)
                } else {
                    ops::call(ts, text_factory, &[spindle_vm::bytes::new_bytes(&b)])?
                }
            }
        };
        out.push(v);
    }
    Ok(Some(spindle_vm::seq::new_tuple(out)))
}

/// Per-column strings of the statement (names or declared types).
fn column_strings(ts: &ThreadState, a: &Args<'_>, f: unsafe extern "C" fn(*mut ffi::sqlite3_stmt, c_int) -> *const c_char) -> PyResult {
    let (_, s) = crate::math::this::<Stmt>(a, "_sqlite3._Stmt")?;
    let db = db_of(s)?;
    let st = s.st.load(Ordering::Acquire);
    let mut out = Vec::new();
    if !st.is_null() {
        let _g = db.lock(ts);
        // SAFETY: a live statement under the lock; strings copied at once.
        let n = unsafe { ffi::sqlite3_column_count(st) };
        for i in 0..n {
            // SAFETY: as above.
            let p = unsafe { f(st, i) };
            out.push(if p.is_null() { none() } else { new_str(&cstr(p)) });
        }
    }
    Ok(spindle_vm::seq::new_list(out))
}

/// `_Stmt.description(strip_types)`: CPython's `cursor.description` for
/// the statement's columns (None without columns); with PARSE_COLNAMES
/// (`strip_types`) a name ends before " [" or "[".
fn stmt_description(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = crate::math::this::<Stmt>(&a, "_sqlite3._Stmt")?;
    let v = crate::math::exact("description", &a, 1, 1, 1)?;
    let strip = ops::is_true(ts, &v[0])?;
    let db = db_of(s)?;
    let st = s.st.load(Ordering::Acquire);
    if st.is_null() {
        return Ok(none());
    }
    let names: Vec<String> = {
        let _g = db.lock(ts);
        // SAFETY: a live statement under the lock; names copied at once.
        let n = unsafe { ffi::sqlite3_column_count(st) };
        (0..n).map(|i| cstr(unsafe { ffi::sqlite3_column_name(st, i) })).collect()
    };
    if names.is_empty() {
        return Ok(none());
    }
    let cols = names
        .iter()
        .map(|name| {
            let mut end = name.len();
            if strip {
                if let Some(p) = name.find('[') {
                    end = if p > 0 && name.as_bytes()[p - 1] == b' ' { p - 1 } else { p };
                }
            }
            let mut col = vec![new_str(&name[..end])];
            col.extend((0..6).map(|_| none()));
            spindle_vm::seq::new_tuple(col)
        })
        .collect();
    Ok(spindle_vm::seq::new_tuple(cols))
}

fn stmt_flag(ts: &ThreadState, a: &Args<'_>, f: unsafe extern "C" fn(*mut ffi::sqlite3_stmt) -> c_int) -> PyResult<c_int> {
    let (_, s) = crate::math::this::<Stmt>(a, "_sqlite3._Stmt")?;
    let db = db_of(s)?;
    let st = s.st.load(Ordering::Acquire);
    if st.is_null() {
        return Ok(0);
    }
    let _g = db.lock(ts);
    // SAFETY: a live statement under the lock.
    Ok(unsafe { f(st) })
}

pub(crate) fn install(t: TypeRef) {
    use spindle_vm::native::{add_methods, add_property};
    add_methods(
        t,
        &[
            ("run", stmt_run),
            ("step", stmt_step),
            ("reset", stmt_reset),
            ("fetch", stmt_fetch),
            ("description", stmt_description),
            ("column_names", |ts, a| column_strings(ts, &a, ffi::sqlite3_column_name)),
            ("decltypes", |ts, a| column_strings(ts, &a, ffi::sqlite3_column_decltype)),
        ],
    );
    add_property(t, "readonly", |ts, a| Ok(new_bool(stmt_flag(ts, &a, ffi::sqlite3_stmt_readonly)? != 0)), None);
    add_property(t, "busy", |ts, a| Ok(new_bool(stmt_flag(ts, &a, ffi::sqlite3_stmt_busy)? != 0)), None);
    add_property(t, "column_count", |ts, a| Ok(new_int(i64::from(stmt_flag(ts, &a, ffi::sqlite3_column_count)?))), None);
    add_property(
        t,
        "is_empty",
        |_, a| Ok(new_bool(crate::math::this::<Stmt>(&a, "_sqlite3._Stmt")?.1.st.load(Ordering::Acquire).is_null())),
        None,
    );
    add_property(
        t,
        "is_dml",
        |_, a| Ok(new_bool(crate::math::this::<Stmt>(&a, "_sqlite3._Stmt")?.1.is_dml)),
        None,
    );
}
