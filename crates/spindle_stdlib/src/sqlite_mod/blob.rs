//! `_BlobHandle`: an open incremental-I/O blob (`sqlite3_blob`). The glue's
//! `Blob` keeps the position and checks arguments; this reads and writes
//! byte ranges.

use std::ffi::{CString, c_int};
use std::sync::atomic::{AtomicPtr, Ordering};

use libsqlite3_sys as ffi;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{int_to_i64, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::runtime::none;
use spindle_vm::{PyResult, Value, ops, raise};

use super::db::{Db, this as db_this, types};
use super::{class_error, db_error, utf8_of};
use crate::kinds::{SQLITE_BASE, kind};

pub(crate) struct BlobHandle {
    db: Value,
    /// Null once closed.
    blob: AtomicPtr<ffi::sqlite3_blob>,
}

impl PyPayload for BlobHandle {
    const KIND: PayloadKind = kind(SQLITE_BASE + 2);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.db);
    }
}

impl Drop for BlobHandle {
    fn drop(&mut self) {
        let b = self.blob.swap(std::ptr::null_mut(), Ordering::AcqRel);
        if !b.is_null() {
            // SAFETY: ours, closed once; a closed connection is a zombie
            // until its last blob closes.
            unsafe { ffi::sqlite3_blob_close(b) };
        }
    }
}

fn cstring(ts: &ThreadState, v: &Value) -> PyResult<CString> {
    match CString::new(utf8_of(ts, v)?) {
        Ok(c) => Ok(c),
        Err(_) => raise!(ValueError, "embedded null character"),
    }
}

/// `_Db.blobopen(table, column, row, readonly, name)`.
pub(crate) fn open(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (me, db) = (a.args.first().cloned().unwrap_or_else(none), db_this(&a)?);
    let v = crate::math::exact("blobopen", &a, 1, 5, 5)?;
    let (table, column, name) = (cstring(ts, &v[0])?, cstring(ts, &v[1])?, cstring(ts, &v[4])?);
    let Some(row) = int_to_i64(&v[2]) else { raise!(OverflowError, "Python int too large to convert to C long") };
    let readonly = ops::is_true(ts, &v[3])?;
    let mut blob: *mut ffi::sqlite3_blob = std::ptr::null_mut();
    let bp = (&raw mut blob) as usize;
    let rc = db.call(ts, |h| {
        // SAFETY: `h` is open under the lock; the names are NUL-terminated
        // and `bp` points to `blob` on this frame.
        unsafe {
            ffi::sqlite3_blob_open(
                h,
                name.as_ptr(),
                table.as_ptr(),
                column.as_ptr(),
                row,
                c_int::from(!readonly),
                bp as *mut *mut ffi::sqlite3_blob,
            )
        }
    })?;
    if rc != ffi::SQLITE_OK {
        let _g = db.lock(ts);
        let h = db.handle();
        // SAFETY: `h` is open (checked by call) under the lock.
        return Err(unsafe { db_error(ts, h) });
    }
    Ok(alloc(types().blob, BlobHandle { db: me, blob: AtomicPtr::new(blob) }))
}

fn this<'a>(ts: &ThreadState, a: &'a Args<'_>) -> PyResult<(&'a BlobHandle, &'a Db, *mut ffi::sqlite3_blob)> {
    let (_, b) = crate::math::this::<BlobHandle>(a, "_sqlite3._BlobHandle")?;
    let Some(db) = b.db.downcast::<Db>() else { raise!(SystemError, "blob without a connection") };
    let p = b.blob.load(Ordering::Acquire);
    if p.is_null() {
        return Err(class_error(ts, "ProgrammingError", "Cannot operate on a closed blob."));
    }
    if db.handle().is_null() {
        return Err(class_error(ts, "ProgrammingError", "Cannot operate on a closed database."));
    }
    Ok((b, db, p))
}

fn int_at(a: &Args<'_>, i: usize) -> PyResult<c_int> {
    match a.args.get(i).and_then(int_to_i64).and_then(|n| c_int::try_from(n).ok()) {
        Some(n) => Ok(n),
        None => raise!(OverflowError, "Python int too large to convert to C int"),
    }
}

fn blob_len(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, db, p) = this(ts, &a)?;
    let _g = db.lock(ts);
    // SAFETY: an open blob under the connection's lock.
    Ok(new_int(i64::from(unsafe { ffi::sqlite3_blob_bytes(p) })))
}

/// `read_at(offset, n)`: `n` bytes from `offset` (the glue keeps them in range).
fn blob_read_at(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, db, p) = this(ts, &a)?;
    let (off, n) = (int_at(&a, 1)?, int_at(&a, 2)?);
    let _g = db.lock(ts);
    // SAFETY: an open blob under the connection's lock.
    let len = unsafe { ffi::sqlite3_blob_bytes(p) };
    if off < 0 || off > len {
        raise!(ValueError, "offset out of blob range");
    }
    // Never more than the blob holds: `n` comes from Python.
    let n = n.clamp(0, len - off);
    let mut buf = vec![0u8; usize::try_from(n).unwrap_or(0)];
    // SAFETY: an open blob under the lock; `buf` holds `n` bytes.
    let rc = unsafe { ffi::sqlite3_blob_read(p, buf.as_mut_ptr().cast(), n, off) };
    if rc != ffi::SQLITE_OK {
        // SAFETY: the connection is open (checked) under the lock.
        return Err(unsafe { db_error(ts, db.handle()) });
    }
    Ok(spindle_vm::bytes::new_bytes(&buf))
}

/// `write_at(offset, data)`.
fn blob_write_at(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, db, p) = this(ts, &a)?;
    let off = int_at(&a, 1)?;
    let Some(data) = a.args.get(2) else { raise!(TypeError, "write_at needs data") };
    let data = crate::math::bytes_of(ts, data, "")?;
    let Ok(n) = c_int::try_from(data.len()) else { raise!(OverflowError, "data longer than INT_MAX bytes") };
    let _g = db.lock(ts);
    // SAFETY: an open blob under the lock; `data` holds `n` bytes.
    let rc = unsafe { ffi::sqlite3_blob_write(p, data.as_ptr().cast(), n, off) };
    if rc != ffi::SQLITE_OK {
        // SAFETY: as in read_at.
        return Err(unsafe { db_error(ts, db.handle()) });
    }
    Ok(none())
}

fn blob_close(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, b) = crate::math::this::<BlobHandle>(&a, "_sqlite3._BlobHandle")?;
    let Some(db) = b.db.downcast::<Db>() else { raise!(SystemError, "blob without a connection") };
    let _g = db.lock(ts);
    let p = b.blob.swap(std::ptr::null_mut(), Ordering::AcqRel);
    if !p.is_null() {
        // SAFETY: ours, swapped out, closed once.
        unsafe { ffi::sqlite3_blob_close(p) };
    }
    Ok(none())
}

pub(crate) fn install(t: TypeRef) {
    use spindle_vm::native::{add_methods, add_property};
    add_methods(t, &[("read_at", blob_read_at), ("write_at", blob_write_at), ("close", blob_close)]);
    add_property(t, "length", blob_len, None);
    add_property(
        t,
        "closed",
        |_, a| {
            let (_, b) = crate::math::this::<BlobHandle>(&a, "_sqlite3._BlobHandle")?;
            Ok(spindle_vm::num::new_bool(b.blob.load(Ordering::Acquire).is_null()))
        },
        None,
    );
}
