//! `_abc`: the state and checks behind `abc.ABCMeta` (registry of virtual
//! subclasses, positive and negative subclass caches, the invalidation
//! token). Written natively, as CPython's: besides speed, `typing` decides
//! whether an isinstance() check comes from `abc` by looking at the calling
//! frame, and native functions have none.
//!
//! Registry and caches hold weak references keyed by the class's address;
//! a key matches only while its weakref still points at that very class.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use parking_lot::Mutex;
use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::object::{PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{none, rt};
use spindle_vm::str::new_str;
use spindle_vm::value::Value;
use spindle_vm::{native, ops, raise};

use super::weakref::{WeakRef, deref};
use crate::kinds::{CORE_BASE, kind};

/// One weak set of classes.
#[derive(Default)]
struct WeakSet(HashMap<usize, Value>);

impl WeakSet {
    fn contains(&self, cls: &Value) -> bool {
        match self.0.get(&cls.id()) {
            Some(w) => w.downcast::<WeakRef>().and_then(deref).is_some_and(|v| v.is(cls)),
            None => false,
        }
    }
    fn live(&self) -> Vec<Value> {
        self.0.values().filter_map(|w| w.downcast::<WeakRef>().and_then(deref)).collect()
    }
}

#[derive(Default)]
struct Inner {
    registry: WeakSet,
    cache: WeakSet,
    negative: WeakSet,
    negative_version: u64,
}

/// `_abc._abc_data`: one ABC's registry and caches (its `_abc_impl`).
pub(crate) struct AbcData {
    inner: Mutex<Inner>,
}

impl PyPayload for AbcData {
    const KIND: spindle_vm::object::PayloadKind = kind(CORE_BASE + 40);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // The lock is only ever held for map operations (no Python code,
        // no safepoint), so it is free whenever the world is stopped.
        if let Some(g) = self.inner.try_lock() {
            for s in [&g.registry, &g.cache, &g.negative] {
                for w in s.0.values() {
                    visit(w);
                }
            }
        }
    }
    fn clear(&self) {
        let old = std::mem::take(&mut *self.inner.lock());
        drop(old);
    }
}

/// The interpreter's invalidation token (bumped by every register()).
struct Token(AtomicU64);

impl PyPayload for Token {
    const KIND: spindle_vm::object::PayloadKind = kind(CORE_BASE + 41);
}

static DATA_T: std::sync::OnceLock<TypeRef> = std::sync::OnceLock::new();
static TOKEN_T: std::sync::OnceLock<TypeRef> = std::sync::OnceLock::new();

fn token_cell(ts: &ThreadState) -> Value {
    let t = *TOKEN_T.get_or_init(|| native::new_type::<Token>("_abc_token", "_abc", None, false));
    ts.interp.module_state("_abc.token", || alloc(t, Token(AtomicU64::new(0))))
}

fn token(ts: &ThreadState) -> u64 {
    token_cell(ts).downcast::<Token>().map(|t| t.0.load(Ordering::Acquire)).unwrap_or(0)
}

fn weak(ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let m = spindle_vm::import::import_module(ts, "_weakref")?;
    let r = ops::getattr_str(ts, &m, "ref")?;
    ops::call(ts, &r, &[cls.clone()])
}

fn add(ts: &ThreadState, data: &AbcData, which: fn(&mut Inner) -> &mut WeakSet, cls: &Value) -> PyResult<()> {
    let w = weak(ts, cls)?;
    which(&mut data.inner.lock()).0.insert(cls.id(), w);
    Ok(())
}

fn impl_of<'a>(ts: &ThreadState, cls: &Value, keep: &'a mut Option<Value>) -> PyResult<&'a AbcData> {
    let v = ops::getattr_str(ts, cls, "_abc_impl")?;
    let v = keep.insert(v);
    match v.downcast::<AbcData>() {
        Some(d) => Ok(d),
        None => raise!(TypeError, "_abc_impl is set to a wrong type"),
    }
}

fn issubclass(ts: &ThreadState, a: &Value, b: &Value) -> PyResult<bool> {
    let f = ops::getattr_str(ts, &ts.interp.builtins, "issubclass")?;
    let r = ops::call(ts, &f, &[a.clone(), b.clone()])?;
    ops::is_true(ts, &r)
}

fn is_abstract(ts: &ThreadState, v: &Value) -> PyResult<bool> {
    match ops::getattr_opt(ts, v, "__isabstractmethod__")? {
        Some(x) => ops::is_true(ts, &x),
        None => Ok(false),
    }
}

fn one<'a>(name: &str, a: &'a Args<'_>, n: usize) -> PyResult<&'a [Value]> {
    let pos = a.positional();
    if a.has_kwargs() || pos.len() != n {
        if n == 1 {
            raise!(TypeError, "{}() takes exactly one argument ({} given)", name, pos.len());
        }
        raise!(TypeError, "{} expected {} arguments, got {}", name, n, pos.len());
    }
    Ok(pos)
}

fn abc_init(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = &one("_abc_init", &a, 1)?[0];
    let mut abstracts: Vec<Value> = Vec::new();
    let ns = ops::getattr_str(ts, cls, "__dict__")?;
    let items = ops::call_method(ts, &ns, "items", &[])?;
    for item in ops::collect(ts, &items)? {
        let kv = ops::collect(ts, &item)?;
        if let [k, v] = kv.as_slice() {
            if is_abstract(ts, v)? {
                abstracts.push(k.clone());
            }
        }
    }
    let bases = ops::getattr_str(ts, cls, "__bases__")?;
    if spindle_vm::seq::tuple_items(&bases).is_none() {
        raise!(TypeError, "__bases__ is not tuple");
    }
    for base in ops::collect(ts, &bases)? {
        let Some(names) = ops::getattr_opt(ts, &base, "__abstractmethods__")? else { continue };
        for name in ops::collect(ts, &names)? {
            let Some(v) = ops::getattr_opt(ts, cls, spindle_vm::str::as_str(&name).unwrap_or(""))? else { continue };
            if is_abstract(ts, &v)? {
                abstracts.push(name);
            }
        }
    }
    let fs = spindle_vm::builtins_init::containers::new_frozenset_from(abstracts);
    ops::setattr(ts, cls, &new_str("__abstractmethods__"), Some(fs))?;
    let t = *DATA_T.get_or_init(|| native::new_type::<AbcData>("_abc_data", "_abc", None, false));
    let data = alloc(t, AbcData { inner: Mutex::new(Inner { negative_version: token(ts), ..Inner::default() }) });
    ops::setattr(ts, cls, &new_str("_abc_impl"), Some(data))?;
    Ok(none())
}

fn abc_register(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = one("_abc_register", &a, 2)?;
    let (cls, sub) = (&args[0], &args[1]);
    if TypeRef::from_value(sub).is_none() {
        raise!(TypeError, "Can only register classes");
    }
    if issubclass(ts, sub, cls)? {
        return Ok(sub.clone());
    }
    if issubclass(ts, cls, sub)? {
        raise!(RuntimeError, "Refusing to create an inheritance cycle");
    }
    let mut keep = None;
    let data = impl_of(ts, cls, &mut keep)?;
    add(ts, data, |i| &mut i.registry, sub)?;
    if let Some(t) = token_cell(ts).downcast::<Token>() {
        t.0.fetch_add(1, Ordering::AcqRel);
    }
    Ok(sub.clone())
}

fn abc_instancecheck(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = one("_abc_instancecheck", &a, 2)?;
    let (cls, inst) = (&args[0], &args[1]);
    let mut keep = None;
    let data = impl_of(ts, cls, &mut keep)?;
    let sub = ops::getattr_str(ts, inst, "__class__")?;
    if data.inner.lock().cache.contains(&sub) {
        return Ok(new_bool(true));
    }
    let subtype = inst.type_ref().to_value();
    if subtype.is(&sub) {
        {
            let g = data.inner.lock();
            if g.negative_version == token(ts) && g.negative.contains(&sub) {
                return Ok(new_bool(false));
            }
        }
        return ops::call_method(ts, cls, "__subclasscheck__", &[sub]);
    }
    let r = ops::call_method(ts, cls, "__subclasscheck__", &[sub])?;
    if ops::is_true(ts, &r)? {
        return Ok(r);
    }
    ops::call_method(ts, cls, "__subclasscheck__", &[subtype])
}

fn abc_subclasscheck(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = one("_abc_subclasscheck", &a, 2)?;
    let (cls, sub) = (&args[0], &args[1]);
    let Some(sub_t) = TypeRef::from_value(sub) else { raise!(TypeError, "issubclass() arg 1 must be a class") };
    let mut keep = None;
    let data = impl_of(ts, cls, &mut keep)?;
    if data.inner.lock().cache.contains(sub) {
        return Ok(new_bool(true));
    }
    let tok = token(ts);
    {
        let mut g = data.inner.lock();
        if g.negative_version < tok {
            g.negative = WeakSet::default();
            g.negative_version = tok;
        } else if g.negative.contains(sub) {
            return Ok(new_bool(false));
        }
    }
    let ok = ops::call_method(ts, cls, "__subclasshook__", &[sub.clone()])?;
    let r = rt();
    if ok.is(&r.true_) {
        add(ts, data, |i| &mut i.cache, sub)?;
        return Ok(new_bool(true));
    }
    if ok.is(&r.false_) {
        add(ts, data, |i| &mut i.negative, sub)?;
        return Ok(new_bool(false));
    }
    if !ok.is(&r.not_implemented) {
        raise!(AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
    }
    if sub_t.mro().iter().any(|t| t.to_value().is(cls)) {
        add(ts, data, |i| &mut i.cache, sub)?;
        return Ok(new_bool(true));
    }
    let registered = data.inner.lock().registry.live();
    for rcls in registered {
        if issubclass(ts, sub, &rcls)? {
            add(ts, data, |i| &mut i.cache, sub)?;
            return Ok(new_bool(true));
        }
    }
    let subclasses = ops::call_method(ts, cls, "__subclasses__", &[])?;
    for scls in ops::collect(ts, &subclasses)? {
        if issubclass(ts, sub, &scls)? {
            add(ts, data, |i| &mut i.cache, sub)?;
            return Ok(new_bool(true));
        }
    }
    add(ts, data, |i| &mut i.negative, sub)?;
    Ok(new_bool(false))
}

fn get_cache_token(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    one("get_cache_token", &a, 0)?;
    Ok(new_int(token(ts) as i64))
}

fn set_of(ts: &ThreadState, s: &WeakSet) -> PyResult<Value> {
    let mut refs = Vec::new();
    for w in s.0.values() {
        if w.downcast::<WeakRef>().and_then(deref).is_some() {
            refs.push(w.clone());
        }
    }
    spindle_vm::builtins_init::containers::new_set(ts, refs)
}

fn get_dump(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = &one("_get_dump", &a, 1)?[0];
    let mut keep = None;
    let data = impl_of(ts, cls, &mut keep)?;
    let (reg, cache, neg, ver) = {
        let g = data.inner.lock();
        (
            WeakSet(g.registry.0.clone()),
            WeakSet(g.cache.0.clone()),
            WeakSet(g.negative.0.clone()),
            g.negative_version,
        )
    };
    Ok(spindle_vm::seq::new_tuple(vec![set_of(ts, &reg)?, set_of(ts, &cache)?, set_of(ts, &neg)?, new_int(ver as i64)]))
}

fn reset_registry(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = &one("_reset_registry", &a, 1)?[0];
    let mut keep = None;
    let data = impl_of(ts, cls, &mut keep)?;
    let old = std::mem::take(&mut data.inner.lock().registry);
    drop(old);
    Ok(none())
}

fn reset_caches(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = &one("_reset_caches", &a, 1)?[0];
    let mut keep = None;
    let data = impl_of(ts, cls, &mut keep)?;
    let (c, n) = {
        let mut g = data.inner.lock();
        (std::mem::take(&mut g.cache), std::mem::take(&mut g.negative))
    };
    drop((c, n));
    Ok(none())
}

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    Ok(native::new_module(
        "_abc",
        &[
            ("get_cache_token", get_cache_token),
            ("_abc_init", abc_init),
            ("_abc_register", abc_register),
            ("_abc_instancecheck", abc_instancecheck),
            ("_abc_subclasscheck", abc_subclasscheck),
            ("_get_dump", get_dump),
            ("_reset_registry", reset_registry),
            ("_reset_caches", reset_caches),
        ],
    ))
}
