//! Generators and coroutines: an object owning a suspended `Frame`, resumed by
//! `send`/`throw`/`close` in a nested run of the loop. The exceptions a
//! generator is handling travel with it between suspensions.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use parking_lot::Mutex;

use crate::error::{PyErr, PyResult};
use crate::eval::{Frame, RunResult};
use crate::function::Args;
use crate::interp::ThreadState;
use crate::native;
use crate::object::{PayloadKind, PyPayload, TypeRef, alloc};
use crate::ops;
use crate::runtime::{Runtime, is_none, none, rt};
use crate::str::new_str;
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
    /// Async generators: an `asend`/`athrow` awaitable is being iterated
    /// (`ag_running`).
    pub running_async: AtomicBool,
    /// Async generators: closed by `aclose()` or exhausted.
    pub closed: AtomicBool,
    /// Async generators: `sys.set_asyncgen_hooks` hooks applied (first `asend`/`athrow`).
    pub hooks_inited: AtomicBool,
    /// Async generators: the finalizer hook captured at first iteration.
    pub finalizer: Mutex<Option<Value>>,
}

impl PyPayload for PyGenerator {
    const KIND: PayloadKind = crate::kinds::GENERATOR;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(f) = self.frame.lock().as_ref() {
            f.locals.iter().flatten().for_each(&mut *visit);
            f.stack.for_each_owned(&mut *visit);
            visit(&f.globals);
        }
        visit(&self.code);
        if let Some(f) = self.finalizer.lock().as_ref() {
            visit(f);
        }
    }
    fn clear(&self) {
        let f = self.frame.lock().take();
        drop(f);
        let fin = self.finalizer.lock().take();
        drop(fin);
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
            running_async: AtomicBool::new(false),
            closed: AtomicBool::new(false),
            hooks_inited: AtomicBool::new(false),
            finalizer: Mutex::new(None),
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
/// A throw reaches the innermost delegate of `yield from`/`await` first.
pub fn resume(ts: &ThreadState, g: &PyGenerator, value: Value, throw: Option<PyErr>) -> PyResult<SendResult> {
    resume_ex(ts, g, value, throw, true)
}

/// `resume` with CPython's `close_on_genexit`: when false (an async generator's
/// `aclose()`/`athrow()`), a `GeneratorExit` is thrown into the delegate of an
/// `await` rather than closing it, so the delegate may still await.
pub fn resume_ex(ts: &ThreadState, g: &PyGenerator, value: Value, throw: Option<PyErr>, close_on_genexit: bool) -> PyResult<SendResult> {
    if g.running.swap(true, Ordering::AcqRel) {
        raise!(ValueError, "{} already executing", kind_word(g));
    }
    let result = match throw {
        Some(e) => match delegate(g) {
            Some(yf) => match throw_to_delegate(ts, &yf, e, close_on_genexit) {
                Ok(v) => Ok(SendResult::Yielded(v)),
                Err(e) => resume_inner(ts, g, none(), Some(e)),
            },
            None => resume_inner(ts, g, value, Some(e)),
        },
        None => resume_inner(ts, g, value, None),
    };
    g.running.store(false, Ordering::Release);
    result
}

/// The object a suspended generator delegates to (`yield from` / `await`):
/// suspended at a `YIELD_VALUE 1`, the delegate is on top of its stack.
pub fn delegate(g: &PyGenerator) -> Option<Value> {
    let fr = g.frame.lock();
    let f = fr.as_ref()?;
    if !g.started.load(Ordering::Acquire) || f.pc == 0 {
        return None;
    }
    let ins = f.code.instructions.get(f.pc - 1).copied()?;
    if ins.op == spindle_bytecode::Opcode::YieldValue && ins.arg == 1 {
        f.stack.top().and_then(crate::value_stack::SlotView::cloned)
    } else {
        None
    }
}

/// Throws `exc` into the delegate `yf`: Ok(value) when it yields; Err(the
/// exception to raise at the delegating yield) otherwise (a `StopIteration`
/// carries the delegate's return value to `CLEANUP_THROW`).
fn throw_to_delegate(ts: &ThreadState, yf: &Value, exc: PyErr, close_on_genexit: bool) -> Result<Value, PyErr> {
    if close_on_genexit && exc.is_instance(rt().exc.GeneratorExit) {
        close_iter(ts, yf)?;
        return Err(exc);
    }
    if let Some(yg) = yf.downcast::<PyGenerator>() {
        if yg.kind != GenKind::AsyncGenerator {
            return match resume_ex(ts, yg, none(), Some(exc), close_on_genexit)? {
                SendResult::Yielded(v) => Ok(v),
                SendResult::Returned(r) => Err(stop_iteration(r)),
            };
        }
    }
    match ops::getattr_opt(ts, yf, "throw")? {
        Some(meth) => ops::call(ts, &meth, &[exc.0]),
        None => Err(exc),
    }
}

/// Closes a delegate (`gen_close_iter`): `close()` if it has one.
fn close_iter(ts: &ThreadState, yf: &Value) -> PyResult<()> {
    if let Some(yg) = yf.downcast::<PyGenerator>() {
        if yg.kind != GenKind::AsyncGenerator {
            return gen_close(ts, yg).map(drop);
        }
    }
    if let Some(meth) = ops::getattr_opt(ts, yf, "close")? {
        ops::call(ts, &meth, &[])?;
    }
    Ok(())
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
    let r = if let Some(r) = send_to_awaitable(ts, receiver, &v) {
        r
    } else if is_none(&v) {
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
            if it.type_ref().lookup_static("__next__").is_none() {
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

// ------------------------------------------------------------ async generators (PEP 525)

/// `INTRINSIC_ASYNC_GEN_WRAP`: a value an async generator yields to its
/// consumer, told apart from the values its `await`s pass to the event loop.
pub struct PyAsyncGenWrapped {
    pub value: Value,
}

impl PyPayload for PyAsyncGenWrapped {
    const KIND: PayloadKind = crate::kinds::ASYNC_GEN_WRAPPED;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.value);
    }
}

const STATE_INIT: u8 = 0;
const STATE_ITER: u8 = 1;
const STATE_CLOSED: u8 = 2;

/// The awaitable `asend(v)` / `__anext__()` return.
pub struct PyAsyncGenASend {
    agen: Value,
    sendval: Value,
    state: AtomicU8,
}

impl PyPayload for PyAsyncGenASend {
    const KIND: PayloadKind = crate::kinds::ASYNC_GEN_ASEND;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.agen);
        visit(&self.sendval);
    }
}

/// The awaitable `athrow(...)` (args Some) / `aclose()` (args None) return.
pub struct PyAsyncGenAThrow {
    agen: Value,
    args: Option<Vec<Value>>,
    state: AtomicU8,
}

impl PyPayload for PyAsyncGenAThrow {
    const KIND: PayloadKind = crate::kinds::ASYNC_GEN_ATHROW;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.agen);
        self.args.iter().flatten().for_each(visit);
    }
}

/// `anext(it, default)`: awaits `it.__anext__()`, turning its
/// `StopAsyncIteration` into a return of `default`.
pub struct PyAnextAwaitable {
    wrapped: Value,
    default: Value,
}

impl PyPayload for PyAnextAwaitable {
    const KIND: PayloadKind = crate::kinds::ANEXT_AWAITABLE;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.wrapped);
        visit(&self.default);
    }
}

struct AsyncTypes {
    wrapped: TypeRef,
    asend: TypeRef,
    athrow: TypeRef,
    anext: TypeRef,
}

/// The coroutine-like methods of an async generator's awaitables (asend and
/// athrow objects): send/throw/close over the payload's three functions;
/// they are their own iterator and `__await__`.
macro_rules! awaitable_methods {
    ($ty:expr, $send:ident, $throw:ident, $close:ident) => {
        native::add_methods(
            $ty,
            &[
                ("send", |ts, a| $send(ts, this(&a)?, arg1(&a))),
                ("throw", |ts, a| {
                    let e = throw_args(ts, a.args.get(1..).unwrap_or(&[]))?;
                    $throw(ts, this(&a)?, e)
                }),
                ("close", |ts, a| $close(ts, this(&a)?)),
                ("__await__", |_, a| Ok(a.args[0].clone())),
                ("__iter__", |_, a| Ok(a.args[0].clone())),
                ("__next__", |ts, a| $send(ts, this(&a)?, none())),
            ],
        )
    };
}

/// Builtin classes created on first use; immutable afterwards.
static ASYNC_TYPES: OnceLock<AsyncTypes> = OnceLock::new();

fn async_types() -> &'static AsyncTypes {
    ASYNC_TYPES.get_or_init(|| {
        let wrapped = native::new_type::<PyAsyncGenWrapped>("async_generator_wrapped_value", "builtins", None, false);
        let asend = native::new_type::<PyAsyncGenASend>("async_generator_asend", "builtins", None, false);
        awaitable_methods!(asend, asend_send, asend_throw, asend_close);
        let athrow = native::new_type::<PyAsyncGenAThrow>("async_generator_athrow", "builtins", None, false);
        awaitable_methods!(athrow, athrow_send, athrow_throw, athrow_close);
        let anext = native::new_type::<PyAnextAwaitable>("anext_awaitable", "builtins", None, false);
        native::add_methods(
            anext,
            &[
                ("send", |ts, a| anext_proxy(ts, this(&a)?, "send", Some(arg1(&a)))),
                ("throw", |ts, a| {
                    let e = throw_args(ts, a.args.get(1..).unwrap_or(&[]))?;
                    anext_proxy(ts, this(&a)?, "throw", Some(e.0))
                }),
                ("close", |ts, a| anext_proxy(ts, this(&a)?, "close", None)),
                ("__await__", |_, a| Ok(a.args[0].clone())),
                ("__iter__", |_, a| Ok(a.args[0].clone())),
                ("__next__", |ts, a| anext_proxy(ts, this(&a)?, "__next__", None)),
            ],
        );
        AsyncTypes { wrapped, asend, athrow, anext }
    })
}

fn this<'a, T: PyPayload>(a: &'a Args<'_>) -> PyResult<&'a T> {
    a.args.first().and_then(|v| v.downcast::<T>()).ok_or_else(|| err!(TypeError, "descriptor requires an awaitable of its own type"))
}

fn arg1(a: &Args<'_>) -> Value {
    a.args.get(1).cloned().unwrap_or_else(none)
}

fn agen_of(v: &Value) -> PyResult<&PyGenerator> {
    v.downcast::<PyGenerator>().ok_or_else(|| err!(SystemError, "async generator expected"))
}

/// `INTRINSIC_ASYNC_GEN_WRAP`.
pub fn async_gen_wrap(v: Value) -> Value {
    alloc(async_types().wrapped, PyAsyncGenWrapped { value: v })
}

/// The exception `throw(typ[, val[, tb]])` raises.
pub fn throw_args(ts: &ThreadState, a: &[Value]) -> PyResult<PyErr> {
    let typ = a.first().cloned().unwrap_or_else(none);
    let val = a.get(1).cloned().filter(|v| !is_none(v));
    let exc = match (TypeRef::from_value(&typ), val) {
        (Some(_), Some(v)) if v.type_ref().is_subtype(rt().exc.BaseException) => v,
        (Some(_), Some(v)) => ops::call(ts, &typ, &[v])?,
        _ => crate::traceback::instantiate(ts, typ)?,
    };
    if let Some(tb) = a.get(2).filter(|t| !is_none(t)) {
        ops::setattr(ts, &exc, &new_str("__traceback__"), Some(tb.clone()))?;
    }
    Ok(PyErr(exc))
}

/// One step of an async generator's frame, as `gen_send_ex` sees it: a return
/// is `StopAsyncIteration`; yielded values come back still wrapped.
fn agen_step(ts: &ThreadState, g: &PyGenerator, v: Value, throw: Option<PyErr>, close_on_genexit: bool) -> PyResult {
    match resume_ex(ts, g, v, throw, close_on_genexit)? {
        SendResult::Yielded(y) => Ok(y),
        SendResult::Returned(_) => Err(PyErr::bare(rt().exc.StopAsyncIteration)),
    }
}

/// A value yielded to the consumer ends the awaitable (`StopIteration(value)`);
/// other values pass through to the event loop.
fn unwrap_value(g: &PyGenerator, r: PyResult) -> PyResult {
    match r {
        Ok(v) => match v.downcast::<PyAsyncGenWrapped>() {
            Some(w) => {
                g.running_async.store(false, Ordering::Release);
                Err(stop_iteration(w.value.clone()))
            }
            None => Ok(v),
        },
        Err(e) => {
            if e.is_instance(rt().exc.StopAsyncIteration) || e.is_instance(rt().exc.GeneratorExit) {
                g.closed.store(true, Ordering::Release);
            }
            g.running_async.store(false, Ordering::Release);
            Err(e)
        }
    }
}

fn is_wrapped(r: &PyResult) -> bool {
    matches!(r, Ok(v) if v.downcast::<PyAsyncGenWrapped>().is_some())
}

/// Applies `sys.set_asyncgen_hooks` on the first `asend`/`athrow`/`aclose`.
fn init_hooks(ts: &ThreadState, agen: &Value, g: &PyGenerator) -> PyResult<()> {
    if g.hooks_inited.swap(true, Ordering::AcqRel) {
        return Ok(());
    }
    let (firstiter, finalizer) = {
        let h = ts.asyncgen_hooks.borrow();
        (h[0].clone(), h[1].clone())
    };
    if let Some(f) = finalizer {
        *g.finalizer.lock() = Some(f);
    }
    if let Some(f) = firstiter {
        ops::call(ts, &f, &[agen.clone()])?;
    }
    Ok(())
}

fn new_asend(ts: &ThreadState, agen: &Value, sendval: Value) -> PyResult {
    init_hooks(ts, agen, agen_of(agen)?)?;
    Ok(alloc(async_types().asend, PyAsyncGenASend { agen: agen.clone(), sendval, state: AtomicU8::new(STATE_INIT) }))
}

fn new_athrow(ts: &ThreadState, agen: &Value, args: Option<Vec<Value>>) -> PyResult {
    init_hooks(ts, agen, agen_of(agen)?)?;
    Ok(alloc(async_types().athrow, PyAsyncGenAThrow { agen: agen.clone(), args, state: AtomicU8::new(STATE_INIT) }))
}

const ASEND_REUSED: &str = "cannot reuse already awaited __anext__()/asend()";
const ATHROW_REUSED: &str = "cannot reuse already awaited aclose()/athrow()";
const IGNORED_EXIT: &str = "async generator ignored GeneratorExit";

fn asend_send(ts: &ThreadState, o: &PyAsyncGenASend, mut arg: Value) -> PyResult {
    let g = agen_of(&o.agen)?;
    match o.state.load(Ordering::Acquire) {
        STATE_CLOSED => raise!(RuntimeError, "{}", ASEND_REUSED),
        STATE_INIT => {
            if g.running_async.load(Ordering::Acquire) {
                o.state.store(STATE_CLOSED, Ordering::Release);
                raise!(RuntimeError, "anext(): asynchronous generator is already running");
            }
            if is_none(&arg) {
                arg = o.sendval.clone();
            }
            o.state.store(STATE_ITER, Ordering::Release);
        }
        _ => {}
    }
    g.running_async.store(true, Ordering::Release);
    let r = unwrap_value(g, agen_step(ts, g, arg, None, true));
    if r.is_err() {
        o.state.store(STATE_CLOSED, Ordering::Release);
    }
    r
}

fn asend_throw(ts: &ThreadState, o: &PyAsyncGenASend, exc: PyErr) -> PyResult {
    let g = agen_of(&o.agen)?;
    match o.state.load(Ordering::Acquire) {
        STATE_CLOSED => raise!(RuntimeError, "{}", ASEND_REUSED),
        STATE_INIT => {
            if g.running_async.load(Ordering::Acquire) {
                o.state.store(STATE_CLOSED, Ordering::Release);
                raise!(RuntimeError, "anext(): asynchronous generator is already running");
            }
            o.state.store(STATE_ITER, Ordering::Release);
            g.running_async.store(true, Ordering::Release);
        }
        _ => {}
    }
    let r = unwrap_value(g, agen_step(ts, g, none(), Some(exc), true));
    if r.is_err() {
        g.running_async.store(false, Ordering::Release);
        o.state.store(STATE_CLOSED, Ordering::Release);
    }
    r
}

/// `close()` of an asend/athrow awaitable: throws GeneratorExit through it.
fn awaitable_close(r: PyResult) -> PyResult {
    let x = &rt().exc;
    match r {
        Ok(_) => raise!(RuntimeError, "coroutine ignored GeneratorExit"),
        Err(e) if e.is_instance(x.StopIteration) || e.is_instance(x.StopAsyncIteration) || e.is_instance(x.GeneratorExit) => Ok(none()),
        Err(e) => Err(e),
    }
}

fn asend_close(ts: &ThreadState, o: &PyAsyncGenASend) -> PyResult {
    if o.state.load(Ordering::Acquire) == STATE_CLOSED {
        return Ok(none());
    }
    awaitable_close(asend_throw(ts, o, PyErr::bare(rt().exc.GeneratorExit)))
}

fn athrow_running_error(o: &PyAsyncGenAThrow) -> PyErr {
    o.state.store(STATE_CLOSED, Ordering::Release);
    if o.args.is_none() {
        err!(RuntimeError, "aclose(): asynchronous generator is already running")
    } else {
        err!(RuntimeError, "athrow(): asynchronous generator is already running")
    }
}

/// The awaitable is done: aclose() reports a finished generator as its own
/// completion (`StopIteration`).
fn athrow_check_error(g: &PyGenerator, o: &PyAsyncGenAThrow, e: PyErr) -> PyResult {
    g.running_async.store(false, Ordering::Release);
    o.state.store(STATE_CLOSED, Ordering::Release);
    if o.args.is_none() && (e.is_instance(rt().exc.StopAsyncIteration) || e.is_instance(rt().exc.GeneratorExit)) {
        return Err(PyErr::bare(rt().exc.StopIteration));
    }
    Err(e)
}

fn athrow_yield_close(g: &PyGenerator, o: &PyAsyncGenAThrow) -> PyResult {
    g.running_async.store(false, Ordering::Release);
    o.state.store(STATE_CLOSED, Ordering::Release);
    raise!(RuntimeError, "{}", IGNORED_EXIT)
}

fn gen_finished(g: &PyGenerator) -> bool {
    g.frame.lock().is_none() && !g.running.load(Ordering::Acquire)
}

fn athrow_send(ts: &ThreadState, o: &PyAsyncGenAThrow, arg: Value) -> PyResult {
    let g = agen_of(&o.agen)?;
    let state = o.state.load(Ordering::Acquire);
    if state == STATE_CLOSED {
        raise!(RuntimeError, "{}", ATHROW_REUSED);
    }
    if gen_finished(g) {
        o.state.store(STATE_CLOSED, Ordering::Release);
        return Err(PyErr::bare(rt().exc.StopIteration));
    }
    if state == STATE_INIT {
        if g.running_async.load(Ordering::Acquire) {
            return Err(athrow_running_error(o));
        }
        if g.closed.load(Ordering::Acquire) {
            o.state.store(STATE_CLOSED, Ordering::Release);
            return Err(PyErr::bare(rt().exc.StopAsyncIteration));
        }
        if !is_none(&arg) {
            raise!(RuntimeError, "can't send non-None value to a just-started coroutine");
        }
        o.state.store(STATE_ITER, Ordering::Release);
        g.running_async.store(true, Ordering::Release);
        let r = match &o.args {
            None => {
                g.closed.store(true, Ordering::Release);
                let r = agen_step(ts, g, none(), Some(PyErr::bare(rt().exc.GeneratorExit)), false);
                if is_wrapped(&r) {
                    return athrow_yield_close(g, o);
                }
                r
            }
            Some(args) => {
                let r = throw_args(ts, args).and_then(|e| agen_step(ts, g, none(), Some(e), false));
                unwrap_value(g, r)
            }
        };
        return match r {
            Ok(v) => Ok(v),
            Err(e) => athrow_check_error(g, o, e),
        };
    }
    let r = agen_step(ts, g, arg, None, true);
    if o.args.is_some() {
        return unwrap_value(g, r);
    }
    if is_wrapped(&r) {
        return athrow_yield_close(g, o);
    }
    match r {
        Ok(v) => Ok(v),
        Err(e) => athrow_check_error(g, o, e),
    }
}

fn athrow_throw(ts: &ThreadState, o: &PyAsyncGenAThrow, exc: PyErr) -> PyResult {
    let g = agen_of(&o.agen)?;
    match o.state.load(Ordering::Acquire) {
        STATE_CLOSED => raise!(RuntimeError, "{}", ATHROW_REUSED),
        STATE_INIT => {
            if g.running_async.load(Ordering::Acquire) {
                return Err(athrow_running_error(o));
            }
            o.state.store(STATE_ITER, Ordering::Release);
            g.running_async.store(true, Ordering::Release);
        }
        _ => {}
    }
    let r = agen_step(ts, g, none(), Some(exc), true);
    if o.args.is_some() {
        let r = unwrap_value(g, r);
        if r.is_err() {
            g.running_async.store(false, Ordering::Release);
            o.state.store(STATE_CLOSED, Ordering::Release);
        }
        return r;
    }
    if is_wrapped(&r) {
        return athrow_yield_close(g, o);
    }
    match r {
        Ok(v) => Ok(v),
        Err(e) => athrow_check_error(g, o, e),
    }
}

fn athrow_close(ts: &ThreadState, o: &PyAsyncGenAThrow) -> PyResult {
    if o.state.load(Ordering::Acquire) == STATE_CLOSED {
        return Ok(none());
    }
    awaitable_close(athrow_throw(ts, o, PyErr::bare(rt().exc.GeneratorExit)))
}

/// `anext_awaitable`: forwards `meth` to the awaitable of `__anext__()`'s result.
fn anext_proxy(ts: &ThreadState, o: &PyAnextAwaitable, meth: &str, arg: Option<Value>) -> PyResult {
    let aw = get_awaitable(ts, &o.wrapped, 0)?;
    let r = match (aw.downcast::<PyGenerator>(), meth) {
        (Some(g), "send") => gen_send_py(ts, g, arg.unwrap_or_else(none)),
        (Some(g), "__next__") => gen_send_py(ts, g, none()),
        (Some(g), "throw") => gen_throw_py(ts, g, PyErr(arg.unwrap_or_else(none))),
        (Some(g), _) => gen_close(ts, g),
        (None, _) => match arg {
            Some(a) => ops::call_method(ts, &aw, meth, &[a]),
            None => ops::call_method(ts, &aw, meth, &[]),
        },
    };
    match r {
        Err(e) if e.is_instance(rt().exc.StopAsyncIteration) => Err(stop_iteration(o.default.clone())),
        r => r,
    }
}

/// The builtin `anext(aiterator[, default])`.
pub fn builtin_anext(ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.has_kwargs() {
        raise!(TypeError, "anext() takes no keyword arguments");
    }
    let it = match a.args {
        [it] | [it, _] => it,
        [] => raise!(TypeError, "anext expected at least 1 argument, got 0"),
        _ => raise!(TypeError, "anext expected at most 2 arguments, got {}", a.args.len()),
    };
    let Some(awaitable) = ops::call_dunder(ts, it, "__anext__", &[])? else {
        raise!(TypeError, "'{}' object is not an async iterator", ops::type_name(it))
    };
    match a.args.get(1) {
        None => Ok(awaitable),
        Some(d) => Ok(alloc(async_types().anext, PyAnextAwaitable { wrapped: awaitable, default: d.clone() })),
    }
}

/// `SEND` to an asend/athrow awaitable without a method lookup.
fn send_to_awaitable(ts: &ThreadState, receiver: &Value, v: &Value) -> Option<PyResult> {
    if let Some(o) = receiver.downcast::<PyAsyncGenASend>() {
        return Some(asend_send(ts, o, v.clone()));
    }
    if let Some(o) = receiver.downcast::<PyAsyncGenAThrow>() {
        return Some(athrow_send(ts, o, v.clone()));
    }
    None
}

/// `sys.set_asyncgen_hooks([firstiter] [, finalizer])`.
pub fn sys_set_asyncgen_hooks(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [firstiter, finalizer] = crate::builtins_init::parse_args("set_asyncgen_hooks", a, ["firstiter", "finalizer"], 0)?;
    for (v, what) in [(&finalizer, "finalizer"), (&firstiter, "firstiter")] {
        if let Some(f) = v {
            if !is_none(f) && !ops::is_callable(f) {
                raise!(TypeError, "callable {} expected, got {}", what, ops::type_name(f));
            }
        }
    }
    let mut h = ts.asyncgen_hooks.borrow_mut();
    for (i, v) in [firstiter, finalizer].into_iter().enumerate() {
        if let Some(f) = v {
            h[i] = if is_none(&f) { None } else { Some(f) };
        }
    }
    Ok(none())
}

/// `sys.get_asyncgen_hooks()`.
pub fn sys_get_asyncgen_hooks(ts: &ThreadState, _a: Args<'_>) -> PyResult {
    let items = {
        let h = ts.asyncgen_hooks.borrow();
        vec![h[0].clone().unwrap_or_else(none), h[1].clone().unwrap_or_else(none)]
    };
    crate::builtins_init::named_tuple_like(ts, "asyncgen_hooks", &["firstiter", "finalizer"], crate::seq::new_tuple(items))
}

/// Whether a dying generator must run code: a suspended frame to close, or an
/// async generator whose finalizer hook was captured.
pub fn needs_finalize(g: &PyGenerator) -> bool {
    if g.frame.lock().is_none() {
        return false;
    }
    g.started.load(Ordering::Acquire) || (g.kind == GenKind::AsyncGenerator && g.finalizer.lock().is_some())
}

/// `_PyGen_Finalize`: hands an unfinished async generator to its finalizer
/// hook, or closes the generator; errors are reported as unraisable.
pub fn finalize(ts: &ThreadState, obj: &Value, g: &PyGenerator) {
    if g.kind == GenKind::AsyncGenerator && !g.closed.load(Ordering::Acquire) {
        let fin = g.finalizer.lock().clone();
        if let Some(f) = fin {
            if let Err(e) = ops::call(ts, &f, &[obj.clone()]) {
                ops::write_unraisable(ts, &e, Some("Exception ignored in"), Some(obj));
            }
            return;
        }
    }
    if let Err(e) = gen_close(ts, g) {
        ops::write_unraisable(ts, &e, Some("Exception ignored while closing generator"), Some(obj));
    }
}

/// `ag_running` / `gi_running` / `cr_running`.
pub fn is_running(g: &PyGenerator) -> bool {
    match g.kind {
        GenKind::AsyncGenerator => g.running_async.load(Ordering::Acquire),
        _ => g.running.load(Ordering::Acquire),
    }
}

/// Methods of generator, coroutine and async_generator objects.
pub(crate) fn init(r: &Runtime) {
    use crate::builtins_init::add_methods;
    fn g<'a>(a: &'a Args<'_>) -> PyResult<&'a PyGenerator> {
        a.args.first().and_then(|v| v.downcast::<PyGenerator>()).ok_or_else(|| err!(TypeError, "expected a generator"))
    }
    fn gen_repr(_: &ThreadState, a: Args<'_>) -> PyResult {
        let gg = g(&a)?;
        let q = crate::str::as_str(&gg.qualname.lock()).unwrap_or("?").to_owned();
        let kind = match gg.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        };
        Ok(new_str(&format!("<{} object {} at {:#x}>", kind, q, a.args[0].id())))
    }
    for t in [r.types.generator, r.types.coroutine] {
        add_methods(
            t,
            &[
                ("send", |ts, a| gen_send_py(ts, g(&a)?, arg1(&a))),
                ("throw", |ts, a| {
                    let e = throw_args(ts, a.args.get(1..).unwrap_or(&[]))?;
                    gen_throw_py(ts, g(&a)?, e)
                }),
                ("close", |ts, a| gen_close(ts, g(&a)?)),
                ("__repr__", gen_repr),
            ],
        );
    }
    add_methods(
        r.types.generator,
        &[
            ("__iter__", |_, a| Ok(a.args[0].clone())),
            ("__next__", |ts, a| gen_send_py(ts, g(&a)?, none())),
        ],
    );
    add_methods(r.types.coroutine, &[("__await__", |_, a| Ok(a.args[0].clone()))]);
    add_methods(
        r.types.async_generator,
        &[
            ("__aiter__", |_, a| Ok(a.args[0].clone())),
            ("__anext__", |ts, a| new_asend(ts, &a.args[0], none())),
            ("asend", |ts, a| {
                crate::builtins_init::check_args("async_generator.asend", a, 1, 1)?;
                new_asend(ts, &a.args[0], arg1(&a))
            }),
            ("athrow", |ts, a| {
                crate::builtins_init::check_args("athrow", a, 0, 3)?;
                new_athrow(ts, &a.args[0], Some(a.args.get(1..).unwrap_or(&[]).to_vec()))
            }),
            ("aclose", |ts, a| {
                crate::builtins_init::check_args("async_generator.aclose", a, 0, 0)?;
                new_athrow(ts, &a.args[0], None)
            }),
            ("__repr__", gen_repr),
        ],
    );
}
