//! `date` and its subclass `datetime` (one payload, `DateObj`):
//! constructors (including pickle states), the local clock and
//! timestamps, ISO and C-style text, comparison with PEP 495's rules,
//! arithmetic with timedelta, and time zone conversion.

use std::sync::OnceLock;

use spindle_vm::bytes::new_bytes;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{float_value, new_bool, new_float, new_int};
use spindle_vm::object::TypeRef;
use spindle_vm::ops::{self, CmpOp};
use spindle_vm::runtime::{is_none, none};
use spindle_vm::seq::new_tuple;
use spindle_vm::str::{as_data, new_str};
use spindle_vm::{PyResult, Value, raise};

use super::calendar::{self, days_in_month, iso_calendar, normalize_datetime, ord_to_ymd, ymd_to_ord};
use super::delta::{Delta, delta_hash, delta_of, new_delta};
use super::fmt::{self as dfmt, find_separator, invalid_iso, iso_text, iso_time, offset_suffix, parse_date, parse_time, wrap_strftime};
use super::local::{self, EPOCH, broken_down, local_to_seconds, timestamp_arg};
use super::time::{any_format, check_time, new_time_in, state_bytes, strftime_arg};
use super::tz::{call_offset, call_tzname, offset_of, timezone_of};
use super::{
    DateObj, Dt, Sig, TimeObj, Tm, Types, add, alloc_in, arg_int, call_kw, check_tzinfo, classmethod, clinic_int, deprecation,
    import_attr, is_tzinfo, new_isocal, no_args, not_impl, one_arg, opt_tz, this, types, tz_value,
};

pub(crate) fn check_date(y: i32, m: i32, d: i32) -> PyResult<()> {
    if !(1..=9999).contains(&y) {
        raise!(ValueError, "year must be in 1..9999, not {}", y);
    }
    if !(1..=12).contains(&m) {
        raise!(ValueError, "month must be in 1..12, not {}", m);
    }
    let dim = days_in_month(y, m);
    if d < 1 || d > dim {
        raise!(ValueError, "day {} must be in range 1..{} for month {} in year {}", d, dim, m, y);
    }
    Ok(())
}

fn is_dt_type(t: TypeRef) -> bool {
    let dt = types().datetime;
    t == dt || t.is_subtype(dt)
}

/// A checked date of type `t`.
pub(crate) fn new_date_in(t: TypeRef, y: i32, m: i32, d: i32) -> PyResult {
    check_date(y, m, d)?;
    Ok(alloc_in(t, DateObj { f: Dt { y, m, d, ..Dt::default() }, tz: None, is_dt: is_dt_type(t) }))
}

/// A checked datetime of type `t`.
pub(crate) fn new_dt_in(t: TypeRef, f: Dt, tz: &Value) -> PyResult {
    check_date(f.y, f.m, f.d)?;
    check_time(&Tm { hh: f.hh, mi: f.mi, ss: f.ss, us: f.us, fold: f.fold })?;
    check_tzinfo(tz)?;
    Ok(alloc_in(t, DateObj { f, tz: opt_tz(tz), is_dt: is_dt_type(t) }))
}

/// A date of class `cls` (CPython's `new_date_subclass_ex`).
pub(crate) fn new_date_subclass(ts: &ThreadState, cls: TypeRef, y: i32, m: i32, d: i32) -> PyResult {
    let t = types();
    if cls == t.date {
        return new_date_in(cls, y, m, d);
    }
    if cls == t.datetime {
        return new_dt_in(cls, Dt { y, m, d, ..Dt::default() }, &none());
    }
    ops::call(ts, &cls.to_value(), &[new_int(y.into()), new_int(m.into()), new_int(d.into())])
}

/// A datetime of class `cls` (CPython's `new_datetime_subclass_fold_ex`).
pub(crate) fn new_dt_subclass(ts: &ThreadState, cls: TypeRef, f: Dt, tz: &Value) -> PyResult {
    if cls == types().datetime {
        return new_dt_in(cls, f, tz);
    }
    let args = [f.y, f.m, f.d, f.hh, f.mi, f.ss, f.us].iter().map(|&i| new_int(i.into())).chain(std::iter::once(tz.clone())).collect();
    let kw: Vec<(&str, Value)> = if f.fold != 0 { vec![("fold", new_int(f.fold.into()))] } else { Vec::new() };
    call_kw(ts, &cls.to_value(), args, &kw)
}

fn me<'a>(a: &'a Args<'_>) -> PyResult<(&'a Value, &'a DateObj)> {
    this::<DateObj>(a, "date")
}

fn me_dt<'a>(a: &'a Args<'_>) -> PyResult<(&'a Value, &'a DateObj)> {
    let (v, o) = this::<DateObj>(a, "datetime")?;
    if !o.is_dt {
        raise!(TypeError, "descriptor requires a 'datetime.datetime' object but received a '{}'", ops::type_name(v));
    }
    Ok((v, o))
}

fn date_obj(v: &Value) -> Option<&DateObj> {
    v.downcast::<DateObj>()
}

fn dt_obj(v: &Value) -> Option<&DateObj> {
    v.downcast::<DateObj>().filter(|o| o.is_dt)
}

fn ints(v: &[i32]) -> Vec<Value> {
    v.iter().map(|&i| new_int(i.into())).collect()
}

// ---------------------------------------------------------------- date

fn date_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    if a.args.len() == 2
        && !a.has_kwargs()
        && let Some(b) = state_bytes(&a.args[1], 4, "date", |b| (1..=12).contains(&b[2]))?
    {
        let f = Dt { y: (i32::from(b[0]) << 8) | i32::from(b[1]), m: i32::from(b[2]), d: i32::from(b[3]), ..Dt::default() };
        return Ok(alloc_in(cls, DateObj { f, tz: None, is_dt: is_dt_type(cls) }));
    }
    let sig = Sig { fname: None, names: ["year", "month", "day"], required: 3, max_pos: 3 };
    let mut v = [0i32; 3];
    sig.bind_with(&a, 1, &mut |i, x| {
        v[i] = arg_int(ts, x)?;
        Ok(())
    })?;
    new_date_in(cls, v[0], v[1], v[2])
}

fn date_fromtimestamp(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    let v = one_arg(&a, "date.fromtimestamp")?;
    let secs = match float_value(v) {
        Some(f) => {
            if f.is_nan() {
                raise!(ValueError, "Invalid value NaN (not a number)");
            }
            let fl = f.floor();
            if !(-9.2e18..9.2e18).contains(&fl) {
                raise!(OverflowError, "timestamp out of range for platform time_t");
            }
            fl as i64
        }
        None => timestamp_arg(ts, v)?.0,
    };
    let b = broken_down(ts, secs, true)?;
    new_date_subclass(ts, cls, b.y, b.m, b.d)
}

fn date_today(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(cls) = a.args.first() else { raise!(TypeError, "descriptor needs an argument") };
    no_args(&a, "date.today")?;
    let t = ops::call(ts, &import_attr(ts, "time", "time")?, &[])?;
    ops::call_method(ts, cls, "fromtimestamp", &[t])
}

fn date_fromordinal(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    if a.has_kwargs() {
        raise!(TypeError, "fromordinal() takes no keyword arguments");
    }
    if a.args.len() != 2 {
        raise!(TypeError, "fromordinal() takes exactly 1 argument ({} given)", a.args.len() - 1);
    }
    let n = arg_int(ts, &a.args[1])?;
    if n < 1 {
        raise!(ValueError, "ordinal must be >= 1");
    }
    let (y, m, d) = ord_to_ymd(i64::from(n));
    new_date_subclass(ts, cls, y, m, d)
}

fn date_fromisoformat(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    let s = one_arg(&a, "date.fromisoformat")?;
    if as_data(s).is_none() {
        raise!(TypeError, "fromisoformat: argument must be str");
    }
    let Some(text) = iso_text(s, false) else { return Err(invalid_iso(ts, s)) };
    let b = text.as_bytes();
    if !matches!(b.len(), 7 | 8 | 10) {
        return Err(invalid_iso(ts, s));
    }
    let Ok((y, m, d)) = parse_date(b, b.len()) else { return Err(invalid_iso(ts, s)) };
    new_date_subclass(ts, cls, y, m, d)
}

fn date_fromisocalendar(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    let sig = Sig { fname: Some("fromisocalendar"), names: ["year", "week", "day"], required: 3, max_pos: 3 };
    let mut v = [0i32; 3];
    sig.bind_with(&a, 1, &mut |i, x| {
        v[i] = arg_int(ts, x).map_err(|e| {
            if e.is_instance(spindle_vm::runtime::rt().exc.OverflowError) {
                spindle_vm::err!(ValueError, "ISO calendar component out of range")
            } else {
                e
            }
        })?;
        Ok(())
    })?;
    let [y, w, d] = v;
    match calendar::iso_to_ymd(y, w, d) {
        Ok((yy, mm, dd)) => new_date_subclass(ts, cls, yy, mm, dd),
        Err(calendar::IsoError::Year) => raise!(ValueError, "year must be in 1..9999, not {}", y),
        Err(calendar::IsoError::Week) => raise!(ValueError, "Invalid week: {}", w),
        Err(calendar::IsoError::Day) => raise!(ValueError, "Invalid weekday: {} (range is [1, 7])", d),
    }
}

fn date_repr(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me(&a)?;
    Ok(new_str(&format!("{}({}, {}, {})", ops::type_name(v), o.f.y, o.f.m, o.f.d)))
}

fn date_strftime(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me(&a)?;
    let f = strftime_arg(&a)?;
    let (t, vt) = (types(), v.type_ref());
    // timetuple() may be overridden by a subclass; the exact types' time
    // tuple is built directly (time.strftime takes a plain 9-tuple).
    let tt = if vt == t.date || vt == t.datetime {
        let f = o.f;
        let dst = if o.is_dt { dst_flag(ts, v, o)? } else { -1 };
        let items = [f.y, f.m, f.d, f.hh, f.mi, f.ss, calendar::weekday(f.y, f.m, f.d), calendar::day_of_year(f.y, f.m, f.d), dst];
        new_tuple(ints(&items))
    } else {
        ops::call_method(ts, v, "timetuple", &[])?
    };
    wrap_strftime(ts, v, &f, &tt, v)
}

fn date_add(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me(&a)?;
    let Some(other) = a.args.get(1) else { return not_impl() };
    if o.is_dt || dt_obj(other).is_some() {
        return not_impl();
    }
    match delta_of(other) {
        Some(d) => add_date_days(ts, v, o, i64::from(d.days)),
        None => not_impl(),
    }
}

fn add_date_days(ts: &ThreadState, v: &Value, o: &DateObj, days: i64) -> PyResult {
    match calendar::normalize_date(o.f.y, o.f.m, i64::from(o.f.d) + days) {
        Ok((y, m, d)) => new_date_subclass(ts, v.type_ref(), y, m, d),
        Err(()) => raise!(OverflowError, "date value out of range"),
    }
}

fn date_minus(ts: &ThreadState, left: &Value, right: &Value) -> PyResult {
    let (Some(l), Some(r)) = (date_obj(left), date_obj(right)) else { return not_impl() };
    if l.is_dt || r.is_dt {
        return not_impl();
    }
    let _ = ts;
    let days = ymd_to_ord(l.f.y, l.f.m, l.f.d) - ymd_to_ord(r.f.y, r.f.m, r.f.d);
    Ok(new_delta(Delta::new(days, 0, 0)?))
}

fn date_sub(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me(&a)?;
    let Some(other) = a.args.get(1) else { return not_impl() };
    if o.is_dt || dt_obj(other).is_some() {
        return not_impl();
    }
    if date_obj(other).is_some() {
        return date_minus(ts, v, other);
    }
    match delta_of(other) {
        Some(d) => add_date_days(ts, v, o, -i64::from(d.days)),
        None => not_impl(),
    }
}

fn date_rsub(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, _) = me(&a)?;
    let Some(other) = a.args.get(1) else { return not_impl() };
    date_minus(ts, other, v)
}

fn date_compare(a: &Args<'_>, op: CmpOp) -> PyResult {
    let (_, o) = me(a)?;
    let Some(p) = a.args.get(1).and_then(date_obj) else { return not_impl() };
    if p.is_dt || o.is_dt {
        return not_impl();
    }
    Ok(new_bool(op.apply(&(o.f.y, o.f.m, o.f.d), &(p.f.y, p.f.m, p.f.d))))
}

fn date_replace(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me(&a)?;
    let sig = Sig { fname: Some("replace"), names: ["year", "month", "day"], required: 0, max_pos: 3 };
    let [y, m, d] = sig.bind(&a, 1)?;
    let g = |x: &Option<Value>, dflt: i32| -> PyResult<i32> { x.as_ref().map_or(Ok(dflt), |x| clinic_int(ts, x)) };
    let (y, m, d) = (g(&y, o.f.y)?, g(&m, o.f.m)?, g(&d, o.f.d)?);
    new_date_subclass(ts, v.type_ref(), y, m, d)
}

fn date_timetuple(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, o) = me(&a)?;
    no_args(&a, "date.timetuple")?;
    dfmt::struct_time(ts, o.f.y, o.f.m, o.f.d, (0, 0, 0), -1)
}

fn date_isocalendar(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, o) = me(&a)?;
    no_args(&a, "date.isocalendar")?;
    let (y, w, d) = iso_calendar(o.f.y, o.f.m, o.f.d);
    new_isocal(ts, y, w, d)
}

fn date_hash(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, o) = me(&a)?;
    let _ = ts;
    Ok(new_int(super::mix_hash(&[o.f.y.into(), o.f.m.into(), o.f.d.into()])))
}

fn date_state(o: &DateObj) -> Value {
    new_bytes(&[(o.f.y >> 8) as u8, o.f.y as u8, o.f.m as u8, o.f.d as u8])
}

// ---------------------------------------------------------------- datetime

fn datetime_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    if (2..=3).contains(&a.args.len()) && !a.has_kwargs() {
        let tz = a.args.get(2).cloned().unwrap_or_else(none);
        if let Some(b) = state_bytes(&a.args[1], 10, "datetime", |b| (1..=12).contains(&(b[2] & 0x7F)))? {
            if !is_none(&tz) && !is_tzinfo(&tz) {
                raise!(TypeError, "bad tzinfo state arg");
            }
            let f = Dt {
                y: (i32::from(b[0]) << 8) | i32::from(b[1]),
                m: i32::from(b[2] & 0x7F),
                d: i32::from(b[3]),
                hh: i32::from(b[4]),
                mi: i32::from(b[5]),
                ss: i32::from(b[6]),
                us: (i32::from(b[7]) << 16) | (i32::from(b[8]) << 8) | i32::from(b[9]),
                fold: i32::from(b[2] >> 7),
            };
            return Ok(alloc_in(cls, DateObj { f, tz: opt_tz(&tz), is_dt: true }));
        }
    }
    let sig = Sig {
        fname: None,
        names: ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"],
        required: 3,
        max_pos: 8,
    };
    let mut v = [0i32; 9];
    let [.., tz, _] = sig.bind_with(&a, 1, &mut |i, x| {
        if i != 7 {
            v[i] = arg_int(ts, x)?;
        }
        Ok(())
    })?;
    let f = Dt { y: v[0], m: v[1], d: v[2], hh: v[3], mi: v[4], ss: v[5], us: v[6], fold: v[8] };
    new_dt_in(cls, f, &tz.unwrap_or_else(none))
}

/// A datetime from Unix seconds and microseconds, read as local or UTC
/// wall time (local naive results get PEP 495's fold).
fn from_timet(ts: &ThreadState, cls: TypeRef, local: bool, t: i64, us: i32, tz: &Value) -> PyResult {
    let b = broken_down(ts, t, local)?;
    let ss = b.ss.min(59);
    let mut fold = 0;
    if is_none(tz) && local {
        check_date(b.y, b.m, b.d)?;
        fold = i32::from(local::detect_fold(ts, t, (b.y, b.m, b.d, b.hh, b.mi, ss))?);
    }
    new_dt_subclass(ts, cls, Dt { y: b.y, m: b.m, d: b.d, hh: b.hh, mi: b.mi, ss, us, fold }, tz)
}

fn dt_now(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    let sig = Sig { fname: Some("now"), names: ["tz"], required: 0, max_pos: 1 };
    let [tz] = sig.bind(&a, 1)?;
    let tz = tz.unwrap_or_else(none);
    check_tzinfo(&tz)?;
    let (secs, us) = local::now();
    let dt = from_timet(ts, cls, is_none(&tz), secs, us, &tz)?;
    if is_none(&tz) {
        return Ok(dt);
    }
    ops::call_method(ts, &tz, "fromutc", &[dt])
}

fn dt_utcnow(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    deprecation(
        ts,
        "datetime.datetime.utcnow() is deprecated and scheduled for removal in a future version. Use timezone-aware objects to represent datetimes in UTC: datetime.datetime.now(datetime.UTC).",
    )?;
    no_args(&a, "datetime.utcnow")?;
    let (secs, us) = local::now();
    from_timet(ts, cls, false, secs, us, &none())
}

fn dt_fromtimestamp(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    let sig = Sig { fname: Some("fromtimestamp"), names: ["timestamp", "tz"], required: 1, max_pos: 2 };
    let [t, tz] = sig.bind(&a, 1)?;
    let tz = tz.unwrap_or_else(none);
    check_tzinfo(&tz)?;
    let (secs, us) = timestamp_arg(ts, &t.unwrap_or_else(none))?;
    let dt = from_timet(ts, cls, is_none(&tz), secs, us, &tz)?;
    if is_none(&tz) {
        return Ok(dt);
    }
    ops::call_method(ts, &tz, "fromutc", &[dt])
}

fn dt_utcfromtimestamp(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    deprecation(
        ts,
        "datetime.datetime.utcfromtimestamp() is deprecated and scheduled for removal in a future version. Use timezone-aware objects to represent datetimes in UTC: datetime.datetime.fromtimestamp(timestamp, datetime.UTC).",
    )?;
    if a.has_kwargs() {
        raise!(TypeError, "utcfromtimestamp() takes no keyword arguments");
    }
    if a.args.len() != 2 {
        raise!(TypeError, "utcfromtimestamp() takes exactly 1 argument ({} given)", a.args.len() - 1);
    }
    let (secs, us) = timestamp_arg(ts, &a.args[1])?;
    from_timet(ts, cls, false, secs, us, &none())
}

fn dt_combine(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    let sig = Sig { fname: Some("combine"), names: ["date", "time", "tzinfo"], required: 2, max_pos: 3 };
    let [d, t, tz] = sig.bind_with(&a, 1, &mut |i, x| {
        if i == 0 && date_obj(x).is_none() {
            raise!(TypeError, "combine() argument 1 must be datetime.date, not {}", super::arg_type(x));
        }
        if i == 1 && x.downcast::<TimeObj>().is_none() {
            raise!(TypeError, "combine() argument 2 must be datetime.time, not {}", super::arg_type(x));
        }
        Ok(())
    })?;
    let (d, t) = (d.unwrap_or_else(none), t.unwrap_or_else(none));
    let (Some(dobj), Some(tobj)) = (date_obj(&d), t.downcast::<TimeObj>()) else { raise!(TypeError, "combine() needs a date and a time") };
    let tz = tz.unwrap_or_else(|| tz_value(&tobj.tz));
    let f = Dt { y: dobj.f.y, m: dobj.f.m, d: dobj.f.d, hh: tobj.t.hh, mi: tobj.t.mi, ss: tobj.t.ss, us: tobj.t.us, fold: tobj.t.fold };
    new_dt_subclass(ts, cls, f, &tz)
}

fn dt_fromisoformat(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    let s = one_arg(&a, "datetime.fromisoformat")?;
    let Some(d) = as_data(s) else { raise!(TypeError, "fromisoformat: argument must be str") };
    if d.len() < 7 {
        return Err(invalid_iso(ts, s));
    }
    let Some(text) = iso_text(s, true) else { return Err(invalid_iso(ts, s)) };
    let b = text.as_bytes();
    let sep = find_separator(b);
    if sep == usize::MAX {
        return Err(invalid_iso(ts, s));
    }
    let Ok((mut y, mut m, mut dd)) = parse_date(b, sep) else { return Err(invalid_iso(ts, s)) };
    let mut tm = [0i32; 4];
    let mut tz = none();
    if b.len() > sep {
        let step = text.get(sep..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
        let Ok(p) = parse_time(b, sep + step) else { return Err(invalid_iso(ts, s)) };
        tm = p.f;
        if let Some((secs, us)) = p.tz {
            tz = if secs == 0 { types().utc.clone() } else { timezone_of(ts, Delta::new(0, secs.into(), us.into())?, None)? };
        }
    }
    if tm[0] == 24 {
        if tm[1] != 0 || tm[2] != 0 || tm[3] != 0 {
            raise!(ValueError, "minute, second, and microsecond must be 0 when hour is 24");
        }
        tm[0] = 0;
        if (1..=12).contains(&m) && (1..=9999).contains(&y) && dd >= 1 && dd <= days_in_month(y, m) {
            dd += 1;
            if dd > days_in_month(y, m) {
                dd = 1;
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
    }
    let f = Dt { y, m, d: dd, hh: tm[0], mi: tm[1], ss: tm[2], us: tm[3], fold: 0 };
    new_dt_subclass(ts, cls, f, &tz)
}

fn dt_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me_dt(&a)?;
    let f = o.f;
    let tn = ops::type_name(v);
    let mut s = format!("{tn}({}, {}, {}, {}, {}", f.y, f.m, f.d, f.hh, f.mi);
    if f.us != 0 {
        s.push_str(&format!(", {}, {}", f.ss, f.us));
    } else if f.ss != 0 {
        s.push_str(&format!(", {}", f.ss));
    }
    if f.fold != 0 {
        s.push_str(&format!(", fold={}", f.fold));
    }
    if let Some(tz) = &o.tz {
        s.push_str(&format!(", tzinfo={}", ops::repr_string(ts, tz)?));
    }
    s.push(')');
    Ok(new_str(&s))
}

fn dt_isoformat(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me_dt(&a)?;
    let sig = Sig { fname: Some("isoformat"), names: ["sep", "timespec"], required: 0, max_pos: 2 };
    let [sep, spec] = sig.bind(&a, 1)?;
    let sep = match &sep {
        None => 'T',
        Some(x) => match as_data(x) {
            Some(d) if d.len() == 1 => d.char_at(0).and_then(char::from_u32).unwrap_or('T'),
            Some(d) => raise!(TypeError, "isoformat() argument 1 must be a unicode character, not a string of length {}", d.len()),
            None => raise!(TypeError, "isoformat() argument 1 must be a unicode character, not {}", super::arg_type(x)),
        },
    };
    let spec = match &spec {
        None => None,
        Some(x) => match spindle_vm::str::as_str(x) {
            Some(s) => Some(s.to_string()),
            None => raise!(TypeError, "isoformat() argument 2 must be str, not {}", super::arg_type(x)),
        },
    };
    let f = o.f;
    let mut s = format!("{:04}-{:02}-{:02}{}", f.y, f.m, f.d, sep);
    s.push_str(&iso_time(f.hh, f.mi, f.ss, f.us, spec.as_deref())?);
    if o.tz.is_some() {
        s.push_str(&offset_suffix(ts, &o.tz, v, ":")?);
    }
    Ok(new_str(&s))
}

/// `dt + delta * factor` with dt's tzinfo, as a datetime of dt's class.
pub(crate) fn add_dt_delta(ts: &ThreadState, v: &Value, o: &DateObj, d: Delta, factor: i64) -> PyResult {
    let f = o.f;
    let r = normalize_datetime(
        f.y,
        f.m,
        i64::from(f.d) + i64::from(d.days) * factor,
        i64::from(f.hh),
        i64::from(f.mi),
        i64::from(f.ss) + i64::from(d.secs) * factor,
        i64::from(f.us) + i64::from(d.us) * factor,
    );
    let Ok((y, m, dd, hh, mi, ss, us)) = r else { raise!(OverflowError, "date value out of range") };
    new_dt_subclass(ts, v.type_ref(), Dt { y, m, d: dd, hh, mi, ss, us, fold: 0 }, &tz_value(&o.tz))
}

fn same_tz(a: &Option<Value>, b: &Option<Value>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(y),
        _ => false,
    }
}

/// `left - right` for two datetimes.
fn dt_minus(ts: &ThreadState, lv: &Value, l: &DateObj, rv: &Value, r: &DateObj) -> PyResult<Delta> {
    let mut offdiff = None;
    if !same_tz(&l.tz, &r.tz) {
        let o1 = offset_of(ts, &l.tz, "utcoffset", lv)?;
        let o2 = offset_of(ts, &r.tz, "utcoffset", rv)?;
        match (o1, o2) {
            (Some(a), Some(b)) if a != b => offdiff = Some(a.sub(b)?),
            (Some(_), None) | (None, Some(_)) => raise!(TypeError, "can't subtract offset-naive and offset-aware datetimes"),
            _ => {}
        }
    }
    let (lf, rf) = (l.f, r.f);
    let days = ymd_to_ord(lf.y, lf.m, lf.d) - ymd_to_ord(rf.y, rf.m, rf.d);
    let secs = (lf.hh - rf.hh) * 3600 + (lf.mi - rf.mi) * 60 + (lf.ss - rf.ss);
    let result = Delta::new(days, secs.into(), (lf.us - rf.us).into())?;
    match offdiff {
        Some(od) => result.sub(od),
        None => Ok(result),
    }
}

fn dt_add(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me_dt(&a)?;
    match a.args.get(1).and_then(delta_of) {
        Some(d) => add_dt_delta(ts, v, o, d, 1),
        None => not_impl(),
    }
}

fn dt_sub(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me_dt(&a)?;
    let Some(other) = a.args.get(1) else { return not_impl() };
    if let Some(p) = dt_obj(other) {
        return Ok(new_delta(dt_minus(ts, v, o, other, p)?));
    }
    match delta_of(other) {
        Some(d) => add_dt_delta(ts, v, o, d, -1),
        None => not_impl(),
    }
}

fn dt_rsub(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me_dt(&a)?;
    let Some(other) = a.args.get(1) else { return not_impl() };
    match dt_obj(other) {
        Some(p) => Ok(new_delta(dt_minus(ts, other, p, v, o)?)),
        None => not_impl(),
    }
}

/// A copy of a datetime with another fold (same class, no constructor call).
fn with_fold(v: &Value, o: &DateObj, fold: i32) -> Value {
    alloc_in(v.type_ref(), DateObj { f: Dt { fold, ..o.f }, tz: o.tz.clone(), is_dt: true })
}

/// PEP 495: an inter-zone equality is False when either side's offset
/// depends on its fold.
fn pep495_exception(ts: &ThreadState, v: &Value, o: &DateObj, off: Option<Delta>, w: &Value, p: &DateObj, off2: Option<Delta>) -> PyResult<bool> {
    let flip = with_fold(v, o, 1 - o.f.fold);
    if offset_of(ts, &o.tz, "utcoffset", &flip)? != off {
        return Ok(true);
    }
    let flip = with_fold(w, p, 1 - p.f.fold);
    Ok(offset_of(ts, &p.tz, "utcoffset", &flip)? != off2)
}

fn dt_compare(ts: &ThreadState, a: &Args<'_>, op: CmpOp) -> PyResult {
    let (v, o) = me_dt(a)?;
    let Some(w) = a.args.get(1) else { return not_impl() };
    let Some(p) = dt_obj(w) else { return not_impl() };
    if same_tz(&o.tz, &p.tz) {
        return Ok(new_bool(op.apply(&o.f.key(), &p.f.key())));
    }
    let o1 = offset_of(ts, &o.tz, "utcoffset", v)?;
    let o2 = offset_of(ts, &p.tz, "utcoffset", w)?;
    let eqop = matches!(op, CmpOp::Eq | CmpOp::Ne);
    match (o1, o2) {
        (x, y) if x == y => {
            let mut ord = o.f.key().cmp(&p.f.key());
            if eqop && ord.is_eq() && pep495_exception(ts, v, o, o1, w, p, o2)? {
                ord = std::cmp::Ordering::Greater;
            }
            Ok(new_bool(op.apply(&ord, &std::cmp::Ordering::Equal)))
        }
        (Some(_), Some(_)) => {
            let d = dt_minus(ts, v, o, w, p)?;
            let mut ord = d.cmp(&Delta::ZERO);
            if eqop && ord.is_eq() && pep495_exception(ts, v, o, o1, w, p, o2)? {
                ord = std::cmp::Ordering::Greater;
            }
            Ok(new_bool(op.apply(&ord, &std::cmp::Ordering::Equal)))
        }
        _ => match op {
            CmpOp::Eq => Ok(new_bool(false)),
            CmpOp::Ne => Ok(new_bool(true)),
            _ => raise!(TypeError, "can't compare offset-naive and offset-aware datetimes"),
        },
    }
}

fn dt_hash(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me_dt(&a)?;
    let f = o.f;
    let off = if o.tz.is_none() {
        None
    } else if f.fold != 0 {
        let z = with_fold(v, o, 0);
        offset_of(ts, &o.tz, "utcoffset", &z)?
    } else {
        offset_of(ts, &o.tz, "utcoffset", v)?
    };
    match off {
        None => Ok(new_int(super::mix_hash(&[-1, f.y.into(), f.m.into(), f.d.into(), f.hh.into(), f.mi.into(), f.ss.into(), f.us.into()]))),
        Some(d) => {
            let base = Delta::new(ymd_to_ord(f.y, f.m, f.d), i64::from(f.hh * 3600 + f.mi * 60 + f.ss), f.us.into())?;
            Ok(new_int(delta_hash(ts, base.sub(d)?)?))
        }
    }
}

fn dt_replace(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me_dt(&a)?;
    let sig = Sig {
        fname: Some("replace"),
        names: ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"],
        required: 0,
        max_pos: 8,
    };
    let [y, m, d, hh, mi, ss, us, tz, fold] = sig.bind(&a, 1)?;
    let f = o.f;
    let g = |x: &Option<Value>, dflt: i32| -> PyResult<i32> { x.as_ref().map_or(Ok(dflt), |x| clinic_int(ts, x)) };
    let nf = Dt {
        y: g(&y, f.y)?,
        m: g(&m, f.m)?,
        d: g(&d, f.d)?,
        hh: g(&hh, f.hh)?,
        mi: g(&mi, f.mi)?,
        ss: g(&ss, f.ss)?,
        us: g(&us, f.us)?,
        fold: g(&fold, f.fold)?,
    };
    let tz = tz.unwrap_or_else(|| tz_value(&o.tz));
    new_dt_subclass(ts, v.type_ref(), nf, &tz)
}

fn local_timezone_from_timestamp(ts: &ThreadState, t: i64) -> PyResult {
    let b = broken_down(ts, t, true)?;
    timezone_of(ts, Delta::new(0, b.gmtoff, 0)?, Some(new_str(&b.zone)))
}

fn local_timezone_from_local(ts: &ThreadState, o: &DateObj) -> PyResult {
    let f = o.f;
    let fold = f.fold != 0;
    let mut secs = local_to_seconds(ts, f.y, f.m, f.d, f.hh, f.mi, f.ss, fold)?;
    let secs2 = local_to_seconds(ts, f.y, f.m, f.d, f.hh, f.mi, f.ss, !fold)?;
    if secs2 != secs && (secs2 > secs) == fold {
        secs = secs2;
    }
    local_timezone_from_timestamp(ts, secs - EPOCH)
}

fn epoch() -> Value {
    static EPOCH_DT: OnceLock<Value> = OnceLock::new();
    EPOCH_DT
        .get_or_init(|| {
            let t = types();
            spindle_vm::object::alloc_immortal(
                t.datetime,
                DateObj { f: Dt { y: 1970, m: 1, d: 1, ..Dt::default() }, tz: Some(t.utc.clone()), is_dt: true },
            )
        })
        .clone()
}

fn dt_astimezone(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me_dt(&a)?;
    let sig = Sig { fname: Some("astimezone"), names: ["tz"], required: 0, max_pos: 1 };
    let [tz] = sig.bind(&a, 1)?;
    let tz = tz.unwrap_or_else(none);
    check_tzinfo(&tz)?;
    let mut self_tz = match &o.tz {
        None => local_timezone_from_local(ts, o)?,
        Some(t) => t.clone(),
    };
    let offset = loop {
        if self_tz.is(&tz) {
            return Ok(v.clone());
        }
        let off = call_offset(ts, &Some(self_tz.clone()), "utcoffset", v)?;
        match delta_of(&off) {
            Some(d) => break d,
            None => self_tz = local_timezone_from_local(ts, o)?,
        }
    };
    let result = add_dt_delta(ts, v, o, offset, -1)?;
    let Some(r) = dt_obj(&result) else { return Ok(result) };
    let utc = types().utc.clone();
    let as_utc = alloc_in(result.type_ref(), DateObj { f: r.f, tz: Some(utc), is_dt: true });
    let tz = if is_none(&tz) {
        let Some(u) = dt_obj(&as_utc) else { return Ok(as_utc) };
        let e = epoch();
        let Some(eo) = dt_obj(&e) else { return Ok(as_utc) };
        let d = dt_minus(ts, &as_utc, u, &e, eo)?;
        let secs = d.total_us().div_euclid(1_000_000);
        local_timezone_from_timestamp(ts, secs as i64)?
    } else {
        tz
    };
    let converted = alloc_in(result.type_ref(), DateObj { f: r.f, tz: Some(tz.clone()), is_dt: true });
    ops::call_method(ts, &tz, "fromutc", &[converted])
}

fn dt_timetuple(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me_dt(&a)?;
    no_args(&a, "datetime.timetuple")?;
    let dst = dst_flag(ts, v, o)?;
    let f = o.f;
    dfmt::struct_time(ts, f.y, f.m, f.d, (f.hh, f.mi, f.ss), dst)
}

/// A datetime's tm_isdst: -1 without a dst() answer, else whether DST is on.
fn dst_flag(ts: &ThreadState, v: &Value, o: &DateObj) -> PyResult<i32> {
    if o.tz.is_none() {
        return Ok(-1);
    }
    Ok(offset_of(ts, &o.tz, "dst", v)?.map_or(-1, |d| i32::from(!d.is_zero())))
}

fn dt_utctimetuple(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me_dt(&a)?;
    no_args(&a, "datetime.utctimetuple")?;
    let mut f = o.f;
    if let Some(off) = offset_of(ts, &o.tz, "utcoffset", v)? {
        let r = normalize_datetime(
            f.y,
            f.m,
            i64::from(f.d) - i64::from(off.days),
            f.hh.into(),
            f.mi.into(),
            i64::from(f.ss) - i64::from(off.secs),
            i64::from(f.us) - i64::from(off.us),
        );
        let Ok((y, m, d, hh, mi, ss, _)) = r else { raise!(OverflowError, "date value out of range") };
        f = Dt { y, m, d, hh, mi, ss, ..f };
    }
    dfmt::struct_time(ts, f.y, f.m, f.d, (f.hh, f.mi, f.ss), 0)
}

fn dt_timestamp(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = me_dt(&a)?;
    no_args(&a, "datetime.timestamp")?;
    let f = o.f;
    if o.tz.is_some() {
        let e = epoch();
        let Some(eo) = dt_obj(&e) else { raise!(SystemError, "epoch is not a datetime") };
        let d = dt_minus(ts, v, o, &e, eo)?;
        let us = d.total_us();
        if us.unsigned_abs() < (1u128 << 53) {
            return Ok(new_float(us as f64 / 1e6));
        }
        return spindle_vm::arith::binary_op(ts, &super::int_of_i128(us), &new_int(1_000_000), 11);
    }
    let secs = local_to_seconds(ts, f.y, f.m, f.d, f.hh, f.mi, f.ss, f.fold != 0)?;
    Ok(new_float((secs - EPOCH) as f64 + f64::from(f.us) / 1e6))
}

fn dt_state(o: &DateObj, proto: i32) -> Value {
    let f = o.f;
    let mut b = [
        (f.y >> 8) as u8,
        f.y as u8,
        f.m as u8,
        f.d as u8,
        f.hh as u8,
        f.mi as u8,
        f.ss as u8,
        (f.us >> 16) as u8,
        (f.us >> 8) as u8,
        f.us as u8,
    ];
    if proto > 3 && f.fold != 0 {
        b[2] |= 0x80;
    }
    let bytes = new_bytes(&b);
    match &o.tz {
        None => new_tuple(vec![bytes]),
        Some(tz) => new_tuple(vec![bytes, tz.clone()]),
    }
}

fn time_of(o: &DateObj) -> Tm {
    Tm { hh: o.f.hh, mi: o.f.mi, ss: o.f.ss, us: o.f.us, fold: o.f.fold }
}

pub(crate) fn install(t: &Types) {
    let d = t.date;
    spindle_vm::native::set_new(d, date_new);
    add(
        d,
        &[
            meth!(date, "__repr__", date_repr),
            meth!(date, "__str__", |ts, a| {
                let (v, _) = me(&a)?;
                ops::call_method(ts, v, "isoformat", &[])
            }),
            meth!(date, "isoformat", |_, a| {
                let (_, o) = me(&a)?;
                no_args(&a, "date.isoformat")?;
                Ok(new_str(&format!("{:04}-{:02}-{:02}", o.f.y, o.f.m, o.f.d)))
            }),
            meth!(date, "ctime", |_, a| {
                let (_, o) = me(&a)?;
                no_args(&a, "date.ctime")?;
                Ok(new_str(&dfmt::ctime(o.f.y, o.f.m, o.f.d, 0, 0, 0)))
            }),
            meth!(date, "strftime", date_strftime),
            meth!(date, "__format__", any_format),
            meth!(date, "timetuple", date_timetuple),
            meth!(date, "isocalendar", date_isocalendar),
            meth!(date, "isoweekday", |_, a| {
                let (_, o) = me(&a)?;
                no_args(&a, "date.isoweekday")?;
                Ok(new_int((calendar::weekday(o.f.y, o.f.m, o.f.d) + 1).into()))
            }),
            meth!(date, "weekday", |_, a| {
                let (_, o) = me(&a)?;
                no_args(&a, "date.weekday")?;
                Ok(new_int(calendar::weekday(o.f.y, o.f.m, o.f.d).into()))
            }),
            meth!(date, "toordinal", |_, a| {
                let (_, o) = me(&a)?;
                no_args(&a, "date.toordinal")?;
                Ok(new_int(ymd_to_ord(o.f.y, o.f.m, o.f.d)))
            }),
            meth!(date, "replace", date_replace),
            meth!(date, "__replace__", date_replace),
            meth!(date, "__reduce__", |_, a| {
                let (v, o) = me(&a)?;
                Ok(new_tuple(vec![v.type_ref().to_value(), new_tuple(vec![date_state(o)])]))
            }),
            meth!(date, "__add__", date_add),
            meth!(date, "__radd__", date_add),
            meth!(date, "__sub__", date_sub),
            meth!(date, "__rsub__", date_rsub),
            meth!(date, "__eq__", |_, a| date_compare(&a, CmpOp::Eq)),
            meth!(date, "__ne__", |_, a| date_compare(&a, CmpOp::Ne)),
            meth!(date, "__lt__", |_, a| date_compare(&a, CmpOp::Lt)),
            meth!(date, "__le__", |_, a| date_compare(&a, CmpOp::Le)),
            meth!(date, "__gt__", |_, a| date_compare(&a, CmpOp::Gt)),
            meth!(date, "__ge__", |_, a| date_compare(&a, CmpOp::Ge)),
            meth!(date, "__hash__", date_hash),
        ],
    );
    classmethod(d, "fromtimestamp", date_fromtimestamp);
    classmethod(d, "today", date_today);
    classmethod(d, "fromordinal", date_fromordinal);
    classmethod(d, "fromisoformat", date_fromisoformat);
    classmethod(d, "fromisocalendar", date_fromisocalendar);
    classmethod(d, "strptime", super::time::date_strptime);
    attr!(d, date, "date", "year", |_, a| Ok(new_int(me(&a)?.1.f.y.into())));
    attr!(d, date, "date", "month", |_, a| Ok(new_int(me(&a)?.1.f.m.into())));
    attr!(d, date, "date", "day", |_, a| Ok(new_int(me(&a)?.1.f.d.into())));
    let cv = spindle_vm::native::add_class_value;
    cv(d, "min", alloc_in(d, DateObj { f: Dt { y: 1, m: 1, d: 1, ..Dt::default() }, tz: None, is_dt: false }));
    cv(d, "max", alloc_in(d, DateObj { f: Dt { y: 9999, m: 12, d: 31, ..Dt::default() }, tz: None, is_dt: false }));
    cv(d, "resolution", new_delta(Delta { days: 1, secs: 0, us: 0 }));
    cv(d, "__doc__", new_str("date(year, month, day) --> date object"));

    let dt = t.datetime;
    spindle_vm::native::set_new(dt, datetime_new);
    add(
        dt,
        &[
            meth!(datetime, "__repr__", dt_repr),
            meth!(datetime, "__str__", |ts, a| {
                let (v, _) = me_dt(&a)?;
                ops::call_method(ts, v, "isoformat", &[new_str(" ")])
            }),
            meth!(datetime, "isoformat", dt_isoformat),
            meth!(datetime, "ctime", |_, a| {
                let (_, o) = me_dt(&a)?;
                no_args(&a, "datetime.ctime")?;
                let f = o.f;
                Ok(new_str(&dfmt::ctime(f.y, f.m, f.d, f.hh, f.mi, f.ss)))
            }),
            meth!(datetime, "date", |_, a| {
                let (_, o) = me_dt(&a)?;
                no_args(&a, "datetime.date")?;
                new_date_in(types().date, o.f.y, o.f.m, o.f.d)
            }),
            meth!(datetime, "time", |_, a| {
                let (_, o) = me_dt(&a)?;
                no_args(&a, "datetime.time")?;
                new_time_in(types().time, time_of(o), &none())
            }),
            meth!(datetime, "timetz", |_, a| {
                let (_, o) = me_dt(&a)?;
                no_args(&a, "datetime.timetz")?;
                new_time_in(types().time, time_of(o), &tz_value(&o.tz))
            }),
            meth!(datetime, "timetuple", dt_timetuple),
            meth!(datetime, "utctimetuple", dt_utctimetuple),
            meth!(datetime, "timestamp", dt_timestamp),
            meth!(datetime, "utcoffset", |ts, a| {
                let (v, o) = me_dt(&a)?;
                no_args(&a, "datetime.utcoffset")?;
                call_offset(ts, &o.tz, "utcoffset", v)
            }),
            meth!(datetime, "dst", |ts, a| {
                let (v, o) = me_dt(&a)?;
                no_args(&a, "datetime.dst")?;
                call_offset(ts, &o.tz, "dst", v)
            }),
            meth!(datetime, "tzname", |ts, a| {
                let (v, o) = me_dt(&a)?;
                no_args(&a, "datetime.tzname")?;
                call_tzname(ts, &o.tz, v)
            }),
            meth!(datetime, "replace", dt_replace),
            meth!(datetime, "__replace__", dt_replace),
            meth!(datetime, "astimezone", dt_astimezone),
            meth!(datetime, "__reduce_ex__", |ts, a| {
                let (v, o) = me_dt(&a)?;
                let p = super::vararg1(&a, "__reduce_ex__")?;
                let proto = arg_int(ts, p)?;
                Ok(new_tuple(vec![v.type_ref().to_value(), dt_state(o, proto)]))
            }),
            meth!(datetime, "__reduce__", |_, a| {
                let (v, o) = me_dt(&a)?;
                Ok(new_tuple(vec![v.type_ref().to_value(), dt_state(o, 2)]))
            }),
            meth!(datetime, "__add__", dt_add),
            meth!(datetime, "__radd__", dt_add),
            meth!(datetime, "__sub__", dt_sub),
            meth!(datetime, "__rsub__", dt_rsub),
            meth!(datetime, "__eq__", |ts, a| dt_compare(ts, &a, CmpOp::Eq)),
            meth!(datetime, "__ne__", |ts, a| dt_compare(ts, &a, CmpOp::Ne)),
            meth!(datetime, "__lt__", |ts, a| dt_compare(ts, &a, CmpOp::Lt)),
            meth!(datetime, "__le__", |ts, a| dt_compare(ts, &a, CmpOp::Le)),
            meth!(datetime, "__gt__", |ts, a| dt_compare(ts, &a, CmpOp::Gt)),
            meth!(datetime, "__ge__", |ts, a| dt_compare(ts, &a, CmpOp::Ge)),
            meth!(datetime, "__hash__", dt_hash),
        ],
    );
    classmethod(dt, "now", dt_now);
    classmethod(dt, "utcnow", dt_utcnow);
    classmethod(dt, "fromtimestamp", dt_fromtimestamp);
    classmethod(dt, "utcfromtimestamp", dt_utcfromtimestamp);
    classmethod(dt, "strptime", super::time::datetime_strptime);
    classmethod(dt, "combine", dt_combine);
    classmethod(dt, "fromisoformat", dt_fromisoformat);
    attr!(dt, datetime, "datetime", "hour", |_, a| Ok(new_int(me_dt(&a)?.1.f.hh.into())));
    attr!(dt, datetime, "datetime", "minute", |_, a| Ok(new_int(me_dt(&a)?.1.f.mi.into())));
    attr!(dt, datetime, "datetime", "second", |_, a| Ok(new_int(me_dt(&a)?.1.f.ss.into())));
    attr!(dt, datetime, "datetime", "microsecond", |_, a| Ok(new_int(me_dt(&a)?.1.f.us.into())));
    attr!(dt, datetime, "datetime", "tzinfo", |_, a| Ok(tz_value(&me_dt(&a)?.1.tz)));
    attr!(dt, datetime, "datetime", "fold", |_, a| Ok(new_int(me_dt(&a)?.1.f.fold.into())));
    let mk = |f: Dt| alloc_in(dt, DateObj { f, tz: None, is_dt: true });
    cv(dt, "min", mk(Dt { y: 1, m: 1, d: 1, ..Dt::default() }));
    cv(dt, "max", mk(Dt { y: 9999, m: 12, d: 31, hh: 23, mi: 59, ss: 59, us: 999_999, fold: 0 }));
    cv(dt, "resolution", new_delta(Delta { days: 0, secs: 0, us: 1 }));
    cv(
        dt,
        "__doc__",
        new_str("datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\nThe year, month and day arguments are required. tzinfo may be None, or an\ninstance of a tzinfo subclass. The remaining arguments may be ints.\n"),
    );
}
