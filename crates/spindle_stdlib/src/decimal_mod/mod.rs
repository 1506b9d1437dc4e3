//! `_decimal`: CPython's C decimal module (libmpdec's semantics) in Rust.
//!
//! Layout: `num` is the arithmetic core (no VM); this file binds it: the
//! `Decimal` and `Context` types, the hot methods and operators, and the
//! private helpers (`_op`, `_conv`, `_create`, `_ctx_*`) that `glue.py`
//! builds the rest of the API on (signal classes, signal dicts, the
//! current-context variable, the long tail of methods).

pub(crate) mod num;

use std::cmp::Ordering;
use std::sync::OnceLock;

use num_bigint::{BigInt, BigUint};
use num_traits::{ToPrimitive, Zero};
use parking_lot::Mutex;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{float_value, int_to_big, int_to_i64, is_int, new_bigint, new_bool, new_float, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::ops::CmpOp;
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::str::{as_str, new_str};
use spindle_vm::{PyErr, PyResult, Value, ops, raise};

use crate::kinds::{DECIMAL_BASE, kind};
use num::{Ctx, Dec, Rounding};


/// `Decimal`'s payload: an immutable number.
pub(crate) struct DecObj {
    pub(crate) d: Dec,
}

impl PyPayload for DecObj {
    const KIND: PayloadKind = kind(DECIMAL_BASE);
}

/// A context's settings and its sticky flags and traps (condition bits).
#[derive(Clone, Debug)]
pub(crate) struct CtxState {
    pub(crate) c: Ctx,
    pub(crate) capitals: bool,
    pub(crate) flags: u32,
    pub(crate) traps: u32,
}

impl Default for CtxState {
    fn default() -> Self {
        CtxState {
            c: Ctx::default(),
            capitals: true,
            flags: 0,
            traps: num::IEEE_INVALID | num::DIVISION_BY_ZERO | num::OVERFLOW,
        }
    }
}

/// `Context`'s payload.
pub(crate) struct CtxObj {
    pub(crate) s: Mutex<CtxState>,
}

impl PyPayload for CtxObj {
    const KIND: PayloadKind = kind(DECIMAL_BASE + 1);
}

pub(crate) struct Types {
    pub(crate) dec: TypeRef,
    pub(crate) ctx: TypeRef,
}

static TYPES: OnceLock<Types> = OnceLock::new();

pub(crate) fn types() -> &'static Types {
    TYPES.get_or_init(|| {
        use spindle_vm::native::new_type;
        Types {
            dec: new_type::<DecObj>("Decimal", "decimal", None, true),
            ctx: new_type::<CtxObj>("Context", "decimal", None, true),
        }
    })
}

// Interpreter state: the glue's objects the Rust side needs.
const K_GETCONTEXT: &str = "_decimal.getcontext";
const K_SIGNALS: &str = "_decimal.signals";
const K_CONDITIONS: &str = "_decimal.conditions";
const K_DEFAULT: &str = "_decimal.DefaultContext";
const K_RATIONAL: &str = "_decimal.Rational";
const K_FAST: &str = "_decimal.fast";

fn state(ts: &ThreadState, key: &'static str) -> Option<Value> {
    ts.interp.module_state.lock().get(key).cloned()
}

// ---------------------------------------------------------------- values

fn new_dec(d: Dec) -> Value {
    alloc(types().dec, DecObj { d })
}

fn dec_of(v: &Value) -> Option<&Dec> {
    v.downcast::<DecObj>().map(|o| &o.d)
}

fn ctx_obj(v: &Value) -> Option<&CtxObj> {
    v.downcast::<CtxObj>()
}

/// The current context object (the glue's context variable).
fn current(ts: &ThreadState) -> PyResult<Value> {
    if let Some(c) = fast_current(ts)? {
        return Ok(c);
    }
    match state(ts, K_GETCONTEXT) {
        Some(f) => ops::call(ts, &f, &[]),
        None => raise!(RuntimeError, "_decimal is not initialised"),
    }
}

/// The glue's context variable's value, read straight from Spindle's
/// `_contextvars` (its per-thread current Context and that Context's
/// `_data` dict) without running ContextVar.get; None when unset or when
/// `_contextvars` is not laid out as expected (the caller then asks the
/// glue's getcontext, which also creates the context on first use).
fn fast_current(ts: &ThreadState) -> PyResult<Option<Value>> {
    use spindle_vm::dict::PyDict;
    // One state entry: (current-Context dict, our ContextVar, its hash, "_data").
    let Some(fast) = state(ts, K_FAST) else { return Ok(None) };
    let Some([cur, var, var_hash, data_name]) = spindle_vm::seq::tuple_items(&fast).and_then(|t| <&[Value; 4]>::try_from(t).ok()) else {
        return Ok(None);
    };
    let Some(cur) = cur.downcast::<PyDict>() else { return Ok(None) };
    let Ok(tid) = i64::try_from(crate::os::thread::current_ident()) else { return Ok(None) };
    let tid_v = new_int(tid);
    let tid_hash = ops::hash(ts, &tid_v)?;
    let Some(pyctx) = cur.get(&tid_v, tid_hash, &mut |a, b| ops::eq(ts, a, b))? else { return Ok(None) };
    let data = ops::getattr(ts, &pyctx, data_name)?;
    let Some(data) = data.downcast::<PyDict>() else { return Ok(None) };
    let var_hash = int_to_i64(var_hash).unwrap_or(0);
    let found = data.get(var, var_hash, &mut |a, b| Ok(a.id() == b.id()))?;
    Ok(found.filter(|v| ctx_obj(v).is_some()))
}

/// `context` argument: None means the current context.
fn ctx_arg(ts: &ThreadState, v: Option<&Value>) -> PyResult<Value> {
    match v {
        None => current(ts),
        Some(v) if is_none(v) => current(ts),
        Some(v) if ctx_obj(v).is_some() => Ok(v.clone()),
        Some(_) => raise!(TypeError, "optional argument must be a context"),
    }
}

fn snapshot(ctxv: &Value) -> CtxState {
    ctx_obj(ctxv).map(|c| c.s.lock().clone()).unwrap_or_default()
}

/// Records `status` in the context's flags and raises the trapped
/// conditions, as CPython's `dec_addstatus`.
fn addstatus(ts: &ThreadState, ctxv: &Value, status: u32) -> PyResult<()> {
    if num::take_too_big() {
        return Err(PyErr::bare(rt().exc.MemoryError));
    }
    if status == 0 {
        return Ok(());
    }
    let trapped = match ctx_obj(ctxv) {
        Some(c) => {
            let mut s = c.s.lock();
            s.flags |= status;
            status & s.traps
        }
        None => 0,
    };
    if trapped == 0 {
        return Ok(());
    }
    Err(trap_error(ts, trapped))
}

const SIGNAL_BITS: [u32; 9] = [
    num::IEEE_INVALID,
    num::FLOAT_OPERATION,
    num::DIVISION_BY_ZERO,
    num::OVERFLOW,
    num::UNDERFLOW,
    num::SUBNORMAL,
    num::INEXACT,
    num::ROUNDED,
    num::CLAMPED,
];
const CONDITION_BITS: [u32; 5] = [
    num::INVALID_OPERATION,
    num::CONVERSION_SYNTAX,
    num::DIVISION_IMPOSSIBLE,
    num::DIVISION_UNDEFINED,
    num::INVALID_CONTEXT,
];

fn class_list(ts: &ThreadState, key: &'static str) -> Vec<Value> {
    state(ts, key).and_then(|t| spindle_vm::seq::tuple_items(&t).map(|s| s.to_vec())).unwrap_or_default()
}

/// The exception for trapped conditions: the first signal's class with the
/// list of the conditions and signals as its argument.
fn trap_error(ts: &ThreadState, trapped: u32) -> PyErr {
    let signals = class_list(ts, K_SIGNALS);
    let conds = class_list(ts, K_CONDITIONS);
    let mut list = Vec::new();
    for (bit, c) in CONDITION_BITS.iter().zip(conds.iter()) {
        if trapped & bit != 0 {
            list.push(c.clone());
        }
    }
    for (bit, c) in SIGNAL_BITS.iter().zip(signals.iter()).skip(1) {
        if trapped & bit != 0 {
            list.push(c.clone());
        }
    }
    let cls = SIGNAL_BITS.iter().zip(signals.iter()).find(|(b, _)| trapped & **b != 0).map(|(_, c)| c.clone());
    let Some(cls) = cls else { return spindle_vm::err!(ArithmeticError, "decimal signal") };
    match ops::call(ts, &cls, &[spindle_vm::seq::new_list(list)]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

// ---------------------------------------------------------------- conversion

fn type_short_name(v: &Value) -> String {
    v.type_ref().name()
}

fn from_int(v: &Value) -> Option<Dec> {
    if let Some(i) = int_to_i64(v) {
        return Some(Dec::from_i64(i));
    }
    int_to_big(v).map(|b| Dec::from_bigint(&b))
}

/// An operand of an operator: Decimal or int, else NotImplemented (None).
fn operand(v: &Value) -> Option<Dec> {
    if let Some(d) = dec_of(v) {
        return Some(d.clone());
    }
    if is_int(v) {
        return from_int(v);
    }
    None
}

/// `operand`, borrowing a Decimal's number instead of copying it.
fn operand_ref(v: &Value) -> Option<std::borrow::Cow<'_, Dec>> {
    if let Some(d) = dec_of(v) {
        return Some(std::borrow::Cow::Borrowed(d));
    }
    if is_int(v) {
        return from_int(v).map(std::borrow::Cow::Owned);
    }
    None
}

/// An operand of a method: Decimal or int, else TypeError.
fn operand_raise(v: &Value) -> PyResult<Dec> {
    match operand(v) {
        Some(d) => Ok(d),
        None => raise!(TypeError, "conversion from {} to Decimal is not supported", type_short_name(v)),
    }
}

/// A value converted exactly for Decimal(value): (number, status).
fn convert_exact(ts: &ThreadState, v: &Value, ctxv: &Value) -> PyResult<Dec> {
    if let Some(d) = dec_of(v) {
        return Ok(d.clone());
    }
    if is_int(v) {
        if let Some(d) = from_int(v) {
            return Ok(d);
        }
    }
    if let Some(s) = as_str(v) {
        return match num::parse(s) {
            Some(d) => exact_in_range(ts, ctxv, d),
            None => {
                addstatus(ts, ctxv, num::CONVERSION_SYNTAX)?;
                Ok(Dec::nan())
            }
        };
    }
    if let Some(f) = float_value(v) {
        addstatus(ts, ctxv, num::FLOAT_OPERATION)?;
        return Ok(num::from_f64(f));
    }
    if let Some(items) = spindle_vm::seq::tuple_items(v) {
        let d = from_triple(ts, items)?;
        return exact_in_range(ts, ctxv, d);
    }
    if v.type_ref() == rt().types.list {
        let items = ops::collect(ts, v)?;
        let d = from_triple(ts, &items)?;
        return exact_in_range(ts, ctxv, d);
    }
    raise!(TypeError, "conversion from {} to Decimal is not supported", type_short_name(v))
}

/// An exact conversion's result, or NaN with InvalidOperation when it does
/// not fit the maximum context.
fn exact_in_range(ts: &ThreadState, ctxv: &Value, d: Dec) -> PyResult<Dec> {
    if num::fits_max_context(&d) {
        return Ok(d);
    }
    addstatus(ts, ctxv, num::INVALID_OPERATION)?;
    Ok(Dec::nan())
}

fn from_triple(ts: &ThreadState, items: &[Value]) -> PyResult<Dec> {
    if items.len() != 3 {
        raise!(ValueError, "argument must be a sequence of length 3");
    }
    let neg = match int_to_i64(&items[0]) {
        Some(0) if is_int(&items[0]) => false,
        Some(1) if is_int(&items[0]) => true,
        _ => raise!(ValueError, "sign must be an integer with the value 0 or 1"),
    };
    let exp_v = &items[2];
    let special = as_str(exp_v).map(str::to_string);
    let digits_v = &items[1];
    let digits = if spindle_vm::seq::tuple_items(digits_v).is_some() || digits_v.type_ref() == rt().types.list {
        ops::collect(ts, digits_v)?
    } else {
        raise!(ValueError, "coefficient must be a tuple of digits")
    };
    let mut s = String::new();
    for d in &digits {
        match int_to_i64(d) {
            Some(x @ 0..=9) if is_int(d) => s.push((b'0' + x as u8) as char),
            _ => raise!(ValueError, "coefficient must be a tuple of digits"),
        }
    }
    let trimmed = s.trim_start_matches('0');
    let coeff = if trimmed.is_empty() { BigUint::zero() } else { BigUint::parse_bytes(trimmed.as_bytes(), 10).unwrap_or_default() };
    match special.as_deref() {
        Some("F") => return Ok(Dec::inf(neg)),
        Some("n") => return Ok(Dec { neg, coeff, exp: 0, kind: num::Kind::NaN }),
        Some("N") => return Ok(Dec { neg, coeff, exp: 0, kind: num::Kind::SNaN }),
        Some(_) => raise!(ValueError, "string argument in the third position must be 'F', 'n' or 'N'"),
        None => {}
    }
    if !is_int(exp_v) {
        raise!(ValueError, "exponent must be an integer");
    }
    let Some(exp) = int_to_i64(exp_v) else { raise!(OverflowError, "Python int too large to convert to C ssize_t") };
    let exp = exp.clamp(-3 * num::MAX_EMAX, 3 * num::MAX_EMAX);
    Ok(Dec::finite(neg, coeff, exp))
}

// ---------------------------------------------------------------- Decimal

fn dec_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = crate::math::cls_of(&a)?;
    let pos = a.positional();
    let mut value: Option<Value> = pos.get(1).cloned();
    let mut context: Option<Value> = pos.get(2).cloned();
    if pos.len() > 3 {
        raise!(TypeError, "Decimal() takes at most 2 arguments ({} given)", pos.len() - 1);
    }
    for (k, v) in a.kwargs() {
        match k {
            "value" if value.is_none() => value = Some(v.clone()),
            "context" if context.is_none() => context = Some(v.clone()),
            "value" | "context" => raise!(TypeError, "argument for function given by name ('{}') and position", k),
            _ => raise!(TypeError, "this function got an unexpected keyword argument '{}'", k),
        }
    }
    let ctxv = ctx_arg(ts, context.as_ref())?;
    let d = match &value {
        None => Dec::zero(),
        Some(v) => {
            if cls == types().dec && v.type_ref() == types().dec {
                return Ok(v.clone());
            }
            convert_exact(ts, v, &ctxv)?
        }
    };
    Ok(alloc(cls, DecObj { d }))
}

fn me(a: &Args<'_>) -> PyResult<Dec> {
    match a.args.first().and_then(dec_of) {
        Some(d) => Ok(d.clone()),
        None => raise!(TypeError, "descriptor requires a 'decimal.Decimal' object"),
    }
}

fn me_ref<'a>(a: &'a Args<'_>) -> PyResult<&'a Dec> {
    match a.args.first().and_then(dec_of) {
        Some(d) => Ok(d),
        None => raise!(TypeError, "descriptor requires a 'decimal.Decimal' object"),
    }
}

fn arg1<'a>(a: &'a Args<'_>) -> PyResult<&'a Value> {
    match a.args.get(1) {
        Some(v) if a.args.len() == 2 => Ok(v),
        _ => raise!(TypeError, "expected 1 argument, got {}", a.args.len().saturating_sub(1)),
    }
}

/// A `(name, method)` table entry whose method first checks that `self` is
/// an instance of `types().$ty`, with CPython's descriptor error.
macro_rules! checked {
    ($ty:ident, $tyname:literal, $name:literal, $f:expr) => {
        (
            $name,
            (|ts: &ThreadState, a: Args<'_>| -> PyResult {
                check_self(&a, $name, types().$ty, $tyname)?;
                ($f)(ts, a)
            }) as NativeFnPtr,
        )
    };
}

fn check_self(a: &Args<'_>, name: &str, t: TypeRef, tyname: &str) -> PyResult<()> {
    match a.args.first() {
        Some(v) if v.type_ref() == t || v.type_ref().is_subtype(t) => Ok(()),
        Some(v) => raise!(
            TypeError,
            "descriptor '{}' requires a '{}' object but received a '{}'",
            name,
            tyname,
            ops::type_name(v)
        ),
        None => raise!(TypeError, "descriptor '{}' of '{}' object needs an argument", name, tyname),
    }
}

type BinFn = fn(&Dec, &Dec, &Ctx, &mut u32) -> Dec;

/// A binary operator: NotImplemented for foreign operands.
fn binop(ts: &ThreadState, x: &Value, y: &Value, f: BinFn) -> PyResult {
    let (Some(a), Some(b)) = (operand_ref(x), operand_ref(y)) else { return Ok(rt().not_implemented.clone()) };
    let ctxv = current(ts)?;
    let s = snapshot(&ctxv);
    let mut st = 0;
    let r = f(&a, &b, &s.c, &mut st);
    addstatus(ts, &ctxv, st)?;
    Ok(new_dec(r))
}

macro_rules! binop_fns {
    ($fwd:ident, $rev:ident, $f:path) => {
        fn $fwd(ts: &ThreadState, a: Args<'_>) -> PyResult {
            let x = a.args.first().cloned().unwrap_or_else(none);
            binop(ts, &x, arg1(&a)?, $f)
        }
        fn $rev(ts: &ThreadState, a: Args<'_>) -> PyResult {
            let x = a.args.first().cloned().unwrap_or_else(none);
            binop(ts, arg1(&a)?, &x, $f)
        }
    };
}

binop_fns!(m_add, m_radd, num::add);
binop_fns!(m_sub, m_rsub, num::sub);
binop_fns!(m_mul, m_rmul, num::mul);
binop_fns!(m_truediv, m_rtruediv, num::div);
binop_fns!(m_floordiv, m_rfloordiv, num::divint);
binop_fns!(m_mod, m_rmod, num::rem);

fn divmod_values(ts: &ThreadState, x: &Value, y: &Value) -> PyResult {
    let (Some(a), Some(b)) = (operand(x), operand(y)) else { return Ok(rt().not_implemented.clone()) };
    let ctxv = current(ts)?;
    let s = snapshot(&ctxv);
    let mut st = 0;
    let (q, r) = num::divmod(&a, &b, &s.c, &mut st);
    addstatus(ts, &ctxv, st)?;
    Ok(spindle_vm::seq::new_tuple(vec![new_dec(q), new_dec(r)]))
}

fn m_divmod(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let x = a.args.first().cloned().unwrap_or_else(none);
    divmod_values(ts, &x, arg1(&a)?)
}

fn m_rdivmod(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let x = a.args.first().cloned().unwrap_or_else(none);
    divmod_values(ts, arg1(&a)?, &x)
}

fn pow_values(ts: &ThreadState, x: &Value, y: &Value, m: Option<&Value>) -> PyResult {
    let (Some(a), Some(b)) = (operand(x), operand(y)) else { return Ok(rt().not_implemented.clone()) };
    let md = match m {
        Some(v) if !is_none(v) => match operand(v) {
            Some(d) => Some(d),
            None => return Ok(rt().not_implemented.clone()),
        },
        _ => None,
    };
    let ctxv = current(ts)?;
    let s = snapshot(&ctxv);
    let mut st = 0;
    let r = match md {
        Some(m) => num::power_mod(&a, &b, &m, &s.c, &mut st),
        None => num::power(&a, &b, &s.c, &mut st),
    };
    addstatus(ts, &ctxv, st)?;
    Ok(new_dec(r))
}

fn m_pow(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let x = a.args.first().cloned().unwrap_or_else(none);
    let Some(y) = a.args.get(1) else { raise!(TypeError, "expected at least 1 argument") };
    pow_values(ts, &x, y, a.args.get(2))
}

fn m_rpow(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let x = a.args.first().cloned().unwrap_or_else(none);
    let Some(y) = a.args.get(1) else { raise!(TypeError, "expected at least 1 argument") };
    pow_values(ts, y, &x, a.args.get(2))
}

type UnFn = fn(&Dec, &Ctx, &mut u32) -> Dec;

fn unop(ts: &ThreadState, a: &Args<'_>, f: UnFn) -> PyResult {
    let d = me_ref(a)?;
    let ctxv = current(ts)?;
    let s = snapshot(&ctxv);
    let mut st = 0;
    let r = f(d, &s.c, &mut st);
    addstatus(ts, &ctxv, st)?;
    Ok(new_dec(r))
}

/// Ordering comparisons and equality with Decimal, int, float, Rational
/// and (for equality) complex, as CPython's `dec_richcompare`.
fn richcompare(ts: &ThreadState, a: &Args<'_>, op: CmpOp) -> PyResult {
    use std::borrow::Cow;
    let x = Cow::Borrowed(me_ref(a)?);
    let y = arg1(a)?;
    let eq_op = matches!(op, CmpOp::Eq | CmpOp::Ne);
    let ctxv = current(ts)?;
    // (lhs, rhs) as Decimals to compare, lhs possibly scaled for Rational.
    let (lhs, rhs): (Cow<'_, Dec>, Cow<'_, Dec>) = if let Some(d) = operand_ref(y) {
        (x, d)
    } else if let Some(f) = float_value(y) {
        if eq_op {
            if let Some(c) = ctx_obj(&ctxv) {
                c.s.lock().flags |= num::FLOAT_OPERATION;
            }
        } else {
            addstatus(ts, &ctxv, num::FLOAT_OPERATION)?;
        }
        (x, Cow::Owned(num::from_f64(f)))
    } else if let Some((n, den)) = rational_parts(ts, y)? {
        if x.is_finite() {
            let scaled = Dec::finite(x.neg, x.coeff.clone() * den.magnitude(), x.exp);
            (Cow::Owned(scaled), Cow::Owned(Dec::from_bigint(&n)))
        } else {
            (x, Cow::Owned(Dec::from_bigint(&n)))
        }
    } else if eq_op && y.type_ref() == rt().types.complex {
        let imag = ops::getattr_str(ts, y, "imag")?;
        if float_value(&imag) != Some(0.0) {
            return Ok(new_bool(op == CmpOp::Ne));
        }
        let real = ops::getattr_str(ts, y, "real")?;
        if let Some(c) = ctx_obj(&ctxv) {
            c.s.lock().flags |= num::FLOAT_OPERATION;
        }
        (x, Cow::Owned(num::from_f64(float_value(&real).unwrap_or(0.0))))
    } else {
        return Ok(rt().not_implemented.clone());
    };
    if lhs.is_nan() || rhs.is_nan() {
        let signal = lhs.is_snan() || rhs.is_snan() || !eq_op;
        if signal {
            addstatus(ts, &ctxv, num::INVALID_OPERATION)?;
        }
        return Ok(new_bool(op == CmpOp::Ne));
    }
    let o = num::cmp(&lhs, &rhs);
    Ok(new_bool(match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    }))
}

/// (numerator, denominator) of a numbers.Rational that is not an int.
fn rational_parts(ts: &ThreadState, v: &Value) -> PyResult<Option<(BigInt, BigInt)>> {
    let Some(is_rational) = state(ts, K_RATIONAL) else { return Ok(None) };
    if !ops::is_true(ts, &ops::call(ts, &is_rational, std::slice::from_ref(v))?)? {
        return Ok(None);
    }
    let n = ops::getattr_str(ts, v, "numerator")?;
    let d = ops::getattr_str(ts, v, "denominator")?;
    match (int_to_big(&n), int_to_big(&d)) {
        (Some(n), Some(d)) => Ok(Some((n, d))),
        _ => Ok(None),
    }
}

fn dec_hash(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let _ = ts;
    let v = a.args.first().cloned().unwrap_or_else(none);
    let d = me_ref(&a)?;
    if d.is_snan() {
        raise!(TypeError, "Cannot hash a signaling NaN value");
    }
    if d.is_nan() {
        let id = v.id();
        return Ok(new_int(((id >> 4) | (id << (usize::BITS - 4))) as i64 & i64::MAX));
    }
    Ok(new_int(num::hash(d)))
}

fn capitals_now(ts: &ThreadState) -> PyResult<bool> {
    let c = current(ts)?;
    Ok(ctx_obj(&c).map(|o| o.s.lock().capitals).unwrap_or(true))
}

fn dec_str(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let d = me_ref(&a)?;
    Ok(new_str(&num::to_string(d, false, capitals_now(ts)?)))
}

fn dec_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let d = me_ref(&a)?;
    Ok(new_str(&format!("Decimal('{}')", num::to_string(d, false, capitals_now(ts)?))))
}

fn bigint_value(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => new_int(i),
        None => new_bigint(b),
    }
}

/// The integer `d` rounds to under `mode` (ValueError/OverflowError for
/// NaN and infinities).
fn to_int(d: &Dec, mode: Rounding) -> PyResult {
    if d.is_nan() {
        raise!(ValueError, "cannot convert NaN to integer");
    }
    if d.is_inf() {
        raise!(OverflowError, "cannot convert Infinity to integer");
    }
    let r = num::rescale(d, 0, mode);
    let v = r.to_bigint_trunc();
    if num::take_too_big() {
        return Err(PyErr::bare(rt().exc.MemoryError));
    }
    Ok(bigint_value(v))
}

fn dec_round(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let d = me(&a)?;
    if a.args.len() > 2 {
        raise!(TypeError, "function takes at most 1 argument ({} given)", a.args.len() - 1);
    }
    match a.args.get(1) {
        None => to_int(&d, Rounding::HalfEven),
        Some(n) => {
            if !is_int(n) {
                raise!(TypeError, "optional arg must be an integer");
            }
            let Some(n) = int_to_i64(n) else { raise!(OverflowError, "Python int too large to convert to C ssize_t") };
            let q = Dec::finite(false, BigUint::from(1u32), n.saturating_neg().clamp(-3 * num::MAX_EMAX, 3 * num::MAX_EMAX));
            let ctxv = current(ts)?;
            let s = snapshot(&ctxv);
            let mut st = 0;
            let r = num::quantize(&d, &q, s.c.round, &s.c, &mut st);
            addstatus(ts, &ctxv, st)?;
            Ok(new_dec(r))
        }
    }
}

fn dec_float(_: &ThreadState, a: Args<'_>) -> PyResult {
    let d = me_ref(&a)?;
    if d.is_snan() {
        raise!(ValueError, "cannot convert signaling NaN to float");
    }
    Ok(new_float(num::to_f64(d)))
}

fn rounding_arg(v: Option<&Value>, dflt: Rounding) -> PyResult<Rounding> {
    match v {
        None => Ok(dflt),
        Some(v) if is_none(v) => Ok(dflt),
        Some(v) => match as_str(v).and_then(Rounding::from_name) {
            Some(r) => Ok(r),
            None => raise!(TypeError, "{}", ROUNDING_MSG),
        },
    }
}

const ROUNDING_MSG: &str = "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]";

fn dec_quantize(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let d = me_ref(&a)?;
    let pos = a.positional();
    let mut exp = pos.get(1).cloned();
    let mut rounding = pos.get(2).cloned();
    let mut context = pos.get(3).cloned();
    for (k, v) in a.kwargs() {
        match k {
            "exp" => exp = Some(v.clone()),
            "rounding" => rounding = Some(v.clone()),
            "context" => context = Some(v.clone()),
            _ => raise!(TypeError, "quantize() got an unexpected keyword argument '{}'", k),
        }
    }
    let Some(exp) = exp else { raise!(TypeError, "function missing required argument 'exp' (pos 1)") };
    let ctxv = ctx_arg(ts, context.as_ref())?;
    let s = snapshot(&ctxv);
    let mode = rounding_arg(rounding.as_ref(), s.c.round)?;
    let Some(e) = operand_ref(&exp) else {
        raise!(TypeError, "conversion from {} to Decimal is not supported", type_short_name(&exp))
    };
    let mut st = 0;
    let r = num::quantize(d, &e, mode, &s.c, &mut st);
    addstatus(ts, &ctxv, st)?;
    Ok(new_dec(r))
}

fn dec_adjusted(_: &ThreadState, a: Args<'_>) -> PyResult {
    Ok(new_int(me_ref(&a)?.adjusted()))
}

fn dec_as_integer_ratio(_: &ThreadState, a: Args<'_>) -> PyResult {
    let d = me_ref(&a)?;
    if d.is_nan() {
        raise!(ValueError, "cannot convert NaN to integer ratio");
    }
    if d.is_inf() {
        raise!(OverflowError, "cannot convert Infinity to integer ratio");
    }
    let (n, q) = num::as_integer_ratio(d);
    if num::take_too_big() {
        return Err(PyErr::bare(rt().exc.MemoryError));
    }
    Ok(spindle_vm::seq::new_tuple(vec![bigint_value(n), bigint_value(q)]))
}

fn install_decimal(t: TypeRef) {
    spindle_vm::native::set_new(t, dec_new);
    let m: &[(&'static str, NativeFnPtr)] = &[
        checked!(dec, "decimal.Decimal", "__add__", m_add),
        checked!(dec, "decimal.Decimal", "__radd__", m_radd),
        checked!(dec, "decimal.Decimal", "__sub__", m_sub),
        checked!(dec, "decimal.Decimal", "__rsub__", m_rsub),
        checked!(dec, "decimal.Decimal", "__mul__", m_mul),
        checked!(dec, "decimal.Decimal", "__rmul__", m_rmul),
        checked!(dec, "decimal.Decimal", "__truediv__", m_truediv),
        checked!(dec, "decimal.Decimal", "__rtruediv__", m_rtruediv),
        checked!(dec, "decimal.Decimal", "__floordiv__", m_floordiv),
        checked!(dec, "decimal.Decimal", "__rfloordiv__", m_rfloordiv),
        checked!(dec, "decimal.Decimal", "__mod__", m_mod),
        checked!(dec, "decimal.Decimal", "__rmod__", m_rmod),
        checked!(dec, "decimal.Decimal", "__divmod__", m_divmod),
        checked!(dec, "decimal.Decimal", "__rdivmod__", m_rdivmod),
        checked!(dec, "decimal.Decimal", "__pow__", m_pow),
        checked!(dec, "decimal.Decimal", "__rpow__", m_rpow),
        checked!(dec, "decimal.Decimal", "__neg__", |ts, a| unop(ts, &a, num::minus)),
        checked!(dec, "decimal.Decimal", "__pos__", |ts, a| unop(ts, &a, num::plus)),
        checked!(dec, "decimal.Decimal", "__abs__", |ts, a| unop(ts, &a, num::abs)),
        checked!(dec, "decimal.Decimal", "__bool__", |_, a| Ok(new_bool(!me_ref(&a)?.is_zero()))),
        checked!(dec, "decimal.Decimal", "__eq__", |ts, a| richcompare(ts, &a, CmpOp::Eq)),
        checked!(dec, "decimal.Decimal", "__ne__", |ts, a| richcompare(ts, &a, CmpOp::Ne)),
        checked!(dec, "decimal.Decimal", "__lt__", |ts, a| richcompare(ts, &a, CmpOp::Lt)),
        checked!(dec, "decimal.Decimal", "__le__", |ts, a| richcompare(ts, &a, CmpOp::Le)),
        checked!(dec, "decimal.Decimal", "__gt__", |ts, a| richcompare(ts, &a, CmpOp::Gt)),
        checked!(dec, "decimal.Decimal", "__ge__", |ts, a| richcompare(ts, &a, CmpOp::Ge)),
        checked!(dec, "decimal.Decimal", "__hash__", dec_hash),
        checked!(dec, "decimal.Decimal", "__str__", dec_str),
        checked!(dec, "decimal.Decimal", "__repr__", dec_repr),
        checked!(dec, "decimal.Decimal", "__int__", |_, a| to_int(me_ref(&a)?, Rounding::Down)),
        checked!(dec, "decimal.Decimal", "__trunc__", |_, a| to_int(me_ref(&a)?, Rounding::Down)),
        checked!(dec, "decimal.Decimal", "__floor__", |_, a| to_int(me_ref(&a)?, Rounding::Floor)),
        checked!(dec, "decimal.Decimal", "__ceil__", |_, a| to_int(me_ref(&a)?, Rounding::Ceiling)),
        checked!(dec, "decimal.Decimal", "__round__", dec_round),
        checked!(dec, "decimal.Decimal", "__float__", dec_float),
        checked!(dec, "decimal.Decimal", "quantize", dec_quantize),
        checked!(dec, "decimal.Decimal", "adjusted", dec_adjusted),
        checked!(dec, "decimal.Decimal", "as_integer_ratio", dec_as_integer_ratio),
    ];
    spindle_vm::native::add_methods(t, m);
}

// ---------------------------------------------------------------- generic ops

fn rounding_or_ctx(v: Option<&Value>, s: &CtxState) -> PyResult<Rounding> {
    rounding_arg(v, s.c.round)
}

/// `_op(name, context, *operands)`: the operation `name` over Decimal
/// operands with the context's settings, its status recorded and trapped.
fn op(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let args = a.positional();
    let name = args.first().and_then(as_str).unwrap_or("");
    let ctxv = args.get(1).cloned().unwrap_or_else(none);
    let ops_: &[Value] = args.get(2..).unwrap_or(&[]);
    let dec = |i: usize| -> PyResult<&Dec> {
        match ops_.get(i).and_then(dec_of) {
            Some(d) => Ok(d),
            None => raise!(TypeError, "argument must be a Decimal"),
        }
    };
    let s = if is_none(&ctxv) { CtxState::default() } else { snapshot(&ctxv) };
    let c = &s.c;
    let mut st = 0u32;
    let x = dec(0)?;
    let un = |f: UnFn, st: &mut u32| -> Value { new_dec(f(x, c, st)) };
    let result = match name {
        "exp" => un(num::exp, &mut st),
        "ln" => un(num::ln, &mut st),
        "log10" => un(num::log10, &mut st),
        "logb" => un(num::logb, &mut st),
        "logical_invert" => un(num::logical_invert, &mut st),
        "next_minus" => un(num::next_minus, &mut st),
        "next_plus" => un(num::next_plus, &mut st),
        "normalize" => un(num::normalize, &mut st),
        "sqrt" => un(num::sqrt, &mut st),
        "abs" => un(num::abs, &mut st),
        "minus" => un(num::minus, &mut st),
        "plus" => un(num::plus, &mut st),
        "apply" => new_dec(num::fix(x.clone(), c, &mut st)),
        "number_class" => new_str(num::number_class(x, c)),
        "is_canonical" => new_bool(true),
        "is_finite" => new_bool(x.is_finite()),
        "is_infinite" => new_bool(x.is_inf()),
        "is_nan" => new_bool(x.is_nan()),
        "is_qnan" => new_bool(x.is_qnan()),
        "is_snan" => new_bool(x.is_snan()),
        "is_signed" => new_bool(x.neg),
        "is_zero" => new_bool(x.is_zero()),
        "is_normal" => new_bool(num::is_normal(x, c)),
        "is_subnormal" => new_bool(num::is_subnormal(x, c)),
        "canonical" => {
            if ops_.first().is_some_and(|v| v.type_ref() == types().dec) {
                ops_[0].clone()
            } else {
                new_dec(x.clone())
            }
        }
        "radix" => new_dec(Dec::from_i64(10)),
        "copy_abs" => new_dec(x.abs_copy()),
        "copy_negate" => new_dec(x.negate()),
        "to_sci_string" => new_str(&num::to_string(x, false, s.capitals)),
        "to_eng_string" => new_str(&num::to_string(x, true, s.capitals)),
        "as_triple" => {
            let sign = new_int(i64::from(x.neg));
            let digit_tuple = |c: &BigUint| {
                let ds = num::digit_string(c);
                spindle_vm::seq::new_tuple(ds.bytes().map(|b| new_int(i64::from(b - b'0'))).collect())
            };
            let (digits, exp) = match x.kind {
                num::Kind::Finite => (digit_tuple(&x.coeff), new_int(x.exp)),
                num::Kind::Inf => (spindle_vm::seq::new_tuple(vec![new_int(0)]), new_str("F")),
                num::Kind::NaN | num::Kind::SNaN => (
                    if x.coeff.is_zero() { spindle_vm::seq::new_tuple(vec![]) } else { digit_tuple(&x.coeff) },
                    new_str(if x.kind == num::Kind::NaN { "n" } else { "N" }),
                ),
            };
            spindle_vm::seq::new_tuple(vec![sign, digits, exp])
        }
        "to_integral" | "to_integral_value" | "to_integral_exact" => {
            let mode = rounding_or_ctx(ops_.get(1), &s)?;
            new_dec(num::to_integral(x, mode, name == "to_integral_exact", c, &mut st))
        }
        "fma" => new_dec(num::fma(x, dec(1)?, dec(2)?, c, &mut st)),
        "powmod" => new_dec(num::power_mod(x, dec(1)?, dec(2)?, c, &mut st)),
        _ => {
            let y = dec(1)?;
            match name {
                "add" => new_dec(num::add(x, y, c, &mut st)),
                "subtract" => new_dec(num::sub(x, y, c, &mut st)),
                "multiply" => new_dec(num::mul(x, y, c, &mut st)),
                "divide" => new_dec(num::div(x, y, c, &mut st)),
                "divide_int" => new_dec(num::divint(x, y, c, &mut st)),
                "remainder" => new_dec(num::rem(x, y, c, &mut st)),
                "remainder_near" => new_dec(num::rem_near(x, y, c, &mut st)),
                "divmod" => {
                    let (q, r) = num::divmod(x, y, c, &mut st);
                    spindle_vm::seq::new_tuple(vec![new_dec(q), new_dec(r)])
                }
                "power" => new_dec(num::power(x, y, c, &mut st)),
                "compare" => new_dec(num::compare(x, y, c, &mut st)),
                "compare_signal" => new_dec(num::compare_signal(x, y, c, &mut st)),
                "compare_total" => new_dec(num::compare_total(x, y)),
                "compare_total_mag" => new_dec(num::compare_total_mag(x, y)),
                "max" => new_dec(num::max(x, y, c, &mut st)),
                "max_mag" => new_dec(num::max_mag(x, y, c, &mut st)),
                "min" => new_dec(num::min(x, y, c, &mut st)),
                "min_mag" => new_dec(num::min_mag(x, y, c, &mut st)),
                "next_toward" => new_dec(num::next_toward(x, y, c, &mut st)),
                "rotate" => new_dec(num::rotate(x, y, c, &mut st)),
                "scaleb" => new_dec(num::scaleb(x, y, c, &mut st)),
                "shift" => new_dec(num::shift(x, y, c, &mut st)),
                "logical_and" => new_dec(num::logical(x, y, c, &mut st, |p, q| p & q)),
                "logical_or" => new_dec(num::logical(x, y, c, &mut st, |p, q| p | q)),
                "logical_xor" => new_dec(num::logical(x, y, c, &mut st, |p, q| p ^ q)),
                "copy_sign" => new_dec(x.with_sign(y.neg)),
                "same_quantum" => new_bool(num::same_quantum(x, y)),
                _ => raise!(ValueError, "unknown decimal operation {}", name),
            }
        }
    };
    if !is_none(&ctxv) {
        addstatus(ts, &ctxv, st)?;
    }
    Ok(result)
}

/// `_conv(value, context)`: an int or Decimal as a Decimal, else TypeError.
fn conv(_: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(v) = a.args.first() else { raise!(TypeError, "_conv needs a value") };
    if v.type_ref() == types().dec {
        return Ok(v.clone());
    }
    Ok(new_dec(operand_raise(v)?))
}

/// `_create(context, value)`: Context.create_decimal (rounded to the
/// context; a None context converts a float exactly, quietly).
fn create(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let ctxv = a.args.first().cloned().unwrap_or_else(none);
    let Some(v) = a.args.get(1) else { raise!(TypeError, "_create needs a value") };
    if is_none(&ctxv) {
        if let Some(f) = float_value(v) {
            return Ok(new_dec(num::from_f64(f)));
        }
        raise!(TypeError, "argument must be int or float");
    }
    let s = snapshot(&ctxv);
    let d = if let Some(f) = float_value(v) {
        num::from_f64(f)
    } else if let Some(st) = as_str(v) {
        // create_decimal takes no surrounding whitespace and no underscores.
        let strict_ok = !st.contains('_') && st.trim() == st;
        match num::parse(st).filter(|_| strict_ok) {
            Some(d) => d,
            None => {
                addstatus(ts, &ctxv, num::CONVERSION_SYNTAX)?;
                return Ok(new_dec(Dec::nan()));
            }
        }
    } else {
        convert_exact(ts, v, &ctxv)?
    };
    // A NaN payload longer than the context can hold is a syntax error.
    if d.is_nan() && d.digits() > s.c.prec - i64::from(s.c.clamp) && !d.coeff.is_zero() {
        addstatus(ts, &ctxv, num::CONVERSION_SYNTAX)?;
        return Ok(new_dec(Dec::nan()));
    }
    let mut st = 0;
    let r = num::fix(d, &s.c, &mut st);
    addstatus(ts, &ctxv, st)?;
    Ok(new_dec(r))
}

// ---------------------------------------------------------------- Context

fn ctx_me<'a>(a: &'a Args<'_>) -> PyResult<&'a CtxObj> {
    match a.args.first().and_then(ctx_obj) {
        Some(c) => Ok(c),
        None => raise!(TypeError, "descriptor requires a 'decimal.Context' object"),
    }
}

fn ctx_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = crate::math::cls_of(&a)?;
    let init = match state(ts, K_DEFAULT) {
        Some(d) => snapshot(&d),
        None => CtxState::default(),
    };
    Ok(alloc(cls, CtxObj { s: Mutex::new(init) }))
}

fn which_bits(a: &Args<'_>) -> PyResult<bool> {
    match a.args.get(1).and_then(as_str) {
        Some("flags") => Ok(true),
        Some("traps") => Ok(false),
        _ => raise!(ValueError, "which must be 'flags' or 'traps'"),
    }
}

fn ctx_bits(_: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(c) = a.args.first().and_then(ctx_obj) else { raise!(TypeError, "argument must be a context") };
    let flags = which_bits(&a)?;
    let s = c.s.lock();
    Ok(new_int(i64::from(if flags { s.flags } else { s.traps })))
}

fn ctx_setbits(_: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(c) = a.args.first().and_then(ctx_obj) else { raise!(TypeError, "argument must be a context") };
    let flags = which_bits(&a)?;
    let bits = a.args.get(2).and_then(int_to_i64).unwrap_or(0) as u32;
    let mut s = c.s.lock();
    if flags {
        s.flags = bits;
    } else {
        s.traps = bits;
    }
    Ok(none())
}

fn ctx_copy(_: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(v) = a.args.first() else { raise!(TypeError, "argument must be a context") };
    let Some(c) = ctx_obj(v) else { raise!(TypeError, "argument must be a context") };
    let s = c.s.lock().clone();
    Ok(alloc(v.type_ref(), CtxObj { s: Mutex::new(s) }))
}

/// Names of the set signals in libmpdec's bit order, InvalidOperation once
/// at its lowest condition bit (CPython's context repr).
fn signal_names(bits: u32) -> String {
    const NAMES: [&str; 15] = [
        "Clamped",
        "InvalidOperation",
        "DivisionByZero",
        "InvalidOperation",
        "InvalidOperation",
        "InvalidOperation",
        "Inexact",
        "InvalidOperation",
        "InvalidOperation",
        "InvalidOperation",
        "FloatOperation",
        "Overflow",
        "Rounded",
        "Subnormal",
        "Underflow",
    ];
    let mut out: Vec<&str> = Vec::new();
    let mut invalid_done = false;
    for (j, name) in NAMES.iter().enumerate() {
        let f = bits & (1 << j);
        if f == 0 {
            continue;
        }
        if f & num::IEEE_INVALID != 0 {
            if invalid_done {
                continue;
            }
            invalid_done = true;
        }
        out.push(name);
    }
    out.join(", ")
}

fn ctx_repr(_: &ThreadState, a: Args<'_>) -> PyResult {
    let s = ctx_me(&a)?.s.lock().clone();
    Ok(new_str(&format!(
        "Context(prec={}, rounding={}, Emin={}, Emax={}, capitals={}, clamp={}, flags=[{}], traps=[{}])",
        s.c.prec,
        s.c.round.name(),
        s.c.emin,
        s.c.emax,
        u8::from(s.capitals),
        u8::from(s.c.clamp),
        signal_names(s.flags),
        signal_names(s.traps)
    )))
}

/// An integer attribute value as `PyLong_AsSsize_t` takes it.
fn ssize_arg(v: &Value) -> PyResult<i64> {
    if !is_int(v) {
        raise!(TypeError, "an integer is required");
    }
    match int_to_i64(v) {
        Some(i) => Ok(i),
        None => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
    }
}

fn set_attr(c: &CtxObj, name: &str, v: &Value) -> PyResult<()> {
    if name == "rounding" {
        let r = rounding_arg(Some(v), Rounding::HalfEven)?;
        if is_none(v) {
            raise!(TypeError, "{}", ROUNDING_MSG);
        }
        c.s.lock().c.round = r;
        return Ok(());
    }
    let i = ssize_arg(v)?;
    let mut s = c.s.lock();
    match name {
        "prec" => {
            if !(1..=num::MAX_PREC).contains(&i) {
                raise!(ValueError, "valid range for prec is [1, MAX_PREC]");
            }
            s.c.prec = i;
        }
        "Emin" => {
            if !(num::MIN_EMIN..=0).contains(&i) {
                raise!(ValueError, "valid range for Emin is [MIN_EMIN, 0]");
            }
            s.c.emin = i;
        }
        "Emax" => {
            if !(0..=num::MAX_EMAX).contains(&i) {
                raise!(ValueError, "valid range for Emax is [0, MAX_EMAX]");
            }
            s.c.emax = i;
        }
        "capitals" => {
            if !(0..=1).contains(&i) {
                raise!(ValueError, "valid values for capitals are 0 or 1");
            }
            s.capitals = i == 1;
        }
        "clamp" => {
            if !(0..=1).contains(&i) {
                raise!(ValueError, "valid values for clamp are 0 or 1");
            }
            s.c.clamp = i == 1;
        }
        _ => {}
    }
    Ok(())
}

fn get_attr(c: &CtxObj, name: &str) -> Value {
    let s = c.s.lock();
    match name {
        "prec" => new_int(s.c.prec),
        "Emin" => new_int(s.c.emin),
        "Emax" => new_int(s.c.emax),
        "capitals" => new_int(i64::from(s.capitals)),
        "clamp" => new_int(i64::from(s.c.clamp)),
        _ => new_str(s.c.round.name()),
    }
}

macro_rules! ctx_prop {
    ($t:expr, $name:literal) => {{
        let get: NativeFnPtr = |_, a| Ok(get_attr(ctx_me(&a)?, $name));
        let set: NativeFnPtr = |_, a| {
            let c = ctx_me(&a)?;
            match a.args.get(1) {
                Some(v) => set_attr(c, $name, v).map(|_| none()),
                None => raise!(AttributeError, "context attributes cannot be deleted"),
            }
        };
        add_property($t, $name, get, set);
    }};
}

fn add_property(t: TypeRef, name: &'static str, get: NativeFnPtr, set: NativeFnPtr) {
    spindle_vm::native::add_property(t, name, get, Some(set));
}

fn unsafe_set(a: &Args<'_>, which: &str) -> PyResult {
    let c = ctx_me(a)?;
    let v = ssize_arg(a.args.get(1).unwrap_or(&none()))?;
    let mut s = c.s.lock();
    match which {
        "prec" => s.c.prec = v,
        "Emin" => s.c.emin = v,
        _ => s.c.emax = v,
    }
    Ok(none())
}

fn install_context(t: TypeRef) {
    spindle_vm::native::set_new(t, ctx_new);
    ctx_prop!(t, "prec");
    ctx_prop!(t, "rounding");
    ctx_prop!(t, "Emin");
    ctx_prop!(t, "Emax");
    ctx_prop!(t, "capitals");
    ctx_prop!(t, "clamp");
    let m: &[(&'static str, NativeFnPtr)] = &[
        checked!(ctx, "decimal.Context", "__repr__", ctx_repr),
        checked!(ctx, "decimal.Context", "Etiny", |_, a| Ok(new_int(ctx_me(&a)?.s.lock().c.etiny()))),
        checked!(ctx, "decimal.Context", "Etop", |_, a| Ok(new_int(ctx_me(&a)?.s.lock().c.etop()))),
        checked!(ctx, "decimal.Context", "_unsafe_setprec", |_, a| unsafe_set(&a, "prec")),
        checked!(ctx, "decimal.Context", "_unsafe_setemin", |_, a| unsafe_set(&a, "Emin")),
        checked!(ctx, "decimal.Context", "_unsafe_setemax", |_, a| unsafe_set(&a, "Emax")),
    ];
    spindle_vm::native::add_methods(t, m);
}

// ---------------------------------------------------------------- module

const GLUE: &str = include_str!("glue.py");

/// `_install(decimal_methods, context_methods)`: puts the glue's methods on
/// the native types (before the glue builds the template contexts).
fn install(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let t = types();
    for (d, ty) in a.args.iter().zip([t.dec, t.ctx]) {
        let items = ops::call_method(ts, d, "items", &[])?;
        for pair in ops::collect(ts, &items)? {
            if let Some(kv) = spindle_vm::seq::tuple_items(&pair) {
                if let (Some(k), Some(v)) = (kv.first().and_then(as_str), kv.get(1)) {
                    spindle_vm::native::add_class_value(ty, k, v.clone());
                }
            }
        }
    }
    Ok(none())
}

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let t = types();
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        install_decimal(t.dec);
        install_context(t.ctx);
    });
    let m = spindle_vm::native::new_module("_decimal", &[]);
    let add_value = spindle_vm::native::add_value;
    add_value(&m, "Decimal", t.dec.to_value());
    add_value(&m, "Context", t.ctx.to_value());
    spindle_vm::native::add_fn(&m, "_op", op);
    spindle_vm::native::add_fn(&m, "_conv", conv);
    spindle_vm::native::add_fn(&m, "_create", create);
    spindle_vm::native::add_fn(&m, "_ctx_bits", ctx_bits);
    spindle_vm::native::add_fn(&m, "_ctx_setbits", ctx_setbits);
    spindle_vm::native::add_fn(&m, "_ctx_copy", ctx_copy);
    spindle_vm::native::add_fn(&m, "_install", install);
    crate::os::run_source(ts, &m, GLUE, "<_decimal>")?;
    let attr = |name: &str| crate::os::module_attr(&m, name);
    {
        let mut st = ts.interp.module_state.lock();
        for (k, n) in [
            (K_GETCONTEXT, "getcontext"),
            (K_SIGNALS, "_SIGNALS"),
            (K_CONDITIONS, "_CONDITIONS"),
            (K_DEFAULT, "DefaultContext"),
            (K_RATIONAL, "_is_rational"),
        ] {
            if let Some(v) = attr(n) {
                st.insert(k, v);
            }
        }
    }
    if let (Some(cur), Some(var)) = (attr("_cv_current"), attr("_current")) {
        let h = new_int(ops::hash(ts, &var)?);
        let data_name = spindle_vm::str::intern("_data");
        let fast = spindle_vm::seq::new_tuple(vec![cur, var, h, data_name]);
        ts.interp.module_state.lock().insert(K_FAST, fast);
    }
    add_value(&m, "MAX_PREC", new_int(num::MAX_PREC));
    add_value(&m, "MAX_EMAX", new_int(num::MAX_EMAX));
    add_value(&m, "MIN_EMIN", new_int(num::MIN_EMIN));
    add_value(&m, "MIN_ETINY", new_int(num::MIN_ETINY));
    add_value(&m, "HAVE_THREADS", new_bool(true));
    add_value(&m, "HAVE_CONTEXTVAR", new_bool(true));
    add_value(&m, "__version__", new_str("1.70"));
    add_value(&m, "__libmpdec_version__", new_str("2.5.1"));
    for r in Rounding::ALL {
        add_value(&m, r.name(), new_str(r.name()));
    }
    Ok(m)
}
