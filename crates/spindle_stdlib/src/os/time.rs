//! The `time` module: clocks (wall, monotonic, perf counter, process and
//! thread CPU time), sleep, conversions between seconds and
//! `time.struct_time` (gmtime/localtime/mktime), strftime through libc,
//! strptime through the Lib's `_strptime`, and the time zone constants.

use std::ffi::CString;
use std::sync::OnceLock;

use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_float, new_int};
use spindle_vm::runtime::none;
use spindle_vm::seq::new_tuple;
use spindle_vm::str::{as_str, new_str};
use spindle_vm::value::Value;
use spindle_vm::{err, ops, raise};

use super::{given, parse, to_f64, to_i64};

static STRUCT_TIME: OnceLock<Value> = OnceLock::new();

fn clock_ns(id: libc::clockid_t) -> i128 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: t is a valid out-pointer; the clock ids used are supported on Linux.
    unsafe { libc::clock_gettime(id, &mut t) };
    t.tv_sec as i128 * 1_000_000_000 + t.tv_nsec as i128
}

fn ns_value(ns: i128) -> Value {
    match i64::try_from(ns) {
        Ok(i) => new_int(i),
        Err(_) => spindle_vm::num::new_bigint(num_bigint::BigInt::from(ns)),
    }
}

fn secs(ns: i128) -> Value {
    new_float(ns as f64 / 1e9)
}

fn t_time(_: &ThreadState, _: Args<'_>) -> PyResult<Value> {
    Ok(secs(clock_ns(libc::CLOCK_REALTIME)))
}
fn t_time_ns(_: &ThreadState, _: Args<'_>) -> PyResult<Value> {
    Ok(ns_value(clock_ns(libc::CLOCK_REALTIME)))
}
fn t_monotonic(_: &ThreadState, _: Args<'_>) -> PyResult<Value> {
    Ok(secs(clock_ns(libc::CLOCK_MONOTONIC)))
}
fn t_monotonic_ns(_: &ThreadState, _: Args<'_>) -> PyResult<Value> {
    Ok(ns_value(clock_ns(libc::CLOCK_MONOTONIC)))
}
fn t_process_time(_: &ThreadState, _: Args<'_>) -> PyResult<Value> {
    Ok(secs(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)))
}
fn t_process_time_ns(_: &ThreadState, _: Args<'_>) -> PyResult<Value> {
    Ok(ns_value(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)))
}
fn t_thread_time(_: &ThreadState, _: Args<'_>) -> PyResult<Value> {
    Ok(secs(clock_ns(libc::CLOCK_THREAD_CPUTIME_ID)))
}
fn t_thread_time_ns(_: &ThreadState, _: Args<'_>) -> PyResult<Value> {
    Ok(ns_value(clock_ns(libc::CLOCK_THREAD_CPUTIME_ID)))
}

fn t_clock_gettime(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [c] = parse("clock_gettime", a, ["clk_id"], 1)?;
    Ok(secs(clock_ns(super::opt_i64(ts, &c, 0)? as libc::clockid_t)))
}
fn t_clock_gettime_ns(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [c] = parse("clock_gettime_ns", a, ["clk_id"], 1)?;
    Ok(ns_value(clock_ns(super::opt_i64(ts, &c, 0)? as libc::clockid_t)))
}

fn t_sleep(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [s] = parse("sleep", a, ["seconds"], 1)?;
    let s = to_f64(ts, &s.unwrap_or_else(none))?;
    if s.is_nan() {
        raise!(ValueError, "Invalid value NaN (not a number)");
    }
    if s < 0.0 {
        raise!(ValueError, "sleep length must be non-negative");
    }
    if s > 0.0 {
        // nanosleep in a loop: a signal interrupts it (EINTR), its Python
        // handler runs (and may raise), then the rest of the time is slept.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f64(s.min(1e12));
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            let req = libc::timespec { tv_sec: left.as_secs() as libc::time_t, tv_nsec: left.subsec_nanos() as libc::c_long };
            // SAFETY: req is a valid timespec; the remainder is not wanted.
            let r = ts.detached(|| unsafe { libc::nanosleep(&req, std::ptr::null_mut()) });
            if r == 0 {
                break;
            }
            if super::last_errno() == libc::EINTR {
                spindle_vm::signals::check(ts)?;
            } else {
                break;
            }
        }
    } else {
        // sleep(0) still makes the call detached, as CPython's does with
        // the GIL released: the customary way to let other threads run.
        let req = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: req is a valid timespec; the remainder is not wanted.
        ts.detached(|| unsafe { libc::nanosleep(&req, std::ptr::null_mut()) });
    }
    Ok(none())
}

/// Seconds since the epoch from an optional argument (None = now), floored.
fn seconds_arg(ts: &ThreadState, v: &Option<Value>) -> PyResult<libc::time_t> {
    match given(v) {
        None => Ok((clock_ns(libc::CLOCK_REALTIME).div_euclid(1_000_000_000)) as libc::time_t),
        Some(x) => {
            if spindle_vm::num::is_int(x) {
                return Ok(to_i64(ts, x)? as libc::time_t);
            }
            let f = to_f64(ts, x)?;
            if !f.is_finite() {
                raise!(ValueError, "Invalid value {} (not a number)", f);
            }
            if f.abs() > 9.2e18 {
                raise!(OverflowError, "timestamp out of range for platform time_t");
            }
            Ok(f.floor() as libc::time_t)
        }
    }
}

fn zone_str(tm: &libc::tm) -> String {
    if tm.tm_zone.is_null() {
        return String::new();
    }
    // SAFETY: tm_zone, set by gmtime_r/localtime_r, points to a NUL-terminated static string.
    unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
}

fn make_struct_time(ts: &ThreadState, tm: &libc::tm) -> PyResult<Value> {
    let items = vec![
        new_int(tm.tm_year as i64 + 1900),
        new_int(tm.tm_mon as i64 + 1),
        new_int(tm.tm_mday as i64),
        new_int(tm.tm_hour as i64),
        new_int(tm.tm_min as i64),
        new_int(tm.tm_sec as i64),
        new_int((tm.tm_wday as i64 + 6) % 7),
        new_int(tm.tm_yday as i64 + 1),
        new_int(tm.tm_isdst as i64),
        new_str(&zone_str(tm)),
        new_int(tm.tm_gmtoff),
    ];
    match STRUCT_TIME.get() {
        Some(c) => ops::call(ts, c, &[new_tuple(items)]),
        None => Ok(new_tuple(items)),
    }
}

fn t_gmtime(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [s] = parse("gmtime", a, ["seconds"], 0)?;
    let t = seconds_arg(ts, &s)?;
    // SAFETY: a zeroed tm is valid; gmtime_r fills it.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the call.
    if unsafe { libc::gmtime_r(&t, &mut tm) }.is_null() {
        raise!(OverflowError, "timestamp out of range for platform time_t");
    }
    make_struct_time(ts, &tm)
}

fn local_tm(t: libc::time_t) -> PyResult<libc::tm> {
    // SAFETY: a zeroed tm is valid; localtime_r fills it.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the call.
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        raise!(OverflowError, "timestamp out of range for platform time_t");
    }
    Ok(tm)
}

fn t_localtime(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [s] = parse("localtime", a, ["seconds"], 0)?;
    let t = seconds_arg(ts, &s)?;
    make_struct_time(ts, &local_tm(t)?)
}

/// A `libc::tm` from a struct_time or 9-tuple; the zone name (if any) is
/// returned alongside so the pointer stored in the tm stays valid.
fn tm_from(ts: &ThreadState, v: &Value, fname: &str) -> PyResult<(libc::tm, Option<CString>)> {
    let items = ops::collect(ts, v).map_err(|_| err!(TypeError, "Tuple or struct_time argument required"))?;
    if items.len() != 9 {
        raise!(TypeError, "{}(): illegal time tuple argument", fname);
    }
    let mut n = [0i64; 9];
    for (slot, it) in n.iter_mut().zip(items.iter()) {
        *slot = to_i64(ts, it)?;
    }
    // SAFETY: a zeroed tm is a valid value.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (n[0] - 1900) as i32;
    tm.tm_mon = (n[1] - 1) as i32;
    tm.tm_mday = n[2] as i32;
    tm.tm_hour = n[3] as i32;
    tm.tm_min = n[4] as i32;
    tm.tm_sec = n[5] as i32;
    tm.tm_wday = ((n[6] + 1).rem_euclid(7)) as i32;
    tm.tm_yday = (n[7] - 1) as i32;
    tm.tm_isdst = n[8] as i32;
    let mut zone = None;
    if let Ok(Some(z)) = ops::getattr_opt(ts, v, "tm_zone") {
        if let Some(s) = as_str(&z) {
            zone = CString::new(s).ok();
        }
    }
    if let Ok(Some(g)) = ops::getattr_opt(ts, v, "tm_gmtoff") {
        if let Some(g) = spindle_vm::num::int_to_i64(&g) {
            tm.tm_gmtoff = g;
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok((tm, zone))
}

fn t_mktime(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [t] = parse("mktime", a, ["t"], 1)?;
    let (mut tm, _z) = tm_from(ts, &t.unwrap_or_else(none), "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: tm is a valid, initialised tm.
    let r = unsafe { libc::mktime(&mut tm) };
    if r == -1 && tm.tm_wday == -1 {
        raise!(OverflowError, "mktime argument out of range");
    }
    Ok(new_float(r as f64))
}

fn current_or(ts: &ThreadState, v: &Option<Value>) -> PyResult<Value> {
    match given(v) {
        Some(x) => Ok(x.clone()),
        None => {
            let t = seconds_arg(ts, &None)?;
            make_struct_time(ts, &local_tm(t)?)
        }
    }
}

fn t_strftime(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [f, t] = parse("strftime", a, ["format", "t"], 1)?;
    let fv = f.unwrap_or_else(none);
    let Some(fmt) = as_str(&fv) else { raise!(TypeError, "strftime() argument 1 must be str, not {}", ops::type_name(&fv)) };
    let tv = current_or(ts, &t)?;
    let (mut tm, _zone) = tm_from(ts, &tv, "strftime")?;
    if tm.tm_mon < 0 || tm.tm_mon > 11 {
        if tm.tm_mon == -1 {
            tm.tm_mon = 0;
        } else {
            raise!(ValueError, "month out of range");
        }
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    }
    if tm.tm_zone.is_null() {
        // SAFETY: tzname is initialised by tzset (run at module init); we only read it.
        tm.tm_zone = unsafe { libc_tzname(tm.tm_isdst > 0) };
    }
    // Format piecewise so an embedded NUL or an empty result is handled.
    let mut out = String::new();
    for (i, part) in fmt.split('\0').enumerate() {
        if i > 0 {
            out.push('\0');
        }
        if part.is_empty() {
            continue;
        }
        let Ok(c) = CString::new(super::encode_fs(part)) else { raise!(ValueError, "embedded null character") };
        let mut size = 1024usize.max(part.len() * 4);
        loop {
            let mut buf = vec![0u8; size];
            // SAFETY: buf has `size` writable bytes; c is NUL-terminated; tm is valid.
            let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, c.as_ptr(), &tm) };
            if n > 0 || size > 256 * part.len() + 65536 {
                out.push_str(&super::decode_fs(&buf[..n]));
                break;
            }
            size *= 4;
        }
    }
    Ok(new_str(&out))
}

unsafe extern "C" {
    static tzname: [*const libc::c_char; 2];
    fn tzset();
}

/// # Safety
/// Reads libc's `tzname`; call after `tzset`.
unsafe fn libc_tzname(dst: bool) -> *const libc::c_char {
    // SAFETY: tzname is a static array of two pointers maintained by libc.
    unsafe { tzname[if dst { 1 } else { 0 }] }
}

fn t_strptime(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = super::import(ts, "_strptime")?;
    let f = ops::getattr_str(ts, &m, "_strptime_time")?;
    ops::call_args(ts, &f, a)
}

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn asctime_of(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let items = ops::collect(ts, v)?;
    if items.len() < 9 {
        raise!(TypeError, "asctime(): illegal time tuple argument");
    }
    let g = |i: usize| to_i64(ts, &items[i]);
    let (y, mo, d, h, mi, s, wd) = (g(0)?, g(1)?, g(2)?, g(3)?, g(4)?, g(5)?, g(6)?);
    let day = DAYS.get(wd.rem_euclid(7) as usize).copied().unwrap_or("Mon");
    let Some(mon) = usize::try_from(mo - 1).ok().and_then(|i| MONTHS.get(i)) else { raise!(ValueError, "month out of range") };
    Ok(new_str(&format!("{day} {mon} {d:2} {h:02}:{mi:02}:{s:02} {y}")))
}

fn t_asctime(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [t] = parse("asctime", a, ["t"], 0)?;
    let v = current_or(ts, &t)?;
    asctime_of(ts, &v)
}

fn t_ctime(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [s] = parse("ctime", a, ["seconds"], 0)?;
    let t = seconds_arg(ts, &s)?;
    let v = make_struct_time(ts, &local_tm(t)?)?;
    asctime_of(ts, &v)
}

fn t_get_clock_info(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [n] = parse("get_clock_info", a, ["name"], 1)?;
    let nv = n.unwrap_or_else(none);
    let name = as_str(&nv).unwrap_or("");
    let (imp, mono, adj, res) = match name {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true, 1e-9),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false, 1e-9),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false, 1e-9),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false, 1e-9),
        _ => raise!(ValueError, "unknown clock"),
    };
    let d = spindle_vm::builtins_init::new_dict();
    ops::setitem(ts, &d, &new_str("implementation"), new_str(imp))?;
    ops::setitem(ts, &d, &new_str("monotonic"), new_bool(mono))?;
    ops::setitem(ts, &d, &new_str("adjustable"), new_bool(adj))?;
    ops::setitem(ts, &d, &new_str("resolution"), new_float(res))?;
    Ok(spindle_vm::builtins_init::simple_namespace(d))
}

/// Sets timezone/altzone/daylight/tzname on `m` from the C library.
fn set_zone_attrs(m: &Value) -> PyResult<()> {
    // SAFETY: tzset reads TZ and initialises libc's zone globals.
    unsafe { tzset() };
    let now = (clock_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as i64;
    let year_start = now - now.rem_euclid(365 * 86400);
    let jan = local_tm(year_start as libc::time_t)?;
    let jul = local_tm((year_start + 182 * 86400) as libc::time_t)?;
    let (jan_off, jul_off) = (-jan.tm_gmtoff, -jul.tm_gmtoff);
    let (std_tm, dst_tm, std_off, dst_off) =
        if jan_off < jul_off { (&jul, &jan, jul_off, jan_off) } else { (&jan, &jul, jan_off, jul_off) };
    spindle_vm::native::add_value(m, "timezone", new_int(std_off));
    spindle_vm::native::add_value(m, "altzone", new_int(dst_off));
    spindle_vm::native::add_value(m, "daylight", new_int((jan_off != jul_off) as i64));
    let tzn = new_tuple(vec![new_str(&zone_str(std_tm)), new_str(&zone_str(dst_tm))]);
    spindle_vm::native::add_value(m, "tzname", tzn);
    Ok(())
}

static MODULE: OnceLock<Value> = OnceLock::new();

fn t_tzset(_: &ThreadState, _: Args<'_>) -> PyResult<Value> {
    if let Some(m) = MODULE.get() {
        set_zone_attrs(m)?;
    }
    Ok(none())
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[
    ("time", t_time),
    ("time_ns", t_time_ns),
    ("monotonic", t_monotonic),
    ("monotonic_ns", t_monotonic_ns),
    ("perf_counter", t_monotonic),
    ("perf_counter_ns", t_monotonic_ns),
    ("process_time", t_process_time),
    ("process_time_ns", t_process_time_ns),
    ("thread_time", t_thread_time),
    ("thread_time_ns", t_thread_time_ns),
    ("clock_gettime", t_clock_gettime),
    ("clock_gettime_ns", t_clock_gettime_ns),
    ("sleep", t_sleep),
    ("gmtime", t_gmtime),
    ("localtime", t_localtime),
    ("mktime", t_mktime),
    ("strftime", t_strftime),
    ("strptime", t_strptime),
    ("asctime", t_asctime),
    ("ctime", t_ctime),
    ("get_clock_info", t_get_clock_info),
    ("tzset", t_tzset),
];

const PY_SRC: &str = r#"
struct_time = _structseq('time.struct_time', ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour',
    'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst', 'tm_zone', 'tm_gmtoff'), 9)
del _structseq
"#;

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("time", FUNCTIONS);
    super::run_source(ts, &m, super::STRUCTSEQ_SRC, "<time>")?;
    super::run_source(ts, &m, PY_SRC, "<time>")?;
    if let Some(c) = super::module_attr(&m, "struct_time") {
        let _ = STRUCT_TIME.set(c);
    }
    for (n, v) in [
        ("_STRUCT_TM_ITEMS", 11),
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME as i64),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC as i64),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW as i64),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID as i64),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID as i64),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME as i64),
        ("CLOCK_TAI", libc::CLOCK_TAI as i64),
    ] {
        spindle_vm::native::add_value(&m, n, new_int(v));
    }
    set_zone_attrs(&m)?;
    let _ = MODULE.set(m.clone());
    Ok(m)
}
