//! `memoryview` over `bytes`, `bytearray` and registered exporters
//! (`buffer.rs`): CPython's native single-character item formats, N
//! dimensions with shape and strides (`cast(format, shape)`), indexing with
//! a tuple of ints, slicing along the first dimension, `tolist`, `tobytes`
//! in C or Fortran order, comparisons by item value. Slices share the
//! exporter's memory; writes go through to a bytearray or an exporter.

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
use crate::runtime::{is_none, none, rt};
use crate::value::Value;
use crate::{err, raise};

/// CPython's limit on a view's number of dimensions.
const MAX_DIM: usize = 64;

pub struct PyMemoryView {
    /// The exporting object (bytes, bytearray or a registered exporter).
    pub obj: Value,
    pub layout: Layout,
    pub released: Mutex<bool>,
}

/// Where a view's items lie in its exporter's bytes, and what they are.
#[derive(Clone)]
pub struct Layout {
    /// Byte offset of the item whose indices are all 0.
    pub offset: isize,
    /// Items per dimension (empty for a 0-dimensional view).
    pub shape: Vec<usize>,
    /// Bytes between consecutive items of each dimension.
    pub strides: Vec<isize>,
    /// The item format as `format` shows it ('B', '@i', ...).
    pub format: String,
    pub itemsize: usize,
    pub readonly: bool,
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

impl Layout {
    /// A one-dimensional, contiguous layout of `len` bytes of `format` items.
    fn flat(len: usize, format: &str, readonly: bool) -> Layout {
        let itemsize = format_code(format).and_then(item_size).unwrap_or(1);
        Layout { offset: 0, shape: vec![len / itemsize], strides: vec![itemsize as isize], format: format.to_owned(), itemsize, readonly }
    }

    fn ndim(&self) -> usize {
        self.shape.len()
    }

    fn nitems(&self) -> usize {
        self.shape.iter().product()
    }

    fn nbytes(&self) -> usize {
        self.nitems() * self.itemsize
    }

    /// The exporter bytes [lo, hi) the items lie in.
    fn span(&self) -> (isize, isize) {
        let start = self.offset.max(0);
        if self.nitems() == 0 {
            return (start, start);
        }
        let (mut lo, mut hi) = (self.offset, self.offset + self.itemsize as isize);
        for (&n, &s) in self.shape.iter().zip(&self.strides) {
            let reach = s * (n as isize - 1);
            if reach < 0 {
                lo += reach;
            } else {
                hi += reach;
            }
        }
        (lo.max(0), hi.max(lo.max(0)))
    }

    /// This layout over bytes that start at exporter offset `lo`.
    fn rebased(&self, lo: isize) -> Layout {
        Layout { offset: self.offset - lo, ..self.clone() }
    }

    /// Byte offsets of the items, in C (last index fastest) or Fortran order.
    fn offsets(&self, fortran: bool) -> Vec<isize> {
        let n = self.nitems();
        let mut out = Vec::with_capacity(n);
        if n == 0 {
            return out;
        }
        let nd = self.ndim();
        let mut idx = vec![0usize; nd];
        for _ in 0..n {
            out.push(self.offset + idx.iter().zip(&self.strides).map(|(&i, &s)| i as isize * s).sum::<isize>());
            // Advance the multi-index: the fastest dimension first.
            for k in 0..nd {
                let d = if fortran { k } else { nd - 1 - k };
                idx[d] += 1;
                if idx[d] < self.shape[d] {
                    break;
                }
                idx[d] = 0;
            }
        }
        out
    }

    /// Whether the items lie back to back in C (or Fortran) order.
    fn contiguous(&self, fortran: bool) -> bool {
        if self.nitems() == 0 {
            return true;
        }
        let mut expected = self.itemsize as isize;
        let nd = self.ndim();
        for k in 0..nd {
            let d = if fortran { k } else { nd - 1 - k };
            if self.shape[d] > 1 && self.strides[d] != expected {
                return false;
            }
            expected *= self.shape[d] as isize;
        }
        true
    }

    /// The byte offset of the item at `indices` (one per dimension), with
    /// CPython's bounds errors.
    fn item_offset(&self, indices: &[isize]) -> PyResult<isize> {
        let mut at = self.offset;
        for (d, &i) in indices.iter().enumerate() {
            let n = self.shape[d] as isize;
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                raise!(IndexError, "index out of bounds on dimension {}", d + 1);
            }
            at += j * self.strides[d];
        }
        Ok(at)
    }
}

/// A new view of `obj` (registered with its exporter, if any).
fn new_view(obj: &Value, layout: Layout) -> Value {
    // A view counts as one export of its object until released: a bytearray
    // refuses to resize meanwhile, and registered exporters are told.
    if let Some(ba) = obj.downcast::<PyByteArray>() {
        ba.exports.fetch_add(1, Ordering::AcqRel);
    } else if let Some(e) = crate::buffer::exporter(obj) {
        (e.export)(obj, true);
    }
    alloc(rt().types.memoryview, PyMemoryView { obj: obj.clone(), layout, released: Mutex::new(false) })
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
    /// The viewed bytes in C order, copied.
    pub fn to_vec(&self) -> Vec<u8> {
        let (src, layout) = reachable(&self.obj, &self.layout);
        gather(&layout, &src, false)
    }

    /// The item at `indices` as a Python value.
    fn item(&self, indices: &[isize]) -> PyResult {
        let code = item_code(&self.layout)?;
        let at = self.layout.item_offset(indices)?;
        let mut one = self.layout.clone();
        (one.offset, one.shape, one.strides) = (at, Vec::new(), Vec::new());
        let (src, one) = reachable(&self.obj, &one);
        Ok(decode_item(code, item_bytes(&src, one.offset, self.layout.itemsize)))
    }

    /// Writes `data` (one item's bytes) at byte offset `at` of the exporter.
    fn write(&self, at: isize, data: &[u8]) -> PyResult<()> {
        let Ok(at) = usize::try_from(at) else { raise!(IndexError, "index out of range") };
        if let Some(ba) = self.obj.downcast::<PyByteArray>() {
            let mut buf = ba.data.lock();
            if let Some(dst) = buf.get_mut(at..at + data.len()) {
                dst.copy_from_slice(data);
            }
            return Ok(());
        }
        match crate::buffer::exporter(&self.obj) {
            Some(e) if (e.write)(&self.obj, at, data) => Ok(()),
            _ => raise!(TypeError, "cannot modify read-only memory"),
        }
    }
}

/// The bytes of the items of `layout` in C (or Fortran) order.
fn gather(layout: &Layout, src: &[u8], fortran: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(layout.nbytes());
    for at in layout.offsets(fortran) {
        out.extend_from_slice(item_bytes(src, at, layout.itemsize));
    }
    out
}

/// `size` bytes at `at` of `src` (zero-filled past the end, which a live
/// export never reaches: its exporter cannot shrink).
fn item_bytes(src: &[u8], at: isize, size: usize) -> &[u8] {
    usize::try_from(at).ok().and_then(|a| src.get(a..a + size)).unwrap_or(&[0; 8][..size.min(8)])
}

/// The bytes of `obj` that `layout` reaches, with the layout rebased onto
/// them: only that span for an exporter that reads ranges (an mmap), else
/// all of the exporter's bytes.
fn reachable(obj: &Value, layout: &Layout) -> (Vec<u8>, Layout) {
    if let Some(r) = crate::buffer::exporter(obj).and_then(|e| e.ranges) {
        let (lo, hi) = layout.span();
        return ((r.read)(obj, lo as usize, (hi - lo) as usize), layout.rebased(lo));
    }
    (source_bytes(obj), layout.clone())
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

fn check_released(m: &PyMemoryView) -> PyResult<()> {
    if *m.released.lock() {
        raise!(ValueError, "operation forbidden on released memoryview object");
    }
    Ok(())
}

fn mv<'a>(a: &'a Args<'_>) -> PyResult<&'a PyMemoryView> {
    let m = a.args.first().and_then(|v| v.downcast::<PyMemoryView>()).ok_or_else(|| err!(TypeError, "expected memoryview"))?;
    check_released(m)?;
    Ok(m)
}

/// The exporter and layout of a bytes-like object, as a fresh view would see it.
fn buffer_of(obj: &Value) -> PyResult<Option<(Value, Layout)>> {
    if let Some(m) = obj.downcast::<PyMemoryView>() {
        check_released(m)?;
        return Ok(Some((m.obj.clone(), m.layout.clone())));
    }
    if let Some(b) = obj.downcast::<PyBytes>() {
        return Ok(Some((obj.clone(), Layout::flat(b.data.len(), "B", true))));
    }
    if let Some(b) = obj.downcast::<PyByteArray>() {
        let len = b.data.lock().len();
        return Ok(Some((obj.clone(), Layout::flat(len, "B", false))));
    }
    if let Some(e) = crate::buffer::exporter(obj) {
        let fmt = (e.format)(obj).to_string();
        let len = match e.ranges {
            Some(r) => (r.len)(obj),
            None => (e.read)(obj).len(),
        };
        return Ok(Some((obj.clone(), Layout::flat(len, &fmt, false))));
    }
    Ok(None)
}

pub fn new_memoryview(ts: &ThreadState, obj: &Value) -> PyResult {
    let _ = ts;
    match buffer_of(obj)? {
        Some((exporter, layout)) => Ok(new_view(&exporter, layout)),
        None => raise!(TypeError, "memoryview: a bytes-like object is required, not '{}'", ops::type_name(obj)),
    }
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
                match m.layout.shape.first() {
                    Some(&n) => Ok(new_int(n as i64)),
                    None => raise!(TypeError, "0-dim memory has no length"),
                }
            }),
            ("__getitem__", mv_getitem),
            ("__setitem__", mv_setitem),
            ("__delitem__", |_, a| {
                let m = mv(&a)?;
                if m.layout.readonly {
                    raise!(TypeError, "cannot modify read-only memory");
                }
                raise!(TypeError, "cannot delete memory")
            }),
            ("__buffer__", |ts, a| {
                mv(&a)?;
                if a.args.len() != 2 {
                    raise!(TypeError, "memoryview.__buffer__() takes exactly one argument ({} given)", a.args.len().saturating_sub(1));
                }
                crate::ops::index(ts, &a.args[1])?;
                new_memoryview(ts, &a.args[0])
            }),
            ("tobytes", mv_tobytes),
            ("tolist", |_, a| {
                let m = mv(&a)?;
                check_args("tolist", a, 0, 0)?;
                let code = item_code(&m.layout)?;
                let (src, layout) = reachable(&m.obj, &m.layout);
                Ok(nested_list(&layout, code, &src, 0, layout.offset))
            }),
            ("hex", |ts, a| {
                let m = mv(&a)?;
                let [_, sep, per] = crate::builtins_init::parse_args("hex", a, ["self", "sep", "bytes_per_sep"], 1)?;
                let data = m.to_vec();
                Ok(crate::str::new_string(crate::builtins_init::bytes_type::hex_with_sep(ts, &data, sep.as_ref(), per.as_ref())?))
            }),
            ("release", |_, a| {
                check_args("release", a, 0, 0)?;
                release_view(&a.args[0]);
                Ok(none())
            }),
            ("__enter__", |_, a| {
                mv(&a)?;
                Ok(a.args[0].clone())
            }),
            ("__exit__", |_, a| {
                release_view(&a.args[0]);
                Ok(none())
            }),
            ("cast", mv_cast),
            ("toreadonly", |_, a| {
                let m = mv(&a)?;
                check_args("toreadonly", a, 0, 0)?;
                Ok(new_view(&m.obj, Layout { readonly: true, ..m.layout.clone() }))
            }),
            ("count", |ts, a| {
                let m = mv(&a)?;
                check_args("count", a, 1, 1)?;
                let mut n = 0;
                for item in iter_items(m)? {
                    if ops::eq(ts, &item, &a.args[1])? {
                        n += 1;
                    }
                }
                Ok(new_int(n))
            }),
            ("index", mv_index),
            ("__eq__", |_, a| {
                check_args("__eq__", a, 1, 1)?;
                mv_eq(&a.args[0], &a.args[1])
            }),
            ("__repr__", |_, a| {
                let Some(m) = a.args[0].downcast::<PyMemoryView>() else { raise!(TypeError, "expected memoryview") };
                let released = if *m.released.lock() { "released " } else { "" };
                Ok(crate::str::new_string(format!("<{released}memory at {:#x}>", a.args[0].id())))
            }),
            ("__iter__", |_, a| {
                let items = iter_items(mv(&a)?)?;
                Ok(crate::object::alloc(rt().types.iterator, crate::iter::PyIter { state: crate::lock::ShortMutex::new(crate::iter::IterState::Values { items, index: 0 }) }))
            }),
        ],
    );
    crate::builtins_init::add_methods(
        t,
        &[("__hash__", |ts, a| {
            let m = mv(&a)?;
            if !m.layout.readonly {
                raise!(ValueError, "cannot hash writable memoryview object");
            }
            if !matches!(format_code(&m.layout.format), Some('B' | 'b' | 'c')) {
                raise!(ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
            }
            let b = crate::bytes::new_bytes(&m.to_vec());
            Ok(new_int(ops::hash(ts, &b)?))
        })],
    );
}

/// The items of a one-dimensional view, for iteration and `count`.
fn iter_items(m: &PyMemoryView) -> PyResult<Vec<Value>> {
    match m.layout.ndim() {
        0 => raise!(TypeError, "invalid indexing of 0-dim memory"),
        1 => {}
        _ => raise!(NotImplementedError, "multi-dimensional sub-views are not implemented"),
    }
    let code = item_code(&m.layout)?;
    let (src, layout) = reachable(&m.obj, &m.layout);
    Ok(layout.offsets(false).into_iter().map(|at| decode_item(code, item_bytes(&src, at, layout.itemsize))).collect())
}

/// `tolist()` below dimension `dim`, starting at byte offset `at`.
fn nested_list(l: &Layout, code: char, src: &[u8], dim: usize, at: isize) -> Value {
    if dim == l.ndim() {
        return decode_item(code, item_bytes(src, at, l.itemsize));
    }
    let items = (0..l.shape[dim]).map(|i| nested_list(l, code, src, dim + 1, at + i as isize * l.strides[dim])).collect();
    crate::seq::new_list(items)
}

/// Whether `v` can be an index (has `__index__`).
fn is_index(v: &Value) -> bool {
    crate::num::is_int(v) || v.type_ref().lookup("__index__").is_some()
}

/// An index key as a machine integer (IndexError when it does not fit).
fn index_key(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let i = ops::index(ts, v)?;
    match crate::num::int_to_i64(&i).and_then(|x| isize::try_from(x).ok()) {
        Some(x) => Ok(x),
        None => raise!(IndexError, "cannot fit '{}' into an index-sized integer", ops::type_name(v)),
    }
}

/// What a subscript key selects.
enum Key {
    /// One item, by one index per dimension.
    Item(Vec<isize>),
    /// A slice of the first dimension.
    Slice(Value),
}

/// Sorts `key` out as CPython's memoryview subscript does; `setting` picks
/// the wording of the assignment errors.
fn parse_key(ts: &ThreadState, l: &Layout, key: &Value, setting: bool) -> PyResult<Key> {
    let ndim = l.ndim();
    if ndim == 0 {
        let empty = crate::seq::tuple_items(key).is_some_and(<[Value]>::is_empty);
        if empty || key.is(&rt().ellipsis) {
            return Ok(Key::Item(Vec::new()));
        }
        raise!(TypeError, "invalid indexing of 0-dim memory");
    }
    if is_index(key) {
        if ndim > 1 {
            if setting {
                raise!(NotImplementedError, "sub-views are not implemented");
            }
            raise!(NotImplementedError, "multi-dimensional sub-views are not implemented");
        }
        return Ok(Key::Item(vec![index_key(ts, key)?]));
    }
    if key.downcast::<crate::cell::PySlice>().is_some() {
        if setting && ndim != 1 {
            raise!(NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
        }
        return Ok(Key::Slice(key.clone()));
    }
    if let Some(items) = crate::seq::tuple_items(key) {
        if items.iter().all(is_index) {
            if items.len() < ndim {
                raise!(NotImplementedError, "sub-views are not implemented");
            }
            if items.len() > ndim {
                raise!(TypeError, "cannot index {}-dimension view with {}-element tuple", ndim, items.len());
            }
            let idx = items.iter().map(|v| index_key(ts, v)).collect::<PyResult<Vec<_>>>()?;
            return Ok(Key::Item(idx));
        }
        if items.iter().all(|v| v.downcast::<crate::cell::PySlice>().is_some()) {
            if setting {
                raise!(NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
            }
            raise!(NotImplementedError, "multi-dimensional slicing is not implemented");
        }
    }
    raise!(TypeError, "memoryview: invalid slice key")
}

/// The layout of `l` sliced along its first dimension.
fn slice_layout(ts: &ThreadState, l: &Layout, key: &Value) -> PyResult<Layout> {
    let Some(sl) = key.downcast::<crate::cell::PySlice>() else { raise!(TypeError, "memoryview: invalid slice key") };
    let (start, _, step, count) = crate::builtins_init::strings::slice_indices(ts, sl, l.shape[0])?;
    let mut out = l.clone();
    if count > 0 {
        out.offset += start * l.strides[0];
    }
    out.shape[0] = count;
    out.strides[0] = l.strides[0] * step;
    Ok(out)
}

fn mv_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let m = mv(&a)?;
    check_args("__getitem__", a, 1, 1)?;
    match parse_key(ts, &m.layout, &a.args[1], false)? {
        // A 0-dimensional view indexed with `...` is the view itself.
        Key::Item(idx) if idx.is_empty() && a.args[1].is(&rt().ellipsis) => Ok(a.args[0].clone()),
        Key::Item(idx) => m.item(&idx),
        Key::Slice(k) => Ok(new_view(&m.obj, slice_layout(ts, &m.layout, &k)?)),
    }
}

fn mv_setitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let m = mv(&a)?;
    check_args("__setitem__", a, 2, 2)?;
    if m.layout.readonly {
        raise!(TypeError, "cannot modify read-only memory");
    }
    match parse_key(ts, &m.layout, &a.args[1], true)? {
        Key::Item(idx) => {
            let code = item_code(&m.layout)?;
            let data = encode_item(ts, &a.args[2], code)?;
            let at = m.layout.item_offset(&idx)?;
            m.write(at, &data)?;
        }
        Key::Slice(k) => {
            let dest = slice_layout(ts, &m.layout, &k)?;
            let Some((src_obj, src)) = buffer_of(&a.args[2])? else {
                raise!(TypeError, "a bytes-like object is required, not '{}'", ops::type_name(&a.args[2]))
            };
            // Same item format and shape, as CPython's `equiv_structure`.
            if src.format != dest.format || src.itemsize != dest.itemsize || src.shape != dest.shape {
                raise!(ValueError, "memoryview assignment: lvalue and rvalue have different structures");
            }
            let (bytes, src) = reachable(&src_obj, &src);
            let data = gather(&src, &bytes, false);
            for (at, chunk) in dest.offsets(false).into_iter().zip(data.chunks(dest.itemsize)) {
                m.write(at, chunk)?;
            }
        }
    }
    Ok(none())
}

/// `view.cast(format[, shape])`.
fn mv_cast(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let m = mv(&a)?;
    let [_, format, shape] = crate::builtins_init::parse_args("cast", a, ["self", "format", "shape"], 2)?;
    let format = format.unwrap_or_else(none);
    let Some(fmt) = crate::str::as_str(&format) else {
        raise!(TypeError, "cast() argument 'format' must be str, not {}", ops::type_name(&format))
    };
    let l = &m.layout;
    if !l.contiguous(false) {
        raise!(TypeError, "memoryview: casts are restricted to C-contiguous views");
    }
    if (shape.is_some() || l.ndim() != 1) && l.shape.contains(&0) {
        raise!(TypeError, "memoryview: cannot cast view with zeros in shape or strides");
    }
    let dims: Option<Vec<Value>> = match &shape {
        None => None,
        Some(s) => match (s.downcast::<crate::seq::PyList>(), crate::seq::tuple_items(s)) {
            (Some(l), _) => Some(l.snapshot()),
            (_, Some(t)) => Some(t.to_vec()),
            _ => raise!(TypeError, "shape must be a list or a tuple"),
        },
    };
    if let Some(d) = &dims {
        if d.len() > MAX_DIM {
            raise!(ValueError, "memoryview: number of dimensions must not exceed {}", MAX_DIM);
        }
        if l.ndim() != 1 && d.len() != 1 {
            raise!(TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
        }
    }
    let Some(dest) = format_code(fmt).filter(|c| castable(*c)) else {
        raise!(ValueError, "memoryview: destination format must be a native single character format prefixed with an optional '@'")
    };
    let Some(src) = format_code(&l.format).filter(|c| castable(*c) || *c == 'w') else {
        raise!(ValueError, "memoryview: source format must be a native single character format prefixed with an optional '@'")
    };
    let byte_fmt = |c: char| matches!(c, 'B' | 'b' | 'c');
    if !byte_fmt(dest) && !byte_fmt(src) {
        raise!(TypeError, "memoryview: cannot cast between two non-byte formats");
    }
    let itemsize = item_size(dest).unwrap_or(1);
    let len = l.nbytes();
    if len % itemsize != 0 {
        raise!(TypeError, "memoryview: length is not a multiple of itemsize");
    }
    let mut out = Layout { offset: l.offset, shape: vec![len / itemsize], strides: vec![itemsize as isize], format: fmt.to_owned(), itemsize, readonly: l.readonly };
    if let Some(d) = dims {
        let mut shape = Vec::with_capacity(d.len());
        for v in &d {
            match crate::num::int_to_i64(v).filter(|&n| n > 0 && crate::num::is_int(v)) {
                Some(n) => shape.push(n as usize),
                None => raise!(ValueError, "memoryview.cast(): elements of shape must be integers > 0"),
            }
        }
        let product = shape.iter().try_fold(1usize, |acc, &n| acc.checked_mul(n));
        if product.and_then(|p| p.checked_mul(itemsize)) != Some(len) {
            raise!(TypeError, "memoryview: product(shape) * itemsize != buffer size");
        }
        // C-contiguous strides for the new shape.
        let mut strides = vec![0isize; shape.len()];
        let mut step = itemsize as isize;
        for k in (0..shape.len()).rev() {
            strides[k] = step;
            step *= shape[k] as isize;
        }
        out.shape = shape;
        out.strides = strides;
    }
    Ok(new_view(&m.obj, out))
}

/// `view.tobytes(order='C')`.
fn mv_tobytes(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let m = mv(&a)?;
    let [_, order] = crate::builtins_init::parse_args("tobytes", a, ["self", "order"], 1)?;
    let order = match order.filter(|o| !is_none(o)) {
        None => "C".to_owned(),
        Some(o) => match crate::str::as_str(&o) {
            Some(s) => s.to_owned(),
            None => raise!(TypeError, "tobytes() argument 'order' must be str or None, not {}", ops::type_name(&o)),
        },
    };
    let fortran = match order.as_str() {
        "C" => false,
        "F" => true,
        // 'A': Fortran order only for a view laid out that way.
        "A" => m.layout.contiguous(true) && !m.layout.contiguous(false),
        _ => raise!(ValueError, "order must be 'C', 'F' or 'A'"),
    };
    let (src, layout) = reachable(&m.obj, &m.layout);
    Ok(crate::bytes::new_bytes(&gather(&layout, &src, fortran)))
}

/// `view.index(value, start=0, stop=sys.maxsize)`.
fn mv_index(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let m = mv(&a)?;
    check_args("index", a, 1, 3)?;
    match m.layout.ndim() {
        0 => raise!(TypeError, "invalid lookup on 0-dim memory"),
        1 => {}
        _ => raise!(NotImplementedError, "multi-dimensional lookup is not implemented"),
    }
    let n = m.layout.shape[0] as isize;
    let bound = |i: Option<&Value>, default: isize| -> PyResult<isize> {
        let Some(v) = i else { return Ok(default) };
        let x = crate::num::int_to_big(&ops::index(ts, v)?).unwrap_or_default();
        let x = isize::try_from(&x).unwrap_or(if x.sign() == num_bigint::Sign::Minus { isize::MIN } else { isize::MAX });
        Ok(if x < 0 { (x.saturating_add(n)).max(0) } else { x.min(n) })
    };
    let start = bound(a.args.get(2), 0)?;
    let stop = bound(a.args.get(3), n)?;
    let items = iter_items(m)?;
    for i in start..stop {
        if let Some(item) = items.get(i as usize) {
            if ops::eq(ts, item, &a.args[1])? {
                return Ok(new_int(i as i64));
            }
        }
    }
    raise!(ValueError, "memoryview.index(x): x not found")
}

/// One item's value, for comparisons without calling Python code.
#[derive(PartialEq)]
enum Item {
    Int(i128),
    Float(f64),
    Char(u8),
}

impl Item {
    fn same(&self, other: &Item) -> bool {
        match (self, other) {
            (Item::Int(a), Item::Float(b)) | (Item::Float(b), Item::Int(a)) => (*a as f64) == *b && (*b as i128) == *a,
            _ => self == other,
        }
    }
}

/// `view == other`: equal shapes and equal item values (NotImplemented for
/// objects that export no buffer).
fn mv_eq(a: &Value, b: &Value) -> PyResult {
    let Some(m) = a.downcast::<PyMemoryView>() else { return Ok(rt().not_implemented.clone()) };
    let other_released = b.downcast::<PyMemoryView>().is_some_and(|o| *o.released.lock());
    if *m.released.lock() || other_released {
        return Ok(new_bool(a.is(b)));
    }
    let Some((other_obj, other)) = buffer_of(b)? else { return Ok(rt().not_implemented.clone()) };
    if m.layout.shape != other.shape {
        return Ok(new_bool(false));
    }
    let (Some(ca), Some(cb)) = (format_code(&m.layout.format), format_code(&other.format)) else { return Ok(new_bool(false)) };
    let xs = m.to_vec();
    let (ysrc, other) = reachable(&other_obj, &other);
    let ys = gather(&other, &ysrc, false);
    if ca == cb && matches!(ca, 'B' | 'b' | 'c') {
        return Ok(new_bool(xs == ys));
    }
    let (Some(xa), Some(yb)) = (raw_items(ca, &xs, m.layout.itemsize), raw_items(cb, &ys, other.itemsize)) else { return Ok(new_bool(false)) };
    Ok(new_bool(xa.iter().zip(&yb).all(|(x, y)| x.same(y))))
}

/// The items of `data` (C order) as comparable values; None for formats
/// without a value (CPython's views of those never compare equal).
fn raw_items(code: char, data: &[u8], size: usize) -> Option<Vec<Item>> {
    item_size(code)?;
    data.chunks(size)
        .map(|c| {
            let mut buf = [0u8; 8];
            buf[..c.len().min(8)].copy_from_slice(&c[..c.len().min(8)]);
            let u = u64::from_ne_bytes(buf);
            Some(match code {
                'c' => Item::Char(c[0]),
                'f' => Item::Float(f64::from(f32::from_ne_bytes([c[0], c[1], c[2], c[3]]))),
                'd' => Item::Float(f64::from_ne_bytes(buf)),
                'e' => Item::Float(half_to_f64(u16::from_ne_bytes([c[0], c[1]]))),
                '?' => Item::Int(i128::from(u != 0)),
                'w' => return None,
                _ if signed(code) => Item::Int(i128::from(sign_extend(u, size))),
                _ => Item::Int(i128::from(u)),
            })
        })
        .collect()
}

/// The struct code of a format: one native character, optionally after '@'.
fn format_code(format: &str) -> Option<char> {
    let f = format.strip_prefix('@').unwrap_or(format);
    let mut chars = f.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

/// The item code of a view whose items are to be read or written.
fn item_code(l: &Layout) -> PyResult<char> {
    match format_code(&l.format) {
        Some(c) if item_size(c).is_some() && c != 'w' => Ok(c),
        Some(c) => raise!(NotImplementedError, "memoryview: format {} not supported", c),
        None => raise!(NotImplementedError, "memoryview: unsupported format {}", l.format),
    }
}

/// The formats `cast` accepts (CPython's native single characters).
fn castable(c: char) -> bool {
    c != 'w' && item_size(c).is_some()
}

/// The size in bytes of one item of a struct code (native sizes, 64-bit).
fn item_size(c: char) -> Option<usize> {
    Some(match c {
        'c' | 'b' | 'B' | '?' => 1,
        'h' | 'H' | 'e' => 2,
        'i' | 'I' | 'f' | 'w' => 4,
        'l' | 'L' | 'q' | 'Q' | 'n' | 'N' | 'P' | 'd' => 8,
        _ => return None,
    })
}

fn signed(c: char) -> bool {
    matches!(c, 'b' | 'h' | 'i' | 'l' | 'q' | 'n')
}

fn sign_extend(u: u64, size: usize) -> i64 {
    let shift = 64 - 8 * size as u32;
    ((u << shift) as i64) >> shift
}

/// One item of code `code` from its native bytes.
fn decode_item(code: char, c: &[u8]) -> Value {
    let size = c.len().min(8);
    let mut buf = [0u8; 8];
    buf[..size].copy_from_slice(&c[..size]);
    let u = u64::from_ne_bytes(buf);
    match code {
        'f' => crate::num::new_float(f64::from(f32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]]))),
        'd' => crate::num::new_float(f64::from_ne_bytes(buf)),
        'e' => crate::num::new_float(half_to_f64(u16::from_ne_bytes([buf[0], buf[1]]))),
        '?' => new_bool(u != 0),
        'c' => crate::bytes::new_bytes(&buf[..1]),
        _ if signed(code) => new_int(sign_extend(u, size)),
        _ => crate::num::new_bigint(num_bigint::BigInt::from(u)),
    }
}

/// The native bytes of `v` as an item of code `code`, or CPython's
/// "invalid type"/"invalid value" errors.
fn encode_item(ts: &ThreadState, v: &Value, code: char) -> PyResult<Vec<u8>> {
    let size = item_size(code).unwrap_or(1);
    let invalid_type = || err!(TypeError, "memoryview: invalid type for format '{}'", code);
    let invalid_value = || err!(ValueError, "memoryview: invalid value for format '{}'", code);
    match code {
        'c' => match v.downcast::<PyBytes>() {
            Some(b) if b.data.len() == 1 => Ok(b.data.to_vec()),
            Some(_) => Err(invalid_value()),
            None => Err(invalid_type()),
        },
        '?' => Ok(vec![u8::from(ops::is_true(ts, v)?)]),
        'f' | 'd' | 'e' => {
            let x = float_item(ts, v)?.ok_or_else(invalid_type)?;
            match code {
                'd' => Ok(x.to_ne_bytes().to_vec()),
                'f' => {
                    let y = x as f32;
                    if y.is_infinite() && x.is_finite() {
                        raise!(OverflowError, "float too large to pack with f format");
                    }
                    Ok(y.to_ne_bytes().to_vec())
                }
                _ => Ok(f64_to_half(x).ok_or_else(|| err!(OverflowError, "float too large to pack with e format"))?.to_ne_bytes().to_vec()),
            }
        }
        _ => {
            if !is_index(v) {
                return Err(invalid_type());
            }
            let big = crate::num::int_to_big(&ops::index(ts, v)?).unwrap_or_default();
            let bits = 8 * size as u32;
            let one = num_bigint::BigInt::from(1);
            let (lo, hi) = if signed(code) { (-(&one << (bits - 1)), (&one << (bits - 1)) - 1) } else { (num_bigint::BigInt::from(0), (&one << bits) - 1) };
            if big < lo || big > hi {
                return Err(invalid_value());
            }
            let bytes = big.to_signed_bytes_le();
            let fill = if big.sign() == num_bigint::Sign::Minus { 0xff } else { 0 };
            let le: Vec<u8> = (0..size).map(|k| bytes.get(k).copied().unwrap_or(fill)).collect();
            Ok(if cfg!(target_endian = "little") { le } else { le.into_iter().rev().collect() })
        }
    }
}

/// `v` as a float for a float item (floats, ints, `__float__`/`__index__`
/// objects); None for other types.
fn float_item(ts: &ThreadState, v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = crate::num::float_value(v) {
        return Ok(Some(f));
    }
    if let Some(b) = crate::num::int_to_big(v) {
        return match num_traits::ToPrimitive::to_f64(&b).filter(|f| f.is_finite()) {
            Some(f) => Ok(Some(f)),
            None => raise!(OverflowError, "int too large to convert to float"),
        };
    }
    let t = v.type_ref();
    if let Some(f) = t.lookup("__float__") {
        let r = ops::call(ts, &f, &[v.clone()])?;
        return Ok(crate::num::float_value(&r));
    }
    if t.lookup("__index__").is_some() {
        let i = ops::index(ts, v)?;
        return Ok(crate::num::int_to_big(&i).and_then(|b| num_traits::ToPrimitive::to_f64(&b)));
    }
    Ok(None)
}

/// IEEE 754 half precision to double.
fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = i32::from((h >> 10) & 0x1f);
    let frac = f64::from(h & 0x3ff);
    sign * match exp {
        0 => frac * 2f64.powi(-24),
        0x1f if frac == 0.0 => f64::INFINITY,
        0x1f => f64::NAN,
        _ => (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

/// Double to IEEE 754 half precision, rounding to nearest even; None when
/// a finite value is too large.
fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    let a = x.abs();
    if a.is_nan() {
        return Some(sign | 0x7e00);
    }
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    // Units of the smallest subnormal (2^-24), then round half to even.
    let round_even = |v: f64| {
        let r = v.round();
        if (v - v.trunc()).abs() == 0.5 && r % 2.0 != 0.0 { r - 1.0 } else { r }
    };
    if a < 2f64.powi(-14) {
        return Some(sign | round_even(a * 2f64.powi(24)) as u16);
    }
    let e = a.log2().floor() as i32;
    // Guard against log2's rounding at exact powers of two.
    let e = if 2f64.powi(e) > a { e - 1 } else if 2f64.powi(e + 1) <= a { e + 1 } else { e };
    let mut mant = round_even((a / 2f64.powi(e) - 1.0) * 1024.0) as u32;
    let mut e = e;
    if mant == 1024 {
        mant = 0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | mant as u16)
}

/// Attributes of a memoryview; None when `name` is not one of them.
pub fn memoryview_attr(obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(m) = obj.downcast::<PyMemoryView>() else { return Ok(None) };
    let ints = |v: Vec<i64>| crate::seq::new_tuple(v.into_iter().map(new_int).collect());
    let l = &m.layout;
    let known = matches!(
        name,
        "obj" | "nbytes" | "readonly" | "itemsize" | "format" | "ndim" | "shape" | "strides" | "suboffsets" | "c_contiguous" | "f_contiguous" | "contiguous"
    );
    if known {
        check_released(m)?;
    }
    Ok(Some(match name {
        "obj" => m.obj.clone(),
        "nbytes" => new_int(l.nbytes() as i64),
        "readonly" => new_bool(l.readonly),
        "itemsize" => new_int(l.itemsize as i64),
        "format" => crate::str::new_str(&l.format),
        "ndim" => new_int(l.ndim() as i64),
        "shape" => ints(l.shape.iter().map(|&n| n as i64).collect()),
        "strides" => ints(l.strides.iter().map(|&n| n as i64).collect()),
        "suboffsets" => crate::seq::new_tuple(Vec::new()),
        "c_contiguous" => new_bool(l.contiguous(false)),
        "f_contiguous" => new_bool(l.contiguous(true)),
        "contiguous" => new_bool(l.contiguous(false) || l.contiguous(true)),
        _ => return Ok(None),
    }))
}

pub fn type_ref() -> TypeRef {
    rt().types.memoryview
}
