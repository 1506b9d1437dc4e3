//! `marshal`: CPython's format (versions 0-5) for None, booleans, ints,
//! floats, complex numbers, str, bytes (any buffer), tuples, lists, dicts,
//! sets, frozensets, slices, Ellipsis and StopIteration, with its
//! back-references. Code objects are Spindle's own: type code `c`, then a
//! length, the build's code fingerprint and `spindle_bytecode`'s encoding,
//! which only the same build reads (its `.pyc` files carry a magic number
//! made from that fingerprint and the cache tag `spindle-314`, so CPython's,
//! Spindle's and another build's never meet).
//!
//! Which objects get a back-reference slot follows CPython's rule ("more
//! than one reference, or interned") with Spindle's counts, so output can
//! differ from CPython's by such flags where the counts differ; every
//! reader accepts both.

use std::collections::HashMap;

use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native;
use spindle_vm::num::{PyComplex, PyFloat, int_to_big, new_bigint, new_float, new_int};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::seq::{PyList, new_list, new_tuple, tuple_items};
use spindle_vm::str::{as_data, new_data};
use spindle_vm::value::Value;
use spindle_vm::{err, ops, raise};

const VERSION: i64 = 5;
const FLAG_REF: u8 = 0x80;
/// CPython's MAX_MARSHAL_STACK_DEPTH.
const MAX_DEPTH: usize = 2000;

struct Writer {
    out: Vec<u8>,
    version: i64,
    allow_code: bool,
    /// Objects given a back-reference slot, by identity: their index.
    refs: HashMap<usize, u32>,
    depth: usize,
    /// See `w_ref`: 1 while writing an item of a container, 0 at the top.
    held: usize,
}

fn unmarshallable() -> spindle_vm::error::PyErr {
    err!(ValueError, "unmarshallable object")
}

/// CPython's "interned" for a str, as its compiler and runtime would have
/// it: identifier-like text and single Latin-1 characters.
fn looks_interned(s: &spindle_str::PyStrData) -> bool {
    let n = s.len();
    let mut cps = s.code_points();
    if n == 1 {
        return cps.next().is_some_and(|c| c < 256);
    }
    cps.all(|c| c < 128 && (char::from_u32(c).is_some_and(|ch| ch.is_ascii_alphanumeric()) || c == u32::from(b'_')))
}

impl Writer {
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    fn size(&mut self, n: usize) -> PyResult<()> {
        match i32::try_from(n) {
            Ok(n) => {
                self.long(n);
                Ok(())
            }
            Err(_) => Err(unmarshallable()),
        }
    }

    fn bytes_with_len(&mut self, data: &[u8]) -> PyResult<()> {
        self.size(data.len())?;
        self.out.extend_from_slice(data);
        Ok(())
    }

    /// CPython's `w_ref`: writes a back-reference and returns true if `v`
    /// was written before; else gives it a slot when it may be shared
    /// (more than one reference, or `always`), setting FLAG_REF in `flag`.
    fn w_ref(&mut self, v: &Value, flag: &mut u8, always: bool) -> bool {
        if self.version < 3 {
            return false;
        }
        // `held`: the references this writer holds itself (a copy of its
        // container's items), which CPython's count would not include.
        let shared = always || v.header().is_none_or(|h| h.refcount() > 1 + self.held);
        if !shared {
            return false;
        }
        let key = v.bits();
        if let Some(&i) = self.refs.get(&key) {
            self.byte(b'r');
            self.long(i as i32);
            return true;
        }
        let i = self.refs.len() as u32;
        self.refs.insert(key, i);
        *flag |= FLAG_REF;
        false
    }

    fn object(&mut self, ts: &ThreadState, v: &Value) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            raise!(ValueError, "object too deeply nested to marshal");
        }
        let r = self.object_inner(ts, v);
        self.depth -= 1;
        r
    }

    /// An item of a container, which this writer holds a copy of.
    fn item(&mut self, ts: &ThreadState, v: &Value) -> PyResult<()> {
        let held = std::mem::replace(&mut self.held, 1);
        let r = self.object(ts, v);
        self.held = held;
        r
    }

    fn object_inner(&mut self, ts: &ThreadState, v: &Value) -> PyResult<()> {
        let r = rt();
        if is_none(v) {
            self.byte(b'N');
            return Ok(());
        }
        if v.is(&r.true_) {
            self.byte(b'T');
            return Ok(());
        }
        if v.is(&r.false_) {
            self.byte(b'F');
            return Ok(());
        }
        if v.is(&r.ellipsis) {
            self.byte(b'.');
            return Ok(());
        }
        if v.is(&r.exc.StopIteration.to_value()) {
            self.byte(b'S');
            return Ok(());
        }
        let t = v.type_ref();
        let mut flag = 0u8;
        if t == r.types.int {
            let b = int_to_big(v).unwrap_or_default();
            // CPython's small ints are immortal: always shared.
            let small = spindle_vm::num::int_to_i64(v).is_some_and(|x| (-5..=256).contains(&x));
            if self.w_ref(v, &mut flag, small || v.is_small_int()) {
                return Ok(());
            }
            match i32::try_from(&b) {
                Ok(x) => {
                    self.byte(b'i' | flag);
                    self.long(x);
                }
                Err(_) => {
                    self.byte(b'l' | flag);
                    // 15-bit digits, least significant first; the count's
                    // sign is the number's.
                    let (sign, mut mag) = (b.sign(), b.magnitude().clone());
                    let mut digits = Vec::new();
                    while mag > num_bigint::BigUint::from(0u8) {
                        let d = (&mag & num_bigint::BigUint::from(0x7fffu16)).to_u32_digits().first().copied().unwrap_or(0);
                        digits.push(d as u16);
                        mag >>= 15;
                    }
                    let n = digits.len() as i32;
                    self.long(if sign == num_bigint::Sign::Minus { -n } else { n });
                    for d in digits {
                        self.out.extend_from_slice(&d.to_le_bytes());
                    }
                }
            }
            return Ok(());
        }
        if t == r.types.float {
            if self.w_ref(v, &mut flag, false) {
                return Ok(());
            }
            let f = v.downcast::<PyFloat>().map_or(0.0, |p| p.value);
            if self.version > 1 {
                self.byte(b'g' | flag);
                self.out.extend_from_slice(&f.to_le_bytes());
            } else {
                self.byte(b'f' | flag);
                self.float_text(ts, v)?;
            }
            return Ok(());
        }
        if t == r.types.complex {
            if self.w_ref(v, &mut flag, false) {
                return Ok(());
            }
            let (re, im) = v.downcast::<PyComplex>().map_or((0.0, 0.0), |c| (c.re, c.im));
            if self.version > 1 {
                self.byte(b'y' | flag);
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            } else {
                self.byte(b'x' | flag);
                self.float_text(ts, &new_float(re))?;
                self.float_text(ts, &new_float(im))?;
            }
            return Ok(());
        }
        if t == r.types.str {
            let Some(data) = as_data(v) else { return Err(unmarshallable()) };
            let interned = self.version >= 3 && looks_interned(data);
            if self.w_ref(v, &mut flag, interned) {
                return Ok(());
            }
            if data.is_ascii() && self.version >= 4 {
                let text: Vec<u8> = data.code_points().map(|c| c as u8).collect();
                if text.len() < 256 {
                    self.byte(if interned { b'Z' } else { b'z' } | flag);
                    self.byte(text.len() as u8);
                    self.out.extend_from_slice(&text);
                } else {
                    self.byte(if interned { b'A' } else { b'a' } | flag);
                    self.bytes_with_len(&text)?;
                }
            } else {
                self.byte(if interned { b't' } else { b'u' } | flag);
                let mut utf8 = Vec::new();
                for c in data.code_points() {
                    push_surrogatepass(&mut utf8, c);
                }
                self.bytes_with_len(&utf8)?;
            }
            return Ok(());
        }
        if t == r.types.tuple {
            if self.w_ref(v, &mut flag, false) {
                return Ok(());
            }
            let items = tuple_items(v).unwrap_or(&[]).to_vec();
            if self.version >= 4 && items.len() < 256 {
                self.byte(b')' | flag);
                self.byte(items.len() as u8);
            } else {
                self.byte(b'(' | flag);
                self.size(items.len())?;
            }
            for x in &items {
                self.item(ts, x)?;
            }
            return Ok(());
        }
        if t == r.types.list {
            if self.w_ref(v, &mut flag, false) {
                return Ok(());
            }
            let items = v.downcast::<PyList>().map(|l| l.snapshot()).unwrap_or_default();
            self.byte(b'[' | flag);
            self.size(items.len())?;
            for x in &items {
                self.item(ts, x)?;
            }
            return Ok(());
        }
        if t == r.types.dict {
            if self.w_ref(v, &mut flag, false) {
                return Ok(());
            }
            let items = v.downcast::<spindle_vm::dict::PyDict>().map(|d| d.items()).unwrap_or_default();
            self.byte(b'{' | flag);
            for (k, x) in &items {
                self.item(ts, k)?;
                self.item(ts, x)?;
            }
            self.byte(b'0');
            return Ok(());
        }
        if t == r.types.set || t == r.types.frozenset {
            if self.w_ref(v, &mut flag, false) {
                return Ok(());
            }
            let items = v.downcast::<spindle_vm::set::PySet>().map(|s| s.table.keys()).unwrap_or_default();
            self.byte(if t == r.types.set { b'<' } else { b'>' } | flag);
            self.size(items.len())?;
            // As CPython: in the order of the items' own marshalled bytes,
            // so equal sets give equal output whatever their table order.
            let mut keyed = Vec::with_capacity(items.len());
            for x in items {
                let mut w = Writer { out: Vec::new(), version: self.version, allow_code: self.allow_code, refs: HashMap::new(), depth: self.depth, held: 1 };
                w.object(ts, &x)?;
                keyed.push((w.out, x));
            }
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            for (_, x) in &keyed {
                self.item(ts, x)?;
            }
            return Ok(());
        }
        if t == r.types.slice && self.version >= 5 {
            if self.w_ref(v, &mut flag, false) {
                return Ok(());
            }
            let Some(s) = v.downcast::<spindle_vm::cell::PySlice>() else { return Err(unmarshallable()) };
            let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
            self.byte(b':' | flag);
            self.item(ts, &a)?;
            self.item(ts, &b)?;
            self.item(ts, &c)?;
            return Ok(());
        }
        if let Some(code) = v.downcast::<spindle_vm::code::PyCode>() {
            if !self.allow_code {
                raise!(ValueError, "unmarshalling code objects is disallowed");
            }
            if self.w_ref(v, &mut flag, false) {
                return Ok(());
            }
            self.byte(b'c' | flag);
            let mut enc = spindle_bytecode::code_fingerprint().to_le_bytes().to_vec();
            enc.extend_from_slice(&spindle_bytecode::encode(&code.code));
            self.bytes_with_len(&enc)?;
            return Ok(());
        }
        // Any other buffer (bytes, bytearray, memoryview, array...) is bytes.
        if let Some(data) = spindle_vm::builtins_init::bytes_type::bytes_data(v) {
            if self.w_ref(v, &mut flag, false) {
                return Ok(());
            }
            self.byte(b's' | flag);
            self.bytes_with_len(&data)?;
            return Ok(());
        }
        Err(unmarshallable())
    }

    /// Versions 0 and 1: a float as `repr` text, one length byte first.
    fn float_text(&mut self, ts: &ThreadState, f: &Value) -> PyResult<()> {
        let text = ops::repr_string(ts, f)?;
        self.byte(text.len() as u8);
        self.out.extend_from_slice(text.as_bytes());
        Ok(())
    }
}

/// UTF-8 as CPython's "surrogatepass": lone surrogates as their 3-byte form.
fn push_surrogatepass(out: &mut Vec<u8>, c: u32) {
    match c {
        0..=0x7f => out.push(c as u8),
        0x80..=0x7ff => out.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]),
        0x800..=0xffff => out.extend_from_slice(&[0xe0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3f) as u8, 0x80 | (c & 0x3f) as u8]),
        _ => out.extend_from_slice(&[
            0xf0 | (c >> 18) as u8,
            0x80 | ((c >> 12) & 0x3f) as u8,
            0x80 | ((c >> 6) & 0x3f) as u8,
            0x80 | (c & 0x3f) as u8,
        ]),
    }
}

/// Decodes UTF-8 that may hold surrogates in their 3-byte form.
fn decode_surrogatepass(b: &[u8]) -> Option<Vec<u32>> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let (n, init) = match c {
            0..=0x7f => (1, u32::from(c)),
            0xc2..=0xdf => (2, u32::from(c & 0x1f)),
            0xe0..=0xef => (3, u32::from(c & 0x0f)),
            0xf0..=0xf4 => (4, u32::from(c & 0x07)),
            _ => return None,
        };
        let tail = b.get(i + 1..i + n)?;
        let mut cp = init;
        for &t in tail {
            if t & 0xc0 != 0x80 {
                return None;
            }
            cp = (cp << 6) | u32::from(t & 0x3f);
        }
        let min = [0, 0, 0x80, 0x800, 0x10000][n];
        if cp < min || cp > 0x10ffff {
            return None;
        }
        out.push(cp);
        i += n;
    }
    Some(out)
}

/// Where `load`/`loads` read from.
enum Input<'a> {
    Bytes { data: &'a [u8], pos: usize },
    File(Value),
}

struct Reader<'a> {
    input: Input<'a>,
    allow_code: bool,
    /// Objects read with FLAG_REF, by slot (None: reserved, not yet made).
    refs: Vec<Option<Value>>,
    depth: usize,
}

fn too_short() -> spindle_vm::error::PyErr {
    err!(EOFError, "marshal data too short")
}

fn bad(what: &str) -> spindle_vm::error::PyErr {
    err!(ValueError, "bad marshal data ({})", what)
}

impl Reader<'_> {
    fn take(&mut self, ts: &ThreadState, n: usize) -> PyResult<Vec<u8>> {
        match &mut self.input {
            Input::Bytes { data, pos } => {
                let end = pos.checked_add(n).filter(|&e| e <= data.len()).ok_or_else(too_short)?;
                let out = data[*pos..end].to_vec();
                *pos = end;
                Ok(out)
            }
            Input::File(f) => {
                if n == 0 {
                    return Ok(Vec::new());
                }
                let got = ops::call_method(ts, f, "read", &[new_int(n as i64)])?;
                let got = spindle_vm::builtins_init::bytes_type::bytes_data(&got)
                    .ok_or_else(|| err!(TypeError, "file.read() returned not bytes but {}", ops::type_name(&got)))?;
                if got.len() != n {
                    if got.len() > n {
                        raise!(ValueError, "read() returned too much data: {} bytes requested, {} returned", n, got.len());
                    }
                    return Err(too_short());
                }
                Ok(got)
            }
        }
    }

    /// The type code: EOF here is "EOF read where object expected".
    fn code(&mut self, ts: &ThreadState) -> PyResult<u8> {
        match self.take(ts, 1) {
            Ok(b) => Ok(b[0]),
            Err(e) if e.is_instance(rt().exc.EOFError) => raise!(EOFError, "EOF read where object expected"),
            Err(e) => Err(e),
        }
    }

    fn byte(&mut self, ts: &ThreadState) -> PyResult<u8> {
        Ok(self.take(ts, 1)?[0])
    }

    fn long(&mut self, ts: &ThreadState) -> PyResult<i32> {
        let b = self.take(ts, 4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn len(&mut self, ts: &ThreadState, what: &str) -> PyResult<usize> {
        let n = self.long(ts)?;
        usize::try_from(n).map_err(|_| bad(&format!("{what} size out of range")))
    }

    fn float_bin(&mut self, ts: &ThreadState) -> PyResult<f64> {
        let b = self.take(ts, 8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&b);
        Ok(f64::from_le_bytes(a))
    }

    fn float_text(&mut self, ts: &ThreadState) -> PyResult<f64> {
        let n = self.byte(ts)? as usize;
        let b = self.take(ts, n)?;
        std::str::from_utf8(&b).ok().and_then(|s| parse_float_text(s)).ok_or_else(|| bad("float"))
    }

    /// Reserves a back-reference slot when `flag` says so.
    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        })
    }

    fn fill(&mut self, slot: Option<usize>, v: &Value) {
        if let Some(i) = slot {
            self.refs[i] = Some(v.clone());
        }
    }

    fn object(&mut self, ts: &ThreadState) -> PyResult<Option<Value>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            raise!(ValueError, "recursion limit exceeded");
        }
        let r = self.object_inner(ts);
        self.depth -= 1;
        r
    }

    /// An object where one must be (not the end of a dict).
    fn required(&mut self, ts: &ThreadState, container: &str) -> PyResult<Value> {
        match self.object(ts)? {
            Some(v) => Ok(v),
            None => raise!(TypeError, "NULL object in marshal data for {}", container),
        }
    }

    fn object_inner(&mut self, ts: &ThreadState) -> PyResult<Option<Value>> {
        let code = self.code(ts)?;
        let flag = code & FLAG_REF != 0;
        let r = rt();
        let simple = |v: Value, me: &mut Self| {
            let slot = me.reserve(flag);
            me.fill(slot, &v);
            Ok(Some(v))
        };
        match code & !FLAG_REF {
            b'0' => Ok(None),
            b'N' => Ok(Some(none())),
            b'T' => Ok(Some(r.true_.clone())),
            b'F' => Ok(Some(r.false_.clone())),
            b'.' => Ok(Some(r.ellipsis.clone())),
            b'S' => Ok(Some(r.exc.StopIteration.to_value())),
            b'i' => {
                let x = self.long(ts)?;
                simple(new_int(i64::from(x)), self)
            }
            b'l' => {
                let n = self.long(ts)?;
                let count = n.unsigned_abs() as usize;
                if count > (1 << 24) {
                    return Err(bad("long size out of range"));
                }
                let mut mag = num_bigint::BigUint::from(0u8);
                let mut digits = Vec::with_capacity(count);
                for _ in 0..count {
                    let b = self.take(ts, 2)?;
                    let d = u16::from_le_bytes([b[0], b[1]]);
                    if d > 0x7fff {
                        return Err(bad("digit out of range in long"));
                    }
                    digits.push(d);
                }
                if digits.last() == Some(&0) {
                    return Err(bad("unnormalized long data"));
                }
                for d in digits.iter().rev() {
                    mag = (mag << 15) | num_bigint::BigUint::from(*d);
                }
                let sign = if n < 0 { num_bigint::Sign::Minus } else { num_bigint::Sign::Plus };
                simple(new_bigint(num_bigint::BigInt::from_biguint(sign, mag)), self)
            }
            b'g' => {
                let f = self.float_bin(ts)?;
                simple(new_float(f), self)
            }
            b'f' => {
                let f = self.float_text(ts)?;
                simple(new_float(f), self)
            }
            b'y' => {
                let (re, im) = (self.float_bin(ts)?, self.float_bin(ts)?);
                simple(spindle_vm::object::alloc(r.types.complex, PyComplex { re, im }), self)
            }
            b'x' => {
                let (re, im) = (self.float_text(ts)?, self.float_text(ts)?);
                simple(spindle_vm::object::alloc(r.types.complex, PyComplex { re, im }), self)
            }
            b's' => {
                let n = self.len(ts, "bytes object")?;
                let data = self.take(ts, n)?;
                simple(spindle_vm::bytes::new_bytes(&data), self)
            }
            c @ (b'u' | b't') => {
                let n = self.len(ts, "string")?;
                let data = self.take(ts, n)?;
                let cps = decode_surrogatepass(&data).ok_or_else(|| err!(UnicodeDecodeError, "'utf-8' codec can't decode bytes: invalid data"))?;
                let s = spindle_str::PyStrData::from_code_points(cps).map_err(|_| bad("string"))?;
                let v = new_data(s);
                let v = if c == b't' { intern_value(&v) } else { v };
                simple(v, self)
            }
            c @ (b'a' | b'A' | b'z' | b'Z') => {
                let n = if c == b'z' || c == b'Z' { self.byte(ts)? as usize } else { self.len(ts, "string")? };
                let data = self.take(ts, n)?;
                let text: String = data.iter().map(|&b| char::from(b)).collect();
                let v = if c == b'A' || c == b'Z' { spindle_vm::str::intern(&text) } else { spindle_vm::str::new_string(text) };
                simple(v, self)
            }
            c @ (b'(' | b')') => {
                let n = if c == b')' { self.byte(ts)? as usize } else { self.len(ts, "tuple")? };
                let slot = self.reserve(flag);
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.required(ts, "tuple")?);
                }
                let v = new_tuple(items);
                self.fill(slot, &v);
                Ok(Some(v))
            }
            b'[' => {
                let n = self.len(ts, "list")?;
                let v = new_list(Vec::new());
                let slot = self.reserve(flag);
                self.fill(slot, &v);
                for _ in 0..n {
                    let x = self.required(ts, "list")?;
                    if let Some(l) = v.downcast::<PyList>() {
                        l.push(x);
                    }
                }
                Ok(Some(v))
            }
            b'{' => {
                let d = spindle_vm::builtins_init::new_dict();
                let slot = self.reserve(flag);
                self.fill(slot, &d);
                loop {
                    let Some(k) = self.object(ts)? else { break };
                    let x = self.required(ts, "dict")?;
                    spindle_vm::builtins_init::dict_set(ts, &d, k, x)?;
                }
                Ok(Some(d))
            }
            c @ (b'<' | b'>') => {
                let n = self.len(ts, "set")?;
                // A frozenset is made after its items (it cannot grow), so
                // its slot is filled last; a set fills it first.
                let slot = self.reserve(flag);
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.required(ts, "set")?);
                }
                let v = if c == b'<' { spindle_vm::builtins_init::new_set(ts, items)? } else { spindle_vm::builtins_init::new_frozenset_from(items) };
                self.fill(slot, &v);
                Ok(Some(v))
            }
            b':' => {
                let slot = self.reserve(flag);
                let a = self.required(ts, "slice")?;
                let b = self.required(ts, "slice")?;
                let c = self.required(ts, "slice")?;
                let v = spindle_vm::builtins_init::new_slice(a, b, c);
                self.fill(slot, &v);
                Ok(Some(v))
            }
            b'c' => {
                if !self.allow_code {
                    raise!(ValueError, "unmarshalling code objects is disallowed");
                }
                let n = self.len(ts, "code")?;
                let data = self.take(ts, n)?;
                // Code means what this build's compiler and VM make of it.
                let (fp, enc) = data.split_at_checked(8).ok_or_else(|| bad("code"))?;
                if fp != spindle_bytecode::code_fingerprint().to_le_bytes() {
                    return Err(bad("code object from another Spindle build"));
                }
                let code = spindle_bytecode::decode(enc).map_err(|_| bad("code"))?;
                simple(spindle_vm::code::new_code(std::sync::Arc::new(code)), self)
            }
            b'r' => {
                let i = self.long(ts)?;
                match usize::try_from(i).ok().and_then(|i| self.refs.get(i)) {
                    Some(Some(v)) => Ok(Some(v.clone())),
                    _ => Err(bad("invalid reference")),
                }
            }
            _ => Err(bad("unknown type code")),
        }
    }
}

fn parse_float_text(s: &str) -> Option<f64> {
    match s {
        "inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        "nan" | "-nan" => Some(f64::NAN),
        _ => s.parse().ok(),
    }
}

fn intern_value(v: &Value) -> Value {
    match spindle_vm::str::as_str(v) {
        Some(s) => spindle_vm::str::intern(s),
        None => v.clone(),
    }
}

/// (version, allow_code) from the optional version and keyword.
fn options(ts: &ThreadState, version: Option<&Value>, a: &Args<'_>, name: &str) -> PyResult<(i64, bool)> {
    let version = match version {
        Some(v) => match spindle_vm::num::int_to_i64(v) {
            Some(n) => n,
            None if ops::type_name(v) == "int" => raise!(OverflowError, "Python int too large to convert to C int"),
            None => raise!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(v)),
        },
        None => VERSION,
    };
    let mut allow_code = true;
    for (k, v) in a.kwargs() {
        if k != "allow_code" {
            raise!(TypeError, "{}() got an unexpected keyword argument '{}'", name, k);
        }
        allow_code = ops::is_true(ts, v)?;
    }
    Ok((version, allow_code))
}

fn dump_value(ts: &ThreadState, v: &Value, version: i64, allow_code: bool) -> PyResult<Vec<u8>> {
    let mut w = Writer { out: Vec::new(), version, allow_code, refs: HashMap::new(), depth: 0, held: 0 };
    w.object(ts, v)?;
    Ok(w.out)
}

fn dumps(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let pos = a.positional();
    match pos.len() {
        0 => raise!(TypeError, "dumps() missing required argument 'value' (pos 1)"),
        1 | 2 => {}
        n => raise!(TypeError, "dumps() takes at most 2 positional arguments ({} given)", n),
    }
    let (version, allow_code) = options(ts, pos.get(1), &a, "dumps")?;
    let out = dump_value(ts, &pos[0], version, allow_code)?;
    Ok(spindle_vm::bytes::new_bytes(&out))
}

fn dump(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let pos = a.positional();
    if pos.len() < 2 {
        raise!(TypeError, "dump() missing required argument '{}' (pos {})", ["value", "file"][pos.len()], pos.len() + 1);
    }
    if pos.len() > 3 {
        raise!(TypeError, "dump() takes at most 3 positional arguments ({} given)", pos.len());
    }
    let (version, allow_code) = options(ts, pos.get(2), &a, "dump")?;
    let out = dump_value(ts, &pos[0], version, allow_code)?;
    ops::call_method(ts, &pos[1], "write", &[spindle_vm::bytes::new_bytes(&out)])?;
    Ok(none())
}

fn read_value(ts: &ThreadState, input: Input<'_>, allow_code: bool) -> PyResult<Value> {
    let mut r = Reader { input, allow_code, refs: Vec::new(), depth: 0 };
    match r.object(ts)? {
        Some(v) => Ok(v),
        None => raise!(TypeError, "NULL object in marshal data for object"),
    }
}

fn loads(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let pos = a.positional();
    let Some(data) = pos.first() else { raise!(TypeError, "loads() missing required argument 'bytes' (pos 1)") };
    if pos.len() > 1 {
        raise!(TypeError, "loads() takes exactly 1 positional argument ({} given)", pos.len());
    }
    let (_, allow_code) = options(ts, None, &a, "loads")?;
    let Some(bytes) = spindle_vm::builtins_init::bytes_type::bytes_data(data) else {
        raise!(TypeError, "a bytes-like object is required, not '{}'", ops::type_name(data))
    };
    read_value(ts, Input::Bytes { data: &bytes, pos: 0 }, allow_code)
}

fn load(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let pos = a.positional();
    let Some(file) = pos.first() else { raise!(TypeError, "load() missing required argument 'file' (pos 1)") };
    if pos.len() > 1 {
        raise!(TypeError, "load() takes exactly 1 positional argument ({} given)", pos.len());
    }
    let (_, allow_code) = options(ts, None, &a, "load")?;
    read_value(ts, Input::File(file.clone()), allow_code)
}

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    let m = native::new_module("marshal", &[("dumps", dumps), ("dump", dump), ("loads", loads), ("load", load)]);
    native::add_value(&m, "version", new_int(VERSION));
    Ok(m)
}
