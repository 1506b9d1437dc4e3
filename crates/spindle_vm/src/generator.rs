//! Generators and coroutines: an object owning a suspended `Frame`, resumed by
//! `send`/`throw`/`close` in a nested run of the loop. The exceptions a
//! generator is handling travel with it between suspensions.

use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::Mutex;

use crate::error::{PyErr, PyResult};
use crate::eval::{Frame, RunResult};
use crate::interp::ThreadState;
use crate::object::{PayloadKind, PyPayload, alloc};
use crate::ops;
use crate::runtime::{is_none, none, rt};
use crate::value::Value;
use crate::{err, raise};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

pub struct PyGenerator {
    pub frame: Mutex<Option<Box<Frame>>>,
    pub running: AtomicBool,
    pub started: AtomicBool,
    pub kind: GenKind,
    pub name: Mutex<Value>,
    pub qualname: Mutex<Value>,
    pub code: Value,
    /// Handled exceptions saved while suspended.
    pub exc_state: Mutex<Vec<Option<Value>>>,
    /// For coroutines: set while awaited by another coroutine.
    pub awaited: AtomicBool,
}

impl PyPayload for PyGenerator {
    const KIND: PayloadKind = crate::kinds::GENERATOR;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(f) = self.frame.lock().as_ref() {
            f.locals.iter().flatten().for_each(&mut *visit);
            f.stack.iter().flatten().for_each(&mut *visit);
            visit(&f.globals);
        }
        visit(&self.code);
    }
    fn clear(&self) {
        let f = self.frame.lock().take();
        drop(f);
    }
}

pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

pub fn new_generator(_ts: &ThreadState, mut frame: Box<Frame>, func: &Value) -> Value {
    use spindle_bytecode::CodeFlags;
    frame.is_gen = true;
    let flags = frame.code.flags;
    let (kind, ty) = if flags.has(CodeFlags::COROUTINE) {
        (GenKind::Coroutine, rt().types.coroutine)
    } else if flags.has(CodeFlags::ASYNC_GENERATOR) {
        (GenKind::AsyncGenerator, rt().types.async_generator)
    } else {
        (GenKind::Generator, rt().types.generator)
    };
    let (name, qualname) = match func.downcast::<crate::function::PyFunction>() {
        Some(f) => {
            let a = f.attrs.lock();
            (a.name.clone(), a.qualname.clone())
        }
        None => (none(), none()),
    };
    let code = frame.code_obj.clone();
    alloc(
        ty,
        PyGenerator {
            frame: Mutex::new(Some(frame)),
            running: AtomicBool::new(false),
            started: AtomicBool::new(false),
            kind,
            name: Mutex::new(name),
            qualname: Mutex::new(qualname),
            code,
            exc_state: Mutex::new(Vec::new()),
            awaited: AtomicBool::new(false),
        },
    )
}

fn kind_word(g: &PyGenerator) -> &'static str {
    match g.kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async generator",
    }
}

/// Resumes the generator with `value` sent in, or with `throw` raised at the yield.
pub fn resume(ts: &ThreadState, g: &PyGenerator, value: Value, throw: Option<PyErr>) -> PyResult<SendResult> {
    if g.running.swap(true, Ordering::AcqRel) {
        raise!(ValueError, "{} already executing", kind_word(g));
    }
    let result = resume_inner(ts, g, value, throw);
    g.running.store(false, Ordering::Release);
    result
}

fn resume_inner(ts: &ThreadState, g: &PyGenerator, value: Value, throw: Option<PyErr>) -> PyResult<SendResult> {
    let Some(mut frame) = g.frame.lock().take() else {
        if let Some(e) = throw {
            return Err(e);
        }
        if g.kind == GenKind::Coroutine {
            raise!(RuntimeError, "cannot reuse already awaited coroutine");
        }
        return Ok(SendResult::Returned(none()));
    };
    let started = g.started.swap(true, Ordering::AcqRel);
    if !started {
        if let Some(e) = throw {
            return Err(e);
        }
        if !is_none(&value) {
            *g.frame.lock() = Some(frame);
            g.started.store(false, Ordering::Release);
            raise!(TypeError, "can't send non-None value to a just-started {}", kind_word(g));
        }
    } else {
        frame.stack.push(Some(value));
        if let Some(e) = throw {
            frame.pending_throw = Some(e);
        }
    }
    // Restore the exceptions this generator was handling when it suspended.
    let mark = ts.exc_stack.borrow().len();
    ts.exc_stack.borrow_mut().extend(g.exc_state.lock().drain(..));
    let r = crate::eval::run(ts, frame);
    let saved: Vec<Option<Value>> = {
        let mut st = ts.exc_stack.borrow_mut();
        let cut = mark.min(st.len());
        st.split_off(cut)
    };
    match r {
        Ok(RunResult::Yield(v, fr)) => {
            *g.exc_state.lock() = saved;
            *g.frame.lock() = Some(fr);
            Ok(SendResult::Yielded(v))
        }
        Ok(RunResult::Return(v)) => Ok(SendResult::Returned(v)),
        Err(e) => Err(e),
    }
}

/// `next(gen)` for the interpreter: Ok(None) when exhausted.
pub fn gen_next(ts: &ThreadState, _it: &Value, g: &PyGenerator) -> PyResult<Option<Value>> {
    match resume(ts, g, none(), None)? {
        SendResult::Yielded(v) => Ok(Some(v)),
        SendResult::Returned(_) => Ok(None),
    }
}

/// `gen.send(v)` as Python sees it: StopIteration(value) on return.
pub fn gen_send_py(ts: &ThreadState, g: &PyGenerator, v: Value) -> PyResult {
    match resume(ts, g, v, None)? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(r) => Err(stop_iteration(r)),
    }
}

pub fn stop_iteration(value: Value) -> PyErr {
    let args = if is_none(&value) { vec![] } else { vec![value] };
    PyErr(crate::exceptions::new_exception(rt().exc.StopIteration, args))
}

pub fn gen_throw_py(ts: &ThreadState, g: &PyGenerator, exc: PyErr) -> PyResult {
    match resume(ts, g, none(), Some(exc))? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(r) => Err(stop_iteration(r)),
    }
}

pub fn gen_close(ts: &ThreadState, g: &PyGenerator) -> PyResult {
    if !g.started.load(Ordering::Acquire) {
        let f = g.frame.lock().take();
        drop(f);
        return Ok(none());
    }
    if g.frame.lock().is_none() {
        return Ok(none());
    }
    let exc = PyErr(crate::exceptions::new_exception(rt().exc.GeneratorExit, vec![]));
    match resume(ts, g, none(), Some(exc)) {
        Ok(SendResult::Yielded(_)) => Err(err!(RuntimeError, "{} ignored GeneratorExit", kind_word(g))),
        Ok(SendResult::Returned(v)) => Ok(v),
        Err(e) if e.is_instance(rt().exc.GeneratorExit) || e.is_instance(rt().exc.StopIteration) => Ok(none()),
        Err(e) => Err(e),
    }
}

/// `SEND`: delegate one step to `receiver`.
pub fn send_to(ts: &ThreadState, receiver: &Value, v: Value) -> PyResult<SendResult> {
    if let Some(g) = receiver.downcast::<PyGenerator>() {
        return resume(ts, g, v, None);
    }
    let r = if is_none(&v) {
        match ops::call_dunder(ts, receiver, "__next__", &[]) {
            Ok(Some(x)) => Ok(x),
            Ok(None) => Err(err!(TypeError, "'{}' object is not an iterator", ops::type_name(receiver))),
            Err(e) => Err(e),
        }
    } else {
        ops::call_method(ts, receiver, "send", &[v])
    };
    match r {
        Ok(x) => Ok(SendResult::Yielded(x)),
        Err(e) if e.is_instance(rt().exc.StopIteration) => {
            let val = ops::getattr_str(ts, &e.0, "value").unwrap_or_else(|_| none());
            Ok(SendResult::Returned(val))
        }
        Err(e) => Err(e),
    }
}

pub fn get_awaitable(ts: &ThreadState, v: &Value, where_: u32) -> PyResult {
    use spindle_bytecode::CodeFlags;
    if let Some(g) = v.downcast::<PyGenerator>() {
        if g.kind == GenKind::Coroutine {
            return Ok(v.clone());
        }
        let iterable = g.frame.lock().as_ref().map(|f| f.code.flags.has(CodeFlags::ITERABLE_COROUTINE)).unwrap_or(false);
        if iterable {
            return Ok(v.clone());
        }
    }
    match ops::call_dunder(ts, v, "__await__", &[])? {
        Some(it) => {
            if let Some(g) = it.downcast::<PyGenerator>() {
                if g.kind == GenKind::Coroutine {
                    raise!(TypeError, "__await__() returned a coroutine");
                }
            }
            if it.type_ref().lookup("__next__").is_none() {
                raise!(TypeError, "__await__() returned non-iterator of type '{}'", ops::type_name(&it));
            }
            Ok(it)
        }
        None => match where_ {
            1 => raise!(
                TypeError,
                "'async with' received an object from __aenter__ that does not implement __await__: {}",
                ops::type_name(v)
            ),
            2 => raise!(
                TypeError,
                "'async with' received an object from __aexit__ that does not implement __await__: {}",
                ops::type_name(v)
            ),
            _ => raise!(TypeError, "'{}' object can't be awaited", ops::type_name(v)),
        },
    }
}
