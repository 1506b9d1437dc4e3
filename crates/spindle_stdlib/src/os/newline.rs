//! `_io.IncrementalNewlineDecoder`: wraps an incremental decoder (or none,
//! for str input), holds back a trailing `\r` until the next chunk shows
//! whether a `\n` follows, records which newline kinds it has seen
//! (`newlines`) and, with `translate`, turns `\r\n` and `\r` into `\n`. As
//! CPython's C class; `_pyio.TextIOWrapper` uses it too (io.rs swaps it in).
//!
//! The wrapped decoder's methods are Python calls: the object's lock is only
//! held to read or update its own fields, never across them.

use std::sync::OnceLock;

use parking_lot::Mutex;
use spindle_str::StrBuilder;
use spindle_vm::bytes::new_bytes;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_methods, new_type, set_new};
use spindle_vm::num::{int_to_i64, is_int, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{is_none, none};
use spindle_vm::seq::{new_tuple, tuple_items};
use spindle_vm::str::{as_data, new_data, new_str};
use spindle_vm::{PyResult, Value, err, ops, raise};

use crate::math::{add_getter, cls_of, exact};

pub(crate) const SEEN_CR: u8 = 1;
pub(crate) const SEEN_LF: u8 = 2;
pub(crate) const SEEN_CRLF: u8 = 4;

struct NlState {
    /// `__init__` has run.
    ok: bool,
    /// The wrapped decoder; None decodes str input as itself.
    decoder: Option<Value>,
    errors: Option<Value>,
    translate: bool,
    /// A `\r` ended the last chunk and was held back.
    pendingcr: bool,
    seen: u8,
}

pub struct PyNewlineDecoder {
    st: Mutex<NlState>,
}

impl PyPayload for PyNewlineDecoder {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 43);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // The world is stopped; a lock held now belongs to a suspended
        // native call, and skipping its references is safe (fewer visits).
        if let Some(st) = self.st.try_lock() {
            if let Some(d) = &st.decoder {
                visit(d);
            }
            if let Some(e) = &st.errors {
                visit(e);
            }
        }
    }
}

static TYPE: OnceLock<TypeRef> = OnceLock::new();

fn me<'a>(a: &'a Args<'_>) -> PyResult<&'a PyNewlineDecoder> {
    let Some(v) = a.args.first() else { raise!(TypeError, "descriptor needs an argument") };
    match v.downcast::<PyNewlineDecoder>() {
        Some(p) => Ok(p),
        None => raise!(
            TypeError,
            "descriptor requires a '_io.IncrementalNewlineDecoder' object but received a '{}'",
            ops::type_name(v)
        ),
    }
}

fn not_init() -> spindle_vm::PyErr {
    err!(ValueError, "IncrementalNewlineDecoder.__init__() not called")
}

impl NlState {
    fn check(&self) -> PyResult<()> {
        if !self.ok {
            return Err(not_init());
        }
        Ok(())
    }
}

fn nl_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = cls_of(&a)?;
    Ok(alloc(
        cls,
        PyNewlineDecoder {
            st: Mutex::new(NlState { ok: false, decoder: None, errors: None, translate: false, pendingcr: false, seen: 0 }),
        },
    ))
}

fn nl_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = me(&a)?;
    let [decoder, translate, errors] =
        crate::math::parse("IncrementalNewlineDecoder", &a, 1, ["decoder", "translate", "errors"], 2)?;
    let translate = match translate {
        Some(t) => ops::is_true(ts, &t)?,
        None => false,
    };
    let decoder = decoder.filter(|d| !is_none(d));
    let mut st = p.st.lock();
    *st = NlState { ok: true, decoder, errors: Some(errors.unwrap_or_else(|| new_str("strict"))), translate, pendingcr: false, seen: 0 };
    Ok(none())
}

fn nl_decode(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = me(&a)?;
    let [input, fin] = crate::math::parse("decode", &a, 1, ["input", "final"], 1)?;
    let input = input.unwrap_or_else(none);
    let final_ = match fin {
        Some(f) => ops::is_true(ts, &f)?,
        None => false,
    };
    let decoder = {
        let st = p.st.lock();
        st.check()?;
        st.decoder.clone()
    };
    let output = match decoder {
        Some(d) => {
            let kw = spindle_vm::str::intern("final");
            let args = [input, spindle_vm::num::new_bool(final_), kw];
            let f = ops::getattr_str(ts, &d, "decode")?;
            ops::call_args(ts, &f, Args { args: &args[..2], kwnames: &args[2..] })?
        }
        None => input,
    };
    let Some(text) = as_data(&output) else {
        raise!(TypeError, "decoder should return a string result, not '{}'", ops::type_name(&output))
    };
    let mut st = p.st.lock();
    let mut cps: Vec<u32> = Vec::new();
    let pending = st.pendingcr && (final_ || !text.is_empty());
    if pending {
        st.pendingcr = false;
    }
    let mut hold = false;
    let n = text.len();
    if !final_ && n > 0 && text.char_at(n - 1) == Some(0x0D) {
        hold = true;
    }
    let has_cr = pending || text.contains(&spindle_str::PyStrData::from_str("\r"));
    if !has_cr && !hold {
        // No carriage return anywhere: only `\n`s to record.
        if text.contains(&spindle_str::PyStrData::from_str("\n")) {
            st.seen |= SEEN_LF;
        }
        return Ok(output);
    }
    if pending {
        cps.push(0x0D);
    }
    cps.extend(text.code_points());
    if hold {
        cps.pop();
        st.pendingcr = true;
    }
    let mut b = StrBuilder::new();
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if c == 0x0D {
            if cps.get(i + 1) == Some(&0x0A) {
                st.seen |= SEEN_CRLF;
                if st.translate {
                    b.push(0x0A);
                } else {
                    b.push(0x0D);
                    b.push(0x0A);
                }
                i += 2;
                continue;
            }
            st.seen |= SEEN_CR;
            b.push(if st.translate { 0x0A } else { 0x0D });
        } else {
            if c == 0x0A {
                st.seen |= SEEN_LF;
            }
            b.push(c);
        }
        i += 1;
    }
    Ok(new_data(b.finish()))
}

fn nl_getstate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = me(&a)?;
    exact("getstate", &a, 1, 0, 0)?;
    let (decoder, pendingcr) = {
        let st = p.st.lock();
        st.check()?;
        (st.decoder.clone(), st.pendingcr)
    };
    let wrapped = decoder.is_some();
    let (buffer, mut flag) = match decoder {
        Some(d) => {
            let state = ops::call_method(ts, &d, "getstate", &[])?;
            let Some(items) = tuple_items(&state) else { raise!(TypeError, "illegal decoder state") };
            if items.len() != 2 {
                raise!(TypeError, "illegal decoder state");
            }
            let flag = flag_of(ts, &items[1]).map_err(|_| err!(TypeError, "illegal decoder state"))?;
            (items[0].clone(), flag)
        }
        None => (new_bytes(b""), 0),
    };
    if wrapped {
        flag <<= 1;
    }
    if pendingcr {
        flag |= 1;
    }
    Ok(new_tuple(vec![buffer, new_int(flag as i64)]))
}

/// An unsigned flag value (CPython parses it as `unsigned long long`).
fn flag_of(ts: &ThreadState, v: &Value) -> PyResult<u64> {
    if !is_int(v) {
        let i = ops::index(ts, v)?;
        return flag_of(ts, &i);
    }
    match int_to_i64(v) {
        Some(x) => Ok(x as u64),
        None => {
            let big = spindle_vm::num::int_to_big(v).unwrap_or_default();
            u64::try_from(&big).map_err(|_| err!(OverflowError, "int too big to convert"))
        }
    }
}

fn nl_setstate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = me(&a)?;
    let v = exact("setstate", &a, 1, 1, 1)?;
    let state = &v[0];
    let Some(items) = tuple_items(state) else { raise!(TypeError, "state argument must be a tuple") };
    if items.len() != 2 || !is_int(&items[1]) {
        raise!(TypeError, "setstate(): illegal state argument");
    }
    let flag = flag_of(ts, &items[1])?;
    let decoder = {
        let mut st = p.st.lock();
        st.check()?;
        st.pendingcr = flag & 1 != 0;
        st.decoder.clone()
    };
    if let Some(d) = decoder {
        let s = new_tuple(vec![items[0].clone(), new_int((flag >> 1) as i64)]);
        ops::call_method(ts, &d, "setstate", &[s])?;
    }
    Ok(none())
}

fn nl_reset(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = me(&a)?;
    exact("reset", &a, 1, 0, 0)?;
    let decoder = {
        let mut st = p.st.lock();
        st.check()?;
        st.seen = 0;
        st.pendingcr = false;
        st.decoder.clone()
    };
    if let Some(d) = decoder {
        ops::call_method(ts, &d, "reset", &[])?;
    }
    Ok(none())
}

fn nl_newlines(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = me(&a)?;
    let st = p.st.lock();
    st.check()?;
    Ok(seen_newlines(st.seen))
}

/// The `newlines` value for a set of SEEN_* bits.
pub(crate) fn seen_newlines(seen: u8) -> Value {
    let mut kinds = Vec::new();
    if seen & SEEN_CR != 0 {
        kinds.push(new_str("\r"));
    }
    if seen & SEEN_LF != 0 {
        kinds.push(new_str("\n"));
    }
    if seen & SEEN_CRLF != 0 {
        kinds.push(new_str("\r\n"));
    }
    match kinds.len() {
        0 => none(),
        1 => kinds.pop().unwrap_or_else(none),
        _ => new_tuple(kinds),
    }
}

/// The class (created once).
pub(crate) fn decoder_type() -> TypeRef {
    *TYPE.get_or_init(|| {
        let t = new_type::<PyNewlineDecoder>("IncrementalNewlineDecoder", "_io", None, true);
        set_new(t, nl_new);
        add_methods(
            t,
            &[
                ("__init__", nl_init),
                ("decode", nl_decode),
                ("getstate", nl_getstate),
                ("setstate", nl_setstate),
                ("reset", nl_reset),
            ],
        );
        add_getter(t, "newlines", nl_newlines);
        t
    })
}
