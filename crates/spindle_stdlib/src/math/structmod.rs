//! `_struct`: packing Python values into C-layout bytes and back, with
//! CPython's format language (byte order/size/alignment prefixes, repeat
//! counts, every format character), `Struct` objects, and `struct.error`.

use std::sync::OnceLock;

use num_bigint::BigInt;
use parking_lot::Mutex;
use spindle_num::Int;
use spindle_vm::builtins_init::numbers::{from_int, new_complex, to_int};
use spindle_vm::bytes::{PyByteArray, new_bytes};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_fn, add_methods, add_value, new_module, new_type, set_new};
use spindle_vm::num::{float_value, new_bool, new_float, new_int};
use spindle_vm::object::{PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{none, rt};
use spindle_vm::seq::new_tuple;
use spindle_vm::str::{as_str, new_str};
use spindle_vm::{PyErr, PyResult, Value, err, ops, raise};

use super::{add_getter, bytes_of, cls_of, exc_of, exact, new_exc_class, parse, real, this};

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Native,
    Little,
    Big,
}

/// One value's place in the packed bytes.
#[derive(Clone)]
struct Item {
    ch: u8,
    offset: usize,
    /// Bytes for 's'/'p'; the item's size otherwise.
    size: usize,
}

/// `count` values of one format code packed back to back from `offset`: a
/// repeat count is kept as one run, so that `'1000000000i'` takes no room.
struct Run {
    item: Item,
    count: usize,
}

pub(crate) struct Layout {
    format: String,
    runs: Vec<Run>,
    size: usize,
    order: Order,
    /// Values consumed by pack (pads excluded).
    nvalues: usize,
}

static ERROR: OnceLock<Value> = OnceLock::new();
static STRUCT_T: OnceLock<TypeRef> = OnceLock::new();
static ITER_T: OnceLock<TypeRef> = OnceLock::new();

fn error(ts: &ThreadState, msg: &str) -> PyErr {
    match ERROR.get() {
        Some(c) => exc_of(ts, c, msg),
        None => err!(ValueError, "{}", msg),
    }
}

fn sizeof(ch: u8, native: bool) -> Option<(usize, usize)> {
    // (size, alignment)
    Some(match ch {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 1),
        b'h' | b'H' | b'e' => (2, 2),
        b'i' | b'I' | b'f' => (4, 4),
        b'l' | b'L' => {
            if native {
                (8, 8)
            } else {
                (4, 4)
            }
        }
        b'q' | b'Q' | b'd' => (8, 8),
        b'F' => (8, 4),
        b'D' => (16, 8),
        b'n' | b'N' | b'P' if native => (8, 8),
        _ => return None,
    })
}

fn compile(ts: &ThreadState, fmt: &str) -> PyResult<Layout> {
    let b = fmt.as_bytes();
    let (order, native, mut pos) = match b.first() {
        Some(b'@') => (Order::Native, true, 1),
        Some(b'=') => (Order::Native, false, 1),
        Some(b'<') => (Order::Little, false, 1),
        Some(b'>') | Some(b'!') => (Order::Big, false, 1),
        _ => (Order::Native, true, 0),
    };
    let too_long = || error(ts, "total struct size too long");
    let mut runs = Vec::new();
    let mut off = 0usize;
    let mut nvalues = 0usize;
    while pos < b.len() {
        let c = b[pos];
        if c.is_ascii_whitespace() {
            pos += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        while pos < b.len() && b[pos].is_ascii_digit() {
            let d = (b[pos] - b'0') as usize;
            let n = count.unwrap_or(0).checked_mul(10).and_then(|n| n.checked_add(d)).filter(|&n| n <= isize::MAX as usize);
            let Some(n) = n else { return Err(too_long()) };
            count = Some(n);
            pos += 1;
        }
        if pos >= b.len() {
            return Err(error(ts, "repeat count given without format specifier"));
        }
        let ch = b[pos];
        pos += 1;
        let Some((size, align)) = sizeof(ch, native) else { return Err(error(ts, "bad char in struct format")) };
        let n = count.unwrap_or(1);
        if native && align > 1 {
            off = off.div_ceil(align) * align;
        }
        // The total, like CPython's, may reach isize::MAX; packing that many
        // bytes then fails as an allocation.
        if off > isize::MAX as usize || n > (isize::MAX as usize - off) / size {
            return Err(too_long());
        }
        match ch {
            b's' | b'p' => {
                runs.push(Run { item: Item { ch, offset: off, size: n }, count: 1 });
                nvalues += 1;
            }
            b'x' => {}
            _ if n > 0 => {
                runs.push(Run { item: Item { ch, offset: off, size }, count: n });
                nvalues += n;
            }
            _ => {}
        }
        off += n * size;
    }
    Ok(Layout { format: fmt.to_owned(), runs, size: off, order, nvalues })
}

impl Layout {
    /// Each value's place, in order.
    fn items(&self) -> impl Iterator<Item = Item> + '_ {
        self.runs.iter().flat_map(|r| {
            (0..r.count).map(move |k| Item { ch: r.item.ch, offset: r.item.offset + k * r.item.size, size: r.item.size })
        })
    }
}

fn put(buf: &mut [u8], bytes: &[u8], order: Order) {
    let little = match order {
        Order::Native => cfg!(target_endian = "little"),
        Order::Little => true,
        Order::Big => false,
    };
    if little {
        buf.copy_from_slice(bytes);
    } else {
        for (d, s) in buf.iter_mut().zip(bytes.iter().rev()) {
            *d = *s;
        }
    }
}

fn get(buf: &[u8], order: Order) -> Vec<u8> {
    let little = match order {
        Order::Native => cfg!(target_endian = "little"),
        Order::Little => true,
        Order::Big => false,
    };
    if little { buf.to_vec() } else { buf.iter().rev().copied().collect() }
}

fn int_arg(ts: &ThreadState, v: &Value) -> PyResult<Int> {
    if let Some(i) = to_int(v) {
        return Ok(i);
    }
    if float_value(v).is_none() {
        if let Some(r) = ops::call_dunder(ts, v, "__index__", &[])? {
            if let Some(i) = to_int(&r) {
                return Ok(i);
            }
        }
    }
    Err(error(ts, "required argument is not an integer"))
}

/// f64 to IEEE half (round half to even); None on overflow.
fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    // Scale to units of the smallest subnormal (2^-24) and round to even.
    if a < 2f64.powi(-14) {
        let q = a * 2f64.powi(24);
        let r = round_even(q);
        return Some(sign | r as u16);
    }
    let (m, e) = spindle_num::float_frexp(a); // a = m * 2^e, m in [0.5, 1)
    let mut e = e - 1; // a = (2m) * 2^e, 2m in [1, 2)
    let mut frac = round_even((2.0 * m - 1.0) * 1024.0);
    if frac >= 1024.0 {
        frac = 0.0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | frac as u16)
}

fn round_even(q: f64) -> f64 {
    let f = q.floor();
    let d = q - f;
    if d > 0.5 || (d == 0.5 && (f % 2.0) != 0.0) { f + 1.0 } else { f }
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let v = match e {
        0 => f * 2f64.powi(-24),
        31 => {
            if f == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    };
    sign * v
}

fn pack_float(ts: &ThreadState, v: &Value) -> PyResult<f64> {
    if float_value(v).is_none() && to_int(v).is_none() && ops::getattr_opt(ts, v, "__float__")?.is_none() && ops::getattr_opt(ts, v, "__index__")?.is_none() {
        return Err(error(ts, "required argument is not a float"));
    }
    real(ts, v)
}

fn pack_one(ts: &ThreadState, lay: &Layout, it: &Item, v: &Value, out: &mut [u8]) -> PyResult<()> {
    let dst = &mut out[it.offset..it.offset + it.size];
    match it.ch {
        b'c' => {
            match v.downcast::<spindle_vm::bytes::PyBytes>().map(|b| b.data.to_vec()).or_else(|| v.downcast::<PyByteArray>().map(|b| b.data.lock().clone())) {
                Some(b) if b.len() == 1 => dst[0] = b[0],
                _ => return Err(error(ts, "char format requires a bytes object of length 1")),
            }
        }
        b's' | b'p' => {
            let data = match v.downcast::<spindle_vm::bytes::PyBytes>().map(|b| b.data.to_vec()).or_else(|| v.downcast::<PyByteArray>().map(|b| b.data.lock().clone())) {
                Some(b) => b,
                None => return Err(error(ts, &format!("argument for '{}' must be a bytes object", it.ch as char))),
            };
            if it.ch == b's' {
                let n = data.len().min(it.size);
                dst[..n].copy_from_slice(&data[..n]);
            } else if it.size > 0 {
                let n = data.len().min(it.size - 1).min(255);
                dst[0] = n as u8;
                dst[1..1 + n].copy_from_slice(&data[..n]);
            }
        }
        b'?' => dst[0] = ops::is_true(ts, v)? as u8,
        b'e' => {
            let x = pack_float(ts, v)?;
            let Some(h) = to_half(x) else { raise!(OverflowError, "float too large to pack with e format") };
            put(dst, &h.to_le_bytes(), lay.order);
        }
        b'f' => {
            let x = pack_float(ts, v)?;
            put(dst, &(x as f32).to_le_bytes(), lay.order);
        }
        b'd' => {
            let x = pack_float(ts, v)?;
            put(dst, &x.to_le_bytes(), lay.order);
        }
        b'F' | b'D' => {
            let (re, im) = match v.downcast::<spindle_vm::num::PyComplex>() {
                Some(c) => (c.re, c.im),
                None => (pack_float(ts, v)?, 0.0),
            };
            if it.ch == b'F' {
                put(&mut dst[..4], &(re as f32).to_le_bytes(), lay.order);
                put(&mut dst[4..], &(im as f32).to_le_bytes(), lay.order);
            } else {
                put(&mut dst[..8], &re.to_le_bytes(), lay.order);
                put(&mut dst[8..], &im.to_le_bytes(), lay.order);
            }
        }
        ch => {
            let i = int_arg(ts, v)?;
            let signed = ch.is_ascii_lowercase();
            let bits = (it.size * 8) as u32;
            let b = i.to_bigint();
            let (lo, hi) = if signed {
                (-(BigInt::from(1) << (bits - 1)), (BigInt::from(1) << (bits - 1)) - 1)
            } else {
                (BigInt::from(0), (BigInt::from(1) << bits) - 1)
            };
            if b < lo || b > hi {
                if ch == b'n' || ch == b'N' || ch == b'P' {
                    return Err(error(ts, "argument out of range"));
                }
                return Err(error(ts, &format!("'{}' format requires {} <= number <= {}", ch as char, lo, hi)));
            }
            let bytes = i.to_bytes(it.size, true, signed).map_err(|_| error(ts, "argument out of range"))?;
            put(dst, &bytes, lay.order);
        }
    }
    Ok(())
}

fn pack_to(ts: &ThreadState, lay: &Layout, vals: &[Value], out: &mut [u8]) -> PyResult<()> {
    if vals.len() != lay.nvalues {
        return Err(error(ts, &format!("pack expected {} items for packing (got {})", lay.nvalues, vals.len())));
    }
    for (it, v) in lay.items().zip(vals.iter()) {
        pack_one(ts, lay, &it, v, out)?;
    }
    Ok(())
}

fn unpack_at(lay: &Layout, buf: &[u8]) -> Value {
    let mut out = Vec::with_capacity(lay.nvalues);
    for it in lay.items() {
        let src = &buf[it.offset..it.offset + it.size];
        let v = match it.ch {
            b'c' => new_bytes(src),
            b's' => new_bytes(src),
            b'p' => {
                let n = src.first().map(|n| *n as usize).unwrap_or(0).min(it.size.saturating_sub(1));
                new_bytes(src.get(1..1 + n).unwrap_or(&[]))
            }
            b'?' => new_bool(src[0] != 0),
            b'e' => {
                let b = get(src, lay.order);
                new_float(from_half(u16::from_le_bytes([b[0], b[1]])))
            }
            b'f' => {
                let b = get(src, lay.order);
                new_float(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64)
            }
            b'd' => {
                let b = get(src, lay.order);
                let mut a = [0u8; 8];
                a.copy_from_slice(&b);
                new_float(f64::from_le_bytes(a))
            }
            b'F' => {
                let r = get(&src[..4], lay.order);
                let i = get(&src[4..], lay.order);
                let re = f32::from_le_bytes([r[0], r[1], r[2], r[3]]) as f64;
                let im = f32::from_le_bytes([i[0], i[1], i[2], i[3]]) as f64;
                new_complex(spindle_num::Complex { re, im })
            }
            b'D' => {
                let mut r = [0u8; 8];
                let mut i = [0u8; 8];
                r.copy_from_slice(&get(&src[..8], lay.order));
                i.copy_from_slice(&get(&src[8..], lay.order));
                new_complex(spindle_num::Complex { re: f64::from_le_bytes(r), im: f64::from_le_bytes(i) })
            }
            ch => {
                let b = get(src, lay.order);
                from_int(Int::from_bytes(&b, true, ch.is_ascii_lowercase()))
            }
        };
        out.push(v);
    }
    new_tuple(out)
}

pub(crate) struct PyStruct {
    lay: Layout,
}

impl PyPayload for PyStruct {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 10);
}

pub(crate) struct PyUnpackIter {
    st: Value,
    data: Vec<u8>,
    pos: Mutex<usize>,
}

impl PyPayload for PyUnpackIter {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 11);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.st);
    }
}

fn fmt_str(ts: &ThreadState, v: &Value) -> PyResult<String> {
    if let Some(s) = as_str(v) {
        return Ok(s.to_owned());
    }
    if let Some(b) = v.downcast::<spindle_vm::bytes::PyBytes>() {
        return Ok(String::from_utf8_lossy(&b.data).into_owned());
    }
    let _ = ts;
    raise!(TypeError, "Struct() argument 1 must be a str or bytes object, not {}", ops::type_name(v))
}

fn make_struct(ts: &ThreadState, cls: TypeRef, fmt: &Value) -> PyResult<Value> {
    let f = fmt_str(ts, fmt)?;
    let lay = compile(ts, &f)?;
    Ok(alloc(cls, PyStruct { lay }))
}

fn st_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_of(&a)?;
    let [f] = parse("Struct", &a, 1, ["format"], 1)?;
    make_struct(ts, cls, f.as_ref().unwrap_or(&none()))
}

fn st_init(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(none())
}

/// A Struct for `fmt` (a Struct instance passes through).
fn struct_of(ts: &ThreadState, fmt: &Value) -> PyResult<Value> {
    if fmt.downcast::<PyStruct>().is_some() {
        return Ok(fmt.clone());
    }
    let t = STRUCT_T.get().copied().unwrap_or(rt().types.object);
    make_struct(ts, t, fmt)
}

fn lay_of(v: &Value) -> PyResult<&Layout> {
    match v.downcast::<PyStruct>() {
        Some(s) => Ok(&s.lay),
        None => raise!(TypeError, "expected a Struct"),
    }
}

fn do_pack(ts: &ThreadState, st: &Value, vals: &[Value]) -> PyResult<Value> {
    let lay = lay_of(st)?;
    if vals.len() != lay.nvalues {
        return Err(error(ts, &format!("pack expected {} items for packing (got {})", lay.nvalues, vals.len())));
    }
    let mut out = spindle_vm::builtins_init::bytes_type::zeroed_bytes_object(lay.size)?;
    pack_to(ts, lay, vals, &mut out)?;
    Ok(new_bytes(&out))
}

fn do_unpack(ts: &ThreadState, st: &Value, buf: &Value) -> PyResult<Value> {
    let lay = lay_of(st)?;
    let data = bytes_of(ts, buf, "")?;
    if data.len() != lay.size {
        return Err(error(ts, &format!("unpack requires a buffer of {} bytes", lay.size)));
    }
    Ok(unpack_at(lay, &data))
}

fn do_unpack_from(ts: &ThreadState, st: &Value, buf: &Value, off: Option<&Value>) -> PyResult<Value> {
    let lay = lay_of(st)?;
    let data = bytes_of(ts, buf, "")?;
    let mut o = match off {
        Some(v) => super::index_i64(ts, v)?,
        None => 0,
    };
    if o < 0 {
        if o + (data.len() as i64) < 0 {
            return Err(error(ts, &format!("offset {} out of range for {}-byte buffer", o, data.len())));
        }
        o += data.len() as i64;
    }
    let o = o as usize;
    if data.len() < o || data.len() - o < lay.size {
        if o > data.len() {
            return Err(error(ts, &format!("offset {} out of range for {}-byte buffer", o, data.len())));
        }
        return Err(error(
            ts,
            &format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                lay.size + o,
                lay.size,
                o,
                data.len()
            ),
        ));
    }
    Ok(unpack_at(lay, &data[o..o + lay.size]))
}

/// Where `pack_into` at offset `o` writes in a buffer of `len` bytes, or
/// CPython's error for an offset or buffer that does not fit the layout.
fn placement(ts: &ThreadState, lay: &Layout, o: i64, len: usize) -> PyResult<usize> {
    let (size, len) = (lay.size as i128, len as i128);
    let mut at = i128::from(o);
    if at < 0 {
        if at + size > 0 {
            return Err(error(ts, &format!("no space to pack {size} bytes at offset {at}")));
        }
        if at + len < 0 {
            return Err(error(ts, &format!("offset {at} out of range for {len}-byte buffer")));
        }
        at += len;
    }
    if len - at < size {
        return Err(error(
            ts,
            &format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {at} (actual buffer size is {len})",
                size + at
            ),
        ));
    }
    Ok(at as usize)
}

fn do_pack_into(ts: &ThreadState, st: &Value, buf: &Value, off: &Value, vals: &[Value]) -> PyResult<Value> {
    let lay = lay_of(st)?;
    if vals.len() != lay.nvalues {
        return Err(error(ts, &format!("pack_into expected {} items for packing (got {})", lay.nvalues, vals.len())));
    }
    let o = super::index_i64(ts, off)?;
    let len_now = if let Some(b) = buf.downcast::<PyByteArray>() {
        b.data.lock().len()
    } else if let Some(arr) = buf.downcast::<super::array::PyArray>() {
        arr.byte_len()
    } else {
        return pack_into_view(ts, lay, buf, o, vals);
    };
    // The buffer is checked before packing, as CPython does (and before
    // allocating room for a layout of any size).
    placement(ts, lay, o, len_now)?;
    let mut tmp = spindle_vm::memory::zeroed_bytes(lay.size)?;
    pack_to(ts, lay, vals, &mut tmp)?;
    // Packing ran Python code, which may have resized the buffer.
    let apply = |data: &mut [u8]| -> PyResult<()> {
        let at = placement(ts, lay, o, data.len())?;
        data[at..at + lay.size].copy_from_slice(&tmp);
        Ok(())
    };
    if let Some(b) = buf.downcast::<PyByteArray>() {
        let mut d = b.data.lock();
        apply(&mut d)?;
        return Ok(none());
    }
    if let Some(arr) = buf.downcast::<super::array::PyArray>() {
        let mut bytes = arr.to_bytes();
        apply(&mut bytes)?;
        arr.set_bytes(&bytes);
        return Ok(none());
    }
    raise!(TypeError, "argument must be read-write bytes-like object, not {}", ops::type_name(buf))
}

/// `pack_into` for other writable buffers (a memoryview, over an mmap
/// say): the bytes go in through a flat byte view of the buffer.
fn pack_into_view(ts: &ThreadState, lay: &Layout, buf: &Value, o: i64, vals: &[Value]) -> PyResult<Value> {
    let mv_type = spindle_vm::memoryview::type_ref();
    if !buf.type_ref().is_subtype(mv_type) && spindle_vm::buffer::exporter(buf).is_none() {
        raise!(TypeError, "argument must be read-write bytes-like object, not {}", ops::type_name(buf))
    }
    let view = ops::call(ts, &mv_type.to_value(), std::slice::from_ref(buf))?;
    let result = (|| {
        if ops::is_true(ts, &ops::getattr_str(ts, &view, "readonly")?)? {
            raise!(TypeError, "argument must be read-write bytes-like object, not {}", ops::type_name(buf))
        }
        let flat = ops::call_method(ts, &view, "cast", &[new_str("B")])?;
        let written = (|| {
            let at = placement(ts, lay, o, ops::len(ts, &flat)?)?;
            let mut tmp = spindle_vm::memory::zeroed_bytes(lay.size)?;
            pack_to(ts, lay, vals, &mut tmp)?;
            let range = spindle_vm::builtins_init::new_slice(new_int(at as i64), new_int((at + lay.size) as i64), none());
            ops::setitem(ts, &flat, &range, new_bytes(&tmp))
        })();
        ops::call_method(ts, &flat, "release", &[])?;
        written
    })();
    ops::call_method(ts, &view, "release", &[])?;
    result.map(|()| none())
}

fn do_iter_unpack(ts: &ThreadState, st: &Value, buf: &Value) -> PyResult<Value> {
    let lay = lay_of(st)?;
    let data = bytes_of(ts, buf, "")?;
    if lay.size == 0 {
        return Err(error(ts, "cannot iteratively unpack with a struct of length 0"));
    }
    if data.len() % lay.size != 0 {
        return Err(error(ts, &format!("iterative unpacking requires a buffer of a multiple of {} bytes", lay.size)));
    }
    let t = ITER_T.get().copied().unwrap_or(rt().types.object);
    Ok(alloc(t, PyUnpackIter { st: st.clone(), data, pos: Mutex::new(0) }))
}

// Struct methods.
fn s_pack(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (s, _) = this::<PyStruct>(&a, "_struct.Struct")?;
    if a.has_kwargs() {
        raise!(TypeError, "pack() takes no keyword arguments");
    }
    do_pack(ts, s, &a.args[1..])
}
fn s_unpack(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (s, _) = this::<PyStruct>(&a, "_struct.Struct")?;
    let v = exact("unpack", &a, 1, 1, 1)?;
    do_unpack(ts, s, &v[0])
}
fn s_unpack_from(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (s, _) = this::<PyStruct>(&a, "_struct.Struct")?;
    let [b, o] = parse("unpack_from", &a, 1, ["buffer", "offset"], 1)?;
    do_unpack_from(ts, s, b.as_ref().unwrap_or(&none()), o.as_ref())
}
fn s_pack_into(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (s, _) = this::<PyStruct>(&a, "_struct.Struct")?;
    if a.args.len() < 3 {
        raise!(TypeError, "pack_into expected buffer argument");
    }
    do_pack_into(ts, s, &a.args[1], &a.args[2], &a.args[3..])
}
fn s_iter_unpack(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (s, _) = this::<PyStruct>(&a, "_struct.Struct")?;
    let v = exact("iter_unpack", &a, 1, 1, 1)?;
    do_iter_unpack(ts, s, &v[0])
}
fn s_format(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, s) = this::<PyStruct>(&a, "_struct.Struct")?;
    Ok(new_str(&s.lay.format))
}
fn s_size(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, s) = this::<PyStruct>(&a, "_struct.Struct")?;
    Ok(new_int(s.lay.size as i64))
}
fn s_repr(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, s) = this::<PyStruct>(&a, "_struct.Struct")?;
    Ok(new_str(&format!("Struct({})", spindle_num::py_str_repr(&s.lay.format))))
}

fn it_iter(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(a.args.first().cloned().unwrap_or_else(none))
}
fn it_next(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, it) = this::<PyUnpackIter>(&a, "_struct.unpack_iterator")?;
    let lay = lay_of(&it.st)?;
    let mut p = it.pos.lock();
    if *p + lay.size > it.data.len() {
        return Err(PyErr::bare(rt().exc.StopIteration));
    }
    let v = unpack_at(lay, &it.data[*p..*p + lay.size]);
    *p += lay.size;
    Ok(v)
}
fn it_len(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, it) = this::<PyUnpackIter>(&a, "_struct.unpack_iterator")?;
    let lay = lay_of(&it.st)?;
    let p = *it.pos.lock();
    Ok(new_int(((it.data.len() - p.min(it.data.len())) / lay.size.max(1)) as i64))
}

// Module functions.
fn first(a: &Args<'_>, name: &str) -> PyResult<Value> {
    match a.args.first() {
        Some(v) if a.positional().len() >= 1 => Ok(v.clone()),
        _ => raise!(TypeError, "{}() missing required argument 'format' (pos 1)", name),
    }
}
fn f_pack(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if a.has_kwargs() {
        raise!(TypeError, "pack() takes no keyword arguments");
    }
    let st = struct_of(ts, &first(&a, "pack")?)?;
    do_pack(ts, &st, &a.args[1..])
}
fn f_unpack(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("unpack", &a, 0, 2, 2)?;
    let st = struct_of(ts, &v[0])?;
    do_unpack(ts, &st, &v[1])
}
fn f_unpack_from(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [f, b, o] = parse("unpack_from", &a, 0, ["format", "buffer", "offset"], 2)?;
    let st = struct_of(ts, f.as_ref().unwrap_or(&none()))?;
    do_unpack_from(ts, &st, b.as_ref().unwrap_or(&none()), o.as_ref())
}
fn f_pack_into(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if a.args.len() < 3 {
        raise!(TypeError, "pack_into expected at least 3 arguments, got {}", a.args.len());
    }
    let st = struct_of(ts, &a.args[0])?;
    do_pack_into(ts, &st, &a.args[1], &a.args[2], &a.args[3..])
}
fn f_iter_unpack(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("iter_unpack", &a, 0, 2, 2)?;
    let st = struct_of(ts, &v[0])?;
    do_iter_unpack(ts, &st, &v[1])
}
fn f_calcsize(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("calcsize", &a, 0, 1, 1)?;
    let st = struct_of(ts, &v[0])?;
    Ok(new_int(lay_of(&st)?.size as i64))
}
fn f_clearcache(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(none())
}

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = new_module("_struct", &[]);
    let e = match ERROR.get() {
        Some(e) => e.clone(),
        None => {
            let e = new_exc_class(ts, "struct", "error", rt().exc.Exception)?;
            let _ = ERROR.set(e);
            ERROR.get().cloned().unwrap_or_else(none)
        }
    };
    let st = *STRUCT_T.get_or_init(|| {
        let t = new_type::<PyStruct>("Struct", "_struct", None, true);
        set_new(t, st_new);
        add_methods(
            t,
            &[
                ("__init__", st_init),
                ("pack", s_pack),
                ("unpack", s_unpack),
                ("unpack_from", s_unpack_from),
                ("pack_into", s_pack_into),
                ("iter_unpack", s_iter_unpack),
                ("__repr__", s_repr),
            ],
        );
        add_getter(t, "format", s_format);
        add_getter(t, "size", s_size);
        t
    });
    let _ = ITER_T.get_or_init(|| {
        let t = new_type::<PyUnpackIter>("unpack_iterator", "_struct", None, false);
        add_methods(t, &[("__iter__", it_iter), ("__next__", it_next), ("__length_hint__", it_len)]);
        t
    });
    add_value(&m, "error", e);
    add_value(&m, "Struct", st.to_value());
    add_fn(&m, "pack", f_pack);
    add_fn(&m, "unpack", f_unpack);
    add_fn(&m, "unpack_from", f_unpack_from);
    add_fn(&m, "pack_into", f_pack_into);
    add_fn(&m, "iter_unpack", f_iter_unpack);
    add_fn(&m, "calcsize", f_calcsize);
    add_fn(&m, "_clearcache", f_clearcache);
    Ok(m)
}
