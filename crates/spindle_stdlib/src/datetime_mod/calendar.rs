//! Proleptic Gregorian calendar arithmetic on plain integers: leap years,
//! ordinals (1 = 0001-01-01), weekdays, ISO weeks and the field
//! normalisation datetime arithmetic needs.

pub(crate) const MAXORDINAL: i64 = 3_652_059;

const DAYS_IN_MONTH: [i32; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH: [i32; 13] = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

pub(crate) fn is_leap(y: i32) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days in month `m` (1..=12) of year `y`.
pub(crate) fn days_in_month(y: i32, m: i32) -> i32 {
    if m == 2 && is_leap(y) { 29 } else { DAYS_IN_MONTH[m.clamp(1, 12) as usize] }
}

fn days_before_month(y: i32, m: i32) -> i32 {
    DAYS_BEFORE_MONTH[m.clamp(1, 12) as usize] + i32::from(m > 2 && is_leap(y))
}

pub(crate) fn day_of_year(y: i32, m: i32, d: i32) -> i32 {
    days_before_month(y, m) + d
}

fn days_before_year(y: i32) -> i64 {
    let y = i64::from(y) - 1;
    y * 365 + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)
}

pub(crate) fn ymd_to_ord(y: i32, m: i32, d: i32) -> i64 {
    days_before_year(y) + i64::from(days_before_month(y, m)) + i64::from(d)
}

/// The date of ordinal `n` (>= 1).
pub(crate) fn ord_to_ymd(n: i64) -> (i32, i32, i32) {
    const DI400Y: i64 = 146_097;
    const DI100Y: i64 = 36_524;
    const DI4Y: i64 = 1_461;
    let n = n - 1;
    let n400 = n.div_euclid(DI400Y);
    let mut r = n.rem_euclid(DI400Y);
    let n100 = r / DI100Y;
    r %= DI100Y;
    let n4 = r / DI4Y;
    r %= DI4Y;
    let n1 = r / 365;
    r %= 365;
    let year = (n400 * 400 + 1 + n100 * 100 + n4 * 4 + n1) as i32;
    if n1 == 4 || n100 == 4 {
        return (year - 1, 12, 31);
    }
    let leap = is_leap(year);
    let mut m = ((r + 50) >> 5) as i32;
    let mut before = i64::from(DAYS_BEFORE_MONTH[m.clamp(1, 12) as usize] + i32::from(m > 2 && leap));
    if before > r {
        m -= 1;
        before -= i64::from(days_in_month(year, m));
    }
    (year, m, (r - before + 1) as i32)
}

/// Monday == 0 ... Sunday == 6.
pub(crate) fn weekday(y: i32, m: i32, d: i32) -> i32 {
    (ymd_to_ord(y, m, d) + 6).rem_euclid(7) as i32
}

/// Ordinal of the Monday starting ISO week 1 of `y`.
pub(crate) fn iso_week1_monday(y: i32) -> i64 {
    let first = ymd_to_ord(y, 1, 1);
    let wd = (first + 6).rem_euclid(7);
    let monday = first - wd;
    if wd > 3 { monday + 7 } else { monday }
}

/// (ISO year, week, weekday) of a date.
pub(crate) fn iso_calendar(y: i32, m: i32, d: i32) -> (i32, i32, i32) {
    let mut year = y;
    let mut w1 = iso_week1_monday(year);
    let today = ymd_to_ord(y, m, d);
    let mut week = (today - w1).div_euclid(7);
    let mut day = (today - w1).rem_euclid(7);
    if week < 0 {
        year -= 1;
        w1 = iso_week1_monday(year);
        week = (today - w1).div_euclid(7);
        day = (today - w1).rem_euclid(7);
    } else if week >= 52 && today >= iso_week1_monday(year + 1) {
        year += 1;
        week = 0;
    }
    (year, week as i32 + 1, day as i32 + 1)
}

/// Why an ISO (year, week, day) has no date.
pub(crate) enum IsoError {
    Year,
    Week,
    Day,
}

pub(crate) fn iso_to_ymd(y: i32, w: i32, d: i32) -> Result<(i32, i32, i32), IsoError> {
    if !(1..=9999).contains(&y) {
        return Err(IsoError::Year);
    }
    if w <= 0 || w >= 53 {
        let long_year = w == 53 && {
            let first = weekday(y, 1, 1);
            first == 3 || (first == 2 && is_leap(y))
        };
        if !long_year {
            return Err(IsoError::Week);
        }
    }
    if !(1..=7).contains(&d) {
        return Err(IsoError::Day);
    }
    let n = iso_week1_monday(y) + i64::from((w - 1) * 7 + d - 1);
    Ok(ord_to_ymd(n))
}

/// Brings `d` into its month (y, m valid), moving across months and years;
/// Err when the result leaves years 1..=9999.
pub(crate) fn normalize_date(y: i32, m: i32, d: i64) -> Result<(i32, i32, i32), ()> {
    let dim = i64::from(days_in_month(y, m));
    let (y, m, d) = if d >= 1 && d <= dim {
        (y, m, d as i32)
    } else {
        let n = ymd_to_ord(y, m, 1) + d - 1;
        if !(1..=MAXORDINAL).contains(&n) {
            return Err(());
        }
        ord_to_ymd(n)
    };
    if (1..=9999).contains(&y) { Ok((y, m, d)) } else { Err(()) }
}

/// A datetime's (year, month, day, hour, minute, second, microsecond).
pub(crate) type Fields = (i32, i32, i32, i32, i32, i32, i32);

/// Normalises a datetime's fields (seconds and microseconds may be out of
/// range by a day's worth or so, days by up to about 10**9).
#[allow(clippy::too_many_arguments)]
pub(crate) fn normalize_datetime(
    y: i32,
    m: i32,
    d: i64,
    hh: i64,
    mi: i64,
    ss: i64,
    us: i64,
) -> Result<Fields, ()> {
    let ss = ss + us.div_euclid(1_000_000);
    let us = us.rem_euclid(1_000_000);
    let mi = mi + ss.div_euclid(60);
    let ss = ss.rem_euclid(60);
    let hh = hh + mi.div_euclid(60);
    let mi = mi.rem_euclid(60);
    let d = d + hh.div_euclid(24);
    let hh = hh.rem_euclid(24);
    let (y, m, d) = normalize_date(y, m, d)?;
    Ok((y, m, d, hh as i32, mi as i32, ss as i32, us as i32))
}
