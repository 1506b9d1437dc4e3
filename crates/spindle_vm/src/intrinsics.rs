//! `CALL_INTRINSIC_1` / `CALL_INTRINSIC_2`.

use crate::error::{PyErr, PyResult};
use crate::eval::Frame;
use crate::interp::ThreadState;
use crate::ops;
use crate::runtime::{none, rt};
use crate::value::Value;
use crate::raise;

pub(crate) fn intrinsic1(ts: &ThreadState, f: &Frame, code: u32, v: Value) -> PyResult {
    match code {
        1 => {
            if !crate::runtime::is_none(&v) {
                let hook = crate::builtins_init::sys_attr(ts, "displayhook");
                match hook {
                    Some(h) => {
                        ops::call(ts, &h, &[v])?;
                    }
                    None => raise!(RuntimeError, "lost sys.displayhook"),
                }
            }
            Ok(none())
        }
        2 => {
            crate::import::import_star(ts, f, &v)?;
            Ok(none())
        }
        3 => Ok(stop_iteration_error(f, v)),
        4 => Ok(crate::generator::async_gen_wrap(v)),
        5 => crate::arith::unary(ts, &v, crate::arith::Unary::Pos),
        6 => Ok(crate::seq::new_tuple(ops::collect(ts, &v)?)),
        7..=11 => crate::builtins_init::typing_intrinsic1(ts, code, v),
        _ => raise!(SystemError, "bad intrinsic {}", code),
    }
}

fn stop_iteration_error(f: &Frame, v: Value) -> Value {
    use spindle_bytecode::CodeFlags;
    let r = rt();
    let t = v.type_ref();
    let flags = f.code.flags;
    let what = if flags.has(CodeFlags::COROUTINE) {
        "coroutine"
    } else if flags.has(CodeFlags::ASYNC_GENERATOR) {
        "async generator"
    } else {
        "generator"
    };
    let msg = if t.is_subtype(r.exc.StopIteration) {
        format!("{what} raised StopIteration")
    } else if flags.has(CodeFlags::ASYNC_GENERATOR) && t.is_subtype(r.exc.StopAsyncIteration) {
        format!("{what} raised StopAsyncIteration")
    } else {
        return v;
    };
    let e = PyErr::new(r.exc.RuntimeError, msg);
    if let Some(ex) = e.0.downcast::<crate::exceptions::PyBaseException>() {
        *ex.cause.lock() = Some(v.clone());
        *ex.context.lock() = Some(v);
        *ex.suppress_context.lock() = true;
    }
    e.0
}

pub(crate) fn intrinsic2(ts: &ThreadState, f: &Frame, code: u32, a: Value, b: Value) -> PyResult {
    let _ = f;
    match code {
        1 => crate::builtins_init::prep_reraise_star(ts, a, b),
        4 => {
            if let Some(func) = a.downcast::<crate::function::PyFunction>() {
                func.attrs.lock().type_params = Some(b);
            }
            Ok(a)
        }
        2 | 3 | 5 => crate::builtins_init::typing_intrinsic2(ts, code, a, b),
        _ => raise!(SystemError, "bad intrinsic {}", code),
    }
}
