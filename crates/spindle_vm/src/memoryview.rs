//! `memoryview` over `bytes` and `bytearray` (format 'B', one dimension):
//! slicing shares the underlying object; writes go through to a bytearray.
//! FIXME(buffer): other exporters (array, mmap) and multi-dimensional casts.

use std::sync::atomic::Ordering;

use parking_lot::Mutex;

use crate::builtins_init::check_args;
use crate::bytes::{PyByteArray, PyBytes};
use crate::error::PyResult;
use crate::function::Args;
use crate::interp::ThreadState;
use crate::num::{new_bool, new_int};
use crate::object::{PayloadKind, PyPayload, TypeRef, alloc};
use crate::ops;
use crate::runtime::{none, rt};
use crate::value::Value;
use crate::{err, raise};

pub struct PyMemoryView {
    /// The exporting object (bytes or bytearray).
    pub obj: Value,
    pub start: usize,
    pub len: usize,
    pub step: isize,
    pub released: Mutex<bool>,
    /// Item format after `cast` ('B' unless cast): one of B b c H h I i L l Q q.
    pub fmt: char,
}

impl PyPayload for PyMemoryView {
    const KIND: PayloadKind = crate::kinds::MEMORYVIEW;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.obj);
    }
}

impl Drop for PyMemoryView {
    fn drop(&mut self) {
        if !*self.released.get_mut() {
            unexport(&self.obj);
        }
    }
}

/// A new view of `obj` (registered with its exporter, if any).
fn new_view(obj: &Value, start: usize, len: usize, step: isize, fmt: char) -> Value {
    // A view counts as one export of its object until released: a bytearray
    // refuses to resize meanwhile, and registered exporters are told.
    if let Some(ba) = obj.downcast::<PyByteArray>() {
        ba.exports.fetch_add(1, Ordering::AcqRel);
    } else if let Some(e) = crate::buffer::exporter(obj) {
        (e.export)(obj, true);
    }
    alloc(rt().types.memoryview, PyMemoryView { obj: obj.clone(), start, len, step, released: Mutex::new(false), fmt })
}

/// `view.release()`: the exporter is told once.
fn release_view(v: &Value) {
    if let Some(m) = v.downcast::<PyMemoryView>() {
        let mut r = m.released.lock();
        if !*r {
            *r = true;
            drop(r);
            unexport(&m.obj);
        }
    }
}

/// Gives back one export of `obj` (see `new_view`).
fn unexport(obj: &Value) {
    if let Some(ba) = obj.downcast::<PyByteArray>() {
        ba.exports.fetch_sub(1, Ordering::AcqRel);
    } else if let Some(e) = crate::buffer::exporter(obj) {
        (e.export)(obj, false);
    }
}

impl PyMemoryView {
    fn index(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.step) as usize
    }

    /// The viewed bytes, copied.
    pub fn to_vec(&self) -> Vec<u8> {
        let src = source_bytes(&self.obj);
        (0..self.len).filter_map(|i| src.get(self.index(i)).copied()).collect()
    }
}

fn source_bytes(v: &Value) -> Vec<u8> {
    if let Some(b) = v.downcast::<PyBytes>() {
        return b.data.to_vec();
    }
    if let Some(b) = v.downcast::<PyByteArray>() {
        return b.data.lock().clone();
    }
    match crate::buffer::exporter(v) {
        Some(e) => (e.read)(v),
        None => Vec::new(),
    }
}

fn mv<'a>(a: &'a Args<'_>) -> PyResult<&'a PyMemoryView> {
    let m = a.args.first().and_then(|v| v.downcast::<PyMemoryView>()).ok_or_else(|| err!(TypeError, "expected memoryview"))?;
    if *m.released.lock() {
        raise!(ValueError, "operation forbidden on released memoryview object");
    }
    Ok(m)
}

pub fn new_memoryview(ts: &ThreadState, obj: &Value) -> PyResult {
    let _ = ts;
    if let Some(m) = obj.downcast::<PyMemoryView>() {
        return Ok(new_view(&m.obj, m.start, m.len, m.step, 'B'));
    }
    let len = if let Some(b) = obj.downcast::<PyBytes>() {
        b.data.len()
    } else if let Some(b) = obj.downcast::<PyByteArray>() {
        b.data.lock().len()
    } else if let Some(e) = crate::buffer::exporter(obj) {
        let fmt = (e.format)(obj);
        let len = (e.read)(obj).len();
        return Ok(new_view(obj, 0, len, 1, fmt));
    } else {
        raise!(TypeError, "memoryview: a bytes-like object is required, not '{}'", ops::type_name(obj))
    };
    Ok(new_view(obj, 0, len, 1, 'B'))
}

pub(crate) fn init() {
    let t = rt().types.memoryview;
    crate::builtins_init::add_new(t, |ts, a| {
        let [_, obj] = crate::builtins_init::parse_args("memoryview", a, ["cls", "object"], 2)?;
        new_memoryview(ts, obj.as_ref().unwrap_or(&none()))
    });
    crate::builtins_init::add_methods(
        t,
        &[
            ("__len__", |_, a| {
                let m = mv(&a)?;
                Ok(new_int((m.len / fmt_info(m.fmt).0) as i64))
            }),
            ("__getitem__", mv_getitem),
            ("__setitem__", mv_setitem),
            ("__buffer__", |ts, a| {
                mv(&a)?;
                if a.args.len() != 2 {
                    raise!(TypeError, "memoryview.__buffer__() takes exactly one argument ({} given)", a.args.len().saturating_sub(1));
                }
                crate::ops::index(ts, &a.args[1])?;
                new_memoryview(ts, &a.args[0])
            }),
            ("tobytes", |_, a| Ok(crate::bytes::new_bytes(&mv(&a)?.to_vec()))),
            ("tolist", |_, a| Ok(crate::seq::new_list(view_items(mv(&a)?)?))),
            ("hex", |_, a| Ok(crate::str::new_string(mv(&a)?.to_vec().iter().map(|b| format!("{b:02x}")).collect()))),
            ("release", |_, a| {
                release_view(&a.args[0]);
                Ok(none())
            }),
            ("__enter__", |_, a| Ok(a.args[0].clone())),
            ("__exit__", |_, a| {
                release_view(&a.args[0]);
                Ok(none())
            }),
            ("cast", |_, a| {
                let m = mv(&a)?;
                let f = a.args.get(1).and_then(crate::str::as_str).unwrap_or("");
                let fc = match f {
                    "B" | "b" | "c" | "H" | "h" | "I" | "i" | "L" | "l" | "Q" | "q" | "f" | "d" => f.chars().next().unwrap_or('B'),
                    _ => raise!(ValueError, "memoryview: destination format must be a native single character format prefixed with an optional '@'"),
                };
                if m.step != 1 {
                    raise!(TypeError, "memoryview: casts are restricted to C-contiguous views");
                }
                if m.len % fmt_info(fc).0 != 0 {
                    raise!(TypeError, "memoryview: length is not a multiple of itemsize");
                }
                Ok(new_view(&m.obj, m.start, m.len, m.step, fc))
            }),
            ("toreadonly", |_, a| Ok(a.args[0].clone())),
            ("__eq__", |_, a| {
                check_args("__eq__", a, 1, 1)?;
                let Some(m) = a.args[0].downcast::<PyMemoryView>() else { return Ok(rt().not_implemented.clone()) };
                match crate::builtins_init::containers::bytes_data(&a.args[1]) {
                    Some(o) => Ok(new_bool(m.to_vec() == o)),
                    None => Ok(rt().not_implemented.clone()),
                }
            }),
            ("__repr__", |_, a| Ok(crate::str::new_string(format!("<memory at {:#x}>", a.args[0].id())))),
            ("__iter__", |_, a| {
                let items = view_items(mv(&a)?)?;
                Ok(crate::object::alloc(rt().types.iterator, crate::iter::PyIter { state: Mutex::new(crate::iter::IterState::Values { items, index: 0 }) }))
            }),
        ],
    );
    crate::builtins_init::add_methods(
        t,
        &[("__hash__", |ts, a| {
            let m = mv(&a)?;
            if m.obj.downcast::<PyByteArray>().is_some() {
                raise!(ValueError, "cannot hash writable memoryview object");
            }
            let b = crate::bytes::new_bytes(&m.to_vec());
            Ok(new_int(ops::hash(ts, &b)?))
        })],
    );
}

fn mv_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__getitem__", a, 1, 1)?;
    let m = mv(&a)?;
    let key = &a.args[1];
    if let Some(sl) = key.downcast::<crate::cell::PySlice>() {
        let size = fmt_info(m.fmt).0;
        if size > 1 && m.step == 1 {
            // Items of a multi-byte format: contiguous slices keep the format.
            let (start, _, step, count) = crate::builtins_init::strings::slice_indices(ts, sl, m.len / size)?;
            if step != 1 && count > 1 {
                raise!(NotImplementedError, "memoryview: strided slices of format '{}' are not supported", m.fmt);
            }
            let new_start = if count == 0 { m.start } else { m.start + start.max(0) as usize * size };
            return Ok(new_view(&m.obj, new_start, count * size, 1, m.fmt));
        }
        let (start, _, step, count) = crate::builtins_init::strings::slice_indices(ts, sl, m.len)?;
        let new_start = m.index(start.max(0) as usize);
        return Ok(new_view(&m.obj, if count == 0 { m.start } else { new_start }, count, m.step * step, 'B'));
    }
    let i = ops::index_isize(ts, key)?;
    let (size, signed) = fmt_info(m.fmt);
    unsupported(m.fmt)?;
    if size > 1 && m.step == 1 {
        let n = (m.len / size) as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            raise!(IndexError, "index out of bounds on dimension 1");
        }
        let src = source_bytes(&m.obj);
        let at = m.start + j as usize * size;
        let Some(c) = src.get(at..at + size) else { raise!(IndexError, "index out of bounds on dimension 1") };
        return Ok(decode_item(m.fmt, signed, c));
    }
    let n = m.len as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        raise!(IndexError, "index out of bounds on dimension 1");
    }
    let src = source_bytes(&m.obj);
    let item: Vec<u8> = (0..size).map(|b| src.get(m.index(j as usize * size + b)).copied().unwrap_or(0)).collect();
    if m.fmt == 'c' {
        return Ok(crate::bytes::new_bytes(&item));
    }
    let mut buf = [0u8; 8];
    buf[..size].copy_from_slice(&item);
    let u = u64::from_le_bytes(buf);
    if signed {
        let shift = 64 - 8 * size as u32;
        return Ok(new_int(((u << shift) as i64) >> shift));
    }
    Ok(crate::num::new_bigint(num_bigint::BigInt::from(u)))
}

/// The little-endian bytes of `v` in format `fmt`, or CPython's invalid type/value errors.
fn encode_item(v: &Value, fmt: char) -> PyResult<Vec<u8>> {
    let (size, signed) = fmt_info(fmt);
    if fmt == 'c' {
        return match v.downcast::<PyBytes>() {
            Some(b) if b.data.len() == 1 => Ok(b.data.to_vec()),
            Some(_) => raise!(ValueError, "memoryview: invalid value for format 'c'"),
            None => raise!(TypeError, "memoryview: invalid type for format 'c'"),
        };
    }
    if !crate::num::is_int(v) {
        raise!(TypeError, "memoryview: invalid type for format '{}'", fmt);
    }
    let big = crate::num::int_to_big(v).unwrap_or_default();
    let bits = 8 * size as u32;
    let (lo, hi) = if signed {
        (-(num_bigint::BigInt::from(1) << (bits - 1)), (num_bigint::BigInt::from(1) << (bits - 1)) - 1)
    } else {
        (num_bigint::BigInt::from(0), (num_bigint::BigInt::from(1) << bits) - 1)
    };
    if big < lo || big > hi {
        raise!(ValueError, "memoryview: invalid value for format '{}'", fmt);
    }
    let bytes = big.to_signed_bytes_le();
    let fill = if big < num_bigint::BigInt::from(0) { 0xff } else { 0 };
    Ok((0..size).map(|k| bytes.get(k).copied().unwrap_or(fill)).collect())
}

fn mv_setitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__setitem__", a, 2, 2)?;
    let m = mv(&a)?;
    let Some(ba) = m.obj.downcast::<PyByteArray>() else { return mv_setitem_exported(ts, m, &a) };
    let key = &a.args[1];
    if let Some(sl) = key.downcast::<crate::cell::PySlice>() {
        let (start, _, step, count) = crate::builtins_init::strings::slice_indices(ts, sl, m.len)?;
        let data = crate::builtins_init::containers::bytes_like(ts, &a.args[2])?;
        if data.len() != count {
            raise!(ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        }
        let mut buf = ba.data.lock();
        for (k, b) in data.into_iter().enumerate() {
            let idx = m.index((start + k as isize * step) as usize);
            if let Some(slot) = buf.get_mut(idx) {
                *slot = b;
            }
        }
        return Ok(none());
    }
    let size = fmt_info(m.fmt).0;
    let i = ops::index_isize(ts, key)?;
    let n = (m.len / size) as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        raise!(IndexError, "index out of bounds on dimension 1");
    }
    let item = encode_item(&a.args[2], m.fmt)?;
    let mut buf = ba.data.lock();
    for (k, b) in item.into_iter().enumerate() {
        if let Some(slot) = buf.get_mut(m.index(j as usize * size + k)) {
            *slot = b;
        }
    }
    Ok(none())
}

pub fn memoryview_attr(obj: &Value, name: &str) -> Option<Value> {
    let m = obj.downcast::<PyMemoryView>()?;
    Some(match name {
        "obj" => m.obj.clone(),
        "nbytes" => new_int(m.len as i64),
        "readonly" => new_bool(m.obj.downcast::<PyByteArray>().is_none() && crate::buffer::exporter(&m.obj).is_none()),
        "itemsize" => new_int(fmt_info(m.fmt).0 as i64),
        "format" => crate::str::new_str(&m.fmt.to_string()),
        "ndim" => new_int(1),
        "shape" => crate::seq::new_tuple(vec![new_int((m.len / fmt_info(m.fmt).0) as i64)]),
        "strides" => crate::seq::new_tuple(vec![new_int(m.step as i64 * fmt_info(m.fmt).0 as i64)]),
        "c_contiguous" | "contiguous" | "f_contiguous" => new_bool(m.step == 1),
        "released" => new_bool(*m.released.lock()),
        _ => return None,
    })
}

pub fn type_ref() -> TypeRef {
    rt().types.memoryview
}

/// (item size in bytes, signed) of a struct-style format character.
fn fmt_info(f: char) -> (usize, bool) {
    match f {
        'b' => (1, true),
        'H' => (2, false),
        'h' => (2, true),
        'I' => (4, false),
        'i' => (4, true),
        'L' | 'Q' => (8, false),
        'l' | 'q' => (8, true),
        'f' => (4, true),
        'w' => (4, false),
        'd' => (8, true),
        _ => (1, false),
    }
}

/// One item of format `fmt` from its native (little-endian) bytes.
fn decode_item(fmt: char, signed: bool, c: &[u8]) -> Value {
    let mut buf = [0u8; 8];
    let size = c.len().min(8);
    buf[..size].copy_from_slice(&c[..size]);
    match fmt {
        'f' => crate::num::new_float(f64::from(f32::from_le_bytes([buf[0], buf[1], buf[2], buf[3]]))),
        'd' => crate::num::new_float(f64::from_le_bytes(buf)),
        _ => {
            let u = u64::from_le_bytes(buf);
            if signed {
                let shift = 64 - 8 * size as u32;
                crate::num::new_int(((u << shift) as i64) >> shift)
            } else {
                crate::num::new_bigint(num_bigint::BigInt::from(u))
            }
        }
    }
}

/// `view[i] = v` / `view[a:b] = data` on a view of a registered exporter
/// (format 'B' views only; other formats are read-only here).
fn mv_setitem_exported(ts: &ThreadState, m: &PyMemoryView, a: &Args<'_>) -> PyResult {
    let Some(e) = crate::buffer::exporter(&m.obj) else { raise!(TypeError, "cannot modify read-only memory") };
    if m.fmt != 'B' {
        raise!(NotImplementedError, "memoryview: assignment to format '{}' is not supported", m.fmt);
    }
    let key = &a.args[1];
    if let Some(sl) = key.downcast::<crate::cell::PySlice>() {
        let (start, _, step, count) = crate::builtins_init::strings::slice_indices(ts, sl, m.len)?;
        let data = crate::builtins_init::containers::bytes_like(ts, &a.args[2])?;
        if data.len() != count {
            raise!(ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        }
        for (k, b) in data.into_iter().enumerate() {
            (e.write)(&m.obj, m.index((start + k as isize * step) as usize), &[b]);
        }
        return Ok(none());
    }
    let i = ops::index_isize(ts, key)?;
    let n = m.len as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        raise!(IndexError, "index out of bounds on dimension 1");
    }
    let v = crate::num::int_to_i64(&a.args[2]).filter(|v| (0..256).contains(v)).ok_or_else(|| err!(ValueError, "memoryview: invalid value for format 'B'"))?;
    (e.write)(&m.obj, m.index(j as usize), &[v as u8]);
    Ok(none())
}

/// Formats a view can describe but not convert to Python values.
fn unsupported(fmt: char) -> PyResult<()> {
    if fmt == 'w' {
        raise!(NotImplementedError, "memoryview: format w not supported");
    }
    Ok(())
}

/// The view's items as Python values, per its format.
fn view_items(m: &PyMemoryView) -> PyResult<Vec<Value>> {
    unsupported(m.fmt)?;
    let (size, signed) = fmt_info(m.fmt);
    Ok(m.to_vec().chunks(size).filter(|c| c.len() == size).map(|c| decode_item(m.fmt, signed, c)).collect())
}
