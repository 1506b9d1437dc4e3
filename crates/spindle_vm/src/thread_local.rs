//! `_thread._local` (`threading.local`): one attribute dict per thread.
//!
//! Where the dicts live: every OS thread has a `ThreadStore` (reached through
//! a Rust thread-local, so finding the current thread's dict takes no shared
//! lock and touches no shared reference count) mapping a local object's
//! `serial` to that thread's dict for it. The store's mutex is only ever
//! taken by its own thread, except by a local being freed or cleared (which
//! removes its dicts from every store that has one) and by the collector's
//! traversal while the world is stopped, so it is uncontended.
//!
//! Lifetimes (CPython keeps the same ones with weakrefs): a thread's dicts
//! are freed when the thread ends (`drop_this_thread_dicts`, from the thread's
//! clean-up, while it can still run `__del__`); a local's dicts are freed when
//! the local is (each local remembers, weakly, the stores holding a dict for
//! it). The collector sees a local's dicts as referenced by the local
//! (`traverse`), so cycles through them are found, and `clear` frees them.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak};

use parking_lot::Mutex;

use crate::dict::PyDict;
use crate::error::PyResult;
use crate::function::Args;
use crate::interp::ThreadState;
use crate::object::{PayloadKind, PyPayload, TypeRef};
use crate::runtime::rt;
use crate::value::Value;
use crate::{ops, raise};

/// Hashes a local's serial (already unique, so one multiply spreads it).
#[derive(Default)]
struct SerialHasher(u64);

impl Hasher for SerialHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8 | *b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type DictMap = HashMap<u64, Value, BuildHasherDefault<SerialHasher>>;

/// One thread's dicts, by local serial.
#[derive(Default)]
struct ThreadStore {
    dicts: Mutex<DictMap>,
}

thread_local! {
    static STORE: RefCell<Option<Arc<ThreadStore>>> = const { RefCell::new(None) };
}

/// Serials are never reused, so a store entry can never answer for a later
/// local at the same address.
static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);

/// The payload of a `_thread._local` (and of instances of its subclasses).
pub struct PyThreadLocal {
    serial: u64,
    /// The constructor's arguments (a tuple and a dict or None), which
    /// `__init__` gets again in every other thread that touches the local.
    init_args: Mutex<(Value, Value)>,
    /// The stores holding a dict for this local.
    stores: Mutex<Vec<Weak<ThreadStore>>>,
}

impl PyPayload for PyThreadLocal {
    const KIND: PayloadKind = crate::kinds::THREAD_LOCAL;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // Locks are held only for a map or vector step (no Python code runs
        // under them), so they are free while the world is stopped.
        if let Some(a) = self.init_args.try_lock() {
            visit(&a.0);
            visit(&a.1);
        }
        if let Some(stores) = self.stores.try_lock() {
            for s in stores.iter().filter_map(Weak::upgrade) {
                if let Some(m) = s.dicts.try_lock() {
                    if let Some(d) = m.get(&self.serial) {
                        visit(d);
                    }
                }
            }
        }
    }
    fn clear(&self) {
        let old = std::mem::replace(&mut *self.init_args.lock(), (crate::seq::new_tuple(Vec::new()), crate::runtime::none()));
        drop(old);
        self.release_dicts();
    }
}

impl Drop for PyThreadLocal {
    fn drop(&mut self) {
        self.release_dicts();
    }
}

impl PyThreadLocal {
    /// Removes this local's dict from every thread's store; the dicts die
    /// after every lock is released (their contents may run `__del__`).
    fn release_dicts(&self) {
        let stores = std::mem::take(&mut *self.stores.lock());
        let mut freed = Vec::new();
        for s in stores.iter().filter_map(Weak::upgrade) {
            if let Some(d) = s.dicts.lock().remove(&self.serial) {
                freed.push(d);
            }
        }
        drop(freed);
    }

    /// This thread's dict for the local, if it has one.
    #[inline]
    fn current_dict(&self) -> Option<Value> {
        STORE.with(|s| match &*s.borrow() {
            Some(st) => st.dicts.lock().get(&self.serial).cloned(),
            None => None,
        })
    }

    /// Stores `d` as this thread's dict for the local.
    fn install(&self, d: Value) {
        let store = STORE.with(|s| s.borrow_mut().get_or_insert_with(Default::default).clone());
        let old = store.dicts.lock().insert(self.serial, d);
        let mut stores = self.stores.lock();
        // Forget ended threads' stores, then remember this one (once).
        stores.retain(|w| w.strong_count() > 0);
        if !stores.iter().any(|w| std::ptr::eq(w.as_ptr(), Arc::as_ptr(&store))) {
            stores.push(Arc::downgrade(&store));
        }
        drop(stores);
        drop(old);
    }

    /// Forgets this thread's dict (its `__init__` failed).
    fn uninstall(&self) {
        let old = STORE.with(|s| s.borrow().as_ref().and_then(|st| st.dicts.lock().remove(&self.serial)));
        drop(old);
    }

    /// This thread's dict, made on the thread's first use of the local, when
    /// a subclass's `__init__` runs again with the constructor's arguments
    /// (CPython's `_ldict`).
    pub fn dict(&self, ts: &ThreadState, obj: &Value) -> PyResult<Value> {
        if let Some(d) = self.current_dict() {
            return Ok(d);
        }
        let d = crate::builtins_init::new_dict();
        self.install(d.clone());
        if let Some(init) = own_init(obj.type_ref()) {
            let (args, kwargs) = self.init_args.lock().clone();
            if let Err(e) = call_init(ts, &init, obj, &args, &kwargs) {
                self.uninstall();
                return Err(e);
            }
        }
        Ok(d)
    }
}

/// The `__init__` of `ty` unless it is `object.__init__`.
fn own_init(ty: TypeRef) -> Option<Value> {
    let init = ty.lookup_static("__init__")?;
    match rt().types.object.lookup_static("__init__") {
        Some(o) if o.is(&init) => None,
        _ => Some(init),
    }
}

/// `init(obj, *args, **kwargs)`.
fn call_init(ts: &ThreadState, init: &Value, obj: &Value, args: &Value, kwargs: &Value) -> PyResult<()> {
    let mut all = vec![obj.clone()];
    all.extend_from_slice(crate::seq::tuple_items(args).unwrap_or(&[]));
    let mut names = Vec::new();
    if let Some(kw) = kwargs.downcast::<PyDict>() {
        for (k, v) in kw.items() {
            names.push(k);
            all.push(v);
        }
    }
    ops::call_args(ts, init, Args { args: &all, kwnames: &names }).map(drop)
}

/// Frees the calling thread's dicts (at thread exit, while the thread can
/// still run `__del__`). Idempotent.
pub fn drop_this_thread_dicts() {
    let store = STORE.with(|s| s.borrow_mut().take());
    if let Some(st) = store {
        let dicts = std::mem::take(&mut *st.dicts.lock());
        // Locals that outlive the thread now find a dead weak store.
        drop(st);
        drop(dicts);
    }
}

/// `_local.__new__(cls, *args, **kwargs)`: arguments are only accepted when
/// a subclass defines `__init__`. The creating thread's dict is made here.
pub fn local_new(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let Some(cls) = a.args.first().and_then(TypeRef::from_value) else {
        let what = a.args.first().map(ops::type_name).unwrap_or_default();
        raise!(TypeError, "_thread._local.__new__(X): X is not a type object ({})", what)
    };
    let pos = a.positional();
    let rest = pos.get(1..).unwrap_or(&[]);
    if (!rest.is_empty() || a.has_kwargs()) && own_init(cls).is_none() {
        raise!(TypeError, "Initialization arguments are not supported");
    }
    let kwargs = if a.has_kwargs() {
        let d = crate::builtins_init::new_dict();
        if let Some(dd) = d.downcast::<PyDict>() {
            for (k, v) in a.kwnames.iter().zip(&a.args[pos.len()..]) {
                dd.set_str(k.clone(), v.clone());
            }
        }
        d
    } else {
        crate::runtime::none()
    };
    let local = PyThreadLocal {
        serial: NEXT_SERIAL.fetch_add(1, Ordering::Relaxed),
        init_args: Mutex::new((crate::seq::new_tuple(rest.to_vec()), kwargs)),
        stores: Mutex::new(Vec::new()),
    };
    let obj = crate::object::alloc(cls, local);
    if let Some(l) = obj.downcast::<PyThreadLocal>() {
        l.install(crate::builtins_init::new_dict());
    }
    Ok(obj)
}

/// Attribute lookup on a local (`generic_getattr` sends locals here, after
/// `__class__`): `__dict__` is this thread's dict; otherwise as
/// `object.__getattribute__` with this thread's dict as the instance dict.
pub(crate) fn getattr(ts: &ThreadState, obj: &Value, l: &PyThreadLocal, name: &Value, name_s: &str) -> PyResult {
    let d = l.dict(ts, obj)?;
    if name_s == "__dict__" {
        return Ok(d);
    }
    let ty = obj.type_ref();
    let found = ty.lookup_name(name);
    if let Some(desc) = &found {
        if ops::is_data_descriptor(desc) {
            return ops::descr_get(ts, desc.clone(), Some(obj), ty);
        }
    }
    if let Some(v) = d.downcast::<PyDict>().and_then(|dd| dd.get_name(name)) {
        return Ok(v);
    }
    if let Some(desc) = found {
        return ops::descr_get(ts, desc, Some(obj), ty);
    }
    if let Some(v) = crate::builtins_init::builtin_attr(ts, obj, name_s)? {
        return Ok(v);
    }
    Err(ops::attribute_error(obj, name_s))
}

/// Before a store or delete on a local: `__dict__` is read-only, and this
/// thread's dict exists (its `__init__` has run) for `instance_dict` to find.
pub(crate) fn before_setattr(ts: &ThreadState, obj: &Value, l: &PyThreadLocal, name_s: &str) -> PyResult<()> {
    if name_s == "__dict__" {
        raise!(AttributeError, "'{}' object attribute '__dict__' is read-only", ops::type_name(obj));
    }
    l.dict(ts, obj).map(drop)
}

/// This thread's dict for the local, without running `__init__` (made empty
/// if the thread has none yet).
pub(crate) fn instance_dict(l: &PyThreadLocal) -> Value {
    if let Some(d) = l.current_dict() {
        return d;
    }
    let d = crate::builtins_init::new_dict();
    l.install(d.clone());
    d
}

/// `name` in this thread's dict for the local (none if it has no dict yet).
pub(crate) fn instance_dict_get(l: &PyThreadLocal, name: &Value) -> Option<Value> {
    l.current_dict()?.downcast::<PyDict>()?.get_name(name)
}
