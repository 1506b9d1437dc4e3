//! `Interpreter` (all Python-visible mutable state: sys.modules, builtins,
//! limits) and `ThreadState` (one per OS thread running Python: call depth,
//! the handled-exception stack, the frame chain).

use std::cell::{Cell, RefCell};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::PyResult;
use crate::value::Value;

pub struct Interpreter {
    /// `sys.modules`.
    pub modules: Value,
    /// The `builtins` module and its dict.
    pub builtins: Value,
    pub builtins_dict: Value,
    pub sys: Value,
    pub sys_dict: Value,
    pub recursion_limit: AtomicUsize,
    pub int_max_str_digits: AtomicUsize,
    /// Native (Rust) modules by name: their init functions.
    pub native_modules: parking_lot::Mutex<std::collections::HashMap<String, NativeModuleInit>>,
    /// Native modules' own state (CPython's per-module state), by module name.
    pub module_state: parking_lot::Mutex<std::collections::HashMap<&'static str, Value>>,
}

/// Creates a native module object.
pub type NativeModuleInit = fn(&ThreadState) -> PyResult<Value>;

impl Interpreter {
    pub fn native_module(&self, name: &str) -> Option<NativeModuleInit> {
        self.native_modules.lock().get(name).copied()
    }

    /// The state object of native module `name`, made by `init` on first use
    /// (`init` runs without the lock held: it may run Python code).
    pub fn module_state(&self, name: &'static str, init: impl FnOnce() -> Value) -> Value {
        if let Some(v) = self.module_state.lock().get(name) {
            return v.clone();
        }
        let v = init();
        self.module_state.lock().entry(name).or_insert(v).clone()
    }

    pub fn recursion_limit(&self) -> usize {
        self.recursion_limit.load(Ordering::Relaxed)
    }
}

pub struct ThreadState {
    pub interp: Arc<Interpreter>,
    /// Python-level call depth (frames on this thread).
    pub depth: Cell<usize>,
    /// Exceptions being handled (innermost last); `sys.exception()` reads the top.
    pub exc_stack: RefCell<Vec<Option<Value>>>,
    /// The frame objects of running frames, innermost last (for sys._getframe and tracebacks).
    pub frames: RefCell<Vec<*const crate::eval::Frame>>,
    /// Set by RERAISE: the frame re-raising already has its traceback entry.
    pub skip_traceback_once: Cell<bool>,
    /// `sys.set_asyncgen_hooks`: [firstiter, finalizer].
    pub asyncgen_hooks: RefCell<[Option<Value>; 2]>,
    /// Approximate address of the bottom of this thread's Rust stack.
    stack_base: usize,
    /// Bytes of Rust stack we allow before raising RecursionError.
    stack_budget: usize,
}

impl ThreadState {
    pub fn new(interp: Arc<Interpreter>, stack_budget: usize) -> ThreadState {
        let marker = 0u8;
        ThreadState {
            interp,
            depth: Cell::new(0),
            exc_stack: RefCell::new(Vec::new()),
            frames: RefCell::new(Vec::new()),
            skip_traceback_once: Cell::new(false),
            asyncgen_hooks: RefCell::new([None, None]),
            stack_base: &marker as *const u8 as usize,
            stack_budget,
        }
    }

    /// Guards a Rust-level recursion (native code calling back into Python):
    /// raises RecursionError before the Rust stack can overflow.
    #[inline]
    pub fn check_stack(&self) -> PyResult<()> {
        let marker = 0u8;
        let here = &marker as *const u8 as usize;
        if self.stack_base.saturating_sub(here) > self.stack_budget {
            crate::raise!(RecursionError, "maximum recursion depth exceeded");
        }
        Ok(())
    }

    pub fn current_exception(&self) -> Option<Value> {
        self.exc_stack.borrow().iter().rev().flatten().next().cloned()
    }
}
