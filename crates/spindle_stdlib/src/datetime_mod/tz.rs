//! `tzinfo` (the abstract base Python code subclasses) and `timezone`
//! (fixed offsets, with the `utc` singleton), plus the checked calls of a
//! tzinfo's `utcoffset`/`dst`/`tzname` that date and time objects make.

use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::ops::{self, CmpOp};
use spindle_vm::runtime::{is_none, none};
use spindle_vm::seq::new_tuple;
use spindle_vm::str::{as_data, new_str};
use spindle_vm::{PyResult, Value, raise};

use super::delta::{Delta, delta_hash, delta_of, new_delta};
use super::{DateObj, Sig, TzObj, Types, add, alloc_in, not_impl, one_arg, this, types};

/// Whether `v` is an exact `timezone` (whose methods need no call).
fn fixed(v: &Value) -> Option<&TzObj> {
    let o = v.downcast::<TzObj>()?;
    if v.type_ref() == types().timezone { Some(o) } else { None }
}

fn offset_ok(d: Delta) -> bool {
    !((d.days == -1 && d.secs == 0 && d.us < 1) || d.days < -1 || d.days >= 1)
}

/// `tz.<name>(arg)` for utcoffset/dst: None or a timedelta strictly within
/// a day, else CPython's TypeError/ValueError.
pub(crate) fn call_offset(ts: &ThreadState, tz: &Option<Value>, name: &str, arg: &Value) -> PyResult<Value> {
    let Some(tz) = tz else { return Ok(none()) };
    if let Some(o) = fixed(tz) {
        if name == "dst" {
            return Ok(none());
        }
        return Ok(o.offset.clone().unwrap_or_else(none));
    }
    let r = ops::call_method(ts, tz, name, std::slice::from_ref(arg))?;
    if is_none(&r) {
        return Ok(r);
    }
    match delta_of(&r) {
        Some(d) if offset_ok(d) => Ok(r),
        Some(_) => raise!(
            ValueError,
            "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not {}",
            ops::repr_string(ts, &r)?
        ),
        None => raise!(TypeError, "tzinfo.{}() must return None or timedelta, not '{}'", name, ops::type_name(&r)),
    }
}

/// `call_offset` as an optional Delta.
pub(crate) fn offset_of(ts: &ThreadState, tz: &Option<Value>, name: &str, arg: &Value) -> PyResult<Option<Delta>> {
    Ok(delta_of(&call_offset(ts, tz, name, arg)?))
}

/// `tz.tzname(arg)`: None or a str.
pub(crate) fn call_tzname(ts: &ThreadState, tz: &Option<Value>, arg: &Value) -> PyResult<Value> {
    let Some(tz) = tz else { return Ok(none()) };
    if let Some(o) = fixed(tz) {
        return Ok(new_str(&tz_str(tz, o)));
    }
    let r = ops::call_method(ts, tz, "tzname", std::slice::from_ref(arg))?;
    if is_none(&r) || as_data(&r).is_some() {
        return Ok(r);
    }
    raise!(TypeError, "tzinfo.tzname() must return None or a string, not '{}'", ops::type_name(&r))
}

/// A new timezone (the utc singleton for an unnamed zero offset).
pub(crate) fn new_timezone(ts: &ThreadState, offset: &Value, name: Option<Value>) -> PyResult<Value> {
    let Some(d) = delta_of(offset) else { raise!(TypeError, "timezone() argument 1 must be datetime.timedelta, not {}", super::arg_type(offset)) };
    if name.is_none() && d.is_zero() {
        return Ok(types().utc.clone());
    }
    if !offset_ok(d) {
        let r = ops::repr_string(ts, offset)?;
        raise!(
            ValueError,
            "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not {}",
            r
        );
    }
    Ok(alloc_in(types().timezone, TzObj { offset: Some(offset.clone()), name }))
}

/// A timezone for a whole offset in microseconds (fromisoformat, local zones).
pub(crate) fn timezone_of(ts: &ThreadState, d: Delta, name: Option<Value>) -> PyResult<Value> {
    new_timezone(ts, &new_delta(d), name)
}

fn sign_hms(d: Delta) -> (char, i32, i32, i32, i32) {
    let (sign, d) = if d.days < 0 { ('-', d.neg().unwrap_or(d)) } else { ('+', d) };
    let (mi, ss) = (d.secs / 60, d.secs % 60);
    (sign, mi / 60, mi % 60, ss, d.us)
}

/// `+HH<sep>MM[<sep>SS[.ffffff]]` of an offset.
pub(crate) fn format_offset(d: Delta, sep: &str) -> String {
    let (sign, hh, mi, ss, us) = sign_hms(d);
    if us != 0 {
        format!("{sign}{hh:02}{sep}{mi:02}{sep}{ss:02}.{us:06}")
    } else if ss != 0 {
        format!("{sign}{hh:02}{sep}{mi:02}{sep}{ss:02}")
    } else {
        format!("{sign}{hh:02}{sep}{mi:02}")
    }
}

fn tz_str(v: &Value, o: &TzObj) -> String {
    if let Some(n) = &o.name {
        return spindle_vm::str::as_str(n).map(str::to_string).unwrap_or_default();
    }
    let d = o.offset.as_ref().and_then(delta_of).unwrap_or(Delta::ZERO);
    if v.is(&types().utc) || d.is_zero() {
        return "UTC".to_string();
    }
    let (sign, hh, mi, ss, us) = sign_hms(d);
    if us != 0 {
        format!("UTC{sign}{hh:02}:{mi:02}:{ss:02}.{us:06}")
    } else if ss != 0 {
        format!("UTC{sign}{hh:02}:{mi:02}:{ss:02}")
    } else {
        format!("UTC{sign}{hh:02}:{mi:02}")
    }
}

fn is_datetime(v: &Value) -> bool {
    v.downcast::<DateObj>().is_some_and(|o| o.is_dt)
}

// ---------------------------------------------------------------- tzinfo

fn tzinfo_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    Ok(alloc_in(cls, TzObj { offset: None, name: None }))
}

/// CPython's `tzinfo.fromutc`: the standard offset, then DST.
fn tzinfo_fromutc(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (me, _) = this::<TzObj>(&a, "tzinfo")?;
    let dt = one_arg(&a, "tzinfo.fromutc")?;
    let Some(o) = dt.downcast::<DateObj>().filter(|o| o.is_dt) else { raise!(TypeError, "fromutc: argument must be a datetime") };
    if !o.tz.as_ref().is_some_and(|t| t.is(me)) {
        raise!(ValueError, "fromutc: dt.tzinfo is not self");
    }
    let Some(off) = offset_of(ts, &o.tz, "utcoffset", dt)? else {
        raise!(ValueError, "fromutc: non-None utcoffset() result required")
    };
    let Some(dst) = offset_of(ts, &o.tz, "dst", dt)? else { raise!(ValueError, "fromutc: non-None dst() result required") };
    let delta = off.sub(dst)?;
    let result = super::date::add_dt_delta(ts, dt, o, delta, 1)?;
    let Some(ro) = result.downcast::<DateObj>() else { return Ok(result) };
    let Some(dst2) = offset_of(ts, &o.tz, "dst", &result)? else {
        raise!(ValueError, "fromutc: tz.dst() gave inconsistent results; cannot convert")
    };
    if dst2.is_zero() {
        return Ok(result);
    }
    super::date::add_dt_delta(ts, &result, ro, dst2, 1)
}

fn tzinfo_reduce(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(me) = a.args.first() else { raise!(TypeError, "descriptor needs an argument") };
    let args = match ops::getattr_opt(ts, me, "__getinitargs__")? {
        Some(f) => ops::call(ts, &f, &[])?,
        None => new_tuple(Vec::new()),
    };
    let state = ops::call_method(ts, me, "__getstate__", &[])?;
    Ok(new_tuple(vec![me.type_ref().to_value(), args, state]))
}

fn nogo(name: &str) -> PyResult {
    raise!(NotImplementedError, "a tzinfo subclass must implement {}()", name)
}

// ---------------------------------------------------------------- timezone

fn timezone_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let sig = Sig { fname: Some("timezone"), names: ["offset", "name"], required: 1, max_pos: 2 };
    let [offset, name] = sig.bind_with(&a, 1, &mut |i, x| {
        if i == 0 && delta_of(x).is_none() {
            raise!(TypeError, "timezone() argument 1 must be datetime.timedelta, not {}", super::arg_type(x));
        }
        if i == 1 && as_data(x).is_none() {
            raise!(TypeError, "timezone() argument 2 must be str, not {}", super::arg_type(x));
        }
        Ok(())
    })?;
    let offset = offset.unwrap_or_else(none);
    new_timezone(ts, &offset, name)
}

fn tz_me<'a>(a: &'a Args<'_>) -> PyResult<(&'a Value, &'a TzObj)> {
    this::<TzObj>(a, "timezone")
}

fn check_dt_arg(dt: &Value, meth: &str) -> PyResult<()> {
    if is_none(dt) || is_datetime(dt) {
        return Ok(());
    }
    raise!(TypeError, "{}(dt) argument must be a datetime instance or None, not {}", meth, ops::type_name(dt))
}

fn timezone_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = tz_me(&a)?;
    let tn = ops::type_name(v);
    if v.is(&types().utc) {
        return Ok(new_str(&format!("{tn}.utc")));
    }
    let off = ops::repr_string(ts, &o.offset.clone().unwrap_or_else(none))?;
    match &o.name {
        None => Ok(new_str(&format!("{tn}({off})"))),
        Some(n) => Ok(new_str(&format!("{tn}({off}, {})", ops::repr_string(ts, n)?))),
    }
}

fn timezone_cmp(a: &Args<'_>, op: CmpOp) -> PyResult {
    let (_, o) = tz_me(a)?;
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return not_impl();
    }
    let Some(other) = a.args.get(1).and_then(fixed_or_tz) else { return not_impl() };
    let (x, y) = (o.offset.as_ref().and_then(delta_of), other.offset.as_ref().and_then(delta_of));
    let eq = x == y;
    Ok(new_bool(if op == CmpOp::Eq { eq } else { !eq }))
}

fn fixed_or_tz(v: &Value) -> Option<&TzObj> {
    let o = v.downcast::<TzObj>()?;
    if type_is_timezone(v) { Some(o) } else { None }
}

fn type_is_timezone(v: &Value) -> bool {
    super::type_is(v, types().timezone)
}

pub(crate) fn install(t: &Types) {
    let ti = t.tzinfo;
    spindle_vm::native::set_new(ti, tzinfo_new);
    add(
        ti,
        &[
            meth!(tzinfo, "tzname", |_, a| {
                one_arg(&a, "tzinfo.tzname")?;
                nogo("tzname")
            }),
            meth!(tzinfo, "utcoffset", |_, a| {
                one_arg(&a, "tzinfo.utcoffset")?;
                nogo("utcoffset")
            }),
            meth!(tzinfo, "dst", |_, a| {
                one_arg(&a, "tzinfo.dst")?;
                nogo("dst")
            }),
            meth!(tzinfo, "fromutc", tzinfo_fromutc),
            meth!(tzinfo, "__reduce__", tzinfo_reduce),
        ],
    );
    spindle_vm::native::add_class_value(ti, "__doc__", new_str("Abstract base class for time zone info objects."));

    let tz = t.timezone;
    spindle_vm::native::set_new(tz, timezone_new);
    add(
        tz,
        &[
            meth!(timezone, "__repr__", timezone_repr),
            meth!(timezone, "__str__", |_, a| {
                let (v, o) = tz_me(&a)?;
                Ok(new_str(&tz_str(v, o)))
            }),
            meth!(timezone, "__eq__", |_, a| timezone_cmp(&a, CmpOp::Eq)),
            meth!(timezone, "__ne__", |_, a| timezone_cmp(&a, CmpOp::Ne)),
            meth!(timezone, "__lt__", |_, a| timezone_cmp(&a, CmpOp::Lt)),
            meth!(timezone, "__le__", |_, a| timezone_cmp(&a, CmpOp::Le)),
            meth!(timezone, "__gt__", |_, a| timezone_cmp(&a, CmpOp::Gt)),
            meth!(timezone, "__ge__", |_, a| timezone_cmp(&a, CmpOp::Ge)),
            meth!(timezone, "__hash__", |ts, a| {
                let (_, o) = tz_me(&a)?;
                Ok(new_int(delta_hash(ts, o.offset.as_ref().and_then(delta_of).unwrap_or(Delta::ZERO))?))
            }),
            meth!(timezone, "tzname", |_, a| {
                let (v, o) = tz_me(&a)?;
                check_dt_arg(one_arg(&a, "timezone.tzname")?, "tzname")?;
                Ok(new_str(&tz_str(v, o)))
            }),
            meth!(timezone, "utcoffset", |_, a| {
                let (_, o) = tz_me(&a)?;
                check_dt_arg(one_arg(&a, "timezone.utcoffset")?, "utcoffset")?;
                Ok(o.offset.clone().unwrap_or_else(none))
            }),
            meth!(timezone, "dst", |_, a| {
                tz_me(&a)?;
                check_dt_arg(one_arg(&a, "timezone.dst")?, "dst")?;
                Ok(none())
            }),
            meth!(timezone, "fromutc", |ts, a| {
                let (v, o) = tz_me(&a)?;
                let dt = one_arg(&a, "timezone.fromutc")?;
                let Some(dobj) = dt.downcast::<DateObj>().filter(|d| d.is_dt) else {
                    raise!(TypeError, "fromutc: argument must be a datetime")
                };
                if !dobj.tz.as_ref().is_some_and(|t| t.is(v)) {
                    raise!(ValueError, "fromutc: dt.tzinfo is not self");
                }
                let off = o.offset.as_ref().and_then(delta_of).unwrap_or(Delta::ZERO);
                super::date::add_dt_delta(ts, dt, dobj, off, 1)
            }),
            meth!(timezone, "__getinitargs__", |_, a| {
                let (_, o) = tz_me(&a)?;
                let off = o.offset.clone().unwrap_or_else(none);
                Ok(match &o.name {
                    None => new_tuple(vec![off]),
                    Some(n) => new_tuple(vec![off, n.clone()]),
                })
            }),
        ],
    );
    let cv = spindle_vm::native::add_class_value;
    cv(tz, "utc", t.utc.clone());
    cv(tz, "min", alloc_in(tz, TzObj { offset: Some(new_delta(Delta { days: -1, secs: 60, us: 0 })), name: None }));
    cv(tz, "max", alloc_in(tz, TzObj { offset: Some(new_delta(Delta { days: 0, secs: 86_340, us: 0 })), name: None }));
    cv(tz, "__doc__", new_str("Fixed offset from UTC implementation of tzinfo."));
}
