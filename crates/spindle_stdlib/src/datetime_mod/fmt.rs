//! Text in and out: ISO 8601 parsing (`fromisoformat`, CPython 3.14's
//! grammar and its C parser's quirks), `isoformat` pieces, `ctime`, and
//! `strftime` (the %z, %:z, %Z and %f codes are expanded here, the rest by
//! `time.strftime`).

use spindle_vm::interp::ThreadState;
use spindle_vm::num::{int_to_i64, new_int};
use spindle_vm::seq::new_tuple;
use spindle_vm::str::{as_data, new_str};
use spindle_vm::{PyResult, Value, ops, raise};

use super::calendar::{day_of_year, iso_calendar, iso_to_ymd, weekday};
use super::delta::delta_of;
use super::tz::{call_offset, call_tzname, format_offset};
use super::{DateObj, TimeObj, import_attr};

// ---------------------------------------------------------------- ISO parsing

fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

fn digits(b: &[u8], p: &mut usize, n: usize, var: &mut i32) -> bool {
    for _ in 0..n {
        let t = at(b, *p).wrapping_sub(b'0');
        *p += 1;
        if t > 9 {
            return false;
        }
        *var = *var * 10 + i32::from(t);
    }
    true
}

/// Parses a date of `len` bytes at the start of `b`: Err on any failure.
pub(crate) fn parse_date(b: &[u8], len: usize) -> Result<(i32, i32, i32), ()> {
    let mut p = 0;
    let mut y = 0;
    if !digits(b, &mut p, 4, &mut y) {
        return Err(());
    }
    let sep = at(b, p) == b'-';
    if sep {
        p += 1;
    }
    if at(b, p) == b'W' {
        p += 1;
        let (mut w, mut d) = (0, 0);
        if !digits(b, &mut p, 2, &mut w) {
            return Err(());
        }
        if p < len {
            if sep {
                let c = at(b, p);
                p += 1;
                if c != b'-' {
                    return Err(());
                }
            }
            if !digits(b, &mut p, 1, &mut d) {
                return Err(());
            }
        } else {
            d = 1;
        }
        return iso_to_ymd(y, w, d).map_err(|_| ());
    }
    let (mut m, mut d) = (0, 0);
    if !digits(b, &mut p, 2, &mut m) {
        return Err(());
    }
    if sep {
        let c = at(b, p);
        p += 1;
        if c != b'-' {
            return Err(());
        }
    }
    if !digits(b, &mut p, 2, &mut d) {
        return Err(());
    }
    Ok((y, m, d))
}

/// [HH[:?MM[:?SS[.ffffff]]]] between `start` and `end`; the bool says
/// text follows (CPython's return value 1).
fn parse_hms(b: &[u8], start: usize, end: usize) -> Result<([i32; 4], bool), ()> {
    let mut v = [0i32; 4];
    let mut p = start;
    let mut has_sep = true;
    let mut i = 0;
    while i < 3 {
        if !digits(b, &mut p, 2, &mut v[i]) {
            return Err(());
        }
        let c = at(b, p);
        p += 1;
        if i == 0 {
            has_sep = c == b':';
        }
        if p >= end {
            return Ok((v, c != 0));
        } else if has_sep && c == b':' {
            if i == 2 {
                return Err(());
            }
        } else if c == b'.' || c == b',' {
            if i < 2 {
                return Err(());
            }
            break;
        } else if !has_sep {
            p -= 1;
        } else {
            return Err(());
        }
        i += 1;
    }
    let to_parse = end.saturating_sub(p).min(6);
    if to_parse == 0 || !digits(b, &mut p, to_parse, &mut v[3]) {
        return Err(());
    }
    const CORRECTION: [i32; 5] = [100_000, 10_000, 1_000, 100, 10];
    if to_parse < 6 {
        v[3] *= CORRECTION[to_parse - 1];
    }
    while at(b, p).is_ascii_digit() {
        p += 1;
    }
    Ok((v, at(b, p) != 0))
}

/// A parsed time: fields and the UTC offset (seconds, microseconds), if any.
pub(crate) struct IsoTime {
    pub(crate) f: [i32; 4],
    pub(crate) tz: Option<(i32, i32)>,
}

pub(crate) fn parse_time(b: &[u8], start: usize) -> Result<IsoTime, ()> {
    let end = b.len();
    let mut tzpos = start;
    loop {
        let c = at(b, tzpos);
        if c == b'Z' || c == b'+' || c == b'-' {
            break;
        }
        tzpos += 1;
        if tzpos >= end {
            break;
        }
    }
    let (f, more) = parse_hms(b, start, tzpos)?;
    if tzpos >= end {
        return if more { Err(()) } else { Ok(IsoTime { f, tz: None }) };
    }
    if at(b, tzpos) == b'Z' {
        return if at(b, tzpos + 1) != 0 { Err(()) } else { Ok(IsoTime { f, tz: Some((0, 0)) }) };
    }
    let sign = if at(b, tzpos) == b'-' { -1 } else { 1 };
    match parse_hms(b, tzpos + 1, end) {
        Ok((t, false)) => Ok(IsoTime { f, tz: Some((sign * (t[0] * 3600 + t[1] * 60 + t[2]), sign * t[3])) }),
        _ => Err(()),
    }
}

/// Where the date ends in a datetime string (CPython's separator search).
pub(crate) fn find_separator(b: &[u8]) -> usize {
    let len = b.len();
    if len == 7 {
        return 7;
    }
    if at(b, 4) == b'-' {
        if at(b, 5) == b'W' {
            if len < 8 {
                return usize::MAX;
            }
            if len > 8 && at(b, 8) == b'-' {
                if len == 9 {
                    return usize::MAX;
                }
                if len > 10 && at(b, 10).is_ascii_digit() {
                    return 8;
                }
                return 10;
            }
            return 8;
        }
        return 10;
    }
    if at(b, 4) == b'W' {
        let mut idx = 7;
        while idx < len && at(b, idx).is_ascii_digit() {
            idx += 1;
        }
        if idx < 9 {
            return idx;
        }
        return if idx % 2 == 0 { 7 } else { 8 };
    }
    8
}

/// The UTF-8 text of a str argument, with a surrogate separator (at code
/// point 7, 8 or 10) replaced by 'T'; None when it cannot be encoded.
pub(crate) fn iso_text(v: &Value, sanitize: bool) -> Option<String> {
    let d = as_data(v)?;
    let cps: Vec<u32> = d.code_points().collect();
    let mut out = String::with_capacity(cps.len());
    let mut fixed = false;
    for (i, &c) in cps.iter().enumerate() {
        if (0xD800..0xE000).contains(&c) {
            if sanitize && !fixed && matches!(i, 7 | 8 | 10) && i <= cps.len() {
                out.push('T');
                fixed = true;
                continue;
            }
            return None;
        }
        out.push(char::from_u32(c)?);
    }
    Some(out)
}

pub(crate) fn invalid_iso(ts: &ThreadState, v: &Value) -> spindle_vm::PyErr {
    match ops::repr_string(ts, v) {
        Ok(r) => spindle_vm::err!(ValueError, "Invalid isoformat string: {}", r),
        Err(e) => e,
    }
}

// ---------------------------------------------------------------- output

/// `HH[:MM[:SS[.fff[fff]]]]` for a timespec.
pub(crate) fn iso_time(hh: i32, mi: i32, ss: i32, us: i32, spec: Option<&str>) -> PyResult<String> {
    Ok(match spec.unwrap_or("auto") {
        "auto" if us == 0 => format!("{hh:02}:{mi:02}:{ss:02}"),
        "auto" | "microseconds" => format!("{hh:02}:{mi:02}:{ss:02}.{us:06}"),
        "hours" => format!("{hh:02}"),
        "minutes" => format!("{hh:02}:{mi:02}"),
        "seconds" => format!("{hh:02}:{mi:02}:{ss:02}"),
        "milliseconds" => format!("{hh:02}:{mi:02}:{ss:02}.{:03}", us / 1000),
        _ => raise!(ValueError, "Unknown timespec value"),
    })
}

/// The `+HH:MM` suffix of an aware object ("" when naive).
pub(crate) fn offset_suffix(ts: &ThreadState, tz: &Option<Value>, arg: &Value, sep: &str) -> PyResult<String> {
    let off = call_offset(ts, tz, "utcoffset", arg)?;
    Ok(delta_of(&off).map(|d| format_offset(d, sep)).unwrap_or_default())
}

const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

pub(crate) fn ctime(y: i32, m: i32, d: i32, hh: i32, mi: i32, ss: i32) -> String {
    let wd = DAY_NAMES[weekday(y, m, d).clamp(0, 6) as usize];
    let mn = MONTH_NAMES[(m - 1).clamp(0, 11) as usize];
    format!("{wd} {mn} {d:2} {hh:02}:{mi:02}:{ss:02} {y:04}")
}

/// `time.struct_time((y, m, d, hh, mm, ss, wday, yday, dst))`.
pub(crate) fn struct_time(ts: &ThreadState, y: i32, m: i32, d: i32, hms: (i32, i32, i32), dst: i32) -> PyResult {
    let st = import_attr(ts, "time", "struct_time")?;
    let items = [y, m, d, hms.0, hms.1, hms.2, weekday(y, m, d), day_of_year(y, m, d), dst];
    let t = new_tuple(items.iter().map(|&i| new_int(i.into())).collect());
    ops::call(ts, &st, &[t])
}

/// CPython's `wrap_strftime`: expands %z, %:z, %Z and %f (and pads years
/// below 1000 for %Y, %G and %F, as 3.14 does), then calls `time.strftime`.
pub(crate) fn wrap_strftime(ts: &ThreadState, obj: &Value, format: &Value, timetuple: &Value, tzarg: &Value) -> PyResult {
    let Some(fmt) = as_data(format) else { raise!(TypeError, "strftime() argument 1 must be str, not {}", super::arg_type(format)) };
    let (tz, us) = if let Some(o) = obj.downcast::<DateObj>() {
        if o.is_dt { (o.tz.clone(), o.f.us) } else { (None, 0) }
    } else if let Some(t) = obj.downcast::<TimeObj>() {
        (t.tz.clone(), t.t.us)
    } else {
        (None, 0)
    };
    let ymd = {
        let items = ops::collect(ts, timetuple)?;
        let g = |i: usize| items.get(i).and_then(int_to_i64).unwrap_or(1) as i32;
        (g(0), g(1), g(2))
    };
    let cps: Vec<u32> = fmt.code_points().collect();
    let mut out: Vec<u32> = Vec::with_capacity(cps.len() + 8);
    let push = |out: &mut Vec<u32>, s: &str| out.extend(s.chars().map(u32::from));
    let (mut z, mut cz, mut zz): (Option<String>, Option<String>, Option<Vec<u32>>) = (None, None, None);
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        i += 1;
        if c != u32::from('%') {
            out.push(c);
            continue;
        }
        let Some(&n) = cps.get(i) else {
            out.push(c);
            break;
        };
        i += 1;
        match char::from_u32(n) {
            Some('z') => {
                if z.is_none() {
                    z = Some(offset_suffix(ts, &tz, tzarg, "")?);
                }
                push(&mut out, z.as_deref().unwrap_or(""));
            }
            Some(':') if cps.get(i) == Some(&u32::from('z')) => {
                i += 1;
                if cz.is_none() {
                    cz = Some(offset_suffix(ts, &tz, tzarg, ":")?);
                }
                push(&mut out, cz.as_deref().unwrap_or(""));
            }
            Some('Z') => {
                if zz.is_none() {
                    let name = call_tzname(ts, &tz, tzarg)?;
                    let text: Vec<u32> = as_data(&name).map(|d| d.code_points().collect()).unwrap_or_default();
                    let mut esc = Vec::with_capacity(text.len());
                    for ch in text {
                        esc.push(ch);
                        if ch == u32::from('%') {
                            esc.push(ch);
                        }
                    }
                    zz = Some(esc);
                }
                out.extend(zz.iter().flatten());
            }
            Some('f') => push(&mut out, &format!("{us:06}")),
            Some('Y') if ymd.0 < 1000 => push(&mut out, &format!("{:04}", ymd.0)),
            Some('G') if ymd.0 < 1000 => {
                let (iy, _, _) = iso_calendar(ymd.0.max(1), ymd.1.clamp(1, 12), ymd.2.clamp(1, 31));
                push(&mut out, &format!("{iy:04}"));
            }
            Some('F') if ymd.0 < 1000 => push(&mut out, &format!("{:04}-{:02}-{:02}", ymd.0, ymd.1, ymd.2)),
            Some('C') if ymd.0 < 1000 => push(&mut out, &format!("{:02}", ymd.0.div_euclid(100))),
            _ => out.extend([c, n]),
        }
    }
    let newfmt = match spindle_str::PyStrData::from_ucs4(&out) {
        Ok(d) => spindle_vm::str::new_data(d),
        Err(_) => new_str(""),
    };
    let strftime = import_attr(ts, "time", "strftime")?;
    ops::call(ts, &strftime, &[newfmt, timetuple.clone()])
}
