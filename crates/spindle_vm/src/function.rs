//! Callables: native functions and method descriptors (`NativeFunction`),
//! Python functions (`PyFunction`), bound methods, and the argument view
//! every native function receives.

use parking_lot::Mutex;

use crate::error::PyResult;
use crate::interp::ThreadState;
use crate::object::{PayloadKind, PyPayload, TypeRef, alloc};
use crate::runtime::rt;
use crate::value::Value;

/// Arguments of a call, vectorcall-style: the positional arguments followed by
/// the values of the keyword arguments whose names are in `kwnames`.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub args: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(args: &'a [Value]) -> Args<'a> {
        Args { args, kwnames: &[] }
    }
    pub fn positional(&self) -> &'a [Value] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a Value)> {
        let n = self.args.len() - self.kwnames.len();
        self.kwnames.iter().zip(&self.args[n..]).map(|(k, v)| (crate::str::as_str(k).unwrap_or(""), v))
    }
    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }
}

pub type NativeFnPtr = fn(&ThreadState, Args<'_>) -> PyResult<Value>;

pub struct NativeFunction {
    pub name: &'static str,
    pub qualname: String,
    pub func: NativeFnPtr,
    /// For a bound builtin method: the object it is bound to (passed as args[0]).
    pub self_: Option<Value>,
    /// For a method descriptor, its class (a type object): it binds to the
    /// instance on attribute access, and `self` must be an instance of it.
    pub owner: Option<Value>,
    pub doc: Option<&'static str>,
    pub module: Option<Value>,
    /// A type slot's method (`list.__len__`): a `wrapper_descriptor` that binds
    /// to a `method-wrapper`, where other methods are `method_descriptor`s
    /// binding to builtin methods.
    pub slot_wrapper: bool,
    /// What a method descriptor accepts after `self`, checked before the
    /// call (`Any`: the function checks for itself).
    pub slot_args: SlotArgs,
}

/// The arguments a method descriptor takes after `self`, checked with the
/// wording of CPython's calling convention for it: a slot wrapper's `wrap_*`
/// function, or a method's METH_NOARGS / METH_O / positional-only check.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SlotArgs {
    /// Checked by the method itself (`__init__`, `__call__`, ...).
    Any,
    /// A method of no arguments: "list.copy() takes no arguments (1 given)".
    NoArgs,
    /// A method of one: "list.append() takes exactly one argument (0 given)".
    One,
    /// Positional-only, `min..=max`: "pop expected at most 1 argument, got 2".
    Positional(u8, u8),
    /// Exactly this many: "expected 1 argument, got 0".
    Exactly(u8),
    /// Exactly two, unpacked by name: "__setitem__ expected 2 arguments, got 1".
    TwoNamed,
    /// `__pow__`'s optional modulus: "expected 1 or 2 arguments, got 0".
    OneOrTwo,
    /// `__get__`'s optional owner: "__get__ expected at least 1 argument, got 0".
    GetOwner,
}

impl SlotArgs {
    /// What the method `qualname` takes, from CPython's text signature when
    /// all its parameters are positional-only (`($self, index=-1, /)`).
    fn of_method(qualname: &str) -> SlotArgs {
        let Some(sig) = crate::builtins_init::signatures::text_signature(qualname) else { return SlotArgs::Any };
        let Some(params) = sig.strip_prefix("($self, ").and_then(|p| p.strip_suffix(", /)")) else {
            return if sig == "($self, /)" { SlotArgs::NoArgs } else { SlotArgs::Any };
        };
        if params.contains(['*', '(', '[', '{', '\'', '"']) {
            return SlotArgs::Any;
        }
        let (mut required, mut optional) = (0u8, 0u8);
        for p in params.split(", ") {
            if p.contains('=') { optional += 1 } else if optional == 0 { required += 1 } else { return SlotArgs::Any }
        }
        match (required, optional) {
            (1, 0) => SlotArgs::One,
            _ => SlotArgs::Positional(required, required + optional),
        }
    }

    fn of(name: &str) -> SlotArgs {
        match name {
            "__init__" | "__call__" | "__buffer__" | "__release_buffer__" | "__getattr__" => SlotArgs::Any,
            "__setattr__" | "__setitem__" | "__set__" => SlotArgs::TwoNamed,
            "__pow__" | "__rpow__" | "__ipow__" => SlotArgs::OneOrTwo,
            "__get__" => SlotArgs::GetOwner,
            "__repr__" | "__hash__" | "__str__" | "__iter__" | "__next__" | "__del__" | "__await__" | "__aiter__"
            | "__anext__" | "__neg__" | "__pos__" | "__abs__" | "__bool__" | "__invert__" | "__int__" | "__float__"
            | "__index__" | "__len__" => SlotArgs::Exactly(0),
            _ => SlotArgs::Exactly(1),
        }
    }
}

impl PyPayload for NativeFunction {
    const KIND: PayloadKind = crate::kinds::NATIVE_FUNCTION;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = &self.self_ {
            visit(s);
        }
        if let Some(o) = &self.owner {
            visit(o);
        }
    }
}

impl NativeFunction {
    /// Whether this is a method descriptor (unbound, taking `self` first).
    #[inline]
    pub fn is_method(&self) -> bool {
        self.owner.is_some()
    }

    /// The class of a method descriptor.
    pub fn owner_type(&self) -> Option<TypeRef> {
        // SAFETY: `owner` is only ever set to a type object (by
        // `new_method_descriptor`), which this function holds.
        self.owner.as_ref().map(|o| unsafe { TypeRef::from_value_unchecked(o) })
    }

    /// Calls the function on `args` as given. A method descriptor takes
    /// `self` first, which must be an instance of its class (CPython's
    /// `descr_check`): `set.add(frozenset(), 1)` must not reach `set.add`.
    #[inline]
    pub fn call_unbound(&self, ts: &ThreadState, args: Args<'_>) -> PyResult<Value> {
        if let Some(owner) = &self.owner {
            let this = args.positional().first();
            // An exact instance, the usual case, costs one comparison.
            let applies = this.is_some_and(|s| {
                let t = s.type_ref();
                // SAFETY: `owner` is a type object (see `owner_type`).
                t.ptr() == owner.bits() || t.is_subtype(unsafe { TypeRef::from_value_unchecked(owner) })
            });
            if !applies {
                return Err(self.self_error(this));
            }
            if self.slot_args != SlotArgs::Any {
                self.check_slot_args(args.positional().len() - 1, args.has_kwargs())?;
            }
        }
        (self.func)(ts, args)
    }

    /// A slot wrapper's check of the `given` arguments after `self`.
    #[inline]
    pub fn check_slot_args(&self, given: usize, kwargs: bool) -> PyResult<()> {
        let fits = match self.slot_args {
            SlotArgs::Any => return Ok(()),
            SlotArgs::NoArgs => given == 0,
            SlotArgs::One => given == 1,
            SlotArgs::Positional(min, max) => (usize::from(min)..=usize::from(max)).contains(&given),
            SlotArgs::Exactly(n) => given == usize::from(n),
            SlotArgs::TwoNamed => given == 2,
            SlotArgs::OneOrTwo | SlotArgs::GetOwner => (1..=2).contains(&given),
        };
        if fits && !kwargs { Ok(()) } else { Err(self.slot_args_error(given, kwargs)) }
    }

    #[cold]
    fn slot_args_error(&self, given: usize, kwargs: bool) -> crate::error::PyErr {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        match self.slot_args {
            _ if kwargs && self.slot_wrapper => crate::err!(TypeError, "wrapper {}() takes no keyword arguments", self.name),
            _ if kwargs => crate::err!(TypeError, "{}() takes no keyword arguments", self.qualname),
            SlotArgs::NoArgs => crate::err!(TypeError, "{}() takes no arguments ({} given)", self.qualname, given),
            SlotArgs::One => crate::err!(TypeError, "{}() takes exactly one argument ({} given)", self.qualname, given),
            SlotArgs::Positional(min, max) => {
                let (bound, n) = if given < usize::from(min) { ("at least ", min) } else { ("at most ", max) };
                let bound = if min == max { "" } else { bound };
                crate::err!(TypeError, "{} expected {}{} argument{}, got {}", self.name, bound, n, plural(n.into()), given)
            }
            SlotArgs::Exactly(n) => crate::err!(TypeError, "expected {} argument{}, got {}", n, plural(n.into()), given),
            SlotArgs::TwoNamed => crate::err!(TypeError, "{} expected 2 arguments, got {}", self.name, given),
            SlotArgs::OneOrTwo => crate::err!(TypeError, "expected 1 or 2 arguments, got {}", given),
            SlotArgs::GetOwner if given == 0 => crate::err!(TypeError, "{} expected at least 1 argument, got 0", self.name),
            SlotArgs::GetOwner => crate::err!(TypeError, "{} expected at most 2 arguments, got {}", self.name, given),
            SlotArgs::Any => crate::err!(SystemError, "no argument check"),
        }
    }

    /// CPython's error for a method descriptor called without an instance
    /// of its class (a slot wrapper words it differently).
    #[cold]
    fn self_error(&self, this: Option<&Value>) -> crate::error::PyErr {
        let Some(owner) = self.owner_type() else { return crate::err!(SystemError, "not a method descriptor") };
        let slot = self.slot_wrapper;
        match this {
            None if slot => {
                crate::err!(TypeError, "descriptor '{}' of '{}' object needs an argument", self.name, crate::ops::tp_name(owner))
            }
            None => crate::err!(TypeError, "unbound method {}() needs an argument", self.qualname),
            Some(s) if slot => crate::err!(
                TypeError,
                "descriptor '{}' requires a '{}' object but received a '{}'",
                self.name,
                crate::ops::tp_name(owner),
                crate::ops::type_name(s)
            ),
            Some(s) => self.not_applicable(owner, s),
        }
    }

    /// For `__get__`: `obj` must be an instance of the method's class.
    pub fn check_binds_to(&self, obj: &Value) -> PyResult<()> {
        match self.owner_type() {
            Some(owner) if obj.type_ref() != owner && !obj.type_ref().is_subtype(owner) => Err(self.not_applicable(owner, obj)),
            _ => Ok(()),
        }
    }

    #[cold]
    fn not_applicable(&self, owner: TypeRef, obj: &Value) -> crate::error::PyErr {
        crate::err!(
            TypeError,
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            self.name,
            crate::ops::tp_name(owner),
            crate::ops::type_name(obj)
        )
    }
}

/// Whether CPython has `name` on a builtin class as a slot wrapper (a type
/// slot's method, like `__len__`), whose errors are worded differently from a
/// method descriptor's. A few classes define such a name as a plain method
/// as well, which then wins.
fn is_slot_wrapper(owner: TypeRef, name: &str) -> bool {
    let r = rt();
    let plain_method = match name {
        "__getitem__" => owner == r.types.list || owner == r.types.dict,
        "__contains__" => owner == r.types.dict || owner == r.types.set || owner == r.types.frozenset,
        _ => false,
    };
    !plain_method && SLOT_WRAPPER_NAMES.contains(&name)
}

/// The methods CPython defines from type slots.
const SLOT_WRAPPER_NAMES: &[&str] = &[
    "__getattribute__", "__getattr__", "__setattr__", "__delattr__", "__repr__", "__hash__", "__call__", "__str__",
    "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__", "__iter__", "__next__", "__get__", "__set__",
    "__delete__", "__init__", "__del__", "__buffer__", "__release_buffer__", "__await__", "__aiter__", "__anext__",
    "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__mod__", "__rmod__", "__divmod__",
    "__rdivmod__", "__pow__", "__rpow__", "__neg__", "__pos__", "__abs__", "__bool__", "__invert__", "__lshift__",
    "__rlshift__", "__rshift__", "__rrshift__", "__and__", "__rand__", "__xor__", "__rxor__", "__or__", "__ror__",
    "__int__", "__float__", "__iadd__", "__isub__", "__imul__", "__imod__", "__ipow__", "__ilshift__", "__irshift__",
    "__iand__", "__ixor__", "__ior__", "__floordiv__", "__rfloordiv__", "__truediv__", "__rtruediv__",
    "__ifloordiv__", "__itruediv__", "__index__", "__matmul__", "__rmatmul__", "__imatmul__", "__len__",
    "__getitem__", "__setitem__", "__delitem__", "__contains__",
];

pub fn new_native(name: &'static str, func: NativeFnPtr) -> Value {
    alloc(
        rt().types.builtin_function,
        NativeFunction {
            name,
            qualname: name.to_owned(),
            func,
            self_: None,
            owner: None,
            doc: None,
            module: None,
            slot_wrapper: false,
            slot_args: SlotArgs::Any,
        },
    )
}

/// A method descriptor of class `owner`. One of a builtin class is immortal
/// (shared by every thread's calls); one of a heap class goes with its class.
pub fn new_method_descriptor(owner: TypeRef, name: &'static str, func: NativeFnPtr) -> Value {
    let slot_wrapper = is_slot_wrapper(owner, name);
    let qualname = format!("{}.{}", owner.name(), name);
    let slot_args = if slot_wrapper { SlotArgs::of(name) } else { SlotArgs::of_method(&qualname) };
    let types = &rt().types;
    let v = alloc(
        if slot_wrapper { types.wrapper_descriptor } else { types.method_descriptor },
        NativeFunction {
            name,
            qualname,
            func,
            self_: None,
            owner: Some(owner.to_value()),
            doc: if slot_wrapper { crate::builtins_init::signatures::slot_wrapper_doc(name).map(|(_, doc)| doc) } else { None },
            module: None,
            slot_wrapper,
            slot_args,
        },
    );
    if !owner.is_heap() {
        if let Some(h) = v.header() {
            h.make_immortal();
        }
    }
    v
}

pub fn bind_native(f: &NativeFunction, obj: Value) -> Value {
    let types = &rt().types;
    // A builtin method is named after its object's class (the class itself
    // for a class method), as CPython's `meth_get__qualname__`; a
    // method-wrapper after its descriptor.
    let qualname = if f.slot_wrapper {
        f.qualname.clone()
    } else {
        let class = TypeRef::from_value(&obj).unwrap_or_else(|| obj.type_ref());
        format!("{}.{}", class.data().qualname.read(), f.name)
    };
    alloc(
        if f.slot_wrapper { types.method_wrapper } else { types.builtin_function },
        NativeFunction {
            name: f.name,
            qualname,
            func: f.func,
            self_: Some(obj),
            owner: None,
            doc: f.doc,
            module: None,
            slot_wrapper: f.slot_wrapper,
            slot_args: f.slot_args,
        },
    )
}

/// Mutable attributes of a Python function.
pub struct FunctionAttrs {
    pub name: Value,
    pub qualname: Value,
    pub annotations: Option<Value>,
    pub annotate: Option<Value>,
    pub doc: Value,
    pub module: Value,
    pub dict: Option<Value>,
    pub type_params: Option<Value>,
}

/// `__code__`, read on every call without a lock. A replaced code object
/// moves to `retired` and lives until the function dies, so a reader that
/// loaded the old pointer just before a concurrent `__code__ = ...` can still
/// take its reference safely.
pub struct CodeCell {
    /// The raw bits of an owned `Value` (always a heap object).
    current: std::sync::atomic::AtomicUsize,
    retired: Mutex<Vec<Value>>,
}

impl CodeCell {
    pub fn new(code: Value) -> CodeCell {
        CodeCell { current: std::sync::atomic::AtomicUsize::new(code.into_raw()), retired: Mutex::new(Vec::new()) }
    }

    /// A new reference to the current code object.
    #[inline]
    pub fn get(&self) -> Value {
        let bits = self.current.load(std::sync::atomic::Ordering::Acquire);
        // SAFETY: `current` always holds a reference owned by this cell, and a
        // replaced one is retired (not released) until the cell drops, so the
        // object is live.
        unsafe { Value::from_borrowed(bits as *const crate::header::ObjHeader) }
    }

    /// The current code object's header, uncounted.
    #[inline]
    pub fn current_ptr(&self) -> *const crate::header::ObjHeader {
        self.current.load(std::sync::atomic::Ordering::Acquire) as *const crate::header::ObjHeader
    }

    pub fn set(&self, code: Value) {
        let old = self.current.swap(code.into_raw(), std::sync::atomic::Ordering::AcqRel);
        // SAFETY: `old` is the reference this cell owned.
        let old = unsafe { Value::from_raw(old as *const crate::header::ObjHeader) };
        self.retired.lock().push(old);
    }
}

impl Drop for CodeCell {
    fn drop(&mut self) {
        let bits = *self.current.get_mut();
        // SAFETY: the cell owns this reference; nobody can read the cell any more.
        drop(unsafe { Value::from_raw(bits as *const crate::header::ObjHeader) });
    }
}

pub struct PyFunction {
    /// `__code__` (assignable; read with `code()`).
    pub code: CodeCell,
    pub globals: Value,
    pub builtins: Value,
    /// `__closure__`, read on every call by every thread without a lock
    /// (`qsbr`); set once, by MAKE_FUNCTION's SET_FUNCTION_ATTRIBUTE.
    pub closure: crate::qsbr::AtomicValue,
    pub attrs: Mutex<FunctionAttrs>,
    /// `__defaults__` and `__kwdefaults__`, read on calls by every thread
    /// without a lock (`qsbr`).
    pub defaults: crate::qsbr::AtomicValue,
    pub kwdefaults: crate::qsbr::AtomicValue,
}

impl PyFunction {
    #[inline]
    pub fn code(&self) -> Value {
        self.code.get()
    }
}

/// `func.__code__ = code`: the new code must have as many free variables as
/// the function has closure cells.
pub fn set_code(f: &PyFunction, v: Option<Value>) -> PyResult<()> {
    let Some(c) = v.as_ref().and_then(|v| v.downcast::<crate::code::PyCode>()) else {
        crate::raise!(TypeError, "__code__ must be set to a code object");
    };
    let ncells = f.closure.get().and_then(|t| crate::seq::tuple_items(&t).map(<[Value]>::len)).unwrap_or(0);
    if c.n_free != ncells {
        let name = crate::str::as_str(&f.attrs.lock().name).unwrap_or("?").to_owned();
        crate::raise!(ValueError, "{}() requires a code object with {} free vars, not {}", name, ncells, c.n_free);
    }
    // 3.14 warns when the new code would change what calling the function
    // makes (a plain result, a generator, a coroutine...).
    let kinds = spindle_bytecode::CodeFlags::GENERATOR | spindle_bytecode::CodeFlags::COROUTINE | spindle_bytecode::CodeFlags::ASYNC_GENERATOR;
    let kind_of = |flags: spindle_bytecode::CodeFlags| flags.0 & kinds;
    let old_kind = f.code().downcast::<crate::code::PyCode>().map(|o| kind_of(o.code.flags));
    if old_kind.is_some_and(|k| k != kind_of(c.code.flags)) {
        let w = crate::err!(
            DeprecationWarning,
            "Assigning a code object of non-matching type is deprecated (e.g., from a generator to a plain function)"
        );
        let mut r = Ok(());
        crate::ops::with_thread_state(|ts| r = crate::builtins_init::sysmod::warn(ts, &w));
        r?;
    }
    if let Some(v) = v {
        f.code.set(v);
    }
    Ok(())
}

impl PyPayload for PyFunction {
    const KIND: PayloadKind = crate::kinds::FUNCTION;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let bits = self.code.current.load(std::sync::atomic::Ordering::Acquire);
        // SAFETY: a borrowed view of the cell's own reference, never dropped.
        let cur = std::mem::ManuallyDrop::new(unsafe { Value::from_raw(bits as *const crate::header::ObjHeader) });
        visit(&cur);
        for c in self.code.retired.lock().iter() {
            visit(c);
        }
        visit(&self.globals);
        visit(&self.builtins);
        let g = crate::qsbr::ReadGuard::new();
        for v in [self.closure.read(&g), self.defaults.read(&g), self.kwdefaults.read(&g)].into_iter().flatten() {
            visit(&v);
        }
        drop(g);
        let a = self.attrs.lock();
        visit(&a.name);
        visit(&a.qualname);
        visit(&a.doc);
        visit(&a.module);
        for v in [&a.annotations, &a.annotate, &a.dict, &a.type_params].into_iter().flatten() {
            visit(v);
        }
    }
    fn clear(&self) {
        let old = self.closure.take();
        drop(old);
        let mut a = self.attrs.lock();
        let olds = (self.defaults.take(), self.kwdefaults.take(), a.annotations.take(), a.annotate.take(), a.dict.take());
        drop(a);
        drop(olds);
    }
}

pub struct PyMethod {
    pub func: Value,
    pub self_: Value,
}

impl PyPayload for PyMethod {
    const KIND: PayloadKind = crate::kinds::METHOD;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.self_);
    }
}

pub fn new_method(func: Value, self_: Value) -> Value {
    alloc(rt().types.method, PyMethod { func, self_ })
}

/// classmethod / staticmethod wrappers.
pub struct PyWrapper {
    pub func: WrappedFunc,
    pub dict: Mutex<Option<Value>>,
}

/// The callable a classmethod/staticmethod wraps, read without a lock on
/// every call by every thread (`qsbr`): a class's `__new__` is one. Always
/// set; `__init__` may replace it (the old one is retired).
pub struct WrappedFunc(crate::qsbr::AtomicValue);

impl WrappedFunc {
    pub fn new(f: Value) -> WrappedFunc {
        WrappedFunc(crate::qsbr::AtomicValue::new(Some(f)))
    }

    /// A counted copy of the callable.
    pub fn get(&self) -> Value {
        self.0.get().unwrap_or_else(crate::runtime::none)
    }

    pub fn set(&self, f: Value) {
        self.0.set(Some(f));
    }
}

impl PyPayload for PyWrapper {
    const KIND: PayloadKind = crate::kinds::CLASSMETHOD;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let g = crate::qsbr::ReadGuard::new();
        if let Some(f) = self.func.0.read(&g) {
            visit(&f);
        }
    }
}

pub struct PyProperty {
    pub fget: Option<Value>,
    pub fset: Option<Value>,
    pub fdel: Option<Value>,
    /// Writable, as in CPython (`prop.__doc__ = ...`).
    pub doc: Mutex<Option<Value>>,
    pub name: Mutex<Option<Value>>,
}

impl PyPayload for PyProperty {
    const KIND: PayloadKind = crate::kinds::PROPERTY;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for v in [&self.fget, &self.fset, &self.fdel].into_iter().flatten() {
            visit(v);
        }
        if let Some(d) = self.doc.lock().as_ref() {
            visit(d);
        }
    }
}
