//! `array`: typed arrays of numbers and characters, stored as native
//! (little-endian, LP64) bytes; the buffer protocol through
//! `spindle_vm::buffer`, pickling through `_array_reconstructor`.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use num_bigint::BigInt;
use parking_lot::Mutex;
use spindle_vm::buffer::{BufferExporter, register};
use spindle_vm::bytes::new_bytes;
use spindle_vm::cell::PySlice;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_classmethod, add_fn, add_methods, add_value, new_module, new_type, set_new};
use spindle_vm::num::{int_to_big, new_bigint, new_bool, new_float, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::ops::{self, CmpOp};
use spindle_vm::runtime::{none, rt};
use spindle_vm::seq::{new_list, new_tuple};
use spindle_vm::str::{as_data, new_data, new_str};
use spindle_vm::{PyErr, PyResult, Value, err, raise};

use super::{add_getter, bytes_of, cls_of, exact, real, this};

pub struct PyArray {
    tc: u8,
    data: Mutex<Vec<u8>>,
    /// Live memoryviews of this array: while any, its size cannot change.
    exports: AtomicUsize,
}

impl PyPayload for PyArray {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 40);
}

impl PyArray {
    pub fn to_bytes(&self) -> Vec<u8> {
        self.data.lock().clone()
    }

    pub fn byte_len(&self) -> usize {
        self.data.lock().len()
    }

    /// Replaces the contents (the length is kept a multiple of the item size).
    pub fn set_bytes(&self, b: &[u8]) {
        let size = itemsize(self.tc);
        let n = b.len() - b.len() % size;
        *self.data.lock() = b[..n].to_vec();
    }

    fn size(&self) -> usize {
        itemsize(self.tc)
    }

    fn len(&self) -> usize {
        self.data.lock().len() / self.size()
    }

    /// Refuses a size change while buffers are exported.
    fn resizable(&self, changes: bool) -> PyResult<()> {
        if changes && self.exports.load(Ordering::Relaxed) > 0 {
            raise!(BufferError, "cannot resize an array that is exporting buffers");
        }
        Ok(())
    }
}

struct ArrayIter {
    arr: Value,
    pos: Mutex<Option<usize>>,
}

impl PyPayload for ArrayIter {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 41);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.arr);
    }
}

static ARRAY_T: OnceLock<TypeRef> = OnceLock::new();
static ITER_T: OnceLock<TypeRef> = OnceLock::new();
static RECONSTRUCTOR: OnceLock<Value> = OnceLock::new();

const TYPECODES: &str = "bBuwhHiIlLqQfd";

fn itemsize(tc: u8) -> usize {
    match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' | b'u' | b'w' => 4,
        _ => 8,
    }
}

fn is_unicode(tc: u8) -> bool {
    tc == b'u' || tc == b'w'
}

fn array_type() -> TypeRef {
    ARRAY_T.get().copied().unwrap_or(rt().types.object)
}

fn new_array(t: TypeRef, tc: u8, data: Vec<u8>) -> Value {
    alloc(t, PyArray { tc, data: Mutex::new(data), exports: AtomicUsize::new(0) })
}

/// The item at `c` (exactly `itemsize` bytes) as a Python value.
fn decode(tc: u8, c: &[u8]) -> Value {
    let mut b = [0u8; 8];
    let n = c.len().min(8);
    b[..n].copy_from_slice(&c[..n]);
    match tc {
        b'b' => new_int(i64::from(b[0] as i8)),
        b'B' => new_int(i64::from(b[0])),
        b'h' => new_int(i64::from(i16::from_le_bytes([b[0], b[1]]))),
        b'H' => new_int(i64::from(u16::from_le_bytes([b[0], b[1]]))),
        b'i' => new_int(i64::from(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))),
        b'I' => new_int(i64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))),
        b'l' | b'q' => new_int(i64::from_le_bytes(b)),
        b'L' | b'Q' => {
            let u = u64::from_le_bytes(b);
            match i64::try_from(u) {
                Ok(i) => new_int(i),
                Err(_) => new_bigint(BigInt::from(u)),
            }
        }
        b'f' => new_float(f64::from(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))),
        b'd' => new_float(f64::from_le_bytes(b)),
        _ => {
            let cp = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            match spindle_str::PyStrData::from_ucs4(&[cp]) {
                Ok(d) => new_data(d),
                // Past U+10FFFF (only from raw bytes): shown as U+FFFD.
                Err(_) => spindle_vm::str::char_value(0xFFFD),
            }
        }
    }
}

fn overflow(msg: &str) -> PyErr {
    err!(OverflowError, "{}", msg)
}

/// Encodes `v` as an item of typecode `tc`, with CPython's messages.
fn encode(ts: &ThreadState, tc: u8, v: &Value) -> PyResult<Vec<u8>> {
    match tc {
        b'f' => return Ok((real(ts, v)? as f32).to_le_bytes().to_vec()),
        b'd' => return Ok(real(ts, v)?.to_le_bytes().to_vec()),
        b'u' | b'w' => {
            let Some(d) = as_data(v) else {
                raise!(TypeError, "array item must be a unicode character, not {}", ops::type_name(v))
            };
            if d.len() != 1 {
                raise!(TypeError, "array item must be a unicode character, not a string of length {}", d.len());
            }
            return Ok(d.char_at(0).unwrap_or(0).to_le_bytes().to_vec());
        }
        _ => {}
    }
    let i = ops::index(ts, v)?;
    let big = int_to_big(&i).unwrap_or_default();
    let neg = big < BigInt::from(0);
    let range = |lo: i128, hi: i128, low: &str, high: &str| -> PyResult<i128> {
        match i128::try_from(&big) {
            Ok(x) if x < lo => Err(overflow(low)),
            Ok(x) if x > hi => Err(overflow(high)),
            Ok(x) => Ok(x),
            Err(_) => Err(overflow(if neg { low } else { high })),
        }
    };
    // CPython parses through C long first, then the narrower C types in turn.
    const LONG: &str = "Python int too large to convert to C long";
    let long = || range(i64::MIN.into(), i64::MAX.into(), LONG, LONG);
    let int = |x: i128| range_i(x, i32::MIN.into(), i32::MAX.into(), "signed integer is less than minimum", "signed integer is greater than maximum");
    let short = |x: i128| range_i(x, i16::MIN.into(), i16::MAX.into(), "signed short integer is less than minimum", "signed short integer is greater than maximum");
    Ok(match tc {
        b'b' => vec![range_i(short(long()?)?, -128, 127, "signed char is less than minimum", "signed char is greater than maximum")? as i8 as u8],
        b'B' => vec![range_i(long()?, 0, 255, "unsigned byte integer is less than minimum", "unsigned byte integer is greater than maximum")? as u8],
        b'h' => (short(long()?)? as i16).to_le_bytes().to_vec(),
        b'H' => (range_i(int(long()?)?, 0, 65535, "unsigned short is less than minimum", "unsigned short is greater than maximum")? as u16).to_le_bytes().to_vec(),
        b'i' => (int(long()?)? as i32).to_le_bytes().to_vec(),
        b'I' => {
            if neg {
                return Err(overflow("can't convert negative value to unsigned int"));
            }
            let ul = range(0, u64::MAX.into(), "", "Python int too large to convert to C unsigned long")?;
            (range_i(ul, 0, u32::MAX.into(), "", "unsigned int is greater than maximum")? as u32).to_le_bytes().to_vec()
        }
        b'l' => (range(i64::MIN.into(), i64::MAX.into(), "Python int too large to convert to C long", "Python int too large to convert to C long")? as i64)
            .to_le_bytes()
            .to_vec(),
        b'L' => {
            if neg {
                return Err(overflow("can't convert negative value to unsigned int"));
            }
            (range(0, u64::MAX.into(), "", "Python int too large to convert to C unsigned long")? as u64).to_le_bytes().to_vec()
        }
        b'q' => (range(i64::MIN.into(), i64::MAX.into(), "int too big to convert", "int too big to convert")? as i64).to_le_bytes().to_vec(),
        _ => {
            if neg {
                return Err(overflow("can't convert negative int to unsigned"));
            }
            (range(0, u64::MAX.into(), "", "int too big to convert")? as u64).to_le_bytes().to_vec()
        }
    })
}

fn range_i(x: i128, lo: i128, hi: i128, low: &str, high: &str) -> PyResult<i128> {
    if x < lo {
        return Err(overflow(low));
    }
    if x > hi {
        return Err(overflow(high));
    }
    Ok(x)
}

fn encode_all(ts: &ThreadState, tc: u8, items: &[Value]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(items.len() * itemsize(tc));
    for v in items {
        out.extend(encode(ts, tc, v)?);
    }
    Ok(out)
}

fn arr<'a>(a: &'a Args<'_>) -> PyResult<(&'a Value, &'a PyArray)> {
    this::<PyArray>(a, "array.array")
}

fn warn_u(ts: &ThreadState, tc: u8) -> PyResult<()> {
    if tc == b'u' {
        let w = PyErr::new(rt().exc.DeprecationWarning, "The 'u' type code is deprecated and will be removed in Python 3.16".to_string());
        spindle_vm::builtins_init::sysmod::warn(ts, &w)?;
    }
    Ok(())
}

fn typecode_of(v: &Value, what: &str) -> PyResult<u8> {
    let Some(d) = as_data(v) else { raise!(TypeError, "{} must be a unicode character, not {}", what, ops::type_name(v)) };
    if d.len() != 1 {
        raise!(TypeError, "{} must be a unicode character, not a string of length {}", what, d.len());
    }
    let c = d.char_at(0).unwrap_or(0);
    match u8::try_from(c) {
        Ok(b) if TYPECODES.as_bytes().contains(&b) => Ok(b),
        _ => raise!(ValueError, "bad typecode (must be b, B, u, w, h, H, i, I, l, L, q, Q, f or d)"),
    }
}

// ---------------------------------------------------------------- construction

fn array_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = cls_of(&a)?;
    if a.has_kwargs() && cls == array_type() {
        raise!(TypeError, "array.array() takes no keyword arguments");
    }
    let pos = a.positional();
    let pos = pos.get(1..).unwrap_or(&[]);
    if pos.is_empty() {
        raise!(TypeError, "array() takes at least 1 argument (0 given)");
    }
    if pos.len() > 2 {
        raise!(TypeError, "array() takes at most 2 arguments ({} given)", pos.len());
    }
    let tc = typecode_of(&pos[0], "array() argument 1")?;
    warn_u(ts, tc)?;
    let init = pos.get(1);
    let Some(init) = init else { return Ok(new_array(cls, tc, Vec::new())) };
    if !is_unicode(tc) {
        if as_data(init).is_some() {
            raise!(TypeError, "cannot use a str to initialize an array with typecode '{}'", tc as char);
        }
        if let Some(o) = init.downcast::<PyArray>() {
            if is_unicode(o.tc) {
                raise!(TypeError, "cannot use a unicode array to initialize an array with typecode '{}'", tc as char);
            }
        }
    }
    let data = if let Some(b) = init.downcast::<spindle_vm::bytes::PyBytes>() {
        from_bytes_checked(tc, b.data.to_vec())?
    } else if let Some(b) = init.downcast::<spindle_vm::bytes::PyByteArray>() {
        from_bytes_checked(tc, b.data.lock().clone())?
    } else if let (Some(d), true) = (as_data(init), is_unicode(tc)) {
        d.code_points().flat_map(u32::to_le_bytes).collect()
    } else if let Some(o) = init.downcast::<PyArray>().filter(|o| o.tc == tc) {
        o.to_bytes()
    } else {
        // Item by item, with no room made from a length hint (as CPython's
        // array(), which rejects a bad item before a huge hint matters).
        let it = ops::iter(ts, init)?;
        let mut out = Vec::new();
        while let Some(v) = ops::next(ts, &it)? {
            let bytes = encode(ts, tc, &v)?;
            spindle_vm::memory::reserve(&mut out, bytes.len())?;
            out.extend(bytes);
        }
        out
    };
    Ok(new_array(cls, tc, data))
}

fn from_bytes_checked(tc: u8, b: Vec<u8>) -> PyResult<Vec<u8>> {
    if b.len() % itemsize(tc) != 0 {
        raise!(ValueError, "bytes length not a multiple of item size");
    }
    Ok(b)
}

// ---------------------------------------------------------------- methods

fn m_append(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let v = exact("append", &a, 1, 1, 1)?;
    let b = encode(ts, s.tc, &v[0])?;
    s.resizable(true)?;
    s.data.lock().extend(b);
    Ok(none())
}

fn extend_with(ts: &ThreadState, s: &PyArray, src: &Value) -> PyResult<()> {
    if let Some(o) = src.downcast::<PyArray>() {
        if o.tc != s.tc {
            raise!(TypeError, "can only extend with array of same kind");
        }
        let b = o.to_bytes();
        s.resizable(!b.is_empty())?;
        s.data.lock().extend(b);
        return Ok(());
    }
    let it = ops::iter(ts, src)?;
    while let Some(v) = ops::next(ts, &it)? {
        let b = encode(ts, s.tc, &v)?;
        s.resizable(true)?;
        s.data.lock().extend(b);
    }
    Ok(())
}

fn m_extend(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let v = exact("extend", &a, 1, 1, 1)?;
    extend_with(ts, s, &v[0])?;
    Ok(none())
}

fn m_insert(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let v = exact("insert", &a, 1, 2, 2)?;
    let i = ops::index_isize(ts, &v[0])?;
    let b = encode(ts, s.tc, &v[1])?;
    s.resizable(true)?;
    let size = s.size();
    let mut d = s.data.lock();
    let n = (d.len() / size) as isize;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let at = j * size;
    d.splice(at..at, b);
    Ok(none())
}

fn m_pop(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let v = exact("pop", &a, 1, 0, 1)?;
    let i = match v.first() {
        Some(x) => ops::index_isize(ts, x)?,
        None => -1,
    };
    let size = s.size();
    let mut d = s.data.lock();
    let n = (d.len() / size) as isize;
    if n == 0 {
        raise!(IndexError, "pop from empty array");
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        raise!(IndexError, "pop index out of range");
    }
    s.resizable(true)?;
    let at = j as usize * size;
    let item: Vec<u8> = d.drain(at..at + size).collect();
    Ok(decode(s.tc, &item))
}

/// The items as Python values (a snapshot: no lock is held while comparing).
fn items(s: &PyArray) -> Vec<Value> {
    let d = s.data.lock();
    d.chunks_exact(s.size()).map(|c| decode(s.tc, c)).collect()
}

fn m_remove(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let v = exact("remove", &a, 1, 1, 1)?;
    for (i, x) in items(s).iter().enumerate() {
        if ops::eq(ts, x, &v[0])? {
            s.resizable(true)?;
            let size = s.size();
            let mut d = s.data.lock();
            if (i + 1) * size <= d.len() {
                d.drain(i * size..(i + 1) * size);
            }
            return Ok(none());
        }
    }
    raise!(ValueError, "array.remove(x): x not in array")
}

fn m_index(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let v = exact("index", &a, 1, 1, 3)?;
    let all = items(s);
    let n = all.len() as isize;
    let clamp = |x: Option<&Value>, dflt: isize| -> PyResult<isize> {
        let Some(x) = x else { return Ok(dflt) };
        let i = super::index_int(ts, x)?;
        let i = i.to_i64().map(|i| i as isize).unwrap_or(if i.is_negative() { isize::MIN } else { isize::MAX });
        Ok(if i < 0 { (i.saturating_add(n)).max(0) } else { i.min(n) })
    };
    let start = clamp(v.get(1), 0)?;
    let stop = clamp(v.get(2), n)?;
    for i in start.max(0)..stop.min(n) {
        if ops::eq(ts, &all[i as usize], &v[0])? {
            return Ok(new_int(i as i64));
        }
    }
    raise!(ValueError, "array.index(x): x not in array")
}

fn m_count(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let v = exact("count", &a, 1, 1, 1)?;
    let mut n = 0;
    for x in items(s) {
        if ops::eq(ts, &x, &v[0])? {
            n += 1;
        }
    }
    Ok(new_int(n))
}

fn m_reverse(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    exact("reverse", &a, 1, 0, 0)?;
    let size = s.size();
    let mut d = s.data.lock();
    let rev: Vec<u8> = d.chunks_exact(size).rev().flatten().copied().collect();
    *d = rev;
    Ok(none())
}

fn m_byteswap(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    exact("byteswap", &a, 1, 0, 0)?;
    let size = s.size();
    for c in s.data.lock().chunks_exact_mut(size) {
        c.reverse();
    }
    Ok(none())
}

fn m_buffer_info(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    exact("buffer_info", &a, 1, 0, 0)?;
    let d = s.data.lock();
    let addr = if d.is_empty() { 0 } else { d.as_ptr() as usize as i64 };
    Ok(new_tuple(vec![new_int(addr), new_int((d.len() / s.size()) as i64)]))
}

fn m_tobytes(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    exact("tobytes", &a, 1, 0, 0)?;
    Ok(new_bytes(&s.to_bytes()))
}

fn m_frombytes(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let v = exact("frombytes", &a, 1, 1, 1)?;
    let b = bytes_of(ts, &v[0], "")?;
    let b = from_bytes_checked(s.tc, b)?;
    s.resizable(!b.is_empty())?;
    s.data.lock().extend(b);
    Ok(none())
}

fn m_tolist(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    exact("tolist", &a, 1, 0, 0)?;
    Ok(new_list(items(s)))
}

fn m_fromlist(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let v = exact("fromlist", &a, 1, 1, 1)?;
    let Some(l) = v[0].downcast::<spindle_vm::seq::PyList>() else { raise!(TypeError, "arg must be list") };
    let b = encode_all(ts, s.tc, &l.snapshot())?;
    s.resizable(!b.is_empty())?;
    s.data.lock().extend(b);
    Ok(none())
}

fn m_tounicode(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    exact("tounicode", &a, 1, 0, 0)?;
    if !is_unicode(s.tc) {
        raise!(ValueError, "tounicode() may only be called on unicode type arrays ('u' or 'w')");
    }
    let cps: Vec<u32> = s.data.lock().chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    match spindle_str::PyStrData::from_ucs4(&cps) {
        Ok(d) => Ok(new_data(d)),
        Err(_) => raise!(ValueError, "character U+{:x} is not in range [U+0000; U+10ffff]", cps.iter().copied().find(|c| *c > 0x10FFFF).unwrap_or(0)),
    }
}

fn m_fromunicode(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let v = exact("fromunicode", &a, 1, 1, 1)?;
    let Some(d) = as_data(&v[0]) else { raise!(TypeError, "fromunicode() argument must be str, not {}", ops::type_name(&v[0])) };
    if !is_unicode(s.tc) {
        raise!(ValueError, "fromunicode() may only be called on unicode type arrays ('u' or 'w')");
    }
    let b: Vec<u8> = d.code_points().flat_map(u32::to_le_bytes).collect();
    s.resizable(!b.is_empty())?;
    s.data.lock().extend(b);
    Ok(none())
}

fn m_tofile(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let v = exact("tofile", &a, 1, 1, 1)?;
    let data = s.to_bytes();
    const BLOCK: usize = 64 * 1024;
    for chunk in data.chunks(BLOCK) {
        ops::call_method(ts, &v[0], "write", &[new_bytes(chunk)])?;
    }
    Ok(none())
}

fn m_fromfile(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let v = exact("fromfile", &a, 1, 2, 2)?;
    let n = ops::index_isize(ts, &v[1])?;
    if n < 0 {
        raise!(ValueError, "negative count");
    }
    let size = s.size();
    let Some(nbytes) = (n as usize).checked_mul(size) else { return Err(PyErr::bare(rt().exc.MemoryError)) };
    let r = ops::call_method(ts, &v[0], "read", &[new_int(nbytes as i64)])?;
    let Some(b) = r.downcast::<spindle_vm::bytes::PyBytes>() else { raise!(TypeError, "read() didn't return bytes") };
    let got = b.data.len();
    let whole = got - got % size;
    s.resizable(whole > 0)?;
    s.data.lock().extend_from_slice(&b.data[..whole]);
    if got != nbytes {
        raise!(EOFError, "read() didn't return enough bytes");
    }
    Ok(none())
}

fn m_clear(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    exact("clear", &a, 1, 0, 0)?;
    s.resizable(s.len() > 0)?;
    s.data.lock().clear();
    Ok(none())
}

fn m_copy(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    Ok(new_array(array_type(), s.tc, s.to_bytes()))
}

fn m_reduce_ex(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, s) = arr(&a)?;
    let p = exact("__reduce_ex__", &a, 1, 1, 1)?;
    let proto = super::index_i64(ts, &p[0])?;
    let dict = match ops::instance_dict(v) {
        Some(d) => d,
        None => none(),
    };
    let cls = v.type_ref().to_value();
    let tc = new_str(&(s.tc as char).to_string());
    if proto < 3 {
        return Ok(new_tuple(vec![cls, new_tuple(vec![tc, new_list(items(s))]), dict]));
    }
    let rec = RECONSTRUCTOR.get().cloned().unwrap_or_else(none);
    Ok(new_tuple(vec![rec, new_tuple(vec![cls, tc, new_int(mformat(s.tc)), new_bytes(&s.to_bytes())]), dict]))
}

/// CPython's machine-format code of a typecode on a little-endian LP64 machine.
fn mformat(tc: u8) -> i64 {
    match tc {
        b'B' => 0,
        b'b' => 1,
        b'H' => 2,
        b'h' => 4,
        b'I' => 6,
        b'i' => 8,
        b'L' | b'Q' => 10,
        b'l' | b'q' => 12,
        b'f' => 14,
        b'd' => 16,
        _ => 20,
    }
}

/// `_array_reconstructor(arraytype, typecode, mformat_code, items)`.
fn reconstructor(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let v = exact("_array_reconstructor", &a, 0, 4, 4)?;
    let Some(t) = TypeRef::from_value(&v[0]) else {
        raise!(TypeError, "first argument must be a type object, not {}", ops::type_name(&v[0]))
    };
    if !t.is_subtype(array_type()) {
        raise!(TypeError, "{} is not a subtype of array.array", t.name());
    }
    let tc = as_data(&v[1])
        .filter(|d| d.len() == 1)
        .and_then(|d| d.char_at(0))
        .and_then(|c| u8::try_from(c).ok())
        .filter(|c| TYPECODES.as_bytes().contains(c));
    let Some(tc) = tc else { raise!(ValueError, "second argument must be a valid type code") };
    let code = super::index_i64(ts, &v[2])?;
    if !(0..=21).contains(&code) {
        raise!(ValueError, "third argument must be a valid machine format code.");
    }
    let Some(b) = v[3].downcast::<spindle_vm::bytes::PyBytes>() else {
        raise!(TypeError, "fourth argument should be bytes, not {}", ops::type_name(&v[3]))
    };
    let raw = &b.data[..];
    if code == mformat(tc) && !(tc == b'u' && code != 20) {
        return Ok(new_array(t, tc, from_bytes_checked(tc, raw.to_vec())?));
    }
    // Another machine's layout: decode the items, then store them natively.
    let (size, kind) = match code {
        0..=1 => (1, 'i'),
        2..=5 => (2, 'i'),
        6..=9 => (4, 'i'),
        10..=13 => (8, 'i'),
        14..=15 => (4, 'f'),
        16..=17 => (8, 'f'),
        18..=19 => (2, 'u'),
        _ => (4, 'u'),
    };
    let big_endian = code >= 2 && code % 2 == 1 && code != 1;
    let signed = matches!(code, 1 | 4 | 5 | 8 | 9 | 12 | 13);
    if raw.len() % size != 0 {
        raise!(ValueError, "string length not a multiple of item size");
    }
    let mut vals = Vec::new();
    if kind == 'u' {
        let mut units = Vec::new();
        for c in raw.chunks_exact(size) {
            let mut w = c.to_vec();
            if big_endian {
                w.reverse();
            }
            units.push(if size == 2 { u32::from(u16::from_le_bytes([w[0], w[1]])) } else { u32::from_le_bytes([w[0], w[1], w[2], w[3]]) });
        }
        let d = if size == 2 {
            spindle_str::PyStrData::from_ucs2(&units.iter().map(|u| *u as u16).collect::<Vec<_>>())
        } else {
            match spindle_str::PyStrData::from_ucs4(&units) {
                Ok(d) => d,
                Err(_) => raise!(ValueError, "character is not in range [U+0000; U+10ffff]"),
            }
        };
        let data: Vec<u8> = d.code_points().flat_map(u32::to_le_bytes).collect();
        return Ok(new_array(t, tc, data));
    }
    for c in raw.chunks_exact(size) {
        let mut w = [0u8; 8];
        w[..size].copy_from_slice(c);
        if big_endian {
            w[..size].reverse();
        }
        let val = if kind == 'f' {
            if size == 4 { new_float(f64::from(f32::from_le_bytes([w[0], w[1], w[2], w[3]]))) } else { new_float(f64::from_le_bytes(w)) }
        } else {
            let u = u64::from_le_bytes(w);
            if signed {
                let shift = 64 - 8 * size as u32;
                new_int(((u << shift) as i64) >> shift)
            } else {
                new_bigint(BigInt::from(u))
            }
        };
        vals.push(val);
    }
    // Integers take the native typecode of the same size and signedness.
    let tc = if kind == 'i' {
        match (size, signed) {
            (1, true) => b'b',
            (1, false) => b'B',
            (2, true) => b'h',
            (2, false) => b'H',
            (4, true) => b'i',
            (4, false) => b'I',
            (_, true) => b'q',
            (_, false) => b'Q',
        }
    } else {
        tc
    };
    let data = encode_all(ts, tc, &vals)?;
    Ok(new_array(t, tc, data))
}

// ---------------------------------------------------------------- sequence protocol

fn m_len(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    Ok(new_int(s.len() as i64))
}

fn slice_of(ts: &ThreadState, key: &Value, n: usize) -> PyResult<Option<(isize, isize, usize)>> {
    match key.downcast::<PySlice>() {
        Some(sl) => {
            let (start, _, step, count) = spindle_vm::builtins_init::strings::slice_indices(ts, sl, n)?;
            Ok(Some((start, step, count)))
        }
        None => Ok(None),
    }
}

fn item_index(ts: &ThreadState, key: &Value, n: usize, msg: &str) -> PyResult<usize> {
    if key.type_ref().lookup_static("__index__").is_none() {
        raise!(TypeError, "array indices must be integers");
    }
    let i = ops::index_isize(ts, key)?;
    let n = n as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        raise!(IndexError, "{}", msg);
    }
    Ok(j as usize)
}

fn m_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let k = exact("__getitem__", &a, 1, 1, 1)?;
    let size = s.size();
    let n = s.len();
    if let Some((start, step, count)) = slice_of(ts, &k[0], n)? {
        let d = s.data.lock();
        let mut out = Vec::with_capacity(count * size);
        for i in 0..count {
            let at = (start + i as isize * step) as usize * size;
            if let Some(c) = d.get(at..at + size) {
                out.extend_from_slice(c);
            }
        }
        drop(d);
        return Ok(new_array(array_type(), s.tc, out));
    }
    let j = item_index(ts, &k[0], n, "array index out of range")?;
    let d = s.data.lock();
    match d.get(j * size..(j + 1) * size) {
        Some(c) => Ok(decode(s.tc, c)),
        None => raise!(IndexError, "array index out of range"),
    }
}

fn m_setitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, s) = arr(&a)?;
    let k = exact("__setitem__", &a, 1, 2, 2)?;
    let size = s.size();
    let n = s.len();
    if let Some((start, step, count)) = slice_of(ts, &k[0], n)? {
        let Some(o) = k[1].downcast::<PyArray>() else {
            raise!(TypeError, "can only assign array (not \"{}\") to array slice", ops::type_name(&k[1]))
        };
        if o.tc != s.tc {
            raise!(TypeError, "bad argument type for built-in operation");
        }
        // Self-assignment reads a copy first.
        let src = if k[1].is(v) { s.to_bytes() } else { o.to_bytes() };
        let mut d = s.data.lock();
        if step == 1 {
            s.resizable(src.len() != count * size)?;
            let lo = ((start.max(0) as usize).min(n) * size).min(d.len());
            let hi = (lo + count * size).min(d.len());
            d.splice(lo..hi, src);
            return Ok(none());
        }
        let m = src.len() / size;
        if m == 0 {
            // Assigning an empty array to an extended slice deletes it.
            drop(d);
            return delete_slice(s, start, step, count);
        }
        if m != count {
            raise!(ValueError, "attempt to assign array of size {} to extended slice of size {}", m, count);
        }
        for i in 0..count {
            let at = (start + i as isize * step) as usize * size;
            if let (Some(dst), Some(c)) = (d.get_mut(at..at + size), src.get(i * size..(i + 1) * size)) {
                dst.copy_from_slice(c);
            }
        }
        return Ok(none());
    }
    let j = item_index(ts, &k[0], n, "array assignment index out of range")?;
    let b = encode(ts, s.tc, &k[1])?;
    let mut d = s.data.lock();
    if let Some(dst) = d.get_mut(j * size..(j + 1) * size) {
        dst.copy_from_slice(&b);
    }
    Ok(none())
}

fn delete_slice(s: &PyArray, start: isize, step: isize, count: usize) -> PyResult {
    s.resizable(count > 0)?;
    let size = s.size();
    let mut drop_idx: Vec<usize> = (0..count).map(|i| (start + i as isize * step) as usize).collect();
    drop_idx.sort_unstable();
    let mut d = s.data.lock();
    let mut out = Vec::with_capacity(d.len());
    let mut di = drop_idx.iter().peekable();
    for (i, c) in d.chunks_exact(size).enumerate() {
        if di.peek() == Some(&&i) {
            di.next();
            continue;
        }
        out.extend_from_slice(c);
    }
    *d = out;
    Ok(none())
}

fn m_delitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let k = exact("__delitem__", &a, 1, 1, 1)?;
    let size = s.size();
    let n = s.len();
    if let Some((start, step, count)) = slice_of(ts, &k[0], n)? {
        return delete_slice(s, start, step, count);
    }
    let j = item_index(ts, &k[0], n, "array assignment index out of range")?;
    s.resizable(true)?;
    let mut d = s.data.lock();
    if (j + 1) * size <= d.len() {
        d.drain(j * size..(j + 1) * size);
    }
    Ok(none())
}

fn m_contains(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let k = exact("__contains__", &a, 1, 1, 1)?;
    for x in items(s) {
        if ops::eq(ts, &x, &k[0])? {
            return Ok(new_bool(true));
        }
    }
    Ok(new_bool(false))
}

fn m_iter(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, _) = arr(&a)?;
    let t = ITER_T.get().copied().unwrap_or(rt().types.object);
    Ok(alloc(t, ArrayIter { arr: v.clone(), pos: Mutex::new(Some(0)) }))
}

fn it_next(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, it) = this::<ArrayIter>(&a, "array.arrayiterator")?;
    let mut p = it.pos.lock();
    let Some(i) = *p else { return Err(PyErr::bare(rt().exc.StopIteration)) };
    let Some(s) = it.arr.downcast::<PyArray>() else { return Err(PyErr::bare(rt().exc.StopIteration)) };
    let size = s.size();
    let d = s.data.lock();
    match d.get(i * size..(i + 1) * size) {
        Some(c) => {
            *p = Some(i + 1);
            Ok(decode(s.tc, c))
        }
        None => {
            *p = None;
            Err(PyErr::bare(rt().exc.StopIteration))
        }
    }
}

/// `(iter, (array,), index)`, or `(iter, ((),))` once exhausted.
fn it_reduce(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, it) = this::<ArrayIter>(&a, "array.arrayiterator")?;
    let iter = ops::getattr_str(ts, &ts.interp.builtins, "iter")?;
    let pos = *it.pos.lock();
    Ok(match pos {
        Some(i) => new_tuple(vec![iter, new_tuple(vec![it.arr.clone()]), new_int(i as i64)]),
        None => new_tuple(vec![iter, new_tuple(vec![new_tuple(Vec::new())])]),
    })
}

fn it_setstate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, it) = this::<ArrayIter>(&a, "array.arrayiterator")?;
    let v = exact("__setstate__", &a, 1, 1, 1)?;
    let i = ops::index_isize(ts, &v[0])?;
    let mut p = it.pos.lock();
    if p.is_some() {
        *p = Some(i.max(0) as usize);
    }
    Ok(none())
}

fn m_add(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let k = exact("__add__", &a, 1, 1, 1)?;
    let Some(o) = k[0].downcast::<PyArray>() else {
        raise!(TypeError, "can only append array (not \"{}\") to array", ops::type_name(&k[0]))
    };
    if o.tc != s.tc {
        raise!(TypeError, "bad argument type for built-in operation");
    }
    let mut d = s.to_bytes();
    d.extend(o.to_bytes());
    Ok(new_array(array_type(), s.tc, d))
}

fn m_iadd(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, s) = arr(&a)?;
    let k = exact("__iadd__", &a, 1, 1, 1)?;
    if k[0].downcast::<PyArray>().is_none() {
        raise!(TypeError, "can only extend array with array (not \"{}\")", ops::type_name(&k[0]));
    }
    extend_with(ts, s, &k[0])?;
    Ok(v.clone())
}

fn repeat_count(ts: &ThreadState, n: &Value) -> PyResult<Option<usize>> {
    if n.type_ref().lookup_static("__index__").is_none() {
        return Ok(None);
    }
    let i = super::index_int(ts, n)?;
    let i = i.to_i64().unwrap_or(if i.is_negative() { 0 } else { i64::MAX });
    Ok(Some(i.max(0) as usize))
}

fn m_mul(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, s) = arr(&a)?;
    let k = exact("__mul__", &a, 1, 1, 1)?;
    let Some(n) = repeat_count(ts, &k[0])? else {
        if !k[0].type_ref().is_heap() || k[0].type_ref().lookup_static("__rmul__").is_none() {
            raise!(TypeError, "can't multiply sequence by non-int of type '{}'", ops::type_name(&k[0]));
        }
        return Ok(rt().not_implemented.clone());
    };
    let d = s.to_bytes();
    Ok(new_array(array_type(), s.tc, spindle_vm::memory::repeat(&d, n)?))
}

fn m_imul(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, s) = arr(&a)?;
    let k = exact("__imul__", &a, 1, 1, 1)?;
    let Some(n) = repeat_count(ts, &k[0])? else { return Ok(rt().not_implemented.clone()) };
    s.resizable(n != 1 && s.len() > 0)?;
    let mut d = s.data.lock();
    let r = spindle_vm::memory::repeat(&d, n)?;
    *d = r;
    Ok(v.clone())
}

fn compare(ts: &ThreadState, a: &Args<'_>, op: CmpOp) -> PyResult {
    let (_, s) = arr(a)?;
    let Some(other) = a.args.get(1) else { raise!(TypeError, "expected 1 argument") };
    let Some(o) = other.downcast::<PyArray>() else { return Ok(rt().not_implemented.clone()) };
    spindle_vm::builtins_init::containers::compare_items(ts, &items(s), &items(o), op)
}

fn m_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, s) = arr(&a)?;
    let name = v.type_ref().name();
    let name = name.rsplit('.').next().unwrap_or("array").to_string();
    if s.len() == 0 {
        return Ok(new_str(&format!("{}('{}')", name, s.tc as char)));
    }
    let body = if is_unicode(s.tc) { m_tounicode(ts, Args::new(&a.args[..1]))? } else { new_list(items(s)) };
    Ok(new_str(&format!("{}('{}', {})", name, s.tc as char, ops::repr_string(ts, &body)?)))
}

// ---------------------------------------------------------------- buffer export

fn buf_read(v: &Value) -> Vec<u8> {
    v.downcast::<PyArray>().map(PyArray::to_bytes).unwrap_or_default()
}

fn buf_format(v: &Value) -> char {
    match v.downcast::<PyArray>().map(|s| s.tc) {
        Some(b'u') => 'w',
        Some(tc) => tc as char,
        None => 'B',
    }
}

fn buf_write(v: &Value, at: usize, data: &[u8]) -> bool {
    let Some(s) = v.downcast::<PyArray>() else { return false };
    let mut d = s.data.lock();
    match d.get_mut(at..at + data.len()) {
        Some(dst) => {
            dst.copy_from_slice(data);
            true
        }
        None => false,
    }
}

fn buf_export(v: &Value, start: bool) {
    if let Some(s) = v.downcast::<PyArray>() {
        if start {
            s.exports.fetch_add(1, Ordering::Relaxed);
        } else {
            let _ = s.exports.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1));
        }
    }
}

static EXPORTER: BufferExporter =
    BufferExporter { kind: PyArray::KIND, read: buf_read, format: buf_format, write: buf_write, export: buf_export, ranges: None };

// ---------------------------------------------------------------- module

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    register(&EXPORTER);
    let t = *ARRAY_T.get_or_init(|| {
        let t = new_type::<PyArray>("array", "array", None, true);
        set_new(t, array_new);
        add_methods(
            t,
            &[
                ("append", m_append),
                ("extend", m_extend),
                ("insert", m_insert),
                ("pop", m_pop),
                ("remove", m_remove),
                ("index", m_index),
                ("count", m_count),
                ("reverse", m_reverse),
                ("byteswap", m_byteswap),
                ("buffer_info", m_buffer_info),
                ("tobytes", m_tobytes),
                ("frombytes", m_frombytes),
                ("tolist", m_tolist),
                ("fromlist", m_fromlist),
                ("tounicode", m_tounicode),
                ("fromunicode", m_fromunicode),
                ("tofile", m_tofile),
                ("fromfile", m_fromfile),
                ("clear", m_clear),
                ("__copy__", m_copy),
                ("__deepcopy__", m_copy),
                ("__reduce_ex__", m_reduce_ex),
                ("__len__", m_len),
                ("__getitem__", m_getitem),
                ("__setitem__", m_setitem),
                ("__delitem__", m_delitem),
                ("__contains__", m_contains),
                ("__iter__", m_iter),
                ("__add__", m_add),
                ("__iadd__", m_iadd),
                ("__mul__", m_mul),
                ("__rmul__", m_mul),
                ("__imul__", m_imul),
                ("__eq__", |ts, a| compare(ts, &a, CmpOp::Eq)),
                ("__ne__", |ts, a| compare(ts, &a, CmpOp::Ne)),
                ("__lt__", |ts, a| compare(ts, &a, CmpOp::Lt)),
                ("__le__", |ts, a| compare(ts, &a, CmpOp::Le)),
                ("__gt__", |ts, a| compare(ts, &a, CmpOp::Gt)),
                ("__ge__", |ts, a| compare(ts, &a, CmpOp::Ge)),
                ("__repr__", m_repr),
                ("__buffer__", |ts, a| {
                    let (v, _) = arr(&a)?;
                    exact("__buffer__", &a, 1, 1, 1)?;
                    spindle_vm::memoryview::new_memoryview(ts, v)
                }),
                ("__release_buffer__", |_, a| {
                    arr(&a)?;
                    exact("__release_buffer__", &a, 1, 1, 1)?;
                    Ok(none())
                }),
                ("__sizeof__", |_, a| {
                    let (_, s) = arr(&a)?;
                    Ok(new_int(64 + s.data.lock().capacity() as i64))
                }),
            ],
        );
        add_classmethod(t, "__class_getitem__", |ts, a| {
            let cls = a.args.first().cloned().unwrap_or_else(none);
            let item = a.args.get(1).cloned().unwrap_or_else(none);
            spindle_vm::builtins_init::generic_alias(ts, &cls, &item)
        });
        add_getter(t, "typecode", |_, a| Ok(new_str(&(arr(&a)?.1.tc as char).to_string())));
        add_getter(t, "itemsize", |_, a| Ok(new_int(arr(&a)?.1.size() as i64)));
        spindle_vm::native::add_class_value(t, "__hash__", none());
        t
    });
    ITER_T.get_or_init(|| {
        let it = new_type::<ArrayIter>("arrayiterator", "array", None, false);
        add_methods(
            it,
            &[
                ("__iter__", |_, a| Ok(this::<ArrayIter>(&a, "array.arrayiterator")?.0.clone())),
                ("__next__", it_next),
                ("__reduce__", it_reduce),
                ("__setstate__", it_setstate),
            ],
        );
        it
    });
    let m = new_module("array", &[]);
    add_fn(&m, "_array_reconstructor", reconstructor);
    if let Some(d) = spindle_vm::native::module_dict(&m) {
        if let Some(f) = d.get_str("_array_reconstructor") {
            let _ = RECONSTRUCTOR.set(f);
        }
    }
    add_value(&m, "array", t.to_value());
    add_value(&m, "ArrayType", t.to_value());
    add_value(&m, "typecodes", new_str(TYPECODES));
    Ok(m)
}
