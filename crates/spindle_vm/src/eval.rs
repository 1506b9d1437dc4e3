//! The interpreter loop. Python-to-Python calls push a `Frame` onto this
//! invocation's frame stack and continue in the same Rust loop, so Python
//! recursion never recurses in Rust; depth is bounded by the recursion limit.
//! Native code calling back into Python (and generator resumption) enters a
//! nested `run`, guarded by `ThreadState::check_stack`.


use spindle_bytecode::{CodeFlags, CodeObject, Instruction, LocalKind, Opcode};

use crate::cell::PyCell;
use crate::code::PyCode;
use crate::error::{PyErr, PyResult};
use crate::function::{Args, FunctionAttrs, PyFunction};
use crate::interp::ThreadState;
use crate::num::new_bool;
use crate::object::TypeRef;
use crate::ops::{self, CmpOp};
use crate::runtime::{is_none, none, rt};
use crate::value::Value;
use crate::{err, raise};

/// A frame's `CodeObject`, borrowed without a reference count of its own.
///
/// Invariant: it points into the `Arc<CodeObject>` of the `PyCode` in the
/// same frame's `code_obj` (a `PyCode` never replaces its `code`), so it is
/// valid while the frame runs; a pooled frame's is stale and never read
/// (`new_frame` sets it before anything else).
#[derive(Clone, Copy)]
pub struct CodeRef(std::ptr::NonNull<CodeObject>);

// SAFETY: it only gives shared access to an immutable CodeObject (which is
// Send + Sync), kept alive by the owning frame's code_obj.
unsafe impl Send for CodeRef {}
// SAFETY: as above.
unsafe impl Sync for CodeRef {}

impl std::ops::Deref for CodeRef {
    type Target = CodeObject;
    #[inline]
    fn deref(&self) -> &CodeObject {
        // SAFETY: see the type's invariant.
        unsafe { self.0.as_ref() }
    }
}

impl CodeRef {
    fn of(code: &PyCode) -> CodeRef {
        CodeRef(std::ptr::NonNull::from(&*code.code))
    }
}

/// One activation of a code object.
pub struct Frame {
    pub code_obj: Value,
    pub code: CodeRef,
    /// Index of the next instruction.
    pub pc: usize,
    /// Index of the instruction being executed (for errors and f_lineno).
    pub lasti: usize,
    /// `localsplus`: arguments, locals, cells, free variables.
    pub locals: Vec<Option<Value>>,
    /// Bit i set: local i is a borrowed argument (`try_fast_call`), a
    /// bitwise copy of a value the caller's frame holds (in a local it
    /// cannot change while this frame runs), without a count of its own.
    /// Anything that replaces or takes such a local first gives it a count
    /// (`own_local!`); the frame's end forgets the rest. Only frames of
    /// plain functions get them: never a generator's, which outlives the
    /// call.
    pub borrowed_args: u64,
    /// The value stack; `None` is the NULL slot.
    pub stack: crate::value_stack::ValueStack,
    pub globals: Value,
    pub builtins: Value,
    /// The locals mapping of module and class-body frames.
    pub locals_map: Option<Value>,
    pub func: Option<Value>,
    /// `func` holds no count (`try_fast_call` moved an uncounted callable
    /// slot in): the caller's local keeps it alive, or, for a deferred one,
    /// the collector counts it while the frame runs (`uncounted_refs`).
    /// The frame forgets it instead of dropping it.
    func_borrowed: bool,
    /// Set for frames owned by a generator/coroutine.
    pub is_gen: bool,
    /// An exception `throw()` raises at the resumed yield.
    pub pending_throw: Option<PyErr>,
    /// `code_obj`, `globals` and `builtins` are uncounted copies of `func`'s
    /// (a Python function call): `func` keeps them alive, since a function's
    /// globals and builtins never change and a replaced `__code__` lives on in
    /// its retired list until the function dies. Saves three reference-count
    /// pairs per call, atomic ones when the function belongs to another thread.
    borrowed: bool,
    /// What the caller's instruction makes of this frame's return value,
    /// for calls the loop runs inline on an instruction's behalf.
    pub on_return: Option<OnReturn>,
    /// The next frame of the frame pool while this one waits there.
    next_free: FreeLink,
    /// `sys.settrace`'s local trace function for this frame (what the
    /// global one returned for its 'call' event), and the line and
    /// instruction it last reported.
    pub f_trace: Option<Value>,
    trace_line: u32,
    trace_lasti: usize,
}

/// `Frame::next_free`.
#[derive(Clone, Copy)]
struct FreeLink(*mut Frame);

// SAFETY: the link is only followed by the thread whose pool holds the
// frame (`pool_pop`); a frame outside the pool never reads it.
unsafe impl Send for FreeLink {}
// SAFETY: as above.
unsafe impl Sync for FreeLink {}

/// See `Frame::on_return`.
pub enum OnReturn {
    /// An inline instantiation's `__init__` (`try_inline_init`): the call
    /// evaluates to the new instance once `__init__` returns None.
    Init(Value),
    /// An inline `a <op> b` dunder (`try_inline_binary`): NotImplemented
    /// becomes the operator's TypeError.
    BinaryOp { base: u8, a: Value, b: Value },
}

impl Drop for Frame {
    /// Locals go last-first, as CPython 3.14 clears a frame (observable through
    /// `__del__` order, and a memoryview local must die before its exporter's owner).
    fn drop(&mut self) {
        self.forget_borrowed_args();
        while let Some(v) = self.locals.pop() {
            drop(v);
        }
        // Before `func` (a later field) drops: it may own the borrowed ones.
        self.release_context();
        self.release_func();
    }
}

impl Frame {
    /// Empties the borrowed-argument locals without dropping a count they
    /// never had (the frame is ending).
    #[inline]
    fn forget_borrowed_args(&mut self) {
        let mut m = std::mem::take(&mut self.borrowed_args);
        while m != 0 {
            let i = m.trailing_zeros() as usize;
            m &= m - 1;
            if let Some(slot) = self.locals.get_mut(i) {
                std::mem::forget(slot.take());
            }
        }
    }

    /// Local `i`, a borrowed argument, is about to be replaced or taken: it
    /// first gets a count of its own.
    #[cold]
    #[inline(never)]
    fn own_local(&mut self, i: usize) {
        let Some(bit) = 1u64.checked_shl(i as u32) else { return };
        self.borrowed_args &= !bit;
        if let Some(v) = self.locals.get(i).and_then(Option::as_ref) {
            std::mem::forget(v.clone());
        }
    }
    /// Gives up `func`: released if owned, forgotten if borrowed.
    #[inline]
    fn release_func(&mut self) {
        let func = self.func.take();
        if std::mem::take(&mut self.func_borrowed) {
            std::mem::forget(func);
        } else {
            drop(func);
        }
    }

    /// Calls `visit` with the word of each object this running frame refers
    /// to without a count that anything else keeps (deferred stack slots)
    /// or may so refer to (a borrowed `func`): the references the collector
    /// adds to the counts (`gc::count_frame_refs`).
    pub(crate) fn uncounted_refs(&self, visit: &mut dyn FnMut(usize)) {
        self.stack.deferred_words(visit);
        if self.func_borrowed {
            if let Some(f) = &self.func {
                visit(f.bits());
            }
        }
    }

    /// Gives up `code_obj`, `globals` and `builtins`: released if owned,
    /// forgotten if borrowed from `func`.
    #[inline]
    fn release_context(&mut self) {
        let n = none();
        let code = std::mem::replace(&mut self.code_obj, n.clone());
        let globals = std::mem::replace(&mut self.globals, n.clone());
        let builtins = std::mem::replace(&mut self.builtins, n);
        if std::mem::take(&mut self.borrowed) {
            std::mem::forget(code);
            std::mem::forget(globals);
            std::mem::forget(builtins);
        } else {
            drop(builtins);
            drop(globals);
            drop(code);
        }
    }

    /// The frame's code object, without a type check (one less dependent
    /// load at every frame switch of the loop).
    #[inline]
    fn code_data(&self) -> &PyCode {
        debug_assert!(self.code_obj.downcast::<PyCode>().is_some());
        // SAFETY: a frame's `code_obj` is a code object from its creation
        // until `release_context` (after which the loop never runs the
        // frame), so it was allocated as `PyObj<PyCode>` and lives as long
        // as `self` holds it.
        unsafe { &(*(self.code_obj.header_ptr() as *const crate::object::PyObj<PyCode>)).payload }
    }

    pub fn lineno(&self) -> u32 {
        self.code.line_of(self.lasti).unwrap_or(self.code.first_line)
    }
}


/// How a run of the loop ended.
pub enum RunResult {
    Return(Value),
    /// A generator frame yielded; the frame is handed back to its generator.
    Yield(Value, Box<Frame>),
}

/// Finished frames kept for reuse, so a call costs no allocation once warm:
/// an intrusive list (through `Frame::next_free`) in a destructor-free
/// thread-local, whose access is a plain thread-pointer load. Only frames
/// whose run ended normally come here, holding no Python values (see
/// `recycle_frame`); `drain_frame_pool` frees them when the thread ends.
struct FramePool {
    head: std::cell::Cell<*mut Frame>,
    len: std::cell::Cell<usize>,
}

thread_local! {
    static FRAME_POOL: FramePool = const { FramePool { head: std::cell::Cell::new(std::ptr::null_mut()), len: std::cell::Cell::new(0) } };
}

/// This thread's pool: a bare thread-pointer offset (a closure around the
/// whole pool operation keeps `LocalKey::with` from inlining).
#[inline(always)]
fn frame_pool() -> &'static FramePool {
    // SAFETY: the pool is a destructor-free thread-local, so it lives as
    // long as the thread, and only this thread ever reaches it; the
    // reference never leaves the thread (`FramePool` is not Sync).
    unsafe { &*FRAME_POOL.with(|p| p as *const FramePool) }
}

#[inline]
fn pool_pop() -> Option<Box<Frame>> {
    let p = frame_pool();
    let head = p.head.get();
    if head.is_null() {
        return None;
    }
    // SAFETY: list members are frames leaked from `Box`es by `pool_push`
    // on this thread, owned by the list alone.
    let fr = unsafe { Box::from_raw(head) };
    p.head.set(fr.next_free.0);
    p.len.set(p.len.get() - 1);
    Some(fr)
}

#[inline]
fn pool_push(mut fr: Box<Frame>) {
    let p = frame_pool();
    if p.len.get() < FRAME_POOL_MAX {
        fr.next_free = FreeLink(p.head.get());
        p.head.set(Box::into_raw(fr));
        p.len.set(p.len.get() + 1);
    }
}

/// Frees this thread's pooled frames (at thread exit).
pub(crate) fn drain_frame_pool() {
    while let Some(fr) = pool_pop() {
        drop(fr);
    }
}

const FRAME_POOL_MAX: usize = 64;

pub fn new_frame(code_obj: Value, globals: Value, builtins: Value, locals_map: Option<Value>, func: Option<Value>) -> PyResult<Box<Frame>> {
    frame_for(code_obj, globals, builtins, locals_map, func, false)
}

/// The frame for calling Python function `func` (whose payload is `pf`), its
/// code, globals and builtins borrowed from the function (see `Frame::borrowed`).
/// `holder` is the frame's own reference to `func`; a caller that passes
/// None must store one in `func` before `func` can die.
fn function_frame(func: &Value, pf: &PyFunction, holder: Option<Value>) -> PyResult<Box<Frame>> {
    // SAFETY: uncounted copies of objects `func` keeps alive for as long as
    // the frame holds `func` (the `borrowed` invariant); the frame forgets
    // them instead of dropping them.
    let (code, globals, builtins) = unsafe {
        (
            Value::from_raw(pf.code.current_ptr()),
            Value::from_raw(pf.globals.header_ptr()),
            Value::from_raw(pf.builtins.header_ptr()),
        )
    };
    if code.is_small_int() || globals.is_small_int() || builtins.is_small_int() {
        // Not objects (cannot happen for a function): never borrow those.
        std::mem::forget((code, globals, builtins));
        return new_frame(pf.code(), pf.globals.clone(), pf.builtins.clone(), None, Some(holder.unwrap_or_else(|| func.clone())));
    }
    frame_for(code, globals, builtins, None, holder, true)
}

fn frame_for(code_obj: Value, globals: Value, builtins: Value, locals_map: Option<Value>, func: Option<Value>, borrowed: bool) -> PyResult<Box<Frame>> {
    let Some(pycode) = code_obj.downcast::<PyCode>() else {
        if borrowed {
            std::mem::forget((code_obj, globals, builtins));
        }
        raise!(TypeError, "expected a code object")
    };
    let code = CodeRef::of(pycode);
    // Every local slot an instruction names exists (`new_code`'s invariant).
    let n = pycode.nlocals;
    let stacksize = code.stacksize as usize;
    let pooled = pool_pop();
    if let Some(mut fr) = pooled {
        // A pooled frame has locals that are all None, an empty stack, no
        // pending throw, no return hook, no locals mapping or function; its
        // code_obj/globals/builtins hold None or stale uncounted copies (see
        // `recycle_frame`), which must be overwritten without being dropped.
        if fr.locals.len() >= n {
            // SAFETY: shrinking; the slots cut off are None and own nothing.
            unsafe { fr.locals.set_len(n) };
        } else {
            fr.locals.resize(n, None);
        }
        fr.stack.reserve(stacksize + 1);
        // SAFETY: the old values own no count (None is immortal; stale
        // borrowed copies never did), so overwriting them leaks nothing.
        unsafe {
            std::ptr::write(&mut fr.code_obj, code_obj);
            std::ptr::write(&mut fr.globals, globals);
            std::ptr::write(&mut fr.builtins, builtins);
        }
        fr.code = code;
        fr.pc = 0;
        fr.lasti = 0;
        fr.trace_line = 0;
        fr.trace_lasti = 0;
        fr.locals_map = locals_map;
        fr.func = func;
        fr.func_borrowed = false;
        fr.borrowed = borrowed;
        return Ok(fr);
    }
    Ok(Box::new(Frame {
        code_obj,
        code,
        pc: 0,
        lasti: 0,
        locals: vec![None; n],
        borrowed_args: 0,
        stack: crate::value_stack::ValueStack::with_capacity(stacksize + 1),
        globals,
        builtins,
        locals_map,
        func,
        func_borrowed: false,
        is_gen: false,
        pending_throw: None,
        borrowed,
        on_return: None,
        next_free: FreeLink(std::ptr::null_mut()),
        f_trace: None,
        trace_line: 0,
        trace_lasti: 0,
    }))
}

/// Releases a finished frame's values and keeps the frame for reuse.
fn recycle_frame(mut fr: Box<Frame>) {
    if fr.is_gen {
        return;
    }
    // Dropping values may run `__del__` (and so allocate frames): do it
    // before touching the pool, locals last-first as `Drop for Frame` does.
    // The emptied locals stay in place (all None): `frame_for` reuses them.
    fr.forget_borrowed_args();
    for slot in fr.locals.iter_mut().rev() {
        if let Some(v) = slot.take() {
            drop(v);
        }
    }
    fr.stack.clear();
    // Borrowed copies stay as they are (stale and uncounted, with `borrowed`
    // still set, so dropping the pooled frame forgets them); owned ones are
    // released now.
    if !fr.borrowed {
        fr.release_context();
    }
    if fr.locals_map.is_some() {
        fr.locals_map = None;
    }
    fr.release_func();
    if fr.pending_throw.is_some() {
        fr.pending_throw = None;
    }
    if fr.on_return.is_some() {
        fr.on_return = None;
    }
    if fr.f_trace.is_some() {
        fr.f_trace = None;
    }
    if fr.locals.capacity() > 256 || fr.stack.capacity() > 256 {
        return;
    }
    pool_push(fr);
}

/// Runs module-level (or exec'd) code with the given namespaces.
pub fn run_code(ts: &ThreadState, code_obj: &Value, globals: &Value, locals: Option<&Value>) -> PyResult {
    let builtins = builtins_for(ts, globals);
    let frame = new_frame(code_obj.clone(), globals.clone(), builtins, Some(locals.unwrap_or(globals).clone()), None)?;
    match run(ts, frame)? {
        RunResult::Return(v) => Ok(v),
        RunResult::Yield(v, _) => Ok(v),
    }
}

fn builtins_for(ts: &ThreadState, globals: &Value) -> Value {
    if let Some(g) = globals.downcast::<crate::dict::PyDict>() {
        if let Some(b) = g.get_str("__builtins__") {
            if let Some(m) = b.downcast::<crate::cell::PyModule>() {
                return m.dict.clone();
            }
            if b.downcast::<crate::dict::PyDict>().is_some() {
                return b;
            }
        }
    }
    ts.interp.builtins_dict.clone()
}

/// Calls a Python function object from native code.
pub fn call_function(ts: &ThreadState, func: &Value, args: Args<'_>) -> PyResult {
    let frame = prepare_call(ts, func, args)?;
    if frame.code.flags.has_any(CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) {
        return Ok(crate::generator::new_generator(ts, frame, func));
    }
    match run(ts, frame)? {
        RunResult::Return(v) => Ok(v),
        RunResult::Yield(v, _) => Ok(v),
    }
}

/// Builds the frame for calling `func` with `args`: binds parameters, applies
/// defaults, and reports CPython's argument errors.
pub fn prepare_call(ts: &ThreadState, func: &Value, args: Args<'_>) -> PyResult<Box<Frame>> {
    let Some(f) = func.downcast::<PyFunction>() else { raise!(TypeError, "not a function") };
    let mut frame = function_frame(func, f, Some(func.clone()))?;
    let code = &frame.code;
    let simple = args.kwnames.is_empty()
        && args.args.len() == code.argcount as usize
        && code.kwonlyargcount == 0
        && !code.flags.has_any(CodeFlags::VARARGS | CodeFlags::VARKEYWORDS);
    if simple {
        // Exactly the positional parameters: nothing to check or default.
        for (slot, v) in frame.locals.iter_mut().zip(args.args) {
            *slot = Some(v.clone());
        }
    } else {
        // Borrowed without a lock or a count (`qsbr`): binding runs no
        // Python code and never blocks.
        let guard = crate::qsbr::ReadGuard::new();
        let defaults = f.defaults.read(&guard);
        let kwdefaults = f.kwdefaults.read(&guard);
        let qualname = || crate::str::as_str(&f.attrs.lock().qualname).unwrap_or("?").to_owned();
        bind_args(ts, &mut frame, &qualname, args, defaults.as_deref(), kwdefaults.as_deref())?;
    }
    copy_closure(&mut frame, f);
    Ok(frame)
}

/// Copies `f`'s closure cells into the free-variable slots of its frame.
#[inline]
fn copy_closure(frame: &mut Frame, f: &PyFunction) {
    // Only code with free variables has (and reads) a closure.
    if frame.code_data().n_free == 0 {
        return;
    }
    let guard = crate::qsbr::ReadGuard::new();
    if let Some(cl) = f.closure.read(&guard) {
        if let Some(cells) = crate::seq::tuple_items(&cl) {
            let n = frame.locals.len();
            let nf = cells.len();
            for (i, c) in cells.iter().enumerate() {
                if n >= nf {
                    frame.locals[n - nf + i] = Some(c.clone());
                }
            }
        }
    }
}

/// CALL of a Python function with exactly its positional parameters (the
/// common case): the arguments move from the caller's stack into the new
/// frame's locals, with no binding logic and no reference-count traffic.
/// None when the callee needs the general path.
#[inline]
fn try_fast_call(f: &mut Frame, argc: usize, site: (usize, usize)) -> PyResult<Option<Box<Frame>>> {
    let n = f.stack.len();
    let view = f.stack.at(n - argc - 2);
    let Some(callable) = view.as_ref() else { return Ok(None) };
    if callable.type_ref() != rt().types.function {
        if callable.type_ref() == rt().types.type_ && f.stack.is_null(n - argc - 1) {
            return try_fast_init(f, argc, site);
        }
        return Ok(None);
    }
    let Some(pf) = callable.downcast::<PyFunction>() else { return Ok(None) };
    let has_self = !f.stack.is_null(n - argc - 1);
    let nargs = argc + has_self as usize;
    let Some(mut frame) = exact_positional_frame(callable, pf, nargs)? else { return Ok(None) };
    // Borrowed arguments stay borrowed: the caller's locals hold them
    // until this frame ends (it is no generator).
    frame.borrowed_args = f.stack.move_args_into(n - nargs, &mut frame.locals);
    // The NULL (no self), then the callable, whose count (if it has one)
    // the frame takes over (`function_frame`'s holder).
    if !has_self {
        f.stack.pop_slot();
    }
    (frame.func, frame.func_borrowed) = f.stack.pop_callee();
    Ok(Some(frame))
}

/// The frame for calling `func` (whose payload is `pf`) with exactly its
/// `nargs` positional parameters, its closure copied in and its locals
/// otherwise empty; None when its code takes anything else or is a
/// generator or coroutine. The caller stores the frame's `func` reference
/// (`function_frame`'s holder) and moves the arguments in.
#[inline]
fn exact_positional_frame(func: &Value, pf: &PyFunction, nargs: usize) -> PyResult<Option<Box<Frame>>> {
    let code_val = code_view(pf);
    let Some(pc) = code_val.downcast::<PyCode>() else { return Ok(None) };
    let c = &pc.code;
    if c.argcount as usize != nargs
        || c.kwonlyargcount != 0
        || c.flags.has_any(CodeFlags::VARARGS | CodeFlags::VARKEYWORDS | CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR)
    {
        return Ok(None);
    }
    let n_free = pc.n_free;
    let mut frame = function_frame(func, pf, None)?;
    if n_free != 0 {
        copy_closure(&mut frame, pf);
    }
    Ok(Some(frame))
}

/// `C(args)` with exactly `__init__`'s positional parameters, for a class
/// `try_inline_init` would run inline: the instance is made and the
/// arguments move from the caller's stack into `__init__`'s frame.
#[inline(never)]
fn try_fast_init(f: &mut Frame, argc: usize, site: (usize, usize)) -> PyResult<Option<Box<Frame>>> {
    let n = f.stack.len();
    let view = f.stack.at(n - argc - 2);
    let Some(callable) = view.as_ref() else { return Ok(None) };
    let Some(ty) = TypeRef::from_value(callable) else { return Ok(None) };
    let Some(init) = inline_target(Some(site), ty, || inline_init_of(ty)) else { return Ok(None) };
    let Some(pf) = init.downcast::<PyFunction>() else { return Ok(None) };
    let Some(mut frame) = exact_positional_frame(&init, pf, argc + 1)? else { return Ok(None) };
    let obj = crate::object::alloc(ty, crate::cell::Empty);
    if let Some(dst) = frame.locals.get_mut(1..argc + 1) {
        f.stack.pop_into(dst);
    }
    if let Some(s) = frame.locals.first_mut() {
        *s = Some(obj.clone());
    }
    // The NULL, then the class (maybe a borrowed local).
    f.stack.pop_slot();
    f.stack.pop_discard();
    frame.func = Some(init);
    frame.on_return = Some(OnReturn::Init(obj));
    Ok(Some(frame))
}

fn bind_args(
    ts: &ThreadState,
    frame: &mut Frame,
    qualname: &dyn Fn() -> String,
    args: Args<'_>,
    defaults: Option<&Value>,
    kwdefaults: Option<&Value>,
) -> PyResult<()> {
    let code = frame.code.clone();
    let argcount = code.argcount as usize;
    let posonly = code.posonlyargcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let has_varargs = code.flags.has(CodeFlags::VARARGS);
    let has_varkw = code.flags.has(CodeFlags::VARKEYWORDS);
    let total = argcount + kwonly;
    let pos = args.positional();
    let fname = qualname;

    let npos = pos.len().min(argcount);
    for (i, v) in pos.iter().take(npos).enumerate() {
        frame.locals[i] = Some(v.clone());
    }
    let mut slot = total;
    if has_varargs {
        let extra = if pos.len() > argcount { pos[argcount..].to_vec() } else { Vec::new() };
        frame.locals[slot] = Some(crate::seq::new_tuple(extra));
        slot += 1;
    } else if pos.len() > argcount {
        let ndef = defaults.and_then(crate::seq::tuple_items).map(|d| d.len()).unwrap_or(0);
        let kw_given = args.kwargs().filter(|(k, _)| code.localsplus[argcount..total].iter().any(|n| &**n == *k)).count();
        let takes = if ndef > 0 {
            format!("from {} to {} positional arguments", argcount - ndef, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        let given = if kw_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                pos.len(),
                if pos.len() == 1 { "" } else { "s" },
                kw_given,
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{} {} given", pos.len(), if pos.len() == 1 { "was" } else { "were" })
        };
        raise!(TypeError, "{}() takes {} but {}", fname(), takes, given);
    }
    let kwdict = if has_varkw {
        let d = crate::builtins_init::new_dict();
        frame.locals[slot] = Some(d.clone());
        Some(d)
    } else {
        None
    };
    let mut posonly_passed_as_kw: Vec<String> = Vec::new();
    for (k, v) in args.kwargs() {
        let idx = code.localsplus[..total].iter().position(|n| &**n == k);
        match idx {
            Some(i) if i >= posonly => {
                if frame.locals[i].is_some() {
                    raise!(TypeError, "{}() got multiple values for argument '{}'", fname(), k);
                }
                frame.locals[i] = Some(v.clone());
            }
            other => match &kwdict {
                Some(d) => {
                    let key = crate::str::new_str(k);
                    if let Some(dd) = d.downcast::<crate::dict::PyDict>() {
                        dd.set_str(key, v.clone());
                    }
                }
                None => {
                    if other.is_some() {
                        posonly_passed_as_kw.push(k.to_owned());
                        continue;
                    }
                    let _ = ts;
                    let hint = crate::traceback::did_you_mean(k, code.localsplus[posonly.min(total)..total].iter().map(|n| &**n));
                    raise!(TypeError, "{}() got an unexpected keyword argument '{}'{}", fname(), k, hint);
                }
            },
        }
    }
    if !posonly_passed_as_kw.is_empty() {
        raise!(
            TypeError,
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            fname(),
            posonly_passed_as_kw.join(", ")
        );
    }
    // Defaults for missing positional parameters.
    if npos < argcount {
        let defs = defaults.and_then(crate::seq::tuple_items).unwrap_or(&[]);
        let first_def = argcount - defs.len().min(argcount);
        let mut missing = Vec::new();
        for i in npos..argcount {
            if frame.locals[i].is_none() {
                if i >= first_def {
                    frame.locals[i] = Some(defs[i - first_def].clone());
                } else {
                    missing.push(format!("'{}'", code.localsplus[i]));
                }
            }
        }
        if !missing.is_empty() {
            raise!(
                TypeError,
                "{}() missing {} required positional argument{}: {}",
                fname(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            );
        }
    }
    if kwonly > 0 {
        let mut missing = Vec::new();
        for i in argcount..total {
            if frame.locals[i].is_none() {
                let name = &code.localsplus[i];
                let d = kwdefaults.and_then(|d| d.downcast::<crate::dict::PyDict>()).and_then(|d| d.get_str(name));
                match d {
                    Some(v) => frame.locals[i] = Some(v),
                    None => missing.push(format!("'{name}'")),
                }
            }
        }
        if !missing.is_empty() {
            raise!(
                TypeError,
                "{}() missing {} required keyword-only argument{}: {}",
                fname(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            );
        }
    }
    Ok(())
}

fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// The local slot `i` of frame `f`, unchecked: `new_code` makes every
/// slot an instruction names exist, and a frame's locals keep that length
/// while it runs (`frame_for`, `recycle_frame`).
macro_rules! local {
    ($f:expr, $i:expr) => {{
        let i = $i as usize;
        debug_assert!(i < $f.locals.len());
        // SAFETY: see the macro's comment.
        unsafe { $f.locals.get_unchecked_mut(i) }
    }};
}

/// Entry `i` of one of a code object's operand tables (`consts`, `names`),
/// unchecked: `new_code` pads them to cover every operand.
macro_rules! operand {
    ($table:expr, $i:expr) => {{
        let i = $i as usize;
        debug_assert!(i < $table.len());
        // SAFETY: see the macro's comment.
        unsafe { $table.get_unchecked(i) }
    }};
}

/// Debug builds: local `i` is about to lose its value; a borrowed copy of
/// it still on the stack must not be left as the object's last reference
/// (that would be a hole in the compiler's borrow analysis).
macro_rules! check_unborrowed {
    ($f:expr, $i:expr) => {
        #[cfg(debug_assertions)]
        if let Some(old) = &$f.locals[$i as usize] {
            let last = old.header().is_some_and(|h| !h.never_freed_by_decref() && h.refcount() <= 1);
            assert!(!(last && $f.stack.borrows(old)), "a borrowed copy of local {} outlives its value", $i);
        }
    };
}

/// Local `i` of `f` is about to be replaced or taken (see
/// `Frame::borrowed_args`); one test when the frame has no borrowed ones.
macro_rules! own_local {
    ($f:expr, $i:expr) => {
        if $f.borrowed_args != 0 && $f.borrowed_args.checked_shr($i as u32).is_some_and(|m| m & 1 != 0) {
            $f.own_local($i as usize);
        }
    };
}

macro_rules! pop {
    ($f:expr) => {
        $f.stack.pop_slot().unwrap_or_else(none)
    };
}

macro_rules! top {
    ($f:expr) => {
        $f.stack.top().and_then(crate::value_stack::SlotView::cloned).unwrap_or_else(none)
    };
}

/// Debug builds check, before every instruction, that the stack holds the
/// depth the code's stack-effect table gives there: the release build's
/// value stack pushes and pops unchecked on exactly that invariant (see
/// `value_stack`), so any opcode whose arm disagrees with its table entry
/// fails here, in the tests, instead of overrunning the block.
#[cfg(debug_assertions)]
fn check_stack_depth(pycode: &PyCode, pc: usize, len: usize) {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    type Depths = Arc<Vec<Option<u32>>>;
    static DEPTHS: OnceLock<Mutex<HashMap<u64, Depths>>> = OnceLock::new();
    let table = DEPTHS.get_or_init(Default::default);
    let depths = {
        let mut t = table.lock().unwrap_or_else(|e| e.into_inner());
        t.entry(pycode.serial as u64)
            .or_insert_with(|| match spindle_bytecode::stack_depths(&pycode.code) {
                Ok((_, d)) => Arc::new(d),
                Err(e) => panic!("code object {} fails stack verification: {e:?}", pycode.code.qualname),
            })
            .clone()
    };
    if let Some(Some(d)) = depths.get(pc) {
        assert_eq!(*d as usize, len, "stack depth before instruction {pc} ({:?}) of {}", pycode.code.instructions[pc].op, pycode.code.qualname);
    }
}

/// Runs `frame` (and every Python frame it calls) to completion or to a yield.
pub fn run(ts: &ThreadState, frame: Box<Frame>) -> PyResult<RunResult> {
    ts.check_stack()?;
    let limit = ts.interp.recursion_limit();
    let base_depth = ts.depth.get();
    if base_depth + 1 > limit {
        raise!(RecursionError, "maximum recursion depth exceeded");
    }
    let mut frames = take_frame_stack();
    frames.push(frame);
    ts.depth.set(base_depth + 1);
    crate::frame::push_live(ts, &frames[0]);
    let result = run_loop(ts, &mut frames);
    // Unwind bookkeeping for any frames still on this invocation's stack.
    for _ in 0..frames.len() {
        crate::frame::pop_live(ts);
    }
    ts.depth.set(base_depth);
    give_back_frame_stack(frames);
    result
}

/// A run's frames, innermost last. A plain `Vec` (a `SmallVec` checks
/// where its items live on every push, pop and `last_mut`), reused from
/// `SPARE_STACKS` so a run costs no allocation once warm.
type FrameStack = Vec<Box<Frame>>;

thread_local! {
    /// Empty frame stacks for this thread's next runs (runs nest, one per
    /// native-to-Python call).
    static SPARE_STACKS: std::cell::RefCell<Vec<FrameStack>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn take_frame_stack() -> FrameStack {
    SPARE_STACKS.try_with(|s| s.borrow_mut().pop()).ok().flatten().unwrap_or_else(|| Vec::with_capacity(16))
}

fn give_back_frame_stack(mut frames: FrameStack) {
    // Frames an exception left here drop now, with no borrow held: their
    // locals may run `__del__`, which may run (and so take a stack).
    frames.clear();
    if frames.capacity() > 256 {
        return;
    }
    let _ = SPARE_STACKS.try_with(|s| {
        let mut s = s.borrow_mut();
        if s.len() < 32 {
            s.push(frames);
        }
    });
}

fn run_loop(ts: &ThreadState, frames: &mut FrameStack) -> PyResult<RunResult> {
    loop {
        match execute(ts, frames) {
            Ok(r) => return Ok(r),
            Err(e) => unwind_into(ts, frames, e)?,
        }
    }
}

/// Pushes a callee's frame: the loop continues in it.
#[inline]
fn enter_frame(ts: &ThreadState, frames: &mut FrameStack, fr: Box<Frame>) -> PyResult<()> {
    let depth = ts.depth.get() + 1;
    if depth > ts.interp.recursion_limit() {
        recycle_frame(fr);
        raise!(RecursionError, "maximum recursion depth exceeded");
    }
    ts.depth.set(depth);
    crate::frame::push_live(ts, &fr);
    frames.push(fr);
    Ok(())
}

/// Pops the frame that returned `v` and hands `v` to its caller (through
/// the frame's return hook, whose errors raise in the caller). The run's
/// result once its base frame returned.
#[inline]
fn leave_frame(ts: &ThreadState, frames: &mut FrameStack, v: Value) -> PyResult<Option<RunResult>> {
    crate::frame::pop_live(ts);
    let mut hook = None;
    if let Some(mut fr) = frames.pop() {
        hook = fr.on_return.take();
        recycle_frame(fr);
    }
    ts.depth.set(ts.depth.get() - 1);
    let v = match hook {
        None => v,
        Some(hook) => finish_hook(hook, v)?,
    };
    match frames.last_mut() {
        Some(caller) => {
            caller.stack.push(Some(v));
            Ok(None)
        }
        None => Ok(Some(RunResult::Return(v))),
    }
}

/// What the caller's instruction makes of an inline frame's return value.
#[cold]
fn finish_hook(hook: OnReturn, v: Value) -> PyResult {
    match hook {
        OnReturn::Init(obj) if is_none(&v) => Ok(obj),
        OnReturn::Init(_) => Err(err!(TypeError, "__init__() should return None, not '{}'", ops::type_name(&v))),
        OnReturn::BinaryOp { base, a, b } if v.is(&rt().not_implemented) => Err(crate::arith::unsupported(&a, &b, base as usize, false)),
        OnReturn::BinaryOp { .. } => Ok(v),
    }
}

/// A generator frame yielded: it leaves this run (it is always the base).
fn yield_frame(ts: &ThreadState, frames: &mut FrameStack, v: Value) -> PyResult<RunResult> {
    if frames.len() != 1 || !frames[0].is_gen {
        return Err(err!(SystemError, "yield outside a generator frame"));
    }
    match frames.pop() {
        Some(mut fr) => {
            crate::frame::pop_live(ts);
            ts.depth.set(ts.depth.get() - 1);
            // A suspended frame is not a running one: the collector would
            // not count its deferred slots.
            fr.stack.own_deferred();
            Ok(RunResult::Yield(v, fr))
        }
        None => Ok(RunResult::Return(v)),
    }
}

/// Unwinds `e` through this run's frames to the innermost handler (which
/// then continues); `Err` when no frame of this run handles it.
fn unwind_into(ts: &ThreadState, frames: &mut FrameStack, mut e: PyErr) -> PyResult<()> {
    crate::traceback::chain_context(ts, &e);
    loop {
        let Some(f) = frames.last_mut() else { return Err(e) };
        if !ts.skip_traceback_once.replace(false) {
            crate::traceback::add_traceback(ts, &e, f);
        }
        if ts.hooks_on.get() && f.f_trace.is_some() {
            // The hook's own exception replaces the one being raised.
            let info = crate::seq::new_tuple(vec![e.0.type_ref().to_value(), e.0.clone(), crate::traceback::get_traceback(&e.0)]);
            if let Err(hook_err) = trace_event(ts, f, "exception", &info) {
                e = hook_err;
            }
        }
        if let Some(h) = f.code.handler_for(f.lasti as u32).cloned() {
            f.stack.truncate(h.depth as usize);
            if h.lasti {
                f.stack.push(Some(crate::num::new_int(f.lasti as i64)));
            }
            f.stack.push(Some(e.0.clone()));
            f.pc = h.target as usize;
            return Ok(());
        }
        if ts.hooks_on.get() {
            // The frame ends by the exception: its 'return' event carries None.
            let _ = trace_event(ts, f, "return", &none());
        }
        frames.pop();
        crate::frame::pop_live(ts);
        ts.depth.set(ts.depth.get() - 1);
        if frames.is_empty() {
            return Err(e);
        }
    }
}

/// A call while a hook is set: a builtin function's call is reported to the
/// profile hook as 'c_call', then 'c_return' or 'c_exception'.
#[cold]
fn call_profiled(ts: &ThreadState, callable: &Value, a: Args<'_>) -> PyResult {
    let profile = ts.profile_fn.borrow().clone();
    let native = callable.downcast::<crate::function::NativeFunction>().is_some();
    let Some(p) = profile.filter(|_| native && !ts.in_hook.get()) else { return ops::call_args(ts, callable, a) };
    call_hook(ts, true, &p, "c_call", callable)?;
    let r = ops::call_args(ts, callable, a);
    // The call may have replaced or removed the hook (`sys.setprofile(None)`).
    let after = ts.profile_fn.borrow().clone();
    if let Some(p) = after {
        let event = if r.is_ok() { "c_return" } else { "c_exception" };
        call_hook(ts, true, &p, event, callable)?;
    }
    r
}

/// `sys.settrace` (`profile` false) or `sys.setprofile` for this thread.
pub fn set_hook(ts: &ThreadState, profile: bool, f: Option<Value>) {
    let old = if profile { ts.profile_fn.replace(f) } else { ts.trace_fn.replace(f) };
    ts.hooks_on.set(ts.trace_fn.borrow().is_some() || ts.profile_fn.borrow().is_some());
    drop(old);
}

/// Calls a trace or profile hook with (frame, event, arg); hooks report no
/// events of their own. A hook that raises is removed, as CPython does.
fn call_hook(ts: &ThreadState, profile: bool, hook: &Value, event: &str, arg: &Value) -> PyResult {
    let Some(frame) = crate::frame::frame_object(ts, 0) else { return Ok(none()) };
    ts.in_hook.set(true);
    let r = ops::call(ts, hook, &[frame, crate::str::intern(event), arg.clone()]);
    ts.in_hook.set(false);
    if r.is_err() {
        set_hook(ts, profile, None);
    }
    r
}

/// Reports `event` for the running frame `f`: to the profile hook, and to
/// the frame's local trace function (which the call replaces with what it
/// returns; None stops this frame's tracing).
#[cold]
fn trace_event(ts: &ThreadState, f: &mut Frame, event: &str, arg: &Value) -> PyResult<()> {
    if ts.in_hook.get() {
        return Ok(());
    }
    if event == "call" || event == "return" {
        let p = ts.profile_fn.borrow().clone();
        if let Some(p) = p {
            call_hook(ts, true, &p, event, arg)?;
        }
    }
    let local = if event == "call" { ts.trace_fn.borrow().clone() } else { f.f_trace.clone() };
    if let Some(t) = local {
        let r = call_hook(ts, false, &t, event, arg)?;
        if event != "return" {
            f.f_trace = Some(r).filter(|r| !is_none(r));
        }
    }
    Ok(())
}

/// Before each instruction of a frame with a local trace function: 'line'
/// when it reaches a new line or jumps back into one.
#[cold]
fn trace_step(ts: &ThreadState, f: &mut Frame) -> PyResult<()> {
    if ts.in_hook.get() || f.f_trace.is_none() {
        return Ok(());
    }
    let Some(line) = f.code.line_of(f.lasti) else { return Ok(()) };
    let jumped_back = f.lasti < f.trace_lasti;
    let starts_line = f.lasti == 0 || f.code.line_of(f.lasti - 1) != Some(line);
    f.trace_lasti = f.lasti;
    if line != f.trace_line || (jumped_back && starts_line) {
        f.trace_line = line;
        trace_event(ts, f, "line", &none())?;
    }
    Ok(())
}


/// Executes the run's frames: Python calls and returns switch frames in
/// this loop; it leaves when the base frame returns or yields, or when an
/// exception is raised (the caller unwinds it and calls again).
fn execute(ts: &ThreadState, frames: &mut FrameStack) -> PyResult<RunResult> {
  'frames: loop {
    let Some(top) = frames.last_mut() else { return Ok(RunResult::Return(none())) };
    let fp: *mut Frame = &mut **top;
    // SAFETY: the frame lives in its own heap allocation (a Box that
    // `frames` owns), which stays put while `frames` grows or shrinks;
    // `frames` changes only at a frame switch, after which `f` is never used
    // again (each switch continues 'frames, deriving it anew).
    let f: &mut Frame = unsafe { &mut *fp };
    let code = f.code;
    let all_instrs: &[Instruction] = &code.instructions;
    // SAFETY: execute never replaces f.code_obj, which keeps this PyCode alive.
    let pycode: &PyCode = unsafe { &*(f.code_data() as *const PyCode) };
    if let Some(e) = f.pending_throw.take() {
        f.lasti = f.pc.saturating_sub(1);
        return Err(e);
    }
    // The next instruction's index, kept in a register; `f.pc` is written
    // back only where something reads it: before a frame switch and at a
    // yield (an exception's handler sets `f.pc` itself).
    let mut pc = f.pc;
    // Only a frame with a local trace function reports lines; it gets one
    // at its 'call' event (RESUME). Such a frame fetches from an empty
    // slice, so the fetch's bounds check sends each instruction through the
    // line check at no cost to untraced frames.
    let mut instrs: &[Instruction] = if f.f_trace.is_some() { &[] } else { all_instrs };
    // A Python call: this frame's pc is saved and the callee runs next.
    macro_rules! switch_to {
        ($fr:expr) => {{
            f.pc = pc;
            enter_frame(ts, frames, $fr)?;
            continue 'frames;
        }};
    }
    // LOAD_FAST of local `$local` fused with the plain LOAD_ATTR after it
    // (`fused_attr`): on a hit both are done, the attribute pushed or its
    // property getter running (a traceback points at the LOAD_ATTR).
    macro_rules! try_fused_attr {
        ($local:expr) => {
            match fused_attr(f, instrs, pc, pycode, $local) {
                Fused::No => {}
                Fused::Value(v) => {
                    f.stack.push(Some(v));
                    pc += 1;
                    continue;
                }
                Fused::Getter(g) => {
                    if let Some(fr) = getter_frame(f, $local, g)? {
                        f.lasti = pc;
                        pc += 1;
                        switch_to!(fr);
                    }
                }
            }
        };
    }
    loop {
        let ins = match instrs.get(pc) {
            Some(&ins) => ins,
            None => {
                f.lasti = pc;
                if f.f_trace.is_some() {
                    trace_step(ts, f)?;
                }
                if f.f_trace.is_none() {
                    instrs = all_instrs;
                }
                match all_instrs.get(pc) {
                    Some(&ins) => ins,
                    None => raise!(SystemError, "instruction index out of range"),
                }
            }
        };
        f.lasti = pc;
        #[cfg(debug_assertions)]
        check_stack_depth(pycode, pc, f.stack.len());
        #[cfg(debug_assertions)]
        for (i, w) in f.stack.borrowed_words() {
            assert!(
                f.locals.iter().flatten().any(|v| v.bits() == w),
                "borrowed slot {i} of {} at {pc} ({:?}) is held by no local",
                pycode.code.qualname,
                ins.op
            );
        }
        pc += 1;
        let arg = ins.arg;
        match ins.op {
            Opcode::Nop => {}
            Opcode::Resume => {
                crate::interp_hooks::eval_breaker(ts)?;
                if ts.hooks_on.get() {
                    // 'call' at a frame's start and at a generator's resumption.
                    trace_event(ts, f, "call", &none())?;
                    f.trace_lasti = f.lasti;
                    instrs = if f.f_trace.is_some() { &[] } else { all_instrs };
                }
            }
            Opcode::PopTop => {
                f.stack.pop_slot();
            }
            Opcode::PushNull => f.stack.push(None),
            Opcode::Copy => {
                let v = f.stack.peek_cloned(arg as usize);
                f.stack.push(v);
            }
            Opcode::Swap => f.stack.swap_top(arg as usize),
            Opcode::LoadConst => {
                let v = operand!(pycode.consts, arg).clone();
                f.stack.push(Some(v));
            }
            // The operand is below 256: always an immediate int.
            Opcode::LoadSmallInt => f.stack.push(Value::small_int(arg as i64)),
            Opcode::LoadCommonConstant => {
                let r = rt();
                let v = match arg {
                    0 => r.exc.AssertionError.to_value(),
                    1 => r.exc.NotImplementedError.to_value(),
                    2 => r.types.tuple.to_value(),
                    3 => load_builtin(f, "all")?,
                    _ => load_builtin(f, "any")?,
                };
                f.stack.push(Some(v));
            }
            Opcode::LoadName => {
                let name = pycode.names[arg as usize].clone();
                let v = load_name(ts, f, &name)?;
                f.stack.push(Some(v));
            }
            Opcode::StoreName => {
                let name = pycode.names[arg as usize].clone();
                let v = pop!(f);
                match &f.locals_map {
                    Some(m) => store_mapping(ts, m, name, v)?,
                    None => raise!(SystemError, "no locals found when storing {}", crate::str::as_str(&name).unwrap_or("")),
                }
            }
            Opcode::DeleteName => {
                let name = pycode.names[arg as usize].clone();
                let ok = match &f.locals_map {
                    Some(m) => match m.downcast::<crate::dict::PyDict>() {
                        Some(d) if m.type_ref() == rt().types.dict => d.remove_str(crate::str::as_str(&name).unwrap_or("")).is_some(),
                        _ => ops::delitem(ts, m, &name).is_ok(),
                    },
                    None => false,
                };
                if !ok {
                    raise!(NameError, "name '{}' is not defined", crate::str::as_str(&name).unwrap_or(""));
                }
            }
            Opcode::LoadGlobal => {
                let name = operand!(pycode.names, arg >> 1);
                if arg & 1 == 1 {
                    push_global_shared(f, pycode.serial, name)?;
                    f.stack.push(None);
                } else if let Some(&next) = instrs.get(pc).filter(|next| next.op == Opcode::LoadAttr) {
                    // `module.name`: the module goes uncounted too, and the
                    // LOAD_ATTR is done here, reading it in place
                    // (`deferred_owner_attr`); else it runs as usual on an
                    // owner with a count.
                    push_global_owner(f, pycode.serial, name)?;
                    if f.stack.top_is_deferred() {
                        let attr = operand!(pycode.names, next.arg >> 1);
                        f.lasti = pc;
                        if deferred_owner_attr(f, pycode.serial, attr, next.arg & 1 == 1) {
                            pc += 1;
                        }
                    }
                } else {
                    let v = load_global_cached(f, pycode.serial, name)?;
                    f.stack.push(Some(v));
                }
            }
            Opcode::StoreGlobal => {
                let name = pycode.names[arg as usize].clone();
                let v = pop!(f);
                if let Some(g) = f.globals.downcast::<crate::dict::PyDict>() {
                    g.set_str(name, v);
                }
            }
            Opcode::DeleteGlobal => {
                let name = pycode.names[arg as usize].clone();
                let s = crate::str::as_str(&name).unwrap_or("");
                let removed = f.globals.downcast::<crate::dict::PyDict>().and_then(|g| g.remove_str(s));
                if removed.is_none() {
                    raise!(NameError, "name '{}' is not defined", s);
                }
            }
            Opcode::LoadFast => {
                // `x.name` of a local: read through the local itself, not a
                // counted copy on the stack (when `x` is shared by threads,
                // its count is a contended cache line). Only for lookups the
                // attribute cache resolves without running Python code, so
                // nothing can rebind the local meanwhile; never in a traced
                // frame (`instrs` is empty there), whose line events would
                // skip the LOAD_ATTR.
                try_fused_attr!(arg as usize);
                let v = local!(f, arg).clone();
                f.stack.push(Some(v.unwrap_or_else(none)));
            }
            // (Never followed by a plain LOAD_ATTR, which is no consumer of
            // a borrowed load: `fused_attr` has nothing to do here.)
            Opcode::LoadFastBorrow => push_local_borrowed(f, arg as usize),
            Opcode::LoadFastBorrowLoadFastBorrow => {
                push_local_borrowed(f, (arg >> 4) as usize);
                push_local_borrowed(f, (arg & 15) as usize);
            }
            Opcode::LoadFastLoadFastBorrow => {
                let a = local!(f, arg >> 4).clone().unwrap_or_else(none);
                f.stack.push(Some(a));
                push_local_borrowed(f, (arg & 15) as usize);
            }
            Opcode::LoadFastBorrowLoadFast => {
                push_local_borrowed(f, (arg >> 4) as usize);
                let b = local!(f, arg & 15).clone().unwrap_or_else(none);
                f.stack.push(Some(b));
            }
            Opcode::LoadFastCheck => match local!(f, arg).clone() {
                Some(v) => f.stack.push(Some(v)),
                None => return Err(unbound_local(f, arg as usize)),
            },
            Opcode::StoreFast => {
                let v = pop!(f);
                own_local!(f, arg);
                check_unborrowed!(f, arg);
                *local!(f, arg) = Some(v);
            }
            Opcode::LoadFastLoadFast => {
                let a = local!(f, arg >> 4).clone().unwrap_or_else(none);
                f.stack.push(Some(a));
                // The second local's `.name` read through it (as LOAD_FAST).
                try_fused_attr!((arg & 15) as usize);
                let b = local!(f, arg & 15).clone().unwrap_or_else(none);
                f.stack.push(Some(b));
            }
            Opcode::StoreFastLoadFast => {
                let v = pop!(f);
                own_local!(f, arg >> 4);
                check_unborrowed!(f, arg >> 4);
                // The old value drops after the load: its `__del__` may run.
                let old = std::mem::replace(local!(f, arg >> 4), Some(v));
                let b = local!(f, arg & 15).clone().unwrap_or_else(none);
                f.stack.push(Some(b));
                drop(old);
            }
            Opcode::StoreFastStoreFast => {
                let v = pop!(f);
                own_local!(f, arg >> 4);
                check_unborrowed!(f, arg >> 4);
                *local!(f, arg >> 4) = Some(v);
                let w = pop!(f);
                own_local!(f, arg & 15);
                check_unborrowed!(f, arg & 15);
                *local!(f, arg & 15) = Some(w);
            }
            Opcode::DeleteFast => {
                own_local!(f, arg);
                check_unborrowed!(f, arg);
                if f.locals[arg as usize].take().is_none() {
                    return Err(unbound_local(f, arg as usize));
                }
            }
            // [comprehension inlining, PEP 709] save/restore of hidden locals.
            Opcode::LoadFastAndClear => {
                own_local!(f, arg);
                let v = f.locals[arg as usize].take();
                f.stack.push(v);
            }
            Opcode::StoreFastMaybeNull => {
                let v = f.stack.pop().flatten();
                own_local!(f, arg);
                check_unborrowed!(f, arg);
                f.locals[arg as usize] = v;
            }
            // [end comprehension inlining]
            Opcode::MakeCell => {
                let i = arg as usize;
                own_local!(f, i);
                let init = f.locals[i].take();
                f.locals[i] = Some(crate::object::alloc(rt().types.cell, PyCell::new(init)));
            }
            Opcode::CopyFreeVars => {
                // prepare_call already copied the closure cells into the free slots.
            }
            Opcode::LoadDeref => {
                let v = cell_get(f, arg as usize)?;
                f.stack.push(Some(v));
            }
            Opcode::StoreDeref => {
                let v = pop!(f);
                cell_set(f, arg as usize, Some(v));
            }
            Opcode::DeleteDeref => {
                cell_get(f, arg as usize)?;
                cell_set(f, arg as usize, None);
            }
            Opcode::LoadFromDictOrDeref => {
                let mapping = pop!(f);
                let name = pycode.local_names[arg as usize].clone();
                let v = match mapping_get(ts, &mapping, &name)? {
                    Some(v) => v,
                    None => cell_get(f, arg as usize)?,
                };
                f.stack.push(Some(v));
            }
            Opcode::LoadFromDictOrGlobals => {
                let mapping = pop!(f);
                let name = pycode.names[arg as usize].clone();
                let v = match mapping_get(ts, &mapping, &name)? {
                    Some(v) => v,
                    None => load_global(f, &name)?,
                };
                f.stack.push(Some(v));
            }
            Opcode::LoadLocals => match &f.locals_map {
                Some(m) => f.stack.push(Some(m.clone())),
                None => raise!(SystemError, "no locals found"),
            },
            Opcode::LoadAttr if arg & 1 == 1 => {
                // The method form: a borrowed owner stays borrowed as `self`.
                let name = operand!(pycode.names, arg >> 1);
                let owner = f.stack.pop_ref();
                load_method_ref(ts, f, pycode.serial, name, owner)?;
            }
            Opcode::LoadAttr => {
                let name = operand!(pycode.names, arg >> 1);
                let owner = pop!(f);
                if let Some(fr) = load_attr(ts, f, pycode.serial, name, owner, false)? {
                    switch_to!(fr);
                }
            }
            Opcode::StoreAttr => {
                let name = operand!(pycode.names, arg);
                let owner = pop!(f);
                let v = pop!(f);
                store_attr(ts, f.lasti, pycode.serial, name, owner, v)?;
            }
            Opcode::DeleteAttr => {
                let name = pycode.names[arg as usize].clone();
                let owner = pop!(f);
                ops::setattr(ts, &owner, &name, None)?;
            }
            Opcode::UnaryNegative => {
                let v = pop!(f);
                f.stack.push(Some(crate::arith::unary(ts, &v, crate::arith::Unary::Neg)?));
            }
            Opcode::UnaryInvert => {
                let v = pop!(f);
                f.stack.push(Some(crate::arith::unary(ts, &v, crate::arith::Unary::Invert)?));
            }
            Opcode::UnaryNot => {
                let v = pop!(f);
                f.stack.push(Some(new_bool(!ops::is_true(ts, &v)?)));
            }
            Opcode::ToBool => {
                // A bool (what comparisons give) is its own truth value.
                let r = rt();
                let is_bool = f.stack.top().is_some_and(|v| matches!(&*v, Some(v) if v.is(&r.true_) || v.is(&r.false_)));
                if !is_bool {
                    let v = pop!(f);
                    f.stack.push(Some(new_bool(ops::is_true(ts, &v)?)));
                }
            }
            Opcode::BinaryOp if arg == 26 => {
                // `a[b]` only reads its operands: borrowed ones stay uncounted.
                let (b, a) = (f.stack.pop_ref(), f.stack.pop_ref());
                let (a, b): (&Value, &Value) = (&a, &b);
                let r = match subscript_fast(a, b) {
                    Some(v) => v,
                    None => match (a.type_ref() == rt().types.list, a.downcast::<crate::seq::PyList>(), b.downcast::<crate::cell::PySlice>()) {
                        // An exact list by a slice: straight to the list's
                        // slicing, past the `__getitem__` dispatch.
                        (true, Some(l), Some(sl)) => crate::builtins_init::containers::list_slice(ts, l, sl)?,
                        _ => ops::getitem(ts, a, b)?,
                    },
                };
                f.stack.push(Some(r));
            }
            Opcode::BinaryOp => {
                let mut b = pop!(f);
                let mut a = pop!(f);
                if arg < 26 {
                    match crate::arith::float_binary_consume(a, b, (arg % 13) as usize) {
                        Ok(r) => {
                            f.stack.push(Some(r));
                            continue;
                        }
                        Err((x, y)) => (a, b) = (x, y),
                    }
                    if let Some(v) = crate::arith::small_int_add_sub_mul(&a, &b, arg) {
                        f.stack.push(Some(v));
                        // Both are small ints, which own no count: nothing
                        // to drop (the compiler would call the drop out of
                        // line here).
                        std::mem::forget((a, b));
                        continue;
                    }
                }
                let fast = if arg < 26 { crate::arith::fast_binary(&a, &b, (arg % 13) as usize) } else { None };
                let r = match fast {
                    Some(r) => r,
                    None => match binary_slow(ts, a, b, arg, (pycode.serial, f.lasti))? {
                        Inline::Value(v) => v,
                        Inline::Frame(fr) => switch_to!(fr),
                    },
                };
                f.stack.push(Some(r));
            }
            Opcode::BinarySlice => {
                let stop = pop!(f);
                let start = pop!(f);
                let container = pop!(f);
                if let Some(v) = list_slice_fast(&container, &start, &stop) {
                    f.stack.push(Some(v));
                    continue;
                }
                let s = crate::builtins_init::new_slice(start, stop, none());
                f.stack.push(Some(ops::getitem(ts, &container, &s)?));
            }
            Opcode::StoreSubscr => {
                // The container is only read: a borrowed one stays uncounted
                // (the compiler borrows nothing else here).
                let sub = pop!(f);
                let container = f.stack.pop_ref();
                let v = pop!(f);
                match store_subscript_fast(&container, &sub, v) {
                    Ok(old) => drop(old),
                    Err(v) => ops::setitem(ts, &container, &sub, v)?,
                }
            }
            Opcode::StoreSlice => {
                let stop = pop!(f);
                let start = pop!(f);
                let container = pop!(f);
                let v = pop!(f);
                let s = crate::builtins_init::new_slice(start, stop, none());
                match (container.type_ref() == rt().types.list, container.downcast::<crate::seq::PyList>(), s.downcast::<crate::cell::PySlice>()) {
                    (true, Some(l), Some(sl)) => {
                        crate::builtins_init::containers::list_slice_assign(ts, l, sl, &v)?;
                    }
                    _ => ops::setitem(ts, &container, &s, v)?,
                }
            }
            Opcode::DeleteSubscr => {
                let sub = pop!(f);
                let container = pop!(f);
                ops::delitem(ts, &container, &sub)?;
            }
            Opcode::CompareOp => {
                let b = pop!(f);
                let a = pop!(f);
                let op = CmpOp::from_code(arg);
                let known = match (a.as_small_int(), b.as_small_int()) {
                    (Some(x), Some(y)) => Some(op.apply(&x, &y)),
                    _ => match (crate::num::float_value(&a), crate::num::float_value(&b)) {
                        (Some(x), Some(y)) if a.type_ref() == rt().types.float && b.type_ref() == rt().types.float => Some(op.apply(&x, &y)),
                        _ => None,
                    },
                };
                let r = match known {
                    Some(t) => {
                        // A conditional jump right after takes the bool
                        // without it being pushed, popped and tested. Not
                        // while tracing (`instrs` is empty then), so the
                        // jump still gets its own line check.
                        if let Some(next) = instrs.get(pc) {
                            let jump = match next.op {
                                Opcode::PopJumpIfFalse => Some(!t),
                                Opcode::PopJumpIfTrue => Some(t),
                                _ => None,
                            };
                            if let Some(taken) = jump {
                                pc = if taken { next.arg as usize } else { pc + 1 };
                                continue;
                            }
                        }
                        new_bool(t)
                    }
                    None => ops::rich_compare(ts, &a, &b, op)?,
                };
                f.stack.push(Some(r));
            }
            Opcode::IsOp => {
                let b = f.stack.pop_ref();
                let a = f.stack.pop_ref();
                let same = a.is(&b);
                f.stack.push(Some(new_bool(same != (arg == 1))));
            }
            Opcode::ContainsOp => {
                let b = f.stack.pop_ref();
                let a = f.stack.pop_ref();
                let r = ops::contains(ts, &b, &a)?;
                f.stack.push(Some(new_bool(r != (arg == 1))));
            }
            Opcode::BuildTuple => {
                let items = pop_n(f, arg as usize);
                f.stack.push(Some(crate::seq::new_tuple(items)));
            }
            Opcode::BuildList => {
                let items = pop_n(f, arg as usize);
                f.stack.push(Some(crate::seq::new_list(items)));
            }
            Opcode::BuildSet => {
                let items = pop_n(f, arg as usize);
                let s = crate::builtins_init::new_set(ts, items)?;
                f.stack.push(Some(s));
            }
            Opcode::BuildMap => {
                let items = pop_n(f, 2 * arg as usize);
                let d = crate::builtins_init::new_dict();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    crate::builtins_init::dict_set(ts, &d, k, v)?;
                }
                f.stack.push(Some(d));
            }
            Opcode::BuildString => {
                let items = pop_n(f, arg as usize);
                f.stack.push(Some(crate::str::concat(&items)));
            }
            Opcode::BuildSlice => {
                let mut items = pop_n(f, arg as usize);
                let step = if items.len() == 3 { items.pop().unwrap_or_else(none) } else { none() };
                let stop = items.pop().unwrap_or_else(none);
                let start = items.pop().unwrap_or_else(none);
                f.stack.push(Some(crate::builtins_init::new_slice(start, stop, step)));
            }
            Opcode::BuildTemplate | Opcode::BuildInterpolation => {
                let v = crate::builtins_init::build_template(ts, f, ins.op, arg)?;
                f.stack.push(Some(v));
            }
            Opcode::ListAppend => {
                let v = pop!(f);
                let target = peek(f, arg as usize);
                if let Some(l) = target.downcast::<crate::seq::PyList>() {
                    l.push(v);
                }
            }
            Opcode::SetAdd => {
                let v = pop!(f);
                let target = peek(f, arg as usize);
                crate::builtins_init::set_add(ts, &target, v)?;
            }
            Opcode::MapAdd => {
                let v = pop!(f);
                let k = pop!(f);
                let target = peek(f, arg as usize);
                crate::builtins_init::dict_set(ts, &target, k, v)?;
            }
            Opcode::ListExtend => {
                let it = pop!(f);
                let target = peek(f, arg as usize);
                let items = match ops::collect(ts, &it) {
                    Ok(v) => v,
                    Err(e) if e.is_instance(rt().exc.TypeError) && !has_iter(&it) => {
                        raise!(TypeError, "Value after * must be an iterable, not {}", ops::type_name(&it))
                    }
                    Err(e) => return Err(e),
                };
                if let Some(l) = target.downcast::<crate::seq::PyList>() {
                    l.items.lock().extend(items);
                }
            }
            Opcode::SetUpdate => {
                let it = pop!(f);
                let target = peek(f, arg as usize);
                crate::builtins_init::containers::set_update_from(ts, &target, &it)?;
            }
            Opcode::DictUpdate => {
                let m = pop!(f);
                let target = peek(f, arg as usize);
                if m.type_ref().lookup_static("keys").is_none() {
                    raise!(TypeError, "'{}' object is not a mapping", ops::type_name(&m));
                }
                crate::builtins_init::dict_update(ts, &target, &m)?;
            }
            Opcode::DictMerge => {
                let m = pop!(f);
                let target = peek(f, arg as usize);
                let func = peek(f, arg as usize + 3);
                crate::builtins_init::dict_merge_kwargs(ts, &target, &m, &func)?;
            }
            Opcode::UnpackSequence => {
                let seq = pop!(f);
                if unpack_exact(&mut f.stack, &seq, arg as usize) {
                    continue;
                }
                let items = unpack_iterable(ts, &seq, arg as usize)?;
                for v in items.into_iter().rev() {
                    f.stack.push(Some(v));
                }
            }
            Opcode::UnpackEx => {
                let seq = pop!(f);
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                let items = collect_for_unpack(ts, &seq)?;
                if items.len() < before + after {
                    raise!(
                        ValueError,
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    );
                }
                let mid_end = items.len() - after;
                let mut out: Vec<Value> = Vec::new();
                out.extend(items[..before].iter().cloned());
                out.push(crate::seq::new_list(items[before..mid_end].to_vec()));
                out.extend(items[mid_end..].iter().cloned());
                for v in out.into_iter().rev() {
                    f.stack.push(Some(v));
                }
            }
            Opcode::JumpForward | Opcode::JumpBackwardNoInterrupt => pc = arg as usize,
            Opcode::JumpBackward => {
                pc = arg as usize;
                crate::interp_hooks::eval_breaker(ts)?;
            }
            Opcode::PopJumpIfFalse => {
                let v = &pop!(f);
                if !truth(ts, v)? {
                    pc = arg as usize;
                }
            }
            Opcode::PopJumpIfTrue => {
                let v = &pop!(f);
                if truth(ts, v)? {
                    pc = arg as usize;
                }
            }
            Opcode::PopJumpIfNone => {
                let v = &pop!(f);
                if is_none(v) {
                    pc = arg as usize;
                }
            }
            Opcode::PopJumpIfNotNone => {
                let v = &pop!(f);
                if !is_none(v) {
                    pc = arg as usize;
                }
            }
            Opcode::GetIter => {
                let v = f.stack.pop_ref();
                f.stack.push(Some(ops::iter(ts, &v)?));
            }
            Opcode::ForIter => {
                // The iterator stays on the stack meanwhile, so it is borrowed.
                let next = match f.stack.top_owned() {
                    Some(it) => for_iter_next(ts, it)?,
                    _ => raise!(SystemError, "FOR_ITER without an iterator"),
                };
                match next {
                    Some(v) => f.stack.push(Some(v)),
                    None => pc = arg as usize,
                }
            }
            Opcode::PopIter => {
                f.stack.pop();
            }
            Opcode::GetYieldFromIter => {
                let v = pop!(f);
                let t = v.type_ref();
                let r = rt();
                if t == r.types.coroutine && !f.code.flags.has_any(CodeFlags::COROUTINE | CodeFlags::ITERABLE_COROUTINE) {
                    raise!(TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
                }
                if t == r.types.generator || t == r.types.coroutine {
                    f.stack.push(Some(v));
                } else {
                    f.stack.push(Some(ops::iter(ts, &v)?));
                }
            }
            Opcode::GetAwaitable => {
                let v = pop!(f);
                f.stack.push(Some(crate::generator::get_awaitable(ts, &v, arg)?));
            }
            Opcode::GetAiter => {
                let v = pop!(f);
                match ops::call_dunder(ts, &v, "__aiter__", &[])? {
                    Some(r) => f.stack.push(Some(r)),
                    None => raise!(
                        TypeError,
                        "'async for' requires an object with __aiter__ method, got {}",
                        ops::type_name(&v)
                    ),
                }
            }
            Opcode::GetAnext => {
                let ait = top!(f);
                let Some(a) = ops::call_dunder(ts, &ait, "__anext__", &[])? else {
                    raise!(
                        TypeError,
                        "'async for' requires an iterator with __anext__ method, got {}",
                        ops::type_name(&ait)
                    )
                };
                f.stack.push(Some(crate::generator::get_awaitable(ts, &a, 0)?));
            }
            Opcode::EndAsyncFor => {
                let exc = pop!(f);
                if exc.type_ref().is_subtype(rt().exc.StopAsyncIteration) {
                    f.stack.pop();
                } else {
                    return Err(PyErr(exc));
                }
            }
            Opcode::ReturnValue => {
                let v = pop!(f);
                if ts.hooks_on.get() {
                    trace_event(ts, f, "return", &v)?;
                }
                match leave_frame(ts, frames, v)? {
                    Some(r) => return Ok(r),
                    None => continue 'frames,
                }
            }
            Opcode::ReturnGenerator => {
                // Handled by call_function / the CALL path before the frame runs.
                f.stack.push(Some(none()));
            }
            Opcode::YieldValue => {
                let v = pop!(f);
                f.pc = pc;
                if ts.hooks_on.get() {
                    // A yield reports as a 'return' of the yielded value.
                    trace_event(ts, f, "return", &v)?;
                }
                return yield_frame(ts, frames, v);
            }
            Opcode::Send => {
                let v = pop!(f);
                let receiver = top!(f);
                match crate::generator::send_to(ts, &receiver, v)? {
                    crate::generator::SendResult::Yielded(y) => f.stack.push(Some(y)),
                    crate::generator::SendResult::Returned(r) => {
                        f.stack.push(Some(r));
                        pc = arg as usize;
                    }
                }
            }
            Opcode::EndSend => {
                let v = pop!(f);
                f.stack.pop();
                f.stack.push(Some(v));
            }
            Opcode::CleanupThrow => {
                let exc = pop!(f);
                f.stack.pop();
                f.stack.pop();
                if exc.type_ref().is_subtype(rt().exc.StopIteration) {
                    let val = ops::getattr_str(ts, &exc, "value")?;
                    f.stack.push(Some(none()));
                    f.stack.push(Some(val));
                } else {
                    return Err(PyErr(exc));
                }
            }
            Opcode::RaiseVarargs => {
                let cause = if arg == 2 { Some(pop!(f)) } else { None };
                let exc = if arg >= 1 { Some(pop!(f)) } else { None };
                return Err(crate::traceback::make_raise(ts, exc, cause)?);
            }
            Opcode::Reraise => {
                let exc = pop!(f);
                // The saved lasti (operand != 0) only matters for the traceback line,
                // which this frame already contributed; the handler lookup must use
                // this RERAISE's own position, or the handler would catch itself.
                ts.skip_traceback_once.set(true);
                return Err(PyErr(exc));
            }
            Opcode::PushExcInfo => {
                let exc = pop!(f);
                let prev = ts.exc_stack.borrow().last().cloned().flatten();
                f.stack.push(Some(prev.unwrap_or_else(none)));
                ts.exc_stack.borrow_mut().push(Some(exc.clone()));
                f.stack.push(Some(exc));
            }
            Opcode::PopExcept => {
                f.stack.pop();
                ts.exc_stack.borrow_mut().pop();
            }
            Opcode::CheckExcMatch => {
                let ty = pop!(f);
                let exc = top!(f);
                f.stack.push(Some(new_bool(crate::builtins_init::exception_matches(ts, &exc, &ty)?)));
            }
            Opcode::CheckEgMatch => {
                let ty = pop!(f);
                let exc = pop!(f);
                let (rest, matched) = crate::builtins_init::exception_group_match(ts, &exc, &ty)?;
                if !is_none(&matched) {
                    if let Some(top) = ts.exc_stack.borrow_mut().last_mut() {
                        *top = Some(matched.clone());
                    }
                }
                f.stack.push(Some(rest));
                f.stack.push(Some(matched));
            }
            Opcode::WithExceptStart => {
                let n = f.stack.len();
                let val = top!(f);
                let exit_self = f.stack.get(n.wrapping_sub(4)).and_then(crate::value_stack::SlotView::cloned);
                let exit_func = f.stack.get(n.wrapping_sub(5)).and_then(crate::value_stack::SlotView::cloned).unwrap_or_else(none);
                let tb = crate::traceback::get_traceback(&val);
                let mut args = Vec::new();
                if let Some(s) = exit_self {
                    args.push(s);
                }
                args.push(val.type_ref().to_value());
                args.push(val);
                args.push(tb);
                let r = ops::call(ts, &exit_func, &args)?;
                f.stack.push(Some(r));
            }
            Opcode::LoadSpecial => {
                let owner = pop!(f);
                let name = ["__enter__", "__exit__", "__aenter__", "__aexit__"][(arg as usize).min(3)];
                let ty = owner.type_ref();
                match ty.lookup(name) {
                    Some(m) => {
                        if m.type_ref() == rt().types.function || rt().types.is_method_descriptor(m.type_ref()) {
                            f.stack.push(Some(m));
                            f.stack.push(Some(owner));
                        } else {
                            let b = ops::descr_get(ts, m, Some(&owner), ty)?;
                            f.stack.push(Some(b));
                            f.stack.push(None);
                        }
                    }
                    None => {
                        let asy = arg >= 2;
                        let (o1, o2) = if asy { ("__enter__", "__exit__") } else { ("__aenter__", "__aexit__") };
                        let hint = match ty.lookup(o1).is_some() && ty.lookup(o2).is_some() {
                            true if asy => " but it supports the context manager protocol. Did you mean to use 'with'?",
                            true => " but it supports the asynchronous context manager protocol. Did you mean to use 'async with'?",
                            false => "",
                        };
                        let a = if asy { "asynchronous " } else { "" };
                        let tn = crate::class::fully_qualified_name(ty);
                        raise!(TypeError, "'{tn}' object does not support the {a}context manager protocol (missed {name} method){hint}")
                    }
                }
            }
            Opcode::LoadBuildClass => {
                let v = load_builtin(f, "__build_class__")
                    .map_err(|_| err!(NameError, "__build_class__ not found"))?;
                f.stack.push(Some(v));
            }
            Opcode::MakeFunction => {
                let code_obj = pop!(f);
                f.stack.push(Some(make_function(f, code_obj)?));
            }
            Opcode::SetFunctionAttribute => {
                let func = pop!(f);
                let attr = pop!(f);
                if let Some(pf) = func.downcast::<PyFunction>() {
                    match arg {
                        0x01 => pf.defaults.set(Some(attr)),
                        0x02 => pf.kwdefaults.set(Some(attr)),
                        0x04 => pf.attrs.lock().annotations = Some(attr),
                        0x08 => pf.closure.set(Some(attr)),
                        _ => pf.attrs.lock().annotate = Some(attr),
                    }
                }
                f.stack.push(Some(func));
            }
            Opcode::Call | Opcode::CallKw => {
                let argc = arg as usize;
                if f.stack.len() < argc + 2 + (ins.op == Opcode::CallKw) as usize {
                    raise!(SystemError, "stack underflow in CALL");
                }
                if ins.op == Opcode::Call {
                    if let Some(fr) = try_fast_call(f, argc, (pycode.serial, f.lasti))? {
                        switch_to!(fr);
                    }
                }
                let kwnames = if ins.op == Opcode::CallKw { Some(pop!(f)) } else { None };
                let n = f.stack.len();
                // Stack: callable, self-or-NULL, args, read in place (the
                // borrowed ones untagged until the truncate below).
                let borrows = f.stack.untag_from(n - argc - 2);
                if ins.op == Opcode::Call && f.stack.is_null(n - argc - 1) {
                    let is_range = f.stack.at(n - argc - 2).as_ref().is_some_and(|c| c.bits() == rt().types.range.ptr());
                    if is_range {
                        if let Some(r) = crate::builtins_init::containers::range_of_small_ints(f.stack.slice_from(n - argc)) {
                            f.stack.truncate_borrowed(borrows);
                            f.stack.push(Some(r));
                            continue;
                        }
                    }
                }
                let kw: &[Value] = match &kwnames {
                    Some(k) => crate::seq::tuple_items(k).unwrap_or(&[]),
                    None => &[],
                };
                let slots = f.stack.slice_from(n - argc - 2);
                let callable = slots[0].as_ref().unwrap_or(rt().none_ref());
                // With a self, self and the args are one contiguous run of
                // arguments.
                let args = if slots[1].is_some() { &slots[1..] } else { &slots[2..] };
                let outcome = match as_values(args) {
                    Some(args) => {
                        let a = Args { args, kwnames: kw };
                        match try_inline_call(ts, callable, a, Some((pycode.serial, f.lasti))) {
                            Ok(None) if ts.hooks_on.get() => call_profiled(ts, callable, a).map(Inline::Value),
                            Ok(None) => ops::call_args(ts, callable, a).map(Inline::Value),
                            Ok(Some(x)) => Ok(x),
                            Err(e) => Err(e),
                        }
                    }
                    None => Err(err!(SystemError, "NULL argument in CALL")),
                };
                f.stack.truncate_borrowed(borrows);
                match outcome? {
                    Inline::Frame(fr) => switch_to!(fr),
                    Inline::Value(v) => f.stack.push(Some(v)),
                }
            }
            Opcode::CallFunctionEx => {
                let kwargs = f.stack.pop().flatten();
                let callargs = pop!(f);
                let self_or_null = f.stack.pop().flatten();
                // Counted: a deferred callable (LOAD_GLOBAL) must not live
                // uncounted outside the stack while `*args` runs code.
                let callable = f.stack.pop().flatten().unwrap_or_else(none);
                let mut args: Vec<Value> = Vec::new();
                if let Some(s) = self_or_null {
                    args.push(s);
                }
                match crate::seq::tuple_items(&callargs) {
                    Some(items) => args.extend_from_slice(items),
                    None => {
                        if !has_iter(&callargs) {
                            raise!(
                                TypeError,
                                "{} argument after * must be an iterable, not {}",
                                ops::function_str(ts, &callable),
                                ops::type_name(&callargs)
                            );
                        }
                        args.extend(ops::collect(ts, &callargs)?);
                    }
                }
                let mut names = Vec::new();
                if let Some(kw) = kwargs {
                    let items = crate::builtins_init::mapping_items(ts, &kw)?;
                    for (k, v) in items {
                        names.push(k);
                        args.push(v);
                    }
                }
                let a = Args { args: &args, kwnames: &names };
                match try_inline_call(ts, &callable, a, None)? {
                    Some(Inline::Frame(fr)) => switch_to!(fr),
                    Some(Inline::Value(v)) => f.stack.push(Some(v)),
                    None => {
                        let r = ops::call_args(ts, &callable, a)?;
                        f.stack.push(Some(r));
                    }
                }
            }
            Opcode::CallIntrinsic1 => {
                let v = pop!(f);
                f.stack.push(Some(crate::intrinsics::intrinsic1(ts, f, arg, v)?));
            }
            Opcode::CallIntrinsic2 => {
                let b = pop!(f);
                let a = pop!(f);
                f.stack.push(Some(crate::intrinsics::intrinsic2(ts, f, arg, a, b)?));
            }
            Opcode::FormatSimple => {
                let v = pop!(f);
                let r = if v.type_ref() == rt().types.str {
                    v
                } else {
                    crate::builtins_init::format(ts, &v, &rt().empty_str)?
                };
                f.stack.push(Some(r));
            }
            Opcode::FormatWithSpec => {
                let spec = pop!(f);
                let v = pop!(f);
                f.stack.push(Some(crate::builtins_init::format(ts, &v, &spec)?));
            }
            Opcode::ConvertValue => {
                let v = pop!(f);
                let r = match arg {
                    1 => ops::str_(ts, &v)?,
                    2 => ops::repr(ts, &v)?,
                    _ => crate::builtins_init::ascii(ts, &v)?,
                };
                f.stack.push(Some(r));
            }
            Opcode::GetLen => {
                let v = top!(f);
                let n = ops::len(ts, &v)?;
                f.stack.push(Some(crate::num::new_int(n as i64)));
            }
            Opcode::MatchMapping | Opcode::MatchSequence | Opcode::MatchKeys | Opcode::MatchClass => {
                crate::patterns::execute_match(ts, f, ins.op, arg)?;
            }
            Opcode::ImportName => {
                let name = pycode.names[arg as usize].clone();
                let fromlist = pop!(f);
                let level = pop!(f);
                let m = crate::import::import_name(ts, f, &name, &fromlist, &level)?;
                f.stack.push(Some(m));
            }
            Opcode::ImportFrom => {
                let name = pycode.names[arg as usize].clone();
                let m = top!(f);
                let v = crate::import::import_from(ts, &m, &name)?;
                f.stack.push(Some(v));
            }
            Opcode::SetupAnnotations => {
                if let Some(m) = &f.locals_map {
                    if mapping_get(ts, m, &crate::str::intern("__annotations__"))?.is_none() {
                        store_mapping(ts, m, crate::str::intern("__annotations__"), crate::builtins_init::new_dict())?;
                    }
                }
            }
        }
    }
  }
}

fn has_iter(v: &Value) -> bool {
    let t = v.type_ref();
    t.lookup_static("__iter__").is_some() || t.lookup_static("__getitem__").is_some()
}

#[inline]
fn truth(ts: &ThreadState, v: &Value) -> PyResult<bool> {
    let r = rt();
    if v.is(&r.true_) {
        return Ok(true);
    }
    if v.is(&r.false_) {
        return Ok(false);
    }
    ops::is_true(ts, v)
}

#[inline]
fn for_iter_next(ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    if let Some(p) = it.downcast::<crate::iter::PyIter>() {
        if !it.type_ref().is_heap() {
            if let Some(r) = builtin_iter_step(p) {
                return Ok(r);
            }
        }
    }
    ops::next(ts, it)
}

/// One step of the iterators `for` loops meet most (a range's, an exact
/// list's or tuple's) without leaving the loop; None for any other, which
/// takes `ops::next`.
#[inline]
fn builtin_iter_step(p: &crate::iter::PyIter) -> Option<Option<Value>> {
    use crate::iter::IterState;
    let mut st = p.state.lock();
    let r = rt();
    let out = match &mut *st {
        IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next = next.saturating_add(*step);
                return Some(Some(crate::num::new_int(v)));
            }
            None
        }
        IterState::Seq { seq, index } if seq.type_ref() == r.types.list => {
            let l = seq.downcast::<crate::seq::PyList>()?;
            let v = l.get(*index);
            if v.is_some() {
                *index += 1;
                return Some(v);
            }
            None
        }
        IterState::Seq { seq, index } if seq.type_ref() == r.types.tuple => {
            let v = crate::seq::tuple_items(seq)?.get(*index).cloned();
            if v.is_some() {
                *index += 1;
                return Some(v);
            }
            None
        }
        _ => return None,
    };
    // The old state dies after the lock (it may free the sequence).
    let old = std::mem::replace(&mut *st, IterState::Exhausted);
    drop(st);
    drop(old);
    Some(out)
}

enum Inline {
    Frame(Box<Frame>),
    Value(Value),
}

/// Views stack slots as values when none is NULL.
fn as_values(slots: &[Option<Value>]) -> Option<&[Value]> {
    if slots.iter().any(Option::is_none) {
        return None;
    }
    // SAFETY: `Value` is a `repr(transparent)` wrapper of `NonZeroUsize`, so
    // `Option<Value>` has the same size and alignment, with `Some(v)` stored
    // as `v`'s bits (the guaranteed null-pointer optimisation); every slot was
    // just checked to be `Some`, so each element is a valid `Value`, and the
    // borrow keeps the slots alive and unchanged.
    Some(unsafe { std::slice::from_raw_parts(slots.as_ptr().cast::<Value>(), slots.len()) })
}

/// For a Python function callee, builds its frame so the loop runs it inline
/// (no Rust recursion); a generator function returns its generator at once.
/// `site` is the CALL instruction (code, index), which caches how a class
/// instantiates (see `try_inline_init`).
fn try_inline_call(ts: &ThreadState, callable: &Value, args: Args<'_>, site: Option<(usize, usize)>) -> PyResult<Option<Inline>> {
    let (func, owned);
    if callable.type_ref() == rt().types.function {
        func = callable;
        owned = None;
    } else if let Some(m) = callable.downcast::<crate::function::PyMethod>() {
        if m.func.type_ref() != rt().types.function {
            return Ok(None);
        }
        let mut v = Vec::with_capacity(args.args.len() + 1);
        v.push(m.self_.clone());
        v.extend_from_slice(args.args);
        owned = Some(v);
        func = &m.func;
    } else if let Some(ty) = TypeRef::from_value(callable) {
        return try_inline_init(ts, callable, ty, args, site);
    } else {
        return Ok(None);
    }
    let a = match &owned {
        Some(v) => Args { args: v, kwnames: args.kwnames },
        None => args,
    };
    let frame = prepare_call(ts, func, a)?;
    if frame.code.flags.has_any(CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) {
        return Ok(Some(Inline::Value(crate::generator::new_generator(ts, frame, func))));
    }
    Ok(Some(Inline::Frame(frame)))
}

/// `C(args)` for a plain Python class (metaclass `type`, `object.__new__`, a
/// Python `__init__`): allocates the instance and runs `__init__` as a frame
/// of this loop, which evaluates to the instance (`OnReturn::Init`), as
/// CPython's CALL_ALLOC_AND_ENTER_INIT. Anything else takes the general path.
fn try_inline_init(ts: &ThreadState, callable: &Value, ty: TypeRef, args: Args<'_>, site: Option<(usize, usize)>) -> PyResult<Option<Inline>> {
    if callable.type_ref() != rt().types.type_ || !args.kwnames.is_empty() {
        return Ok(None);
    }
    let Some(init) = inline_target(site, ty, || inline_init_of(ty)) else { return Ok(None) };
    // object.__new__(cls), whose checks `inline_init_of` made: the class is
    // not abstract, and with `__init__` overridden the excess-argument check
    // has nothing to refuse.
    let obj = crate::object::alloc(ty, crate::cell::Empty);
    let mut v: smallvec::SmallVec<[Value; 6]> = smallvec::SmallVec::with_capacity(args.args.len() + 1);
    v.push(obj.clone());
    v.extend(args.args.iter().cloned());
    let mut frame = prepare_call(ts, &init, Args { args: &v, kwnames: args.kwnames })?;
    frame.on_return = Some(OnReturn::Init(obj));
    Ok(Some(Inline::Frame(frame)))
}

/// The Python function an instruction at `site` (code, index) runs as a
/// frame of the loop for type `ty`: a class's `__init__` for CALL, its
/// dunder for BINARY_OP. `classify` finds it; the site's cache entry (keyed
/// on the empty str, which no attribute is named) remembers the answer for
/// the type lookup epoch. Whether the function still returns plainly is
/// checked on every use: `__code__` can be replaced without a type change.
fn inline_target(site: Option<(usize, usize)>, ty: TypeRef, classify: impl FnOnce() -> Option<Value>) -> Option<Value> {
    use crate::attr_cache::{self as ac, Kind};
    let marker = &rt().empty_str;
    let target = match site.and_then(|(code, pc)| ac::get(code, pc, marker, ty.ptr())) {
        Some(hit) if hit.kind == Kind::Inline => hit.value,
        Some(_) => None,
        None => {
            let epoch = crate::types::lookup_epoch();
            let target = classify();
            if let Some((code, pc)) = site {
                let kind = if target.is_some() { Kind::Inline } else { Kind::NoInline };
                ac::put(code, pc, marker, ty.ptr(), epoch, kind, target.clone());
            }
            target
        }
    };
    target.filter(|f| f.downcast::<PyFunction>().is_some_and(returns_plainly))
}

/// The `__init__` that a call of class `ty` can run inline: a plain Python
/// class (metaclass `type`, `object.__new__`, not abstract) whose
/// `__init__` is a Python function (`inline_target` checks it returns
/// plainly).
fn inline_init_of(ty: TypeRef) -> Option<Value> {
    let r = rt();
    if ty.payload_kind() != crate::kinds::OBJECT || ty.flags() & crate::types::type_flags::ABSTRACT != 0 {
        return None;
    }
    if ty.lookup_static("__abstractmethods__").and_then(|v| v.downcast::<crate::set::PySet>().map(|s| s.table.len() > 0)).unwrap_or(false) {
        return None;
    }
    if !crate::class::is_object_new(ty.lookup_static("__new__").as_ref()) {
        return None;
    }
    ty.lookup_static("__init__").filter(|i| i.type_ref() == r.types.function)
}

/// BINARY_OP past the inline int/float paths (subscripts aside): a Python
/// dunder run as a frame of the loop, or the general dispatch. Kept out of
/// line so the hot arm stays small.
#[inline(never)]
fn binary_slow(ts: &ThreadState, a: Value, b: Value, arg: u32, site: (usize, usize)) -> PyResult<Inline> {
    let (a, b) = if arg < 13 {
        match try_inline_binary(ts, a, b, arg as usize, site)? {
            Ok(fr) => return Ok(Inline::Frame(fr)),
            Err(operands) => operands,
        }
    } else {
        (a, b)
    };
    crate::arith::binary_op(ts, &a, &b, arg).map(Inline::Value)
}

/// Does calling `pf` run its body and return (not make a generator or
/// coroutine)? Only such calls can become a frame with an `OnReturn` hook.
fn returns_plainly(pf: &PyFunction) -> bool {
    code_view(pf).downcast::<PyCode>().is_some_and(|c| !c.code.flags.has_any(CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR))
}

/// An uncounted view of a function's current code object, for a caller that
/// holds the function (which keeps its code, and any code it replaced, alive).
#[inline]
fn code_view(pf: &PyFunction) -> std::mem::ManuallyDrop<Value> {
    // SAFETY: `CodeCell` keeps the current and every retired code object
    // alive while the function lives; the view is never dropped.
    std::mem::ManuallyDrop::new(unsafe { Value::from_raw(pf.code.current_ptr()) })
}

/// `a <op> b` with both operands of one Python class whose dunder is a
/// Python function: the dunder runs as a frame of this loop. With one type,
/// CPython calls only that method (no reflected one), and NotImplemented
/// means TypeError (`OnReturn::BinaryOp`).
fn try_inline_binary(ts: &ThreadState, a: Value, b: Value, base: usize, (code, pc): (usize, usize)) -> PyResult<Result<Box<Frame>, (Value, Value)>> {
    let ty = a.type_ref();
    if ty != b.type_ref() || !ty.is_heap() {
        return Ok(Err((a, b)));
    }
    let classify = || {
        crate::arith::dunder_name(base).and_then(|name| ty.lookup_static(name)).filter(|m| m.type_ref() == rt().types.function)
    };
    let Some(m) = inline_target(Some((code, pc)), ty, classify) else { return Ok(Err((a, b))) };
    let mut frame = prepare_call(ts, &m, Args::new(&[a.clone(), b.clone()]))?;
    frame.on_return = Some(OnReturn::BinaryOp { base: base as u8, a, b });
    Ok(Ok(frame))
}

/// The globals' `__name__` for MAKE_FUNCTION's `__module__`, through
/// LOAD_GLOBAL's cache (this instruction, the globals' version): functions
/// made in a loop by several threads would otherwise all probe the shared
/// globals dict under its lock.
fn function_module(f: &Frame) -> Value {
    let Some(g) = f.globals.downcast::<crate::dict::PyDict>() else { return none() };
    let key = crate::globals_cache::Key { code: f.code_data().serial, pc: f.lasti };
    let version = g.watch_version();
    if let Some(v) = crate::globals_cache::get(&key, version, 0) {
        return v;
    }
    let v = g.get_str("__name__").unwrap_or_else(none);
    crate::globals_cache::put(key, version, 0, v.clone());
    v
}

fn make_function(f: &Frame, code_obj: Value) -> PyResult {
    let Some(code) = code_obj.downcast::<PyCode>() else { raise!(SystemError, "MAKE_FUNCTION expects a code object") };
    let doc = if code.code.flags.has(CodeFlags::HAS_DOCSTRING) { code.consts.first().cloned() } else { None };
    let module = function_module(f);
    let attrs = FunctionAttrs {
        name: code.name.clone(),
        qualname: code.qualname.clone(),
        annotations: None,
        annotate: None,
        doc: doc.unwrap_or_else(none),
        module,
        dict: None,
        type_params: None,
    };
    let func = crate::object::alloc(
        rt().types.function,
        PyFunction {
            code: crate::function::CodeCell::new(code_obj.clone()),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            closure: crate::qsbr::AtomicValue::new(None),
            attrs: parking_lot::Mutex::new(attrs),
            defaults: crate::qsbr::AtomicValue::new(None),
            kwdefaults: crate::qsbr::AtomicValue::new(None),
        },
    );
    // Module- and class-level functions are definitions threads share
    // (nested ones are made per call and die with their maker).
    if crate::gc::definitions_deferred() && !code.code.flags.has(CodeFlags::NESTED) {
        crate::gc::defer_new_function(&func);
    }
    Ok(func)
}

fn pop_n(f: &mut Frame, n: usize) -> Vec<Value> {
    let len = f.stack.len();
    let start = len.saturating_sub(n);
    f.stack.drain_from(start).map(|v| v.unwrap_or_else(none)).collect()
}

fn peek(f: &Frame, i: usize) -> Value {
    let n = f.stack.len();
    f.stack.get(n.wrapping_sub(i)).and_then(crate::value_stack::SlotView::cloned).unwrap_or_else(none)
}

fn unbound_local(f: &Frame, i: usize) -> PyErr {
    err!(
        UnboundLocalError,
        "cannot access local variable '{}' where it is not associated with a value",
        f.code.localsplus.get(i).map(|s| &**s).unwrap_or("?")
    )
}

fn cell_get(f: &Frame, i: usize) -> PyResult {
    // Through the frame's slot: no count on the cell (closures' cells are
    // shared by every thread calling the function).
    let v = f.locals.get(i).and_then(Option::as_ref).and_then(crate::cell::cell_get);
    match v {
        Some(v) => Ok(v),
        None => {
            let name = f.code.localsplus.get(i).map(|s| &**s).unwrap_or("?");
            let free = f.code.localspluskinds.get(i).map(|k| k.any(LocalKind::FREE)).unwrap_or(false);
            if free {
                Err(err!(
                    NameError,
                    "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                    name
                ))
            } else {
                Err(unbound_local(f, i))
            }
        }
    }
}

fn cell_set(f: &Frame, i: usize, v: Option<Value>) {
    if let Some(Some(c)) = f.locals.get(i) {
        // The old value drops outside the cell's lock.
        drop(crate::cell::cell_set(c, v));
    }
}

fn mapping_get(ts: &ThreadState, m: &Value, name: &Value) -> PyResult<Option<Value>> {
    if m.type_ref() == rt().types.dict {
        if let Some(d) = m.downcast::<crate::dict::PyDict>() {
            return Ok(d.get_str(crate::str::as_str(name).unwrap_or("")));
        }
    }
    match ops::getitem(ts, m, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(rt().exc.KeyError) => Ok(None),
        Err(e) => Err(e),
    }
}

fn store_mapping(ts: &ThreadState, m: &Value, name: Value, v: Value) -> PyResult<()> {
    if m.type_ref() == rt().types.dict {
        if let Some(d) = m.downcast::<crate::dict::PyDict>() {
            d.set_str(name, v);
            return Ok(());
        }
    }
    ops::setitem(ts, m, &name, v)
}

fn load_builtin(f: &Frame, name: &str) -> PyResult {
    match f.builtins.downcast::<crate::dict::PyDict>().and_then(|b| b.get_str(name)) {
        Some(v) => Ok(v),
        None => raise!(NameError, "name '{}' is not defined", name),
    }
}

/// The versions of the frame's globals and builtins dicts, which key
/// LOAD_GLOBAL's cache (see `globals_cache`); None unless both are dicts
/// and the globals an exact one.
#[inline]
fn globals_versions(f: &Frame) -> Option<(u64, u64)> {
    let g = f.globals.downcast::<crate::dict::PyDict>()?;
    let b = f.builtins.downcast::<crate::dict::PyDict>()?;
    if f.globals.type_ref() != rt().types.dict {
        return None;
    }
    Some((g.watch_version(), b.watch_version()))
}

/// LOAD_GLOBAL through the per-thread cache (see `globals_cache`), for the
/// usual case of exact dicts as globals and builtins.
#[inline]
fn load_global_cached(f: &Frame, code: usize, name: &Value) -> PyResult {
    let Some((gv, bv)) = globals_versions(f) else {
        return load_global(f, name);
    };
    let key = crate::globals_cache::Key { code, pc: f.lasti };
    if let Some(v) = crate::globals_cache::get(&key, gv, bv) {
        return Ok(v);
    }
    let v = load_global(f, name)?;
    crate::globals_cache::put(key, gv, bv, v.clone());
    Ok(v)
}

/// LOAD_GLOBAL of a callable (the form that pushes NULL after it), or of
/// the owner of the LOAD_ATTR that follows: pushed with `push_shared`, so a
/// deferred function, class or module costs no count (CPython 3.14t's
/// deferred stack reference; the CALL or LOAD_ATTR consumes it).
#[inline(always)]
fn push_global_shared(f: &mut Frame, code: usize, name: &Value) -> PyResult<()> {
    if let Some((gv, bv)) = globals_versions(f) {
        let key = crate::globals_cache::Key { code, pc: f.lasti };
        if crate::globals_cache::with_hit(&key, gv, bv, |v| f.stack.push_shared(v)).is_some() {
            return Ok(());
        }
    }
    let v = load_global_cached(f, code, name)?;
    f.stack.push_shared(&v);
    Ok(())
}

/// `module.name` for an exact module whose dict holds the name and whose
/// type does not, through LOAD_GLOBAL's cache keyed by this instruction and
/// the module dict's version (builtins version 0, which no dict has): a hit
/// takes no dict lock. The `module` type is immutable, so a name it lacks
/// when the entry is made it lacks for good. None: the general path.
#[inline]
fn module_attr_cached(code: usize, pc: usize, name: &Value, owner: &Value) -> Option<Value> {
    if owner.type_ref() != rt().types.module {
        return None;
    }
    let d = owner.downcast::<crate::cell::PyModule>()?.dict.downcast::<crate::dict::PyDict>()?;
    let key = crate::globals_cache::Key { code, pc };
    let version = d.watch_version();
    if let Some(v) = crate::globals_cache::get(&key, version, 0) {
        return Some(v);
    }
    if owner.type_ref().lookup_name(name).is_some() {
        return None;
    }
    let v = d.get_name(name)?;
    crate::globals_cache::put(key, version, 0, v.clone());
    Some(v)
}

fn load_global(f: &Frame, name: &Value) -> PyResult {
    if f.globals.type_ref() != rt().types.dict {
        // A dict subclass as globals (annotationlib's fake globals): honour
        // its __getitem__/__missing__, as CPython does.
        let mut found = None;
        crate::ops::with_thread_state(|ts| found = Some(ops::getitem(ts, &f.globals, name)));
        match found {
            Some(Ok(v)) => return Ok(v),
            Some(Err(e)) if !e.is_instance(rt().exc.KeyError) => return Err(e),
            _ => {}
        }
    }
    if let Some(v) = f.globals.downcast::<crate::dict::PyDict>().and_then(|g| g.get_name(name)) {
        return Ok(v);
    }
    if let Some(v) = f.builtins.downcast::<crate::dict::PyDict>().and_then(|b| b.get_name(name)) {
        return Ok(v);
    }
    Err(crate::builtins_init::name_error(crate::str::as_str(name).unwrap_or("")))
}

fn load_name(ts: &ThreadState, f: &Frame, name: &Value) -> PyResult {
    if let Some(m) = &f.locals_map {
        if let Some(v) = mapping_get(ts, m, name)? {
            return Ok(v);
        }
    }
    load_global(f, name)
}

/// LOAD_ATTR (`method`: its method form, pushing callable and self-or-NULL)
/// through `attr_cache`.
#[inline]
fn load_attr(ts: &ThreadState, f: &mut Frame, code: usize, name: &Value, owner: Value, method: bool) -> PyResult<Option<Box<Frame>>> {
    use crate::attr_cache::{self as ac, Kind};
    let ty = owner.type_ref().ptr();
    let pc = f.lasti;
    if let Some(hit) = ac::get(code, pc, name, ty) {
        // (A cached method: `load_method_ref` has tried it already.)
        if hit.kind == Kind::Property {
            if let Some(getter) = hit.value {
                if let Some(mut frame) = property_frame(getter)? {
                    frame.locals[0] = Some(owner);
                    return Ok(Some(frame));
                }
            }
        } else if let Some(v) = plain_hit_value(code, pc, name, ty, hit, &owner) {
            f.stack.push(Some(v));
            if method {
                f.stack.push(None);
            }
            return Ok(None);
        }
    } else {
        // Modules never enter the attribute cache.
        if let Some(v) = module_attr_cached(code, pc, name, &owner) {
            f.stack.push(Some(v));
            if method {
                f.stack.push(None);
            }
            return Ok(None);
        }
        let epoch = crate::types::lookup_epoch();
        if let Some((kind, value)) = ac::classify_load(&owner, name, method) {
            ac::put(code, pc, name, ty, epoch, kind, value);
        }
    }
    if method {
        let (a, b) = load_method(ts, &owner, name)?;
        f.stack.push(Some(a));
        f.stack.push(b);
    } else {
        let v = ops::getattr(ts, &owner, name)?;
        f.stack.push(Some(v));
    }
    Ok(None)
}


/// `push_global_shared` for `module.name`, out of line (the call form's
/// use stays inlined in the loop).
#[inline(never)]
fn push_global_owner(f: &mut Frame, code: usize, name: &Value) -> PyResult<()> {
    push_global_shared(f, code, name)
}

/// The LOAD_ATTR (`method`: its method form, at `f.lasti`) after a
/// LOAD_GLOBAL that pushed a deferred slot (`module.name`): a module's attribute through
/// LOAD_GLOBAL's cache replaces the module in place (the method form's
/// deferred function uncounted). Otherwise the owner gets a count, for the general path
/// (which may run code, so it must not hold the slot off the stack), and
/// false.
#[inline(never)]
fn deferred_owner_attr(f: &mut Frame, code: usize, name: &Value, method: bool) -> bool {
    let pc = f.lasti;
    let found = {
        let view = f.stack.top();
        let module = view.as_ref().and_then(|v| v.as_ref()).filter(|m| m.type_ref() == rt().types.module);
        match module.and_then(|m| m.downcast::<crate::cell::PyModule>()).and_then(|m| m.dict.downcast::<crate::dict::PyDict>()) {
            None => None,
            Some(d) => {
                let key = crate::globals_cache::Key { code, pc };
                // Only a call's callable may be uncounted (a CALL consumes
                // it); a plain load's value goes anywhere.
                let as_ref = |v: &Value| if method { crate::value_stack::StackRef::shared(v) } else { crate::value_stack::StackRef::owned(v.clone()) };
                match crate::globals_cache::with_hit(&key, d.watch_version(), 0, as_ref) {
                    Some(r) => Some(r),
                    // Filling the cache may drop an old entry (and run
                    // code): the module is still on the stack meanwhile.
                    None => module.and_then(|m| module_attr_cached(code, pc, name, m)).map(crate::value_stack::StackRef::owned),
                }
            }
        }
    };
    match found {
        Some(r) => {
            f.stack.pop_discard();
            f.stack.push_ref(r);
            if method {
                f.stack.push(None);
            }
            true
        }
        None => {
            f.stack.own_top();
            false
        }
    }
}

/// LOAD_ATTR's method form on `owner` as it came off the stack: a cached
/// method pushes the owner back as `self` without a count when it was
/// borrowed; everything else takes `load_attr`'s path.
#[inline]
fn load_method_ref(ts: &ThreadState, f: &mut Frame, code: usize, name: &Value, owner: crate::value_stack::StackRef) -> PyResult<()> {
    use crate::attr_cache::{self as ac, Kind};
    let ty = owner.type_ref().ptr();
    // A deferred method (a class's function) goes uncounted, as
    // LOAD_GLOBAL's callables do (`push_global_shared`).
    let cached = ac::with_hit(code, f.lasti, name, ty, |kind, value| value.filter(|_| kind == Kind::Method).map(crate::value_stack::StackRef::shared));
    if let Some(Some(m)) = cached {
        // On the stack first, where the collector sees it, before the
        // instance dict is read.
        f.stack.push_ref(m);
        if ops::instance_dict_get(&owner, name).is_none() {
            f.stack.push_ref(owner);
            return Ok(());
        }
        // Shadowed by an instance attribute.
        f.stack.pop_discard();
    }
    load_attr(ts, f, code, name, owner.into_owned(), true)?;
    Ok(())
}

/// The frame of a property getter the attribute cache found
/// (`Kind::Property`), its `self` (local 0) still to be stored; None when
/// the getter takes more than `self` (the general path reports that).
#[inline(never)]
fn property_frame(getter: Value) -> PyResult<Option<Box<Frame>>> {
    let Some(pf) = getter.downcast::<PyFunction>() else { return Ok(None) };
    let Some(mut frame) = exact_positional_frame(&getter, pf, 1)? else { return Ok(None) };
    frame.func = Some(getter);
    Ok(Some(frame))
}

/// LOAD_FAST_BORROW: the local's value without a count (see
/// `value_stack`; the compiler proved the local keeps it meanwhile).
#[inline(always)]
fn push_local_borrowed(f: &mut Frame, i: usize) {
    match &f.locals[i] {
        Some(v) => f.stack.push_borrowed(v),
        None => f.stack.push(Some(none())),
    }
}

/// What `fused_attr` made of a local's LOAD_FAST and the LOAD_ATTR after it.
enum Fused {
    /// Run both instructions as usual.
    No,
    /// The attribute's value.
    Value(Value),
    /// A property whose getter (this function) computes it
    /// (`getter_frame`).
    Getter(Value),
}

/// When instruction `pc` (the next one) is a plain LOAD_ATTR, its result
/// for local `local` as the owner, read through the local (see LOAD_FAST),
/// or the property getter that computes it.
#[inline(always)]
fn fused_attr(f: &Frame, instrs: &[Instruction], pc: usize, pycode: &PyCode, local: usize) -> Fused {
    // The opcode test stays in the loop; the rest is out of line (most
    // LOAD_FASTs are not followed by a LOAD_ATTR).
    match instrs.get(pc) {
        Some(next) if next.op == Opcode::LoadAttr && next.arg & 1 == 0 => fused_attr_load(f, next.arg, pc, pycode, local),
        _ => Fused::No,
    }
}

#[inline(never)]
fn fused_attr_load(f: &Frame, arg: u32, pc: usize, pycode: &PyCode, local: usize) -> Fused {
    let (Some(owner), Some(name)) = (f.locals.get(local).and_then(Option::as_ref), pycode.names.get((arg >> 1) as usize)) else {
        return Fused::No;
    };
    let ty = owner.type_ref().ptr();
    let Some(hit) = crate::attr_cache::get(pycode.serial, pc, name, ty) else {
        return thread_local_attr(owner, name).map_or(Fused::No, Fused::Value);
    };
    if hit.kind == crate::attr_cache::Kind::Property {
        return hit.value.map_or(Fused::No, Fused::Getter);
    }
    plain_hit_value(pycode.serial, pc, name, ty, hit, owner).map_or(Fused::No, Fused::Value)
}

/// The frame of property getter `getter` (`Fused::Getter`) with local
/// `local` as its borrowed `self`; None: run LOAD_FAST and LOAD_ATTR as
/// usual.
#[inline(never)]
fn getter_frame(f: &Frame, local: usize, getter: Value) -> PyResult<Option<Box<Frame>>> {
    let Some(owner) = f.locals.get(local).and_then(Option::as_ref) else { return Ok(None) };
    let Some(mut frame) = property_frame(getter)? else { return Ok(None) };
    // SAFETY: a bitwise copy without a count, marked borrowed in
    // `borrowed_args`: the caller's local keeps the object alive until
    // this frame ends (nothing writes another frame's fast locals).
    frame.locals[0] = Some(unsafe { Value::from_bits(std::num::NonZeroUsize::new_unchecked(owner.bits())) });
    frame.borrowed_args = 1;
    Ok(Some(frame))
}

/// `local.name` for an exact `_thread._local` (a builtin type, so its
/// namespace never changes) that lacks the name: the value in this thread's
/// dict for the local, if it has one. None: the general path.
#[inline(never)]
fn thread_local_attr(owner: &Value, name: &Value) -> Option<Value> {
    let l = owner.downcast::<crate::thread_local::PyThreadLocal>()?;
    let ty = owner.type_ref();
    if ty.is_heap() || ty.lookup_name(name).is_some() {
        return None;
    }
    crate::thread_local::instance_dict_get(l, name)
}

/// The value of a cache hit that resolves `owner.name` without running
/// Python code: an instance attribute, or a class value the instance does
/// not shadow. None for other kinds, or when the instance lacks it.
#[inline]
fn plain_hit_value(code: usize, pc: usize, name: &Value, ty: usize, hit: crate::attr_cache::Hit, owner: &Value) -> Option<Value> {
    use crate::attr_cache::{self as ac, Kind};
    match (hit.kind, hit.value) {
        (Kind::InstanceDict, _) => {
            let (v, ix) = ops::instance_dict_get_hinted(owner, name, hit.hint)?;
            if ix != hit.hint {
                ac::set_hint(code, pc, ty, ix);
            }
            Some(v)
        }
        (Kind::ClassValue, Some(v)) if ops::instance_dict_get(owner, name).is_none() => Some(v),
        _ => None,
    }
}

/// STORE_ATTR through `attr_cache`.
#[inline]
fn store_attr(ts: &ThreadState, pc: usize, code: usize, name: &Value, owner: Value, v: Value) -> PyResult<()> {
    use crate::attr_cache::{self as ac, Kind};
    let ty = owner.type_ref().ptr();
    let v = match ac::get(code, pc, name, ty) {
        Some(hit) if hit.kind == Kind::StoreDict => match ops::instance_dict_set_hinted(&owner, name, v, hit.hint) {
            Ok(ix) => {
                if ix != hit.hint {
                    ac::set_hint(code, pc, ty, ix);
                }
                return Ok(());
            }
            Err(v) => v,
        },
        Some(_) => v,
        None => {
            let epoch = crate::types::lookup_epoch();
            if let Some(kind) = ac::classify_store(&owner, name) {
                ac::put(code, pc, name, ty, epoch, kind, None);
            }
            v
        }
    };
    ops::setattr(ts, &owner, name, Some(v))
}

/// `obj.name(*args)` (`args` may end in keyword values named by
/// `kwnames`) without making a bound method when `name` is a plain method
/// of the type (LOAD_ATTR's method form, then CALL).
pub fn call_method_args(ts: &ThreadState, obj: &Value, name: &Value, args: Args<'_>) -> PyResult {
    match load_method(ts, obj, name)? {
        (f, Some(this)) => {
            let mut all: smallvec::SmallVec<[Value; 6]> = smallvec::SmallVec::with_capacity(args.args.len() + 1);
            all.push(this);
            all.extend(args.args.iter().cloned());
            crate::ops::call_args(ts, &f, Args { args: &all, kwnames: args.kwnames })
        }
        (f, None) => crate::ops::call_args(ts, &f, args),
    }
}

fn load_method(ts: &ThreadState, owner: &Value, name: &Value) -> PyResult<(Value, Option<Value>)> {
    let ty = owner.type_ref();
    let s = crate::str::as_str(name).unwrap_or("");
    let plain_getattr = !ty.is_heap() || ty.lookup_static("__getattribute__").map(|g| g.downcast::<crate::function::NativeFunction>().is_some()).unwrap_or(true);
    // (A local's first use on a thread runs its `__init__`: `getattr`.)
    if plain_getattr
        && crate::object::TypeRef::from_value(owner).is_none()
        && owner.downcast::<crate::class::PySuper>().is_none()
        && owner.downcast::<crate::thread_local::PyThreadLocal>().is_none()
    {
        if let Some(d) = ty.lookup(s) {
            let dt = d.type_ref();
            if dt == rt().types.function || rt().types.is_method_descriptor(dt) {
                // An instance attribute of the same name would shadow the method.
                let shadowed = ops::instance_dict_get(owner, name).is_some();
                if !shadowed {
                    return Ok((d, Some(owner.clone())));
                }
            }
        }
    }
    Ok((ops::getattr(ts, owner, name)?, None))
}

fn collect_for_unpack(ts: &ThreadState, seq: &Value) -> PyResult<Vec<Value>> {
    if !has_iter(seq) {
        raise!(TypeError, "cannot unpack non-iterable {} object", ops::type_name(seq));
    }
    ops::collect(ts, seq)
}

/// `seq[i]` for an exact list or tuple and an int index in range (what
/// CPython's BINARY_OP_SUBSCR_LIST_INT/TUPLE_INT do); None otherwise,
/// errors included, for the general path to answer.
#[inline]
fn subscript_fast(seq: &Value, index: &Value) -> Option<Value> {
    let i = index.as_small_int()?;
    let r = rt();
    let t = seq.type_ref();
    if t == r.types.list {
        return seq.downcast::<crate::seq::PyList>()?.get_index(i);
    }
    if t == r.types.tuple {
        let items = crate::seq::tuple_items(seq)?;
        return items.get(index_in(i, items.len())?).cloned();
    }
    None
}

/// Python index `i` (negative counts from the end) into a sequence of
/// `len` items, if it is in range.
#[inline]
fn index_in(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i.checked_add(len as i64)? } else { i };
    usize::try_from(i).ok().filter(|&i| i < len)
}

/// `l[start:stop]` for an exact list with int or None bounds (the
/// common `l[:]`, `l[i:]`, `l[:k + 1]`), without a slice object; None
/// for anything else.
#[inline]
fn list_slice_fast(seq: &Value, start: &Value, stop: &Value) -> Option<Value> {
    if seq.type_ref() != rt().types.list {
        return None;
    }
    let l = seq.downcast::<crate::seq::PyList>()?;
    let bound = |v: &Value, default: i64, len: i64| -> Option<i64> {
        if is_none(v) {
            return Some(default);
        }
        let i = v.as_small_int()?;
        Some(if i < 0 { (i + len).max(0) } else { i.min(len) })
    };
    let items = l.items.lock();
    let len = items.len() as i64;
    let lo = bound(start, 0, len)? as usize;
    let hi = bound(stop, len, len)? as usize;
    let out = if lo < hi { items[lo..hi].to_vec() } else { Vec::new() };
    drop(items);
    Some(crate::seq::new_list(out))
}

/// `seq[i] = v` for an exact list and an int index in range: the value it
/// replaced (to drop once the list's lock is released; None if retired), or
/// `v` back for the general path.
#[inline]
fn store_subscript_fast(seq: &Value, index: &Value, v: Value) -> Result<Option<Value>, Value> {
    let (Some(i), true) = (index.as_small_int(), seq.type_ref() == rt().types.list) else { return Err(v) };
    let Some(l) = seq.downcast::<crate::seq::PyList>() else { return Err(v) };
    let mut items = l.items.lock();
    match index_in(i, items.len()) {
        Some(i) => Ok(items.set(i, v)),
        None => Err(v),
    }
}

/// UNPACK_SEQUENCE of an exact tuple or list of exactly `n` items: pushes
/// them last-first. False (nothing pushed) for anything else.
#[inline]
fn unpack_exact(stack: &mut crate::value_stack::ValueStack, seq: &Value, n: usize) -> bool {
    let r = rt();
    let t = seq.type_ref();
    if t == r.types.tuple {
        if let Some(items) = crate::seq::tuple_items(seq) {
            if items.len() == n {
                for v in items.iter().rev() {
                    stack.push(Some(v.clone()));
                }
                return true;
            }
        }
    } else if t == r.types.list {
        if let Some(l) = seq.downcast::<crate::seq::PyList>() {
            let items = l.items.lock();
            if items.len() == n {
                for v in items.iter().rev() {
                    stack.push(Some(v.clone()));
                }
                return true;
            }
        }
    }
    false
}

fn unpack_iterable(ts: &ThreadState, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
    // Only an exact tuple: a subclass may iterate its own way.
    if seq.type_ref() == rt().types.tuple
        && let Some(items) = crate::seq::tuple_items(seq)
        && items.len() == n
    {
        return Ok(items.to_vec());
    }
    if !has_iter(seq) {
        raise!(TypeError, "cannot unpack non-iterable {} object", ops::type_name(seq));
    }
    let it = ops::iter(ts, seq)?;
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        match ops::next(ts, &it)? {
            Some(v) => out.push(v),
            None => raise!(ValueError, "not enough values to unpack (expected {}, got {})", n, out.len()),
        }
    }
    if ops::next(ts, &it)?.is_some() {
        if let Ok(len) = ops::len(ts, seq) {
            raise!(ValueError, "too many values to unpack (expected {}, got {})", n, len);
        }
        raise!(ValueError, "too many values to unpack (expected {})", n);
    }
    Ok(out)
}

