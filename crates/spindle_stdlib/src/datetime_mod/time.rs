//! `time`: a time of day with optional tzinfo and PEP 495 fold.

use spindle_vm::bytes::{PyBytes, new_bytes};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::object::TypeRef;
use spindle_vm::ops::{self, CmpOp};
use spindle_vm::runtime::{is_none, none};
use spindle_vm::seq::new_tuple;
use spindle_vm::str::{as_data, as_str, new_str};
use spindle_vm::{PyResult, Value, raise};

use super::delta::{Delta, delta_hash, delta_of};
use super::fmt::{invalid_iso, iso_text, iso_time, offset_suffix, parse_time, wrap_strftime};
use super::tz::{call_offset, call_tzname, timezone_of};
use super::{
    Sig, TimeObj, Tm, Types, add, alloc_in, arg_int, call_kw, check_tzinfo, classmethod, clinic_int, import_attr, is_tzinfo,
    no_args, not_impl, one_arg, opt_tz, this, types, tz_value,
};

pub(crate) fn check_time(t: &Tm) -> PyResult<()> {
    if !(0..=23).contains(&t.hh) {
        raise!(ValueError, "hour must be in 0..23, not {}", t.hh);
    }
    if !(0..=59).contains(&t.mi) {
        raise!(ValueError, "minute must be in 0..59, not {}", t.mi);
    }
    if !(0..=59).contains(&t.ss) {
        raise!(ValueError, "second must be in 0..59, not {}", t.ss);
    }
    if !(0..=999_999).contains(&t.us) {
        raise!(ValueError, "microsecond must be in 0..999999, not {}", t.us);
    }
    if t.fold != 0 && t.fold != 1 {
        raise!(ValueError, "fold must be either 0 or 1, not {}", t.fold);
    }
    Ok(())
}

/// A checked time of type `t` (allocated directly).
pub(crate) fn new_time_in(t: TypeRef, f: Tm, tz: &Value) -> PyResult {
    check_time(&f)?;
    check_tzinfo(tz)?;
    Ok(alloc_in(t, TimeObj { t: f, tz: opt_tz(tz) }))
}

/// A time of class `cls`: direct for `time`, else `cls(h, m, s, us, tz, fold=..)`.
pub(crate) fn new_time_subclass(ts: &ThreadState, cls: TypeRef, f: Tm, tz: &Value) -> PyResult {
    if cls == types().time {
        return new_time_in(cls, f, tz);
    }
    let args = vec![new_int(f.hh.into()), new_int(f.mi.into()), new_int(f.ss.into()), new_int(f.us.into()), tz.clone()];
    let kw: Vec<(&str, Value)> = if f.fold != 0 { vec![("fold", new_int(f.fold.into()))] } else { Vec::new() };
    call_kw(ts, &cls.to_value(), args, &kw)
}

fn me<'a>(a: &'a Args<'_>) -> PyResult<(&'a Value, &'a TimeObj)> {
    this::<TimeObj>(a, "time")
}

/// Latin-1 bytes of a pickle state given as bytes or str.
pub(crate) fn state_bytes(v: &Value, size: usize, what: &str, sane: impl Fn(&[u8]) -> bool) -> PyResult<Option<Vec<u8>>> {
    if let Some(b) = v.downcast::<PyBytes>() {
        if b.data.len() == size && sane(&b.data) {
            return Ok(Some(b.data.to_vec()));
        }
        return Ok(None);
    }
    if let Some(d) = as_data(v) {
        let cps: Vec<u32> = d.code_points().collect();
        if cps.len() != size {
            return Ok(None);
        }
        let low: Vec<u8> = cps.iter().map(|&c| (c & 0xFF) as u8).collect();
        if !sane(&low) {
            return Ok(None);
        }
        if cps.iter().any(|&c| c > 0xFF) {
            raise!(
                ValueError,
                "Failed to encode latin1 string when unpickling a {} object. pickle.load(data, encoding='latin1') is assumed.",
                what
            );
        }
        return Ok(Some(low));
    }
    Ok(None)
}

fn time_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    let pos = a.positional();
    if (2..=3).contains(&a.args.len()) && !a.has_kwargs() {
        let tz = pos.get(2).cloned().unwrap_or_else(none);
        if let Some(b) = state_bytes(&pos[1], 6, "time", |b| (b[0] & 0x7F) < 24)? {
            if !is_none(&tz) && !is_tzinfo(&tz) {
                raise!(TypeError, "bad tzinfo state arg");
            }
            let fold = i32::from(b[0] >> 7);
            let f = Tm {
                hh: i32::from(b[0] & 0x7F),
                mi: i32::from(b[1]),
                ss: i32::from(b[2]),
                us: (i32::from(b[3]) << 16) | (i32::from(b[4]) << 8) | i32::from(b[5]),
                fold,
            };
            return Ok(alloc_in(cls, TimeObj { t: f, tz: opt_tz(&tz) }));
        }
    }
    let sig = Sig { fname: None, names: ["hour", "minute", "second", "microsecond", "tzinfo", "fold"], required: 0, max_pos: 5 };
    let mut v = [0i32; 6];
    let [.., tz, _] = sig.bind_with(&a, 1, &mut |i, x| {
        if i != 4 {
            v[i] = arg_int(ts, x)?;
        }
        Ok(())
    })?;
    let f = Tm { hh: v[0], mi: v[1], ss: v[2], us: v[3], fold: v[5] };
    new_time_in(cls, f, &tz.unwrap_or_else(none))
}

fn time_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me(&a)?;
    let t = o.t;
    let tn = ops::type_name(v);
    let mut s = if t.us != 0 {
        format!("{tn}({}, {}, {}, {}", t.hh, t.mi, t.ss, t.us)
    } else if t.ss != 0 {
        format!("{tn}({}, {}, {}", t.hh, t.mi, t.ss)
    } else {
        format!("{tn}({}, {}", t.hh, t.mi)
    };
    if let Some(tz) = &o.tz {
        s.push_str(&format!(", tzinfo={}", ops::repr_string(ts, tz)?));
    }
    if t.fold != 0 {
        s.push_str(&format!(", fold={}", t.fold));
    }
    s.push(')');
    Ok(new_str(&s))
}

fn time_isoformat(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me(&a)?;
    let sig = Sig { fname: Some("isoformat"), names: ["timespec"], required: 0, max_pos: 1 };
    let [spec] = sig.bind(&a, 1)?;
    let spec = match &spec {
        Some(s) => match as_str(s) {
            Some(x) => Some(x.to_string()),
            None => raise!(TypeError, "isoformat() argument 1 must be str, not {}", super::arg_type(s)),
        },
        None => None,
    };
    let t = o.t;
    let mut s = iso_time(t.hh, t.mi, t.ss, t.us, spec.as_deref())?;
    if o.tz.is_some() {
        s.push_str(&offset_suffix(ts, &o.tz, &none(), ":")?);
    }
    let _ = v;
    Ok(new_str(&s))
}

pub(crate) fn strftime_arg(a: &Args<'_>) -> PyResult<Value> {
    let sig = Sig { fname: Some("strftime"), names: ["format"], required: 1, max_pos: 1 };
    let [f] = sig.bind(a, 1)?;
    let f = f.unwrap_or_else(none);
    if as_data(&f).is_none() {
        raise!(TypeError, "strftime() argument 1 must be str, not {}", super::arg_type(&f));
    }
    Ok(f)
}

fn time_strftime(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me(&a)?;
    let f = strftime_arg(&a)?;
    let t = o.t;
    let tt = new_tuple(
        [1900, 1, 1, t.hh, t.mi, t.ss, 0, 1, -1].iter().map(|&i| new_int(i.into())).collect(),
    );
    wrap_strftime(ts, v, &f, &tt, &none())
}

/// `__format__` of date, datetime and time.
pub(crate) fn any_format(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(v) = a.args.first() else { raise!(TypeError, "descriptor needs an argument") };
    let f = super::vararg1(&a, "__format__")?;
    if as_data(f).is_none() {
        raise!(TypeError, "__format__() argument 1 must be str, not {}", super::arg_type(f));
    }
    if as_data(f).is_some_and(|d| d.is_empty()) {
        return ops::str_(ts, v);
    }
    ops::call_method(ts, v, "strftime", std::slice::from_ref(f))
}

fn time_compare(ts: &ThreadState, a: &Args<'_>, op: CmpOp) -> PyResult {
    let (v, o) = me(a)?;
    let Some(other) = a.args.get(1) else { return not_impl() };
    let Some(p) = other.downcast::<TimeObj>() else { return not_impl() };
    let key = |t: &Tm| (t.hh, t.mi, t.ss, t.us);
    let same_tz = match (&o.tz, &p.tz) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(y),
        _ => false,
    };
    if same_tz {
        return Ok(new_bool(op.apply(&key(&o.t), &key(&p.t))));
    }
    let o1 = call_offset(ts, &o.tz, "utcoffset", &none())?;
    let o2 = call_offset(ts, &p.tz, "utcoffset", &none())?;
    let _ = v;
    match (delta_of(&o1), delta_of(&o2)) {
        (None, None) => Ok(new_bool(op.apply(&key(&o.t), &key(&p.t)))),
        (Some(d1), Some(d2)) if d1 == d2 => Ok(new_bool(op.apply(&key(&o.t), &key(&p.t)))),
        (Some(d1), Some(d2)) => {
            let secs = |t: &Tm, d: Delta| {
                i64::from(t.hh) * 3600 + i64::from(t.mi) * 60 + i64::from(t.ss) - i64::from(d.days) * 86400 - i64::from(d.secs)
            };
            let x = (secs(&o.t, d1), o.t.us);
            let y = (secs(&p.t, d2), p.t.us);
            Ok(new_bool(op.apply(&x, &y)))
        }
        _ => match op {
            CmpOp::Eq => Ok(new_bool(false)),
            CmpOp::Ne => Ok(new_bool(true)),
            _ => raise!(TypeError, "can't compare offset-naive and offset-aware times"),
        },
    }
}

fn time_hash(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me(&a)?;
    let t = o.t;
    let off = if t.fold != 0 {
        let zero = alloc_in(types().time, TimeObj { t: Tm { fold: 0, ..t }, tz: o.tz.clone() });
        let _ = zero;
        call_offset(ts, &o.tz, "utcoffset", &none())?
    } else {
        call_offset(ts, &o.tz, "utcoffset", &none())?
    };
    let _ = v;
    match delta_of(&off) {
        None => {
            Ok(new_int(super::mix_hash(&[-2, t.hh.into(), t.mi.into(), t.ss.into(), t.us.into()])))
        }
        Some(d) => {
            let base = Delta::new(0, i64::from(t.hh * 3600 + t.mi * 60 + t.ss), i64::from(t.us))?;
            Ok(new_int(delta_hash(ts, base.sub(d)?)?))
        }
    }
}

fn time_replace(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me(&a)?;
    let sig = Sig { fname: Some("replace"), names: ["hour", "minute", "second", "microsecond", "tzinfo", "fold"], required: 0, max_pos: 5 };
    let [h, m, s, us, tz, fold] = sig.bind(&a, 1)?;
    let t = o.t;
    let g = |x: &Option<Value>, d: i32| -> PyResult<i32> { x.as_ref().map_or(Ok(d), |x| clinic_int(ts, x)) };
    let f = Tm { hh: g(&h, t.hh)?, mi: g(&m, t.mi)?, ss: g(&s, t.ss)?, us: g(&us, t.us)?, fold: g(&fold, t.fold)? };
    let tz = tz.unwrap_or_else(|| tz_value(&o.tz));
    new_time_subclass(ts, v.type_ref(), f, &tz)
}

fn time_state(o: &TimeObj, proto: i32) -> Value {
    let t = o.t;
    let mut b = [t.hh as u8, t.mi as u8, t.ss as u8, (t.us >> 16) as u8, (t.us >> 8) as u8, t.us as u8];
    if proto > 3 && t.fold != 0 {
        b[0] |= 0x80;
    }
    let bytes = new_bytes(&b);
    match &o.tz {
        None => new_tuple(vec![bytes]),
        Some(tz) => new_tuple(vec![bytes, tz.clone()]),
    }
}

fn time_fromisoformat(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    let s = one_arg(&a, "time.fromisoformat")?;
    if as_data(s).is_none() {
        raise!(TypeError, "fromisoformat: argument must be str");
    }
    let Some(text) = iso_text(s, false) else { return Err(invalid_iso(ts, s)) };
    let b = text.as_bytes();
    let start = usize::from(b.first() == Some(&b'T'));
    let Ok(p) = parse_time(b, start) else { return Err(invalid_iso(ts, s)) };
    let tz = match p.tz {
        Some((secs, us)) => {
            if secs == 0 {
                types().utc.clone()
            } else {
                timezone_of(ts, Delta::new(0, secs.into(), us.into())?, None)?
            }
        }
        None => none(),
    };
    let mut f = Tm { hh: p.f[0], mi: p.f[1], ss: p.f[2], us: p.f[3], fold: 0 };
    if f.hh == 24 {
        if f.mi != 0 || f.ss != 0 || f.us != 0 {
            raise!(ValueError, "minute, second, and microsecond must be 0 when hour is 24");
        }
        f.hh = 0;
    }
    if cls == types().time {
        return new_time_in(cls, f, &tz);
    }
    let args = [f.hh, f.mi, f.ss, f.us].iter().map(|&i| new_int(i.into())).chain(std::iter::once(tz)).collect();
    call_kw(ts, &cls.to_value(), args, &[])
}

fn strptime_cls(ts: &ThreadState, a: &Args<'_>, helper: &str) -> PyResult {
    let Some(cls) = a.args.first() else { raise!(TypeError, "descriptor needs an argument") };
    if a.has_kwargs() {
        raise!(TypeError, "strptime() takes no keyword arguments");
    }
    let rest = &a.args[1..];
    if rest.len() != 2 {
        raise!(TypeError, "strptime() takes exactly 2 arguments ({} given)", rest.len());
    }
    for (i, x) in rest.iter().enumerate() {
        if as_data(x).is_none() {
            raise!(TypeError, "strptime() argument {} must be str, not {}", i + 1, super::arg_type(x));
        }
    }
    let f = import_attr(ts, "_strptime", helper)?;
    ops::call(ts, &f, &[cls.clone(), rest[0].clone(), rest[1].clone()])
}

pub(crate) fn date_strptime(ts: &ThreadState, a: Args<'_>) -> PyResult {
    strptime_cls(ts, &a, "_strptime_datetime_date")
}

pub(crate) fn datetime_strptime(ts: &ThreadState, a: Args<'_>) -> PyResult {
    strptime_cls(ts, &a, "_strptime_datetime_datetime")
}

pub(crate) fn install(t: &Types) {
    let tt = t.time;
    spindle_vm::native::set_new(tt, time_new);
    add(
        tt,
        &[
            meth!(time, "__repr__", time_repr),
            meth!(time, "__str__", |ts, a| {
                let (v, _) = me(&a)?;
                ops::call_method(ts, v, "isoformat", &[])
            }),
            meth!(time, "isoformat", time_isoformat),
            meth!(time, "strftime", time_strftime),
            meth!(time, "__format__", any_format),
            meth!(time, "utcoffset", |ts, a| {
                let (_, o) = me(&a)?;
                no_args(&a, "time.utcoffset")?;
                call_offset(ts, &o.tz, "utcoffset", &none())
            }),
            meth!(time, "dst", |ts, a| {
                let (_, o) = me(&a)?;
                no_args(&a, "time.dst")?;
                call_offset(ts, &o.tz, "dst", &none())
            }),
            meth!(time, "tzname", |ts, a| {
                let (_, o) = me(&a)?;
                no_args(&a, "time.tzname")?;
                call_tzname(ts, &o.tz, &none())
            }),
            meth!(time, "replace", time_replace),
            meth!(time, "__replace__", time_replace),
            meth!(time, "__eq__", |ts, a| time_compare(ts, &a, CmpOp::Eq)),
            meth!(time, "__ne__", |ts, a| time_compare(ts, &a, CmpOp::Ne)),
            meth!(time, "__lt__", |ts, a| time_compare(ts, &a, CmpOp::Lt)),
            meth!(time, "__le__", |ts, a| time_compare(ts, &a, CmpOp::Le)),
            meth!(time, "__gt__", |ts, a| time_compare(ts, &a, CmpOp::Gt)),
            meth!(time, "__ge__", |ts, a| time_compare(ts, &a, CmpOp::Ge)),
            meth!(time, "__hash__", time_hash),
            meth!(time, "__reduce_ex__", |ts, a| {
                let (v, o) = me(&a)?;
                let p = super::vararg1(&a, "__reduce_ex__")?;
                let proto = arg_int(ts, p)?;
                Ok(new_tuple(vec![v.type_ref().to_value(), time_state(o, proto)]))
            }),
            meth!(time, "__reduce__", |_, a| {
                let (v, o) = me(&a)?;
                Ok(new_tuple(vec![v.type_ref().to_value(), time_state(o, 2)]))
            }),
        ],
    );
    classmethod(tt, "fromisoformat", time_fromisoformat);
    classmethod(tt, "strptime", |ts, a| strptime_cls(ts, &a, "_strptime_datetime_time"));
    attr!(tt, time, "time", "hour", |_, a| Ok(new_int(me(&a)?.1.t.hh.into())));
    attr!(tt, time, "time", "minute", |_, a| Ok(new_int(me(&a)?.1.t.mi.into())));
    attr!(tt, time, "time", "second", |_, a| Ok(new_int(me(&a)?.1.t.ss.into())));
    attr!(tt, time, "time", "microsecond", |_, a| Ok(new_int(me(&a)?.1.t.us.into())));
    attr!(tt, time, "time", "tzinfo", |_, a| Ok(tz_value(&me(&a)?.1.tz)));
    attr!(tt, time, "time", "fold", |_, a| Ok(new_int(me(&a)?.1.t.fold.into())));
    let cv = spindle_vm::native::add_class_value;
    cv(tt, "min", alloc_in(tt, TimeObj { t: Tm::default(), tz: None }));
    cv(tt, "max", alloc_in(tt, TimeObj { t: Tm { hh: 23, mi: 59, ss: 59, us: 999_999, fold: 0 }, tz: None }));
    cv(tt, "resolution", super::delta::new_delta(Delta { days: 0, secs: 0, us: 1 }));
    cv(
        tt,
        "__doc__",
        new_str("time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\nAll arguments are optional. tzinfo may be None, or an instance of\na tzinfo subclass. The remaining arguments may be ints.\n"),
    );
}
