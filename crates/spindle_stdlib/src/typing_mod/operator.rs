//! `_operator`'s functions that must be builtin functions rather than
//! Python functions: the Lib stores some of them as class attributes
//! (`glob` keeps `concat_path = operator.add`), where a Python function
//! would bind as a method. The rest of `operator` stays pure Python.

use spindle_vm::arith::{Unary, binary_op, unary};
use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_bool;
use spindle_vm::ops::{self, CmpOp};
use spindle_vm::runtime::none;
use spindle_vm::value::Value;
use spindle_vm::raise;

/// Exactly `N` positional arguments, CPython's wording for `name`.
fn args<'a, const N: usize>(name: &str, a: &'a Args<'_>) -> PyResult<&'a [Value; N]> {
    if a.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", name);
    }
    let pos = a.positional();
    match <&[Value; N]>::try_from(pos) {
        Ok(v) => Ok(v),
        Err(_) => {
            if N == 1 {
                raise!(TypeError, "{}() takes exactly one argument ({} given)", name, pos.len())
            }
            raise!(TypeError, "{} expected {} arguments, got {}", name, N, pos.len())
        }
    }
}

macro_rules! binops {
    ($($name:ident = $pyname:literal, $code:expr;)*) => {
        $(
            fn $name(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
                let [x, y] = args::<2>($pyname, &a)?;
                binary_op(ts, x, y, $code)
            }
        )*
        const BINOPS: &[(&str, NativeFnPtr)] = &[$(($pyname, $name)),*];
    };
}

// BINARY_OP codes: + & // << @ * % | ** >> - / ^, then the in-place forms (+13).
binops! {
    op_add = "add", 0; op_and = "and_", 1; op_floordiv = "floordiv", 2; op_lshift = "lshift", 3;
    op_matmul = "matmul", 4; op_mul = "mul", 5; op_mod = "mod", 6; op_or = "or_", 7;
    op_pow = "pow", 8; op_rshift = "rshift", 9; op_sub = "sub", 10; op_truediv = "truediv", 11;
    op_xor = "xor", 12;
    op_iadd = "iadd", 13; op_iand = "iand", 14; op_ifloordiv = "ifloordiv", 15; op_ilshift = "ilshift", 16;
    op_imatmul = "imatmul", 17; op_imul = "imul", 18; op_imod = "imod", 19; op_ior = "ior", 20;
    op_ipow = "ipow", 21; op_irshift = "irshift", 22; op_isub = "isub", 23; op_itruediv = "itruediv", 24;
    op_ixor = "ixor", 25;
}

macro_rules! cmpops {
    ($($name:ident = $pyname:literal, $op:expr;)*) => {
        $(
            fn $name(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
                let [x, y] = args::<2>($pyname, &a)?;
                ops::rich_compare(ts, x, y, $op)
            }
        )*
        const CMPOPS: &[(&str, NativeFnPtr)] = &[$(($pyname, $name)),*];
    };
}

cmpops! {
    op_lt = "lt", CmpOp::Lt; op_le = "le", CmpOp::Le; op_eq = "eq", CmpOp::Eq;
    op_ne = "ne", CmpOp::Ne; op_gt = "gt", CmpOp::Gt; op_ge = "ge", CmpOp::Ge;
}

fn op_neg(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    unary(ts, &args::<1>("neg", &a)?[0], Unary::Neg)
}
fn op_pos(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    unary(ts, &args::<1>("pos", &a)?[0], Unary::Pos)
}
fn op_invert(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    unary(ts, &args::<1>("invert", &a)?[0], Unary::Invert)
}
fn op_inv(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    unary(ts, &args::<1>("inv", &a)?[0], Unary::Invert)
}
fn op_index(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    ops::index(ts, &args::<1>("index", &a)?[0])
}
fn op_truth(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(ops::is_true(ts, &args::<1>("truth", &a)?[0])?))
}
fn op_not(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(!ops::is_true(ts, &args::<1>("not_", &a)?[0])?))
}
fn op_is(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = args::<2>("is_", &a)?;
    Ok(new_bool(x.is(y)))
}
fn op_is_not(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = args::<2>("is_not", &a)?;
    Ok(new_bool(!x.is(y)))
}
fn op_contains(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = args::<2>("contains", &a)?;
    Ok(new_bool(ops::contains(ts, x, y)?))
}
fn op_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = args::<2>("getitem", &a)?;
    ops::getitem(ts, x, y)
}
fn op_setitem(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y, z] = args::<3>("setitem", &a)?;
    ops::setitem(ts, x, y, z.clone())?;
    Ok(none())
}
fn op_delitem(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = args::<2>("delitem", &a)?;
    ops::delitem(ts, x, y)?;
    Ok(none())
}

/// Every native function of `_operator`.
pub(crate) fn functions() -> Vec<(&'static str, NativeFnPtr)> {
    let mut v: Vec<(&'static str, NativeFnPtr)> = Vec::new();
    v.extend_from_slice(BINOPS);
    v.extend_from_slice(CMPOPS);
    v.extend_from_slice(&[
        ("neg", op_neg as NativeFnPtr),
        ("pos", op_pos),
        ("invert", op_invert),
        ("inv", op_inv),
        ("index", op_index),
        ("truth", op_truth),
        ("not_", op_not),
        ("is_", op_is),
        ("is_not", op_is_not),
        ("contains", op_contains),
        ("getitem", op_getitem),
        ("setitem", op_setitem),
        ("delitem", op_delitem),
    ]);
    v
}
