//! The C library's clock and time zone: the current time, `localtime_r`
//! and `gmtime_r` broken-down times, and CPython's search for the UTC
//! instant of a local wall time (`local_to_seconds`, with PEP 495 folds).

use spindle_vm::interp::ThreadState;
use spindle_vm::num::{float_value, int_to_i64, is_int};
use spindle_vm::{PyResult, Value, ops, raise};

use super::calendar::ymd_to_ord;

/// Seconds from 0001-01-01 to the Unix epoch.
pub(crate) const EPOCH: i64 = 719_163 * 86_400;
const MAX_FOLD_SECONDS: i64 = 86_400;

/// The fields of a `struct tm` Python needs.
pub(crate) struct BrokenDown {
    pub(crate) y: i32,
    pub(crate) m: i32,
    pub(crate) d: i32,
    pub(crate) hh: i32,
    pub(crate) mi: i32,
    pub(crate) ss: i32,
    pub(crate) gmtoff: i64,
    pub(crate) zone: String,
}

/// The current time as (seconds, microseconds), floored.
pub(crate) fn now() -> (i64, i32) {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: t is a valid out-pointer and CLOCK_REALTIME always exists.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut t) };
    (t.tv_sec, (t.tv_nsec / 1000) as i32)
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EOVERFLOW)
}

/// `localtime_r` (local) or `gmtime_r` (utc) of `t`.
pub(crate) fn broken_down(ts: &ThreadState, t: i64, local: bool) -> PyResult<BrokenDown> {
    let tt = t as libc::time_t;
    // SAFETY: a zeroed tm is a valid value for the out-parameter.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the duration of the call.
    let r = unsafe { if local { libc::localtime_r(&tt, &mut tm) } else { libc::gmtime_r(&tt, &mut tm) } };
    if r.is_null() {
        let _ = ts;
        return Err(crate::os::os_error(last_errno(), None, None));
    }
    let zone = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: tm_zone, set by localtime_r/gmtime_r, points to a NUL-terminated string that
        // lives as long as the zone data.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
    };
    Ok(BrokenDown {
        y: tm.tm_year.saturating_add(1900),
        m: tm.tm_mon + 1,
        d: tm.tm_mday,
        hh: tm.tm_hour,
        mi: tm.tm_min,
        ss: tm.tm_sec,
        gmtoff: tm.tm_gmtoff,
        zone,
    })
}

pub(crate) fn utc_to_seconds(y: i32, m: i32, d: i32, hh: i32, mi: i32, ss: i32) -> PyResult<i64> {
    if !(1..=9999).contains(&y) {
        raise!(ValueError, "year must be in 1..9999, not {}", y);
    }
    Ok(((ymd_to_ord(y, m, d) * 24 + i64::from(hh)) * 60 + i64::from(mi)) * 60 + i64::from(ss))
}

/// Local wall-clock seconds (since 0001-01-01) of UTC seconds `u`.
pub(crate) fn local(ts: &ThreadState, u: i64) -> PyResult<i64> {
    let t = u - EPOCH;
    let b = broken_down(ts, t, true)?;
    utc_to_seconds(b.y, b.m, b.d, b.hh, b.mi, b.ss)
}

/// The UTC seconds (since 0001-01-01) of a local wall time; `fold`
/// picks between the two solutions in a repeated hour.
#[allow(clippy::too_many_arguments)]
pub(crate) fn local_to_seconds(ts: &ThreadState, y: i32, m: i32, d: i32, hh: i32, mi: i32, ss: i32, fold: bool) -> PyResult<i64> {
    let t = utc_to_seconds(y, m, d, hh, mi, ss)?;
    let a = local(ts, t)? - t;
    let u1 = t - a;
    let t1 = local(ts, u1)?;
    let b;
    if t1 == t {
        let u2 = if fold { u1 + MAX_FOLD_SECONDS } else { u1 - MAX_FOLD_SECONDS };
        b = local(ts, u2)? - u2;
        if a == b {
            return Ok(u1);
        }
    } else {
        b = t1 - u1;
    }
    let u2 = t - b;
    let t2 = local(ts, u2)?;
    if t2 == t {
        return Ok(u2);
    }
    if t1 == t {
        return Ok(u1);
    }
    Ok(if fold { u1.min(u2) } else { u1.max(u2) })
}

/// Whether local time at `t` (Unix seconds) is the second of two
/// readings of a repeated wall time.
pub(crate) fn detect_fold(ts: &ThreadState, t: i64, wall: (i32, i32, i32, i32, i32, i32)) -> PyResult<bool> {
    let result = utc_to_seconds(wall.0, wall.1, wall.2, wall.3, wall.4, wall.5)?;
    let probe = local(ts, EPOCH + t - MAX_FOLD_SECONDS)?;
    let transition = result - probe - MAX_FOLD_SECONDS;
    if transition < 0 {
        let probe = local(ts, EPOCH + t + transition)?;
        return Ok(probe == result);
    }
    Ok(false)
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() == 0.5 { 2.0 * (x / 2.0).round() } else { r }
}

/// A timestamp argument as (seconds, microseconds), rounding half to even
/// (CPython's `_PyTime_ObjectToTimeval`).
pub(crate) fn timestamp_arg(ts: &ThreadState, v: &Value) -> PyResult<(i64, i32)> {
    if let Some(f) = float_value(v) {
        return float_timestamp(f);
    }
    if is_int(v) {
        return match int_to_i64(v) {
            Some(i) => Ok((i, 0)),
            None => raise!(OverflowError, "timestamp out of range for platform time_t"),
        };
    }
    if v.type_ref().lookup_static("__index__").is_some() {
        let i = ops::index(ts, v)?;
        return match int_to_i64(&i) {
            Some(i) => Ok((i, 0)),
            None => raise!(OverflowError, "timestamp out of range for platform time_t"),
        };
    }
    if v.type_ref().lookup_static("__float__").is_some() {
        let f = spindle_vm::builtins_init::numbers::float_of(ts, v)?;
        return float_timestamp(f);
    }
    raise!(TypeError, "argument must be int or float, not {}", ops::type_name(v))
}

fn float_timestamp(f: f64) -> PyResult<(i64, i32)> {
    if f.is_nan() {
        raise!(ValueError, "Invalid value NaN (not a number)");
    }
    let mut int_part = f.trunc();
    let mut frac = round_half_even((f - int_part) * 1e6);
    if frac >= 1e6 {
        frac -= 1e6;
        int_part += 1.0;
    } else if frac < 0.0 {
        frac += 1e6;
        int_part -= 1.0;
    }
    if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&int_part) {
        raise!(OverflowError, "timestamp out of range for platform time_t");
    }
    Ok((int_part as i64, frac as i32))
}
