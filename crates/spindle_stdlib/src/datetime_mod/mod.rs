//! `_datetime`: the native date and time types behind the Lib's
//! `datetime.py` — `timedelta`, `date`, `datetime`, `time`, `tzinfo`,
//! `timezone` and `IsoCalendarDate` — with CPython 3.14's reprs, messages,
//! pickle states and arithmetic. `strftime` and `strptime` call into the
//! `time` module and the Lib's `_strptime`, as CPython's C module does.
//!
//! Layout: one payload per family. `date` and its subclass `datetime` share
//! `DateObj` (a date's time fields are zero); `tzinfo` and its subclass
//! `timezone` share `TzObj` (a plain tzinfo has no offset).


/// Wraps a method of type `types().$ty` so a wrong `self` raises CPython's
/// descriptor error (and a missing one its "unbound method" error) before
/// the method runs: `date` and `datetime`, `tzinfo` and `timezone` share
/// payloads, so the payload check alone cannot tell them apart.
macro_rules! checked {
    ($ty:ident, $name:literal, $f:expr) => {
        (|ts: &spindle_vm::interp::ThreadState, a: spindle_vm::function::Args<'_>| -> spindle_vm::PyResult {
            $crate::datetime_mod::check_self(&a, $name, $crate::datetime_mod::types().$ty)?;
            ($f)(ts, a)
        }) as spindle_vm::function::NativeFnPtr
    };
}

/// A read-only attribute `$name` of `types().$ty` whose assignment and
/// deletion raise CPython's getset error ("attribute 'x' of 'datetime.T'
/// objects is not writable"), or with `member` its member error.
macro_rules! attr {
    ($t:expr, $ty:ident, $tyname:literal, $name:literal, $get:expr) => {
        $crate::datetime_mod::add_attr(
            $t,
            $name,
            checked!($ty, $name, $get),
            (|_: &spindle_vm::interp::ThreadState, _: spindle_vm::function::Args<'_>| -> spindle_vm::PyResult {
                spindle_vm::raise!(AttributeError, concat!("attribute '", $name, "' of 'datetime.", $tyname, "' objects is not writable"))
            }) as spindle_vm::function::NativeFnPtr,
        )
    };
    (member $t:expr, $ty:ident, $name:literal, $get:expr) => {
        $crate::datetime_mod::add_attr(
            $t,
            $name,
            checked!($ty, $name, $get),
            (|_: &spindle_vm::interp::ThreadState, _: spindle_vm::function::Args<'_>| -> spindle_vm::PyResult {
                spindle_vm::raise!(AttributeError, "readonly attribute")
            }) as spindle_vm::function::NativeFnPtr,
        )
    };
}

/// A `(name, method)` entry for `add`, checked as `checked!` does.
macro_rules! meth {
    ($ty:ident, $name:literal, $f:expr) => {
        ($name, checked!($ty, $name, $f))
    };
}


mod calendar;
mod date;
mod delta;
mod fmt;
mod local;
mod time;
mod tz;

use std::sync::OnceLock;

use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{float_value, int_to_big, int_to_i64, is_int, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::str::new_str;
use spindle_vm::{PyErr, PyResult, Value, ops, raise};

use crate::kinds::{DATETIME_BASE, kind};

pub(crate) use delta::Delta;

/// `timedelta`'s payload: normalised (0 <= secs < 86400, 0 <= us < 10**6,
/// |days| <= 999999999).
pub(crate) struct DeltaObj {
    pub(crate) d: Delta,
}

impl PyPayload for DeltaObj {
    const KIND: PayloadKind = kind(DATETIME_BASE);
}

/// A datetime's fields (a date's time fields are zero).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) struct Dt {
    pub(crate) y: i32,
    pub(crate) m: i32,
    pub(crate) d: i32,
    pub(crate) hh: i32,
    pub(crate) mi: i32,
    pub(crate) ss: i32,
    pub(crate) us: i32,
    pub(crate) fold: i32,
}

impl Dt {
    /// The fields CPython compares and hashes (fold excluded).
    pub(crate) fn key(&self) -> (i32, i32, i32, i32, i32, i32, i32) {
        (self.y, self.m, self.d, self.hh, self.mi, self.ss, self.us)
    }
}

/// `date`'s and `datetime`'s payload, validated at creation; `is_dt` says
/// the object's type is `datetime` or a subclass of it.
pub(crate) struct DateObj {
    pub(crate) f: Dt,
    pub(crate) tz: Option<Value>,
    pub(crate) is_dt: bool,
}

impl PyPayload for DateObj {
    const KIND: PayloadKind = kind(DATETIME_BASE + 1);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(t) = &self.tz {
            visit(t);
        }
    }
}

/// A time of day's fields.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) struct Tm {
    pub(crate) hh: i32,
    pub(crate) mi: i32,
    pub(crate) ss: i32,
    pub(crate) us: i32,
    pub(crate) fold: i32,
}

/// `time`'s payload.
pub(crate) struct TimeObj {
    pub(crate) t: Tm,
    pub(crate) tz: Option<Value>,
}

impl PyPayload for TimeObj {
    const KIND: PayloadKind = kind(DATETIME_BASE + 2);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(t) = &self.tz {
            visit(t);
        }
    }
}

/// `tzinfo`'s and `timezone`'s payload: a timezone has an offset (a
/// timedelta value) and maybe a name; a plain tzinfo has neither.
pub(crate) struct TzObj {
    pub(crate) offset: Option<Value>,
    pub(crate) name: Option<Value>,
}

impl PyPayload for TzObj {
    const KIND: PayloadKind = kind(DATETIME_BASE + 3);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(o) = &self.offset {
            visit(o);
        }
        if let Some(n) = &self.name {
            visit(n);
        }
    }
}

/// The module's immutable, immortal types and singletons.
pub(crate) struct Types {
    pub(crate) delta: TypeRef,
    pub(crate) date: TypeRef,
    pub(crate) datetime: TypeRef,
    pub(crate) time: TypeRef,
    pub(crate) tzinfo: TypeRef,
    pub(crate) timezone: TypeRef,
    pub(crate) utc: Value,
}

static TYPES: OnceLock<Types> = OnceLock::new();

/// The interpreter's `IsoCalendarDate` class (a heap type made by `PY_SRC`,
/// so it lives in the interpreter's module state, not a static).
const ISOCAL_KEY: &str = "_datetime.IsoCalendarDate";

pub(crate) fn types() -> &'static Types {
    TYPES.get_or_init(make_types)
}

fn make_types() -> Types {
    use spindle_vm::native::new_type;
    let delta = new_type::<DeltaObj>("timedelta", "datetime", None, true);
    let date = new_type::<DateObj>("date", "datetime", None, true);
    let datetime = new_type::<DateObj>("datetime", "datetime", Some(date), true);
    let time = new_type::<TimeObj>("time", "datetime", None, true);
    let tzinfo = new_type::<TzObj>("tzinfo", "datetime", None, true);
    let timezone = new_type::<TzObj>("timezone", "datetime", Some(tzinfo), false);
    let zero = spindle_vm::object::alloc_immortal(delta, DeltaObj { d: Delta::ZERO });
    let utc = spindle_vm::object::alloc_immortal(timezone, TzObj { offset: Some(zero), name: None });
    Types { delta, date, datetime, time, tzinfo, timezone, utc }
}

// ---------------------------------------------------------------- shared helpers

pub(crate) fn not_impl() -> PyResult {
    Ok(rt().not_implemented.clone())
}

/// The bound instance (`args[0]`) as `T`, or CPython's descriptor error.
pub(crate) fn this<'a, T: PyPayload>(a: &'a Args<'_>, what: &str) -> PyResult<(&'a Value, &'a T)> {
    let Some(v) = a.args.first() else { raise!(TypeError, "descriptor needs an argument") };
    match v.downcast::<T>() {
        Some(p) => Ok((v, p)),
        None => raise!(
            TypeError,
            "descriptor requires a 'datetime.{}' object but received a '{}'",
            what,
            ops::type_name(v)
        ),
    }
}

/// CPython's check of a method descriptor's `self` against its type.
pub(crate) fn check_self(a: &Args<'_>, name: &str, t: TypeRef) -> PyResult<()> {
    let Some(v) = a.args.first() else { raise!(TypeError, "unbound method {}.{}() needs an argument", t.name(), name) };
    if type_is(v, t) {
        return Ok(());
    }
    raise!(
        TypeError,
        "descriptor '{}' for 'datetime.{}' objects doesn't apply to a '{}' object",
        name,
        t.name(),
        ops::type_name(v)
    )
}

/// The single argument after self of a METH_O method.
pub(crate) fn one_arg<'a>(a: &'a Args<'_>, fname: &str) -> PyResult<&'a Value> {
    if a.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", fname);
    }
    match a.args.len() {
        2 => Ok(&a.args[1]),
        n => raise!(TypeError, "{}() takes exactly one argument ({} given)", fname, n.saturating_sub(1)),
    }
}

/// The single argument of a METH_VARARGS method parsed with one format unit.
pub(crate) fn vararg1<'a>(a: &'a Args<'_>, fname: &str) -> PyResult<&'a Value> {
    if a.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", fname);
    }
    match a.args.len() {
        2 => Ok(&a.args[1]),
        n => raise!(TypeError, "{}() takes exactly 1 argument ({} given)", fname, n.saturating_sub(1)),
    }
}

/// A type's name as CPython's argument errors give it ("None" for None).
pub(crate) fn arg_type(v: &Value) -> String {
    if is_none(v) { "None".to_string() } else { ops::type_name(v) }
}

/// No arguments after self (METH_NOARGS).
pub(crate) fn no_args(a: &Args<'_>, fname: &str) -> PyResult<()> {
    if a.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", fname);
    }
    if a.args.len() > 1 {
        raise!(TypeError, "{}() takes no arguments ({} given)", fname, a.args.len() - 1);
    }
    Ok(())
}

/// How a parameter list reports errors: `PyArg_ParseTupleAndKeywords`
/// without a name says "function", with one "`name`()".
pub(crate) struct Sig<'a, const N: usize> {
    pub(crate) fname: Option<&'a str>,
    pub(crate) names: [&'a str; N],
    pub(crate) required: usize,
    /// Parameters after this many are keyword-only.
    pub(crate) max_pos: usize,
}

impl<const N: usize> Sig<'_, N> {
    fn who(&self) -> String {
        match self.fname {
            Some(f) => format!("{f}()"),
            None => "function".to_string(),
        }
    }

    /// Binds the arguments after the first `skip` positional ones.
    pub(crate) fn bind(&self, a: &Args<'_>, skip: usize) -> PyResult<[Option<Value>; N]> {
        self.bind_with(a, skip, &mut |_, _| Ok(()))
    }

    /// `bind`, converting each given argument with `conv` in parameter
    /// order, interleaved with the missing-argument checks as
    /// `PyArg_ParseTupleAndKeywords` does.
    pub(crate) fn bind_with(
        &self,
        a: &Args<'_>,
        skip: usize,
        conv: &mut dyn FnMut(usize, &Value) -> PyResult<()>,
    ) -> PyResult<[Option<Value>; N]> {
        let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
        let pos = a.positional();
        let pos = pos.get(skip..).unwrap_or(&[]);
        let nkw = a.kwnames.len();
        if pos.len() + nkw > N {
            raise!(
                TypeError,
                "{} takes at most {} {}argument{} ({} given)",
                self.who(),
                N,
                if pos.is_empty() { "keyword " } else { "" },
                if N == 1 { "" } else { "s" },
                pos.len() + nkw
            );
        }
        if pos.len() > self.max_pos {
            raise!(
                TypeError,
                "{} takes at most {} positional argument{} ({} given)",
                self.who(),
                self.max_pos,
                if self.max_pos == 1 { "" } else { "s" },
                pos.len()
            );
        }
        for (i, v) in pos.iter().enumerate() {
            out[i] = Some(v.clone());
        }
        let mut dup = None;
        let mut unknown = None;
        for (k, v) in a.kwargs() {
            match self.names.iter().position(|n| *n == k) {
                Some(i) if out[i].is_some() => {
                    dup.get_or_insert((k.to_string(), i));
                }
                Some(i) => out[i] = Some(v.clone()),
                None => {
                    unknown.get_or_insert(k.to_string());
                }
            }
        }
        for (i, o) in out.iter().enumerate() {
            match o {
                Some(v) => conv(i, v)?,
                None if i < self.required => {
                    raise!(TypeError, "{} missing required argument '{}' (pos {})", self.who(), self.names[i], i + 1)
                }
                None => {}
            }
        }
        if let Some((k, i)) = dup {
            raise!(TypeError, "argument for {} given by name ('{}') and position ({})", self.who(), k, i + 1);
        }
        if let Some(k) = unknown {
            let hint = spindle_vm::traceback::did_you_mean(&k, self.names.iter().copied());
            match self.fname {
                Some(f) => raise!(TypeError, "{}() got an unexpected keyword argument '{}'{}", f, k, hint),
                None => raise!(TypeError, "this function got an unexpected keyword argument '{}'{}", k, hint),
            }
        }
        Ok(out)
    }
}

fn index_value(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    if is_int(v) {
        return Ok(v.clone());
    }
    if float_value(v).is_some() || v.type_ref().lookup_static("__index__").is_none() {
        raise!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(v));
    }
    ops::index(ts, v)
}

/// A C `int` as `PyArg_Parse`'s "i" format converts it.
pub(crate) fn arg_int(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    let i = index_value(ts, v)?;
    let Some(l) = int_to_i64(&i) else { raise!(OverflowError, "Python int too large to convert to C long") };
    if l > i64::from(i32::MAX) {
        raise!(OverflowError, "signed integer is greater than maximum");
    }
    if l < i64::from(i32::MIN) {
        raise!(OverflowError, "signed integer is less than minimum");
    }
    Ok(l as i32)
}

/// A C `int` as `PyLong_AsInt` converts it (Argument Clinic's `int`).
pub(crate) fn clinic_int(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    let i = index_value(ts, v)?;
    match int_to_i64(&i).and_then(|l| i32::try_from(l).ok()) {
        Some(x) => Ok(x),
        None => raise!(OverflowError, "Python int too large to convert to C int"),
    }
}

/// A hash of some integer fields (equal fields, equal hash; the value is
/// below 2**60, so Python's hash() keeps it unchanged).
pub(crate) fn mix_hash(parts: &[i64]) -> i64 {
    let mut h: u64 = 0x27d4_eb2f_1656_67c5;
    for &p in parts {
        h ^= p as u64;
        h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
    }
    (h >> 4) as i64
}

/// An int value from an i128.
pub(crate) fn int_of_i128(v: i128) -> Value {
    match i64::try_from(v) {
        Ok(i) => new_int(i),
        Err(_) => spindle_vm::num::new_bigint(num_bigint::BigInt::from(v)),
    }
}

/// An int value as i128, if it fits.
pub(crate) fn i128_of(v: &Value) -> Option<i128> {
    if let Some(i) = int_to_i64(v) {
        return Some(i128::from(i));
    }
    use num_traits::ToPrimitive;
    int_to_big(v).and_then(|b| b.to_i128())
}

pub(crate) fn type_is(v: &Value, t: TypeRef) -> bool {
    let vt = v.type_ref();
    vt == t || vt.is_subtype(t)
}

pub(crate) fn is_tzinfo(v: &Value) -> bool {
    v.downcast::<TzObj>().is_some()
}

/// CPython's check that a tzinfo argument is None or a tzinfo.
pub(crate) fn check_tzinfo(v: &Value) -> PyResult<()> {
    if is_none(v) || is_tzinfo(v) {
        return Ok(());
    }
    raise!(TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '{}'", ops::type_name(v))
}

/// `Some(tz)` for a tzinfo value, `None` for None.
pub(crate) fn opt_tz(v: &Value) -> Option<Value> {
    if is_none(v) { None } else { Some(v.clone()) }
}

pub(crate) fn tz_value(t: &Option<Value>) -> Value {
    t.clone().unwrap_or_else(none)
}

/// Calls `cls(*args, **{kw: v})`.
pub(crate) fn call_kw(ts: &ThreadState, cls: &Value, mut args: Vec<Value>, kw: &[(&str, Value)]) -> PyResult {
    let names: Vec<Value> = kw.iter().map(|(k, _)| new_str(k)).collect();
    args.extend(kw.iter().map(|(_, v)| v.clone()));
    ops::call_args(ts, cls, Args { args: &args, kwnames: &names })
}

/// Issues a DeprecationWarning attributed to the calling Python code.
pub(crate) fn deprecation(ts: &ThreadState, msg: &str) -> PyResult<()> {
    let w = PyErr::new(rt().exc.DeprecationWarning, msg.to_string());
    spindle_vm::builtins_init::sysmod::warn(ts, &w)
}

pub(crate) fn import_attr(ts: &ThreadState, module: &str, name: &str) -> PyResult<Value> {
    let m = spindle_vm::import::import_module(ts, module)?;
    ops::getattr_str(ts, &m, name)
}

/// `datetime.IsoCalendarDate(year, week, weekday)`.
pub(crate) fn new_isocal(ts: &ThreadState, y: i32, w: i32, d: i32) -> PyResult {
    let args = [new_int(y.into()), new_int(w.into()), new_int(d.into())];
    let cls = ts.interp.module_state.lock().get(ISOCAL_KEY).cloned();
    match cls {
        Some(c) => ops::call(ts, &c, &args),
        None => Ok(spindle_vm::seq::new_tuple(args.to_vec())),
    }
}

pub(crate) fn add(t: TypeRef, methods: &[(&'static str, NativeFnPtr)]) {
    spindle_vm::native::add_methods(t, methods);
}

/// A property whose setter and deleter both run `set` (which raises).
pub(crate) fn add_attr(t: TypeRef, name: &'static str, get: NativeFnPtr, set: NativeFnPtr) {
    spindle_vm::native::add_property(t, name, get, Some(set));
}

pub(crate) fn classmethod(t: TypeRef, name: &'static str, f: NativeFnPtr) {
    spindle_vm::native::add_classmethod(t, name, f);
}

pub(crate) fn cls_of(a: &Args<'_>) -> PyResult<TypeRef> {
    crate::math::cls_of(a)
}

pub(crate) fn alloc_in<T: PyPayload>(t: TypeRef, p: T) -> Value {
    alloc(t, p)
}

// ---------------------------------------------------------------- module

/// `IsoCalendarDate`: a tuple subclass with named fields, as C's heap type.
const PY_SRC: &str = r#"
class IsoCalendarDate(tuple):
    """The result of date.isocalendar() or datetime.isocalendar()

This object may be accessed either as a tuple of
  ((year, week, weekday)
or via the object attributes as named in the above tuple."""
    __slots__ = ()
    __module__ = 'datetime'

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    def _field(i, name):
        def get(self):
            return tuple.__getitem__(self, i)
        def refuse(self, value=None):
            raise AttributeError(f"attribute '{name}' of 'datetime.IsoCalendarDate' objects is not writable")
        return property(get, refuse, refuse)

    year = _field(0, 'year')
    week = _field(1, 'week')
    weekday = _field(2, 'weekday')
    del _field

    def __repr__(self):
        cls = type(self)
        name = 'datetime.IsoCalendarDate' if cls is IsoCalendarDate else cls.__name__
        return f'{name}(year={self[0]!r}, week={self[1]!r}, weekday={self[2]!r})'

    def __reduce__(self):
        return (tuple, (tuple(self),))

del IsoCalendarDate.__firstlineno__, IsoCalendarDate.__static_attributes__, IsoCalendarDate.__slots__
"#;

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let t = types();
    // Methods are installed once, after TYPES is set (they allocate the
    // class attributes through `types()`).
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        delta::install(t);
        date::install(t);
        time::install(t);
        tz::install(t);
    });
    let m = spindle_vm::native::new_module("_datetime", &[]);
    crate::os::run_source(ts, &m, PY_SRC, "<_datetime>")?;
    if let Some(c) = crate::os::module_attr(&m, "IsoCalendarDate") {
        ts.interp.module_state.lock().insert(ISOCAL_KEY, c);
    }
    let add_value = spindle_vm::native::add_value;
    add_value(&m, "timedelta", t.delta.to_value());
    add_value(&m, "date", t.date.to_value());
    add_value(&m, "datetime", t.datetime.to_value());
    add_value(&m, "time", t.time.to_value());
    add_value(&m, "tzinfo", t.tzinfo.to_value());
    add_value(&m, "timezone", t.timezone.to_value());
    add_value(&m, "MINYEAR", new_int(1));
    add_value(&m, "MAXYEAR", new_int(9999));
    add_value(&m, "UTC", t.utc.clone());
    add_value(&m, "__doc__", new_str("Fast implementation of the datetime type."));
    // `from _datetime import *` must not export IsoCalendarDate (CPython's
    // C module keeps that class in its module state only).
    let all = ["date", "datetime", "time", "timedelta", "timezone", "tzinfo", "MINYEAR", "MAXYEAR", "UTC"];
    add_value(&m, "__all__", spindle_vm::seq::new_list(all.iter().map(|s| new_str(s)).collect()));
    Ok(m)
}
