//! `itertools` (CPython's C module, 3.14): every iterator is one native
//! object whose mutable state sits behind a `ShortMutex`, so that threads
//! sharing an iterator never corrupt it and never get one item twice.
//!
//! The locking discipline is the containers' (DESIGN.md section 5): a
//! critical section never runs Python code and never drops a reference
//! (a drop may run `__del__`). A step copies what it needs out of the
//! state, releases the lock, calls Python (an inner iterator's `__next__`,
//! a predicate, a key function), then re-locks and re-validates: state
//! that another thread may have changed meanwhile is compared (by identity
//! or by a version counter) before it is written back, as a
//! compare-and-swap. The one exception is `inner_item`: the builtin
//! iterators over a range, list or tuple step without running Python code,
//! and those steps are taken inside the caller's critical section (lock
//! order: outer iterator, then inner; inner iterators exist before the
//! outer ones that wrap them, so the order has no cycle). That keeps, for
//! example, `accumulate(iter(list))` summing in exactly the list's order
//! when threads share it, as CPython's critical sections do.

mod basic;
mod combin;
mod groupby;
mod tee;

use std::sync::OnceLock;

use spindle_vm::error::{PyErr, PyResult};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::lock::ShortMutex;
use spindle_vm::native;
use spindle_vm::object::{PyPayload, TypeRef};
use spindle_vm::raise;
use spindle_vm::runtime::rt;
use spindle_vm::str::new_str;
use spindle_vm::value::Value;

use crate::kinds::{CORE_BASE, kind};

pub(crate) use basic::*;
pub(crate) use combin::*;
pub(crate) use groupby::*;
pub(crate) use tee::*;

/// What a state visits for the cycle collector.
pub(crate) trait Visit {
    fn visit(&self, f: &mut dyn FnMut(&Value));
}

fn visit_opt(v: &Option<Value>, f: &mut dyn FnMut(&Value)) {
    if let Some(v) = v {
        f(v);
    }
}

macro_rules! itr_enum {
    ($($variant:ident($state:ty)),* $(,)?) => {
        /// The payload of every itertools iterator: one variant per class.
        pub(crate) enum Itr {
            $($variant(ShortMutex<$state>)),*
        }

        impl PyPayload for Itr {
            const KIND: spindle_vm::object::PayloadKind = kind(CORE_BASE + 60);
            const GC: bool = true;
            fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
                // A critical section never spans a safepoint, so the lock is
                // free whenever the world is stopped; skipping a held one
                // only keeps its referents alive (never frees them).
                match self {
                    $(Itr::$variant(m) => {
                        if let Some(g) = m.try_lock() {
                            g.visit(visit);
                        }
                    })*
                }
            }
            fn clear(&self) {
                match self {
                    $(Itr::$variant(m) => {
                        // Taken out under the lock, dropped after it.
                        let old = std::mem::take(&mut *m.lock());
                        drop(old);
                    })*
                }
            }
        }
    };
}

itr_enum!(
    Count(CountSt),
    Cycle(CycleSt),
    Repeat(RepeatSt),
    Accumulate(AccSt),
    Batched(BatchedSt),
    Chain(ChainSt),
    Compress(CompressSt),
    DropWhile(PredSt),
    FilterFalse(PredSt),
    StarMap(PredSt),
    TakeWhile(PredSt),
    GroupBy(GroupBySt),
    Grouper(GrouperSt),
    ISlice(ISliceSt),
    Pairwise(PairwiseSt),
    Tee(TeeSt),
    ZipLongest(ZipLongestSt),
    Product(ProductSt),
    Permutations(PermSt),
    Combinations(CombSt),
    Cwr(CombSt),
);

/// The classes, by index (`K`).
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(usize)]
pub(crate) enum K {
    Count,
    Cycle,
    Repeat,
    Accumulate,
    Batched,
    Chain,
    Compress,
    DropWhile,
    FilterFalse,
    GroupBy,
    Grouper,
    ISlice,
    Pairwise,
    StarMap,
    TakeWhile,
    Tee,
    ZipLongest,
    Product,
    Permutations,
    Combinations,
    Cwr,
}

const N_TYPES: usize = 21;

const NAMES: [&str; N_TYPES] = [
    "count",
    "cycle",
    "repeat",
    "accumulate",
    "batched",
    "chain",
    "compress",
    "dropwhile",
    "filterfalse",
    "groupby",
    "_grouper",
    "islice",
    "pairwise",
    "starmap",
    "takewhile",
    "_tee",
    "zip_longest",
    "product",
    "permutations",
    "combinations",
    "combinations_with_replacement",
];

/// `__text_signature__` of each class (None where CPython has none).
const SIGNATURES: [Option<&str>; N_TYPES] = [
    Some("(start=0, step=1)"),
    Some("(iterable, /)"),
    None,
    Some("(iterable, func=None, *, initial=None)"),
    Some("(iterable, n, *, strict=False)"),
    Some("(*iterables)"),
    Some("(data, selectors)"),
    Some("(predicate, iterable, /)"),
    Some("(function, iterable, /)"),
    Some("(iterable, key=None)"),
    None,
    None,
    Some("(iterable, /)"),
    Some("(function, iterable, /)"),
    Some("(predicate, iterable, /)"),
    Some("(iterable, /)"),
    Some("(*iterables, fillvalue=None)"),
    Some("(*iterables, repeat=1)"),
    Some("(iterable, r=None)"),
    Some("(iterable, r)"),
    Some("(iterable, r)"),
];

const NEWS: [spindle_vm::function::NativeFnPtr; N_TYPES] = [
    count_new,
    cycle_new,
    repeat_new,
    accumulate_new,
    batched_new,
    chain_new,
    compress_new,
    dropwhile_new,
    filterfalse_new,
    groupby_new,
    grouper_new,
    islice_new,
    pairwise_new,
    starmap_new,
    takewhile_new,
    tee_type_new,
    zip_longest_new,
    product_new,
    permutations_new,
    combinations_new,
    cwr_new,
];

static TYPES: OnceLock<[TypeRef; N_TYPES]> = OnceLock::new();

pub(crate) fn ty(k: K) -> TypeRef {
    types()[k as usize]
}

fn types() -> &'static [TypeRef; N_TYPES] {
    TYPES.get_or_init(|| {
        std::array::from_fn(|i| {
            let name = NAMES[i];
            let internal = name.starts_with('_');
            let t = native::new_type::<Itr>(name, "itertools", None, !internal);
            native::set_new(t, NEW_CHECKED[i]);
            native::set_iternext(t, step);
            native::add_methods(t, &[("__iter__", iter_self), ("__next__", NEXT_METHODS[i]), ("__reduce_ex__", reduce_ex)]);
            if let Some(sig) = SIGNATURES[i] {
                native::add_class_value(t, "__text_signature__", new_str(sig));
            }
            t
        })
    })
}

/// `__new__` of class `I`: CPython's check of `cls` first, then the
/// constructor.
fn new_checked<const I: usize>(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let k = ALL_K[I];
    cls_of(&a, k)?;
    NEWS[I](ts, a)
}

const ALL_K: [K; N_TYPES] = [
    K::Count,
    K::Cycle,
    K::Repeat,
    K::Accumulate,
    K::Batched,
    K::Chain,
    K::Compress,
    K::DropWhile,
    K::FilterFalse,
    K::GroupBy,
    K::Grouper,
    K::ISlice,
    K::Pairwise,
    K::StarMap,
    K::TakeWhile,
    K::Tee,
    K::ZipLongest,
    K::Product,
    K::Permutations,
    K::Combinations,
    K::Cwr,
];

const NEW_CHECKED: [spindle_vm::function::NativeFnPtr; N_TYPES] = [
    new_checked::<0>,
    new_checked::<1>,
    new_checked::<2>,
    new_checked::<3>,
    new_checked::<4>,
    new_checked::<5>,
    new_checked::<6>,
    new_checked::<7>,
    new_checked::<8>,
    new_checked::<9>,
    new_checked::<10>,
    new_checked::<11>,
    new_checked::<12>,
    new_checked::<13>,
    new_checked::<14>,
    new_checked::<15>,
    new_checked::<16>,
    new_checked::<17>,
    new_checked::<18>,
    new_checked::<19>,
    new_checked::<20>,
];

/// `__next__` of class `I` (a `K` index): checks `self`'s class.
fn next_method<const I: usize>(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let this = self_of(&a, I, "__next__")?;
    match step(ts, this)? {
        Some(v) => Ok(v),
        None => Err(PyErr::bare(rt().exc.StopIteration)),
    }
}

const NEXT_METHODS: [spindle_vm::function::NativeFnPtr; N_TYPES] = [
    next_method::<0>,
    next_method::<1>,
    next_method::<2>,
    next_method::<3>,
    next_method::<4>,
    next_method::<5>,
    next_method::<6>,
    next_method::<7>,
    next_method::<8>,
    next_method::<9>,
    next_method::<10>,
    next_method::<11>,
    next_method::<12>,
    next_method::<13>,
    next_method::<14>,
    next_method::<15>,
    next_method::<16>,
    next_method::<17>,
    next_method::<18>,
    next_method::<19>,
    next_method::<20>,
];

/// `self` (args[0]) of a method of class index `i`, with CPython's error.
pub(crate) fn self_of<'a>(a: &'a Args<'_>, i: usize, meth: &str) -> PyResult<&'a Value> {
    let t = types()[i];
    match a.args.first() {
        Some(v) if v.type_ref().is_subtype(t) && v.downcast::<Itr>().is_some() => Ok(v),
        // Slot wrappers (`__next__`, `__repr__`) word it one way, plain
        // methods (`__copy__`, `__length_hint__`) the other.
        Some(v) if meth == "__next__" || meth == "__repr__" || meth == "__iter__" => raise!(
            TypeError,
            "descriptor '{}' requires a 'itertools.{}' object but received a '{}'",
            meth,
            NAMES[i],
            spindle_vm::ops::type_name(v)
        ),
        Some(v) => raise!(
            TypeError,
            "descriptor '{}' for 'itertools.{}' objects doesn't apply to a '{}' object",
            meth,
            NAMES[i],
            spindle_vm::ops::type_name(v)
        ),
        None => raise!(TypeError, "descriptor '{}' of 'itertools.{}' object needs an argument", meth, NAMES[i]),
    }
}

/// 3.14 dropped pickling (and so copying) of itertools objects: as
/// `object.__reduce_ex__` on a C layout, it refuses, unless a subclass
/// brings its own `__reduce__`.
fn reduce_ex(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let Some(this) = a.args.first() else { raise!(TypeError, "descriptor '__reduce_ex__' needs an argument") };
    let t = this.type_ref();
    let base = rt().types.object.data().dict_data().get_str("__reduce__");
    if let (Some(own), Some(base)) = (t.lookup_static("__reduce__"), base)
        && !own.is(&base)
    {
        return spindle_vm::ops::call_method(ts, this, "__reduce__", &[]);
    }
    let name = if t.is_heap() { t.name() } else { format!("itertools.{}", t.name()) };
    raise!(TypeError, "cannot pickle '{}' object", name)
}

fn iter_self(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    match a.args.first() {
        Some(v) => Ok(v.clone()),
        None => raise!(TypeError, "descriptor '__iter__' needs an argument"),
    }
}

/// One step of any itertools iterator (the classes' `iternext`).
pub(crate) fn step(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    let Some(p) = v.downcast::<Itr>() else { return Ok(None) };
    match p {
        Itr::Count(m) => count_next(ts, m),
        Itr::Cycle(m) => cycle_next(ts, m),
        Itr::Repeat(m) => Ok(repeat_next(m)),
        Itr::Accumulate(m) => accumulate_next(ts, m),
        Itr::Batched(m) => batched_next(ts, m),
        Itr::Chain(m) => chain_next(ts, m),
        Itr::Compress(m) => compress_next(ts, m),
        Itr::DropWhile(m) => dropwhile_next(ts, m),
        Itr::FilterFalse(m) => filterfalse_next(ts, m),
        Itr::StarMap(m) => starmap_next(ts, m),
        Itr::TakeWhile(m) => takewhile_next(ts, m),
        Itr::GroupBy(m) => groupby_next(ts, v, m),
        Itr::Grouper(m) => grouper_next(ts, m),
        Itr::ISlice(m) => islice_next(ts, m),
        Itr::Pairwise(m) => pairwise_next(ts, m),
        Itr::Tee(m) => tee_next(ts, m),
        Itr::ZipLongest(m) => zip_longest_next(ts, m),
        Itr::Product(m) => Ok(product_next(m)),
        Itr::Permutations(m) => Ok(permutations_next(m)),
        Itr::Combinations(m) => Ok(combinations_next(m)),
        Itr::Cwr(m) => Ok(cwr_next(m)),
    }
}

/// One step of `it` if it can be taken without running Python code (a
/// builtin range/list/tuple iterator, or an itertools `count`, `repeat`
/// or `cycle` whose step is native): `Some(Some(item))`, or `Some(None)` at
/// its end; `None` otherwise, and the caller then steps it through
/// `ops::next` outside its critical section. Never drops a reference, so
/// callers may hold their own lock.
pub(crate) fn inner_step(it: &Value) -> Option<Option<Value>> {
    if let Some(step) = spindle_vm::builtins_init::builtin_iter_step(it) {
        return Some(step);
    }
    if it.type_ref().is_heap() {
        return None;
    }
    match it.downcast::<Itr>()? {
        Itr::Count(m) => count_native(m).map(Some),
        Itr::Repeat(m) => Some(repeat_next(m)),
        Itr::Cycle(m) => cycle_native(m),
        _ => None,
    }
}

/// The next item of `it` by `inner_step`; None also at the end, which the
/// caller then meets through `ops::next`.
pub(crate) fn inner_item(it: &Value) -> Option<Value> {
    inner_step(it).flatten()
}

/// `cls` (args[0]) of a `__new__`: the class to allocate, which must be
/// `k`'s class or a subclass (CPython's `tp_new_wrapper` checks).
pub(crate) fn cls_of(a: &Args<'_>, k: K) -> PyResult<TypeRef> {
    let name = NAMES[k as usize];
    let Some(cls) = a.args.first() else { raise!(TypeError, "itertools.{}.__new__(): not enough arguments", name) };
    let Some(t) = TypeRef::from_value(cls) else {
        raise!(TypeError, "itertools.{}.__new__(X): X is not a type object ({})", name, spindle_vm::ops::type_name(cls))
    };
    if !t.is_subtype(ty(k)) {
        let n = t.name();
        raise!(TypeError, "itertools.{}.__new__({}): {} is not a subtype of itertools.{}", name, n, n, name);
    }
    Ok(t)
}

/// The arguments after `cls`.
pub(crate) fn rest<'a>(a: &Args<'a>) -> Args<'a> {
    if a.args.len() > a.kwnames.len() && !a.args.is_empty() {
        Args { args: &a.args[1..], kwnames: a.kwnames }
    } else {
        *a
    }
}

/// Argument Clinic's parsing of `name(p0, p1, ..., *, kwonly...)`: the
/// first `max_pos` of `params` may be positional, the first `required`
/// are mandatory; CPython's messages and their order.
pub(crate) fn clinic(name: &str, a: Args<'_>, params: &[&str], required: usize, max_pos: usize) -> PyResult<Vec<Option<Value>>> {
    let pos = a.positional();
    let nargs = pos.len();
    let nkw = a.kwnames.len();
    let maxargs = params.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if nargs + nkw > maxargs {
        raise!(
            TypeError,
            "{}() takes at most {} {}argument{} ({} given)",
            name,
            maxargs,
            if nargs == 0 { "keyword " } else { "" },
            plural(maxargs),
            nargs + nkw
        );
    }
    if nargs > max_pos {
        if max_pos == 0 {
            raise!(TypeError, "{}() takes no positional arguments", name);
        }
        raise!(
            TypeError,
            "{}() takes {} {} positional argument{} ({} given)",
            name,
            if required < max_pos { "at most" } else { "exactly" },
            max_pos,
            plural(max_pos),
            nargs
        );
    }
    let mut out: Vec<Option<Value>> = pos.iter().cloned().map(Some).collect();
    let kwargs: Vec<(&str, &Value)> = a.kwargs().collect();
    let mut used = 0;
    for (i, p) in params.iter().enumerate().skip(nargs) {
        match kwargs.iter().find(|(k, _)| k == p) {
            Some((_, v)) => {
                out.push(Some((*v).clone()));
                used += 1;
            }
            None => {
                if i < required {
                    raise!(TypeError, "{}() missing required argument '{}' (pos {})", name, p, i + 1);
                }
                out.push(None);
            }
        }
    }
    if used < nkw {
        for (k, _) in &kwargs {
            if let Some(i) = params[..nargs.min(params.len())].iter().position(|p| p == k) {
                raise!(TypeError, "argument for {}() given by name ('{}') and position ({})", name, k, i + 1);
            }
            if !params[nargs.min(params.len())..].contains(k) {
                raise!(TypeError, "{}() got an unexpected keyword argument '{}'", name, k);
            }
        }
    }
    Ok(out)
}

/// A positional-only constructor taking exactly `n` arguments
/// (`cycle expected 1 argument, got 2`), no keywords.
pub(crate) fn exact_args<'a>(name: &str, a: &Args<'a>, n: usize) -> PyResult<&'a [Value]> {
    if a.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", name);
    }
    let pos = a.positional();
    if pos.len() != n {
        raise!(TypeError, "{} expected {} argument{}, got {}", name, n, if n == 1 { "" } else { "s" }, pos.len());
    }
    Ok(pos)
}

/// `v.__index__()` as a C `Py_ssize_t` (CPython's messages).
pub(crate) fn ssize(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let i = spindle_vm::ops::index(ts, v)?;
    match spindle_vm::num::int_to_i64(&i) {
        Some(n) => Ok(n),
        None => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
    }
}

/// Drops values after the caller's lock is released (a drop may run
/// `__del__`, which is Python code).
pub(crate) type Garbage = Vec<Value>;

/// The module.
pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    let m = native::new_module("itertools", &[("tee", tee_fn)]);
    for (i, name) in NAMES.iter().enumerate() {
        native::add_value(&m, name, types()[i].to_value());
    }
    native::add_value(&m, "_tee_dataobject", tee_data_type().to_value());
    basic::add_extras();
    native::add_value(
        &m,
        "__doc__",
        new_str(
            "Functional tools for creating and using iterators.\n\nInfinite iterators:\ncount(start=0, step=1) --> start, start+step, start+2*step, ...\ncycle(p) --> p0, p1, ... plast, p0, p1, ...\nrepeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n",
        ),
    );
    Ok(m)
}
