//! Classes: the builtin type hierarchy's wiring, `type(...)` calls (`__new__`
//! then `__init__`), the `class` statement (`__build_class__`, metaclasses,
//! `__prepare__`, `__set_name__`, `__init_subclass__`, `__classcell__`), C3
//! MRO, `__slots__`, attribute access on type objects, and `super`.

use parking_lot::Mutex;

use crate::dict::PyDict;
use crate::error::PyResult;
use crate::function::{Args, NativeFunction, PyFunction, PyWrapper};
use crate::interp::ThreadState;
use crate::object::{PayloadKind, PyPayload, TypeRef, alloc};
use crate::ops;
use crate::runtime::{Runtime, is_none, none, rt};
use crate::str::{as_str, new_str};
use crate::types::{TypeData, type_flags};
use crate::value::Value;
use crate::{err, raise};

pub struct PySuper {
    pub thisclass: Value,
    pub obj: Option<Value>,
    pub obj_type: Option<Value>,
}

impl PyPayload for PySuper {
    const KIND: PayloadKind = crate::kinds::SUPER;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.thisclass);
        for v in [&self.obj, &self.obj_type].into_iter().flatten() {
            visit(v);
        }
    }
}

/// A `__slots__` entry: reads and writes slot `index` of the instance extension.
pub struct PyMember {
    pub name: String,
    pub index: usize,
    pub owner: String,
}

impl PyPayload for PyMember {
    const KIND: PayloadKind = crate::kinds::MEMBER;
}

/// A special attribute of a builtin type, served by `builtin_attr` / `builtin_setattr`.
pub struct PyGetSet {
    pub name: &'static str,
    pub owner: String,
}

impl PyPayload for PyGetSet {
    const KIND: PayloadKind = crate::kinds::GETSET;
}

pub struct PyGenericAlias {
    pub origin: Value,
    pub args: Value,
    /// `*tuple[int, ...]`: the alias that iterating `tuple[int, ...]` yields.
    pub starred: bool,
}

impl PyPayload for PyGenericAlias {
    const KIND: PayloadKind = crate::kinds::GENERIC_ALIAS;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.origin);
        visit(&self.args);
    }
}

/// `X | Y` of types (3.14: the same object as `typing.Union[X, Y]`).
pub struct PyUnion {
    pub args: Value,
}

impl PyPayload for PyUnion {
    const KIND: PayloadKind = crate::kinds::UNION;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.args);
    }
}

pub fn is_slot_member(d: &Value) -> bool {
    d.downcast::<PyMember>().is_some() || d.downcast::<PyGetSet>().is_some()
}

pub(crate) fn set_builtin_base(t: TypeRef, base: Option<TypeRef>) {
    let td = t.data();
    match base {
        Some(b) => {
            // Builtin classes are their bases' subclasses too (`__subclasses__`).
            let old = td.base.read().clone().and_then(|o| TypeRef::from_value(&o));
            if let Some(o) = old.filter(|o| *o != b) {
                o.remove_subclass(t);
            }
            b.add_subclass(t);
            *td.base.write() = Some(b.to_value());
            *td.bases.write() = vec![b.to_value()];
            let mut mro = vec![b.to_value()];
            mro.extend(b.data().mro_rest.read(&crate::qsbr::ReadGuard::new()).iter().cloned());
            td.mro_rest.set(mro);
        }
        None => {
            *td.base.write() = None;
            td.bases.write().clear();
            td.mro_rest.set(Vec::new());
        }
    }
}

pub(crate) fn init_builtin_type_hierarchy(r: &Runtime) {
    let object = r.types.object;
    for t in r.types.all() {
        if t != object && t.data().base.read().is_none() {
            set_builtin_base(t, Some(object));
        }
    }
    set_builtin_base(r.types.bool_, Some(r.types.int));
    // Exceptions were wired when created, but BaseException itself needs object.
    set_builtin_base(r.exc.BaseException, Some(object));
    for (_, t) in r.exc.all() {
        // Re-derive the MRO now that BaseException's is complete.
        let base = t.data().base.read().clone();
        if let Some(b) = base.as_ref().and_then(TypeRef::from_value) {
            set_builtin_base(t, Some(b));
        }
    }
    // `class ExceptionGroup(BaseExceptionGroup, Exception)`: the one builtin
    // exception with two bases.
    let (eg, beg, exc) = (r.exc.ExceptionGroup, r.exc.BaseExceptionGroup, r.exc.Exception);
    *eg.data().bases.write() = vec![beg.to_value(), exc.to_value()];
    exc.add_subclass(eg);
    eg.data().mro_rest.set(vec![beg.to_value(), exc.to_value(), r.exc.BaseException.to_value(), object.to_value()]);
}

/// Attribute lookup on a type object (`type.__getattribute__`).
pub fn type_getattr(ts: &ThreadState, t: TypeRef, obj: &Value, name: &Value, name_s: &str) -> PyResult {
    let meta = obj.type_ref();
    if name_s == "__class__" {
        return Ok(meta.to_value());
    }
    let meta_attr = meta.lookup(name_s);
    if let Some(d) = &meta_attr {
        if ops::is_data_descriptor(d) {
            return ops::descr_get(ts, d.clone(), Some(obj), meta);
        }
    }
    // A builtin type's `__module__` describes the type (as type's own getset
    // does in CPython), not the getset its instances use.
    if name_s == "__module__" && !t.is_heap() {
        if let Some(v) = crate::builtins_init::builtin_attr(ts, obj, name_s)? {
            return Ok(v);
        }
    }
    if let Some(v) = t.lookup(name_s) {
        return ops::descr_get(ts, v, None, t);
    }
    if let Some(v) = crate::builtins_init::builtin_attr(ts, obj, name_s)? {
        return Ok(v);
    }
    if let Some(d) = meta_attr {
        return ops::descr_get(ts, d, Some(obj), meta);
    }
    if meta.is_heap() {
        if let Some(hook) = meta.lookup_static("__getattr__") {
            return ops::call(ts, &hook, &[obj.clone(), name.clone()]);
        }
    }
    raise!(AttributeError, "type object '{}' has no attribute '{}'", t.name(), name_s)
}

pub fn type_setattr(ts: &ThreadState, t: TypeRef, name: &Value, value: Option<Value>) -> PyResult<()> {
    let name_s = as_str(name).unwrap_or("");
    if !t.is_heap() {
        raise!(
            TypeError,
            "cannot set '{}' attribute of immutable type '{}'",
            name_s,
            t.name()
        );
    }
    let meta = t.to_value().type_ref();
    if let Some(d) = meta.lookup(name_s) {
        if let Some(p) = d.downcast::<crate::function::PyProperty>() {
            if let (Some(f), Some(v)) = (&p.fset, value.clone()) {
                ops::call(ts, f, &[t.to_value(), v])?;
                return Ok(());
            }
        }
    }
    match name_s {
        "__name__" => {
            if let Some(v) = &value {
                match as_str(v) {
                    Some(s) => t.data().set_name(s.to_owned()),
                    None => raise!(TypeError, "can only assign string to {}.__name__, not '{}'", t.name(), ops::type_name(v)),
                }
            }
            return Ok(());
        }
        "__qualname__" => {
            if let Some(v) = &value {
                match as_str(v) {
                    Some(s) => *t.data().qualname.write() = s.to_owned(),
                    None => raise!(TypeError, "can only assign string to {}.__qualname__, not '{}'", t.name(), ops::type_name(v)),
                }
            }
            return Ok(());
        }
        "__bases__" => return set_bases(t, value),
        _ => {}
    }
    let d = t.data().dict_data();
    match value {
        Some(v) => {
            d.set_str(name.clone(), v);
        }
        None => {
            if d.remove_str(name_s).is_none() {
                raise!(AttributeError, "type object '{}' has no attribute '{}'", t.name(), name_s);
            }
        }
    }
    t.bump_version();
    Ok(())
}

/// `cls.__bases__ = (...)`: CPython's checks, then the new bases and the
/// MROs of the class and its subclasses (restored if one cannot be built).
fn set_bases(t: TypeRef, value: Option<Value>) -> PyResult<()> {
    let name = t.name();
    let Some(v) = value else { raise!(TypeError, "cannot delete '__bases__' attribute of immutable type '{}'", name) };
    let Some(items) = crate::seq::tuple_items(&v).map(<[Value]>::to_vec) else {
        raise!(TypeError, "can only assign tuple to {}.__bases__, not {}", name, ops::type_name(&v))
    };
    if items.is_empty() {
        raise!(TypeError, "can only assign non-empty tuple to {}.__bases__, not ()", name);
    }
    let mut new_bases = Vec::with_capacity(items.len());
    for b in &items {
        let Some(bt) = TypeRef::from_value(b) else {
            raise!(TypeError, "{}.__bases__ must be tuple of classes, not '{}'", name, ops::type_name(b))
        };
        if bt.is_subtype(t) {
            raise!(TypeError, "a __bases__ item causes an inheritance cycle");
        }
        new_bases.push(bt);
    }
    // The base deciding the layout: the first with the most derived payload.
    let mut best = new_bases[0];
    for b in &new_bases {
        let (bk, best_k) = (b.payload_kind(), best.payload_kind());
        if best_k == crate::kinds::OBJECT && bk != crate::kinds::OBJECT {
            best = *b;
        } else if bk != crate::kinds::OBJECT && bk != best_k {
            raise!(TypeError, "multiple bases have instance lay-out conflict");
        }
    }
    let old_base = t.data().base.read().clone().and_then(|b| TypeRef::from_value(&b)).unwrap_or(rt().types.object);
    let slots_of = |bs: &[TypeRef]| -> Vec<String> { bs.iter().flat_map(|b| b.data().slot_names.clone()).collect() };
    let old_bases: Vec<TypeRef> = t.data().bases.read().iter().filter_map(TypeRef::from_value).collect();
    // CPython compares tp_free first: GC-tracked layouts against plain ones.
    if crate::object::is_gc_type(best.data()) != crate::object::is_gc_type(old_base.data()) {
        raise!(TypeError, "__bases__ assignment: '{}' deallocator differs from '{}'", best.name(), old_base.name());
    }
    if best.payload_kind() != t.payload_kind() || slots_of(&new_bases) != slots_of(&old_bases) {
        raise!(TypeError, "__bases__ assignment: '{}' object layout differs from '{}'", best.name(), old_base.name());
    }
    // New MROs: this class, then every subclass below it (parents first).
    let mut affected = vec![t];
    let mut i = 0;
    while i < affected.len() {
        let subs: Vec<TypeRef> = affected[i].subclasses().iter().filter_map(TypeRef::from_value).collect();
        for sub in subs {
            if !affected.contains(&sub) {
                affected.push(sub);
            }
        }
        i += 1;
    }
    let saved: Vec<Vec<Value>> = affected.iter().map(|a| a.data().mro_rest.get()).collect();
    let old_bases_v = t.data().bases.read().clone();
    let old_base_v = t.data().base.read().clone();
    *t.data().bases.write() = items.clone();
    *t.data().base.write() = Some(best.to_value());
    let mut failure = None;
    for a in &affected {
        let bases: Vec<TypeRef> = a.data().bases.read().iter().filter_map(TypeRef::from_value).collect();
        match c3_mro(&bases) {
            Ok(m) => a.data().mro_rest.set(m.iter().map(TypeRef::to_value).collect()),
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    if let Some(e) = failure {
        for (a, m) in affected.iter().zip(saved) {
            a.data().mro_rest.set(m);
        }
        *t.data().bases.write() = old_bases_v;
        *t.data().base.write() = old_base_v;
        return Err(e);
    }
    for ob in &old_bases {
        ob.remove_subclass(t);
    }
    for nb in &new_bases {
        nb.add_subclass(t);
    }
    for a in &affected {
        a.bump_version();
    }
    crate::types::invalidate_lookup_caches();
    Ok(())
}

/// `cls(*args, **kwargs)`.
pub fn call_type(ts: &ThreadState, ty: TypeRef, callable: &Value, args: Args<'_>) -> PyResult {
    let r = rt();
    let meta = callable.type_ref();
    if meta != r.types.type_ {
        if let Some(c) = meta.lookup_static("__call__") {
            if c.downcast::<NativeFunction>().is_none() {
                if c.downcast::<crate::function::PyFunction>().is_some() {
                    let mut v = vec![callable.clone()];
                    v.extend_from_slice(args.args);
                    return ops::call_args(ts, &c, Args { args: &v, kwnames: args.kwnames });
                }
                // Anything else binds as its descriptor protocol says
                // (`__call__ = dict` in typing's _TypedDictMeta does not).
                let bound = ops::descr_get(ts, c, Some(callable), meta)?;
                return ops::call_args(ts, &bound, args);
            }
        }
    }
    call_type_default(ts, ty, callable, args)
}

/// `type.__call__(cls, *args, **kwargs)`: what a metaclass's `__call__`
/// reaches through `super().__call__(...)`.
pub fn type_call_method(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(callable) = a.args.first() else { raise!(TypeError, "descriptor '__call__' of 'type' object needs an argument") };
    let Some(ty) = TypeRef::from_value(callable) else {
        raise!(TypeError, "descriptor '__call__' requires a 'type' object but received a '{}'", ops::type_name(callable))
    };
    call_type_default(ts, ty, callable, Args { args: &a.args[1..], kwnames: a.kwnames })
}

/// `type.__call__` proper: `__new__`, then `__init__` when `__new__` returned an instance.
fn call_type_default(ts: &ThreadState, ty: TypeRef, callable: &Value, args: Args<'_>) -> PyResult {
    let r = rt();
    // int(x), float(x), str(x): just the conversion (these builtin types'
    // __new__ and __init__ cannot be replaced, and exact calls reach here).
    if let ([x], true) = (args.args, args.kwnames.is_empty()) {
        if ty == r.types.int {
            return crate::builtins_init::numbers::int_from_args(ts, Some(x.clone()), None);
        }
        if ty == r.types.float {
            return Ok(crate::num::new_float(crate::builtins_init::numbers::float_of(ts, x)?));
        }
        if ty == r.types.str {
            return ops::str_(ts, x);
        }
    }
    if ty == r.types.type_ {
        let pos = args.positional();
        if pos.len() == 1 && !args.has_kwargs() {
            return Ok(pos[0].type_ref().to_value());
        }
        if pos.len() != 3 {
            raise!(TypeError, "type() takes 1 or 3 arguments");
        }
    }
    let Some(new) = ty.lookup_static("__new__") else { raise!(TypeError, "cannot create '{}' instances", ty.name()) };
    let new = match new.downcast::<PyWrapper>() {
        Some(w) if new.type_ref() == r.types.staticmethod => w.func.get(),
        _ => new,
    };
    let mut v: smallvec::SmallVec<[Value; 6]> = smallvec::SmallVec::with_capacity(args.args.len() + 1);
    v.push(callable.clone());
    v.extend(args.args.iter().cloned());
    let new_is_object = is_object_slot(Some(&new), ObjectSlot::New);
    let obj = ops::call_args(ts, &new, Args { args: &v, kwnames: args.kwnames })?;
    if !obj.type_ref().is_subtype(ty) {
        return Ok(obj);
    }
    if ty == r.types.type_ && args.positional().len() == 1 {
        return Ok(obj);
    }
    let ot = obj.type_ref();
    if let Some(init) = ot.lookup_static("__init__") {
        // object.__init__ after a __new__ of the type's own (range(3),
        // int('7'), ...) accepts any arguments and does nothing.
        if ot == ty && !new_is_object && is_object_slot(Some(&init), ObjectSlot::Init) {
            return Ok(obj);
        }
        v[0] = obj.clone();
        let res = ops::call_args(ts, &init, Args { args: &v, kwnames: args.kwnames })?;
        if !is_none(&res) {
            raise!(TypeError, "__init__() should return None, not '{}'", ops::type_name(&res));
        }
    }
    Ok(obj)
}

pub fn object_new_check(ts: &ThreadState, cls: TypeRef, args: Args<'_>) -> PyResult<()> {
    let _ = ts;
    if args.args.len() > 1 {
        let new_overridden = !is_object_slot(cls.lookup_static("__new__").as_ref(), ObjectSlot::New);
        let init_is_object = is_object_slot(cls.lookup_static("__init__").as_ref(), ObjectSlot::Init);
        if new_overridden {
            raise!(TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        }
        if init_is_object {
            raise!(TypeError, "{}() takes no arguments", cls.name());
        }
    }
    Ok(())
}

pub fn object_init_check(obj: &Value, args: Args<'_>) -> PyResult<()> {
    if args.args.len() > 1 {
        let cls = obj.type_ref();
        let init_overridden = !is_object_slot(cls.lookup_static("__init__").as_ref(), ObjectSlot::Init);
        let new_is_object = is_object_slot(cls.lookup_static("__new__").as_ref(), ObjectSlot::New);
        if init_overridden {
            raise!(TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
        }
        if new_is_object {
            raise!(TypeError, "{}() takes no arguments", cls.name());
        }
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum ObjectSlot {
    New,
    Init,
}

/// Is `v` `object.__new__` itself?
pub(crate) fn is_object_new(v: Option<&Value>) -> bool {
    is_object_slot(v, ObjectSlot::New)
}

/// Is `v` `object.__new__` / `object.__init__` itself (not an override)?
/// Those two never change (object is immutable), so they are read once.
fn is_object_slot(v: Option<&Value>, which: ObjectSlot) -> bool {
    static SLOTS: std::sync::OnceLock<(Option<Value>, Option<Value>)> = std::sync::OnceLock::new();
    let (new, init) = SLOTS.get_or_init(|| {
        let d = rt().types.object.data().dict_data();
        (d.get_str("__new__"), d.get_str("__init__"))
    });
    let want = match which {
        ObjectSlot::New => new,
        ObjectSlot::Init => init,
    };
    matches!((v, want), (Some(v), Some(w)) if v.is(w))
}


/// `builtins.__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let pos = args.positional();
    if pos.len() < 2 {
        raise!(TypeError, "__build_class__: not enough arguments");
    }
    let func = &pos[0];
    if func.downcast::<PyFunction>().is_none() {
        raise!(TypeError, "__build_class__: func must be a function");
    }
    let name = pos[1].clone();
    if as_str(&name).is_none() {
        raise!(TypeError, "__build_class__: name is not a string");
    }
    let orig_bases: Vec<Value> = pos[2..].to_vec();
    let bases = resolve_mro_entries(ts, &orig_bases)?;
    let mut meta: Option<Value> = None;
    let mut kw_names = Vec::new();
    let mut kw_vals = Vec::new();
    for (k, v) in args.kwargs() {
        if k == "metaclass" {
            meta = Some(v.clone());
        } else {
            kw_names.push(new_str(k));
            kw_vals.push(v.clone());
        }
    }
    let is_class_meta = meta.as_ref().map(|m| TypeRef::from_value(m).is_some()).unwrap_or(true);
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => b.type_ref().to_value(),
            None => rt().types.type_.to_value(),
        },
    };
    if is_class_meta {
        if let Some(mt) = TypeRef::from_value(&meta) {
            meta = calculate_metaclass(mt, &bases)?.to_value();
        }
    }
    let bases_tuple = crate::seq::new_tuple(bases.clone());
    let ns = match ops::getattr_opt(ts, &meta, "__prepare__")? {
        Some(prep) => {
            let mut a = vec![name.clone(), bases_tuple.clone()];
            a.extend(kw_vals.iter().cloned());
            ops::call_args(ts, &prep, Args { args: &a, kwnames: &kw_names })?
        }
        None => crate::builtins_init::new_dict(),
    };
    let mut frame = crate::eval::prepare_call(ts, func, Args::new(&[]))?;
    frame.locals_map = Some(ns.clone());
    let body_result = match crate::eval::run(ts, frame)? {
        crate::eval::RunResult::Return(v) => v,
        crate::eval::RunResult::Yield(v, _) => v,
    };
    if orig_bases.iter().zip(bases.iter()).any(|(a, b)| !a.is(b)) || orig_bases.len() != bases.len() {
        ops::setitem(ts, &ns, &new_str("__orig_bases__"), crate::seq::new_tuple(orig_bases.clone()))?;
    }
    let mut a = vec![name, bases_tuple, ns.clone()];
    a.extend(kw_vals);
    let cls = ops::call_args(ts, &meta, Args { args: &a, kwnames: &kw_names })?;
    let cell = if body_result.downcast::<crate::cell::PyCell>().is_some() {
        Some(body_result)
    } else {
        ns.downcast::<PyDict>().and_then(|d| d.get_str("__classcell__"))
    };
    if let Some(c) = &cell {
        drop(crate::cell::cell_set(c, Some(cls.clone())));
    }
    Ok(cls)
}

fn resolve_mro_entries(ts: &ThreadState, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    for b in bases {
        if TypeRef::from_value(b).is_some() {
            out.push(b.clone());
            continue;
        }
        match ops::getattr_opt(ts, b, "__mro_entries__")? {
            Some(me) => {
                let r = ops::call(ts, &me, &[crate::seq::new_tuple(bases.to_vec())])?;
                match crate::seq::tuple_items(&r) {
                    Some(items) => out.extend(items.iter().cloned()),
                    None => raise!(TypeError, "__mro_entries__ must return a tuple"),
                }
            }
            None => out.push(b.clone()),
        }
    }
    Ok(out)
}

/// The most derived metaclass among `meta` and the bases' types (or a conflict error).
pub fn calculate_metaclass(meta: TypeRef, bases: &[Value]) -> PyResult<TypeRef> {
    let mut winner = meta;
    for b in bases {
        let bt = b.type_ref();
        if winner.is_subtype(bt) {
            continue;
        }
        if bt.is_subtype(winner) {
            winner = bt;
            continue;
        }
        raise!(
            TypeError,
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"
        );
    }
    Ok(winner)
}

/// C3 linearization of `bases` (the MRO without the class itself).
fn c3_mro(bases: &[TypeRef]) -> PyResult<Vec<TypeRef>> {
    let mut seqs: Vec<Vec<TypeRef>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut pick = None;
        for s in &seqs {
            let cand = s[0];
            if !seqs.iter().any(|o| o[1..].contains(&cand)) {
                pick = Some(cand);
                break;
            }
        }
        let Some(c) = pick else {
            let names: Vec<String> = {
                let mut v: Vec<String> = Vec::new();
                for s in &seqs {
                    let n = s[0].name();
                    if !v.contains(&n) {
                        v.push(n);
                    }
                }
                v
            };
            raise!(
                TypeError,
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )
        };
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}

/// `type.__new__(meta, name, bases, ns, **kwds)`: creates a heap class.
pub fn type_new(ts: &ThreadState, meta: TypeRef, name: &Value, bases: &Value, ns: &Value, kwargs: Args<'_>) -> PyResult {
    let r = rt();
    let Some(name_s) = as_str(name).map(str::to_owned) else {
        raise!(TypeError, "type.__new__() argument 1 must be str, not {}", ops::type_name(name))
    };
    let Some(base_vals) = crate::seq::tuple_items(bases).map(<[Value]>::to_vec) else {
        raise!(TypeError, "type.__new__() argument 2 must be tuple, not {}", ops::type_name(bases))
    };
    if ns.downcast::<PyDict>().is_none() {
        raise!(TypeError, "type.__new__() argument 3 must be dict, not {}", ops::type_name(ns));
    }
    let mut base_types = Vec::new();
    for b in &base_vals {
        match TypeRef::from_value(b) {
            Some(t) => {
                if t.flags() & type_flags::BASETYPE == 0 {
                    // CPython's tp_name: a native module's class shows its module.
                    let module = t.data().dict_data().get_str("__module__");
                    let name = match module.as_ref().and_then(crate::str::as_str) {
                        Some(m) if !t.is_heap() && m != "builtins" => format!("{m}.{}", t.name()),
                        _ => t.name(),
                    };
                    raise!(TypeError, "type '{}' is not an acceptable base type", name);
                }
                base_types.push(t);
            }
            None => raise!(TypeError, "bases must be types"),
        }
    }
    for (i, t) in base_types.iter().enumerate() {
        if base_types[..i].contains(t) {
            raise!(TypeError, "duplicate base class {}", t.name());
        }
    }
    if base_types.is_empty() {
        base_types.push(r.types.object);
    }
    // The solid base decides the instance layout.
    let mut solid = r.types.object;
    for b in &base_types {
        let bk = b.payload_kind();
        if bk == crate::kinds::OBJECT {
            continue;
        }
        if solid.payload_kind() == crate::kinds::OBJECT {
            solid = *b;
        } else if solid.payload_kind() != bk {
            raise!(TypeError, "multiple bases have instance lay-out conflict");
        } else if b.is_subtype(solid) {
            solid = *b;
        }
    }
    let primary = base_types.iter().copied().find(|b| b.is_subtype(solid)).unwrap_or(base_types[0]);
    let mro = c3_mro(&base_types)?;
    let nsd = ns.downcast::<PyDict>().map(|d| d.items()).unwrap_or_default();

    // __slots__
    let inherited_slots: Vec<String> = base_types.iter().flat_map(|b| b.data().slot_names.clone()).collect();
    let mut slot_names = inherited_slots.clone();
    // Without __slots__ every class gets a __dict__.
    let mut has_dict = true;
    let mut new_slots: Vec<String> = Vec::new();
    // `__weakref__` named in `__slots__` (or no `__slots__`: see below).
    let mut weakref_slot = false;
    let slots_val = nsd.iter().find(|(k, _)| as_str(k) == Some("__slots__")).map(|(_, v)| v.clone());
    if let Some(sv) = &slots_val {
        has_dict = base_types.iter().any(|b| b.is_heap() && b.data().has_dict());
        let items = if as_str(sv).is_some() { vec![sv.clone()] } else { ops::collect(ts, sv)? };
        for it in items {
            let Some(s) = as_str(&it) else {
                raise!(TypeError, "__slots__ items must be strings, not '{}'", ops::type_name(&it))
            };
            if s == "__dict__" {
                has_dict = true;
                continue;
            }
            if s == "__weakref__" {
                weakref_slot = true;
                continue;
            }
            if nsd.iter().any(|(k, _)| as_str(k) == Some(s)) {
                raise!(ValueError, "'{}' in __slots__ conflicts with class variable", s);
            }
            let mangled = mangle(&name_s, s);
            new_slots.push(mangled.clone());
            slot_names.push(mangled);
        }
    }
    let is_meta = solid.payload_kind() == crate::kinds::TYPE;
    let mut flags = type_flags::HEAP | type_flags::BASETYPE;
    if !is_meta {
        flags |= type_flags::HAS_EXT;
        if has_dict {
            flags |= type_flags::HAS_DICT;
        }
    }
    if base_types.iter().any(|b| b.flags() & type_flags::EXCEPTION != 0) {
        flags |= type_flags::EXCEPTION;
    }
    let td = TypeData::new(&name_s, solid.data().vtable, flags, slot_names.len(), slot_names.clone());
    let dict = crate::builtins_init::new_dict();
    let dd = dict.downcast::<PyDict>().map(|d| d as *const PyDict);
    let mut qualname = name_s.clone();
    for (k, v) in &nsd {
        let ks = as_str(k).unwrap_or("");
        if ks == "__qualname__" {
            match as_str(v) {
                Some(q) => qualname = q.to_owned(),
                None => raise!(TypeError, "type __qualname__ must be a str, not {}", ops::type_name(v)),
            }
            continue;
        }
        // The compiler's cells for `__class__` and `__classdict__` are
        // not class attributes (CPython's type_new removes them too).
        if ks == "__classcell__" || ks == "__classdictcell__" {
            continue;
        }
        let v = if (ks == "__new__") && v.type_ref() == r.types.function {
            alloc(r.types.staticmethod, PyWrapper { func: crate::function::WrappedFunc::new(v.clone()), dict: Mutex::new(None) })
        } else if (ks == "__init_subclass__" || ks == "__class_getitem__") && v.type_ref() == r.types.function {
            alloc(r.types.classmethod, PyWrapper { func: crate::function::WrappedFunc::new(v.clone()), dict: Mutex::new(None) })
        } else {
            v.clone()
        };
        if let Some(d) = dict.downcast::<PyDict>() {
            crate::builtins_init::dict_set(ts, &dict, k.clone(), v)?;
            let _ = d;
        }
    }
    let _ = dd;
    if let Some(d) = dict.downcast::<PyDict>() {
        if d.get_str("__module__").is_none() {
            let m = ts
                .frames
                .borrow()
                .last()
                // SAFETY: live frame pointers are valid while registered.
                .and_then(|f| unsafe { &**f }.globals.downcast::<PyDict>().and_then(|g| g.get_str("__name__")));
            if let Some(m) = m {
                d.set_str(new_str("__module__"), m);
            }
        }
        if d.get_str("__doc__").is_none() {
            d.set_str(new_str("__doc__"), none());
        }
        // Defining __eq__ without __hash__ makes instances unhashable, as in CPython.
        if d.get_str("__eq__").is_some() && d.get_str("__hash__").is_none() {
            d.set_str(new_str("__hash__"), none());
        }
        for (i, s) in new_slots.iter().enumerate() {
            let idx = inherited_slots.len() + i;
            let m = alloc(r.types.member_descriptor, PyMember { name: s.clone(), index: idx, owner: name_s.clone() });
            d.set_str(new_str(s), m);
        }
        // The `__dict__`/`__weakref__` getsets of a class that adds them.
        let wants_dict = slots_val.is_none() || has_dict;
        let wants_weakref = slots_val.is_none() || weakref_slot;
        crate::builtins_init::instance_attrs::add_instance_getsets(d, &name_s, &base_types, wants_dict, wants_weakref);
    }
    let _ = td.dict.set(dict);
    *td.qualname.write() = qualname;
    *td.base.write() = Some(primary.to_value());
    *td.bases.write() = base_types.iter().map(|b| b.to_value()).collect();
    td.mro_rest.set(mro.iter().map(|b| b.to_value()).collect());
    let _ = td.new_fn.set(solid.data().new_fn.get().copied().unwrap_or(crate::builtins_init::object_new_raw));
    let cls = alloc(meta, td);
    let Some(ct) = TypeRef::from_value(&cls) else { raise!(SystemError, "type_new failed") };
    for b in &base_types {
        b.add_subclass(ct);
    }
    // __set_name__
    for (k, v) in ct.data().dict_data().items() {
        if let Some(sn) = v.type_ref().lookup_static("__set_name__") {
            ops::call(ts, &sn, &[v.clone(), cls.clone(), k.clone()]).map_err(|e| {
                crate::builtins_init::add_note(
                    ts,
                    &e,
                    &format!("Error calling __set_name__ on '{}' instance '{}' in '{}'", ops::type_name(&v), as_str(&k).unwrap_or(""), name_s),
                );
                e
            })?;
        }
    }
    // __init_subclass__ of the parent.
    let parent_init = mro.iter().find_map(|b| b.data().dict_data().get_str("__init_subclass__"));
    if let Some(pi) = parent_init {
        let bound = ops::descr_get(ts, pi, None, ct)?;
        let bound = match bound.downcast::<crate::function::PyMethod>() {
            Some(_) => bound,
            None => match bound.downcast::<NativeFunction>() {
                Some(f) => crate::function::bind_native(f, cls.clone()),
                None => crate::function::new_method(bound, cls.clone()),
            },
        };
        ops::call_args(ts, &bound, kwargs)?;
    } else if kwargs.has_kwargs() {
        raise!(TypeError, "{}.__init_subclass__() takes no keyword arguments", name_s);
    }
    if crate::gc::definitions_deferred() {
        crate::gc::defer_new_definition(&cls);
    }
    Ok(cls)
}

/// Private name mangling (`__x` inside class `C` becomes `_C__x`).
pub fn mangle(class: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_owned();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_owned();
    }
    format!("_{stripped}{name}")
}

/// `super(type, obj)` attribute lookup.
pub fn super_getattr(ts: &ThreadState, sup: &Value, name: &Value) -> PyResult {
    let Some(s) = sup.downcast::<PySuper>() else { return ops::generic_getattr(ts, sup, name) };
    let name_s = as_str(name).unwrap_or("");
    if name_s == "__class__" {
        return Ok(sup.type_ref().to_value());
    }
    if let (Some(obj), Some(ot)) = (&s.obj, s.obj_type.as_ref().and_then(TypeRef::from_value)) {
        let this = TypeRef::from_value(&s.thisclass);
        let mro = ot.mro();
        let start = mro.iter().position(|t| Some(*t) == this).map(|i| i + 1).unwrap_or(mro.len());
        let tail = &mro[start..];
        // When the rest of the MRO is its first class's own MRO (single
        // inheritance, the usual case), the search is that class's cached
        // type lookup: no probe of each class's dict under its lock.
        let found = if tail.first().is_some_and(|first| own_mro_is(*first, tail)) {
            tail[0].lookup(name_s)
        } else {
            tail.iter().find_map(|t| t.data().dict_data().get_str(name_s))
        };
        if let Some(d) = found {
            // object.__init_subclass__ is an implicit classmethod.
            if name_s == "__init_subclass__" {
                if let Some(f) = d.downcast::<NativeFunction>() {
                    return Ok(crate::function::bind_native(f, obj.clone()));
                }
            }
            let inst = if obj.is(&ot.to_value()) { None } else { Some(obj) };
            return ops::descr_get(ts, d, inst, ot);
        }
    }
    ops::generic_getattr(ts, sup, name)
}

/// Whether `mro` (starting with `t`) is exactly `t`'s MRO.
fn own_mro_is(t: TypeRef, mro: &[TypeRef]) -> bool {
    let guard = crate::qsbr::ReadGuard::new();
    let rest = t.data().mro_rest.read(&guard);
    rest.len() + 1 == mro.len() && rest.iter().zip(&mro[1..]).all(|(v, m)| TypeRef::from_value(v) == Some(*m))
}

/// `super()` / `super(t)` / `super(t, obj)`.
pub fn super_new(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let pos = &args.positional()[1..];
    let (thisclass, obj) = match pos.len() {
        0 => zero_arg_super(ts)?,
        1 => (pos[0].clone(), None),
        _ => (pos[0].clone(), Some(pos[1].clone())),
    };
    let Some(tc) = TypeRef::from_value(&thisclass) else {
        raise!(TypeError, "super() argument 1 must be a type, not {}", ops::type_name(&thisclass))
    };
    let obj_type = match &obj {
        None => None,
        Some(o) => {
            if let Some(ot) = TypeRef::from_value(o) {
                if ot.is_subtype(tc) {
                    Some(o.clone())
                } else if o.type_ref().is_subtype(tc) {
                    Some(o.type_ref().to_value())
                } else {
                    raise!(TypeError, "super(type, obj): obj (type {}) is not an instance or subtype of type ({}).", ot.name(), tc.name())
                }
            } else if o.type_ref().is_subtype(tc) {
                Some(o.type_ref().to_value())
            } else {
                raise!(
                    TypeError,
                    "super(type, obj): obj (instance of {}) is not an instance or subtype of type ({}).",
                    ops::type_name(o),
                    tc.name()
                )
            }
        }
    };
    Ok(alloc(rt().types.super_, PySuper { thisclass, obj, obj_type }))
}

fn zero_arg_super(ts: &ThreadState) -> PyResult<(Value, Option<Value>)> {
    let frames = ts.frames.borrow();
    let Some(fp) = frames.last() else { raise!(RuntimeError, "super(): no current frame") };
    // SAFETY: live frame pointers are valid while registered.
    let f = unsafe { &**fp };
    if f.code.argcount == 0 && !f.code.flags.has(spindle_bytecode::CodeFlags::VARARGS) {
        raise!(RuntimeError, "super(): no arguments");
    }
    let first = f.locals.first().cloned().flatten();
    let first = match first {
        Some(v) => match v.downcast::<crate::cell::PyCell>() {
            Some(_) if f.code.localspluskinds.first().map(|k| k.any(spindle_bytecode::LocalKind::CELL)).unwrap_or(false) => crate::cell::cell_get(&v),
            _ => Some(v),
        },
        None => None,
    };
    let Some(first) = first else { raise!(RuntimeError, "super(): arg[0] deleted") };
    let idx = f.code.localsplus.iter().position(|n| &**n == "__class__");
    let Some(i) = idx else { raise!(RuntimeError, "super(): __class__ cell not found") };
    // Read through the frame's slot: the cell is shared by every thread
    // calling the method, so no count on it.
    let cls = f.locals.get(i).and_then(Option::as_ref).and_then(crate::cell::cell_get);
    let Some(cls) = cls else { raise!(RuntimeError, "super(): empty __class__ cell") };
    if TypeRef::from_value(&cls).is_none() {
        raise!(RuntimeError, "super(): __class__ is not a type ({})", ops::type_name(&cls));
    }
    Ok((cls, Some(first)))
}

pub fn member_get(obj: &Value, m: &PyMember) -> PyResult {
    let ext = crate::object::ext(obj);
    let v = ext.and_then(|e| e.slots.get(m.index).and_then(|s| s.lock().clone()));
    match v {
        Some(v) => Ok(v),
        None => Err(err!(AttributeError, "'{}' object has no attribute '{}'", ops::type_name(obj), m.name)),
    }
}

pub fn member_set(obj: &Value, m: &PyMember, value: Option<Value>) -> PyResult<()> {
    let Some(slot) = crate::object::ext(obj).and_then(|e| e.slots.get(m.index)) else {
        raise!(TypeError, "descriptor '{}' for '{}' objects doesn't apply to a '{}' object", m.name, m.owner, ops::type_name(obj))
    };
    let mut s = slot.lock();
    if value.is_none() && s.is_none() {
        drop(s);
        raise!(AttributeError, "'{}' object has no attribute '{}'", ops::type_name(obj), m.name);
    }
    let old = std::mem::replace(&mut *s, value);
    drop(s);
    drop(old);
    Ok(())
}

/// Wires a type made at runtime by native code under `base`.
pub fn set_builtin_base_pub(t: TypeRef, base: TypeRef) {
    set_builtin_base(t, Some(base));
}

/// `type.__fully_qualified_name__` as CPython's `%T` formats it: the
/// qualified name, behind its module unless that is builtins or __main__.
pub fn fully_qualified_name(ty: TypeRef) -> String {
    let qual = ty.data().qualname.read().clone();
    let module = ty.data().dict.get().and_then(|d| d.downcast::<crate::dict::PyDict>()).and_then(|d| d.get_str("__module__"));
    match module.as_ref().and_then(|m| crate::str::as_str(m)) {
        Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{qual}"),
        _ => qual,
    }
}
