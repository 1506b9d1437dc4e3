# Pins: datetime arithmetic and conversions: timedelta constructor float accumulation and round-half-even, products/quotients with ints and floats, divmod/modulo signs, date/datetime/timedelta arithmetic across month/year/leap boundaries, aware subtraction and comparison across zones, PEP 495 fold with a custom tzinfo (inter-zone equality exception, hashing), astimezone/fromutc with fixed zones, UTC timestamps, fromisoformat's accepted spellings, isocalendar edges, strftime with %z/%:z/%Z/%f and years below 1000.
from datetime import date, datetime, time, timedelta, timezone, tzinfo, UTC

print(timedelta(days=1.5, hours=0.25), timedelta(microseconds=0.5), timedelta(microseconds=1.5), timedelta(microseconds=2.5))
print(repr(timedelta(seconds=1 / 3)), repr(timedelta(milliseconds=-0.0015)), repr(timedelta(weeks=0.1, days=-0.1)))
print(repr(timedelta(minutes=2 ** 40)), repr(timedelta(hours=1, minutes=-59, seconds=-59, milliseconds=-999, microseconds=-1000)))
td = timedelta(days=3, hours=5, microseconds=7)
print(td * 3, 3 * td, td * -1, td * 0.5, 0.3 * td, td / 4, td / 0.75, td // 7, td / timedelta(hours=1), td // timedelta(hours=1))
print(td % timedelta(hours=7), divmod(td, timedelta(hours=7)), divmod(-td, timedelta(hours=7)), -td % timedelta(hours=7))
print(timedelta(microseconds=5) / 2, timedelta(microseconds=7) / 2, timedelta(microseconds=-5) / 2, timedelta(1) * 1e-7, timedelta(1) / 3 * 3)
print(abs(-td), +td, -timedelta(0), td.total_seconds(), timedelta.max.total_seconds(), (timedelta.max - timedelta.max) == timedelta(0))
print(sorted([timedelta(1), timedelta(-1), timedelta(seconds=5)]), max(timedelta(hours=25), timedelta(1)), td > timedelta(3), td != td)

d = date(2024, 1, 31)
print(d + timedelta(29), d + timedelta(30), d - timedelta(31), date(2024, 3, 1) - date(2024, 2, 1), date(2023, 12, 31) + timedelta(1))
print(date(2000, 2, 28) + timedelta(1), date(1900, 2, 28) + timedelta(1), date(1, 1, 1) + timedelta(days=3652058))
print(d + timedelta(hours=47), d - timedelta(hours=1), timedelta(days=-400) + d)
dt = datetime(2024, 12, 31, 23, 59, 59, 999999)
print(dt + timedelta(microseconds=1), dt - timedelta(days=366), dt + timedelta(seconds=-86400.5), datetime(2024, 3, 1) - datetime(2024, 2, 28, 12))
print(datetime(2020, 1, 1) - datetime(2021, 1, 1), (datetime(2020, 5, 5, 5) - datetime(2020, 5, 4, 6)).seconds)

east = timezone(timedelta(hours=5, minutes=30), 'IST')
west = timezone(timedelta(hours=-8))
a = datetime(2024, 3, 10, 12, tzinfo=east)
b = datetime(2024, 3, 9, 22, 30, tzinfo=west)
print(a - b, b - a, a == b, a < b, a.astimezone(UTC), b.astimezone(east), a.astimezone(west).isoformat(), a.timestamp(), b.timestamp())
print(datetime.fromtimestamp(a.timestamp(), west), datetime.fromtimestamp(1.5, UTC), datetime.fromtimestamp(-1.25, UTC), datetime.fromtimestamp(0.0000005, UTC), datetime.fromtimestamp(0.0000015, UTC))
print(datetime.fromtimestamp(1e9, tz=east), date.fromtimestamp(86400 * 365.25 * 30).year > 1990, datetime.fromtimestamp(-86400 * 365, UTC))
print(a.utctimetuple(), a.timetuple(), datetime(2020, 1, 1, tzinfo=UTC).timestamp(), datetime(1, 1, 1, tzinfo=UTC).timestamp())
print(UTC.fromutc(datetime(2020, 1, 1, tzinfo=UTC)), east.fromutc(datetime(2020, 1, 1, tzinfo=east)), a.replace(tzinfo=None) - timedelta(hours=5, minutes=30))

class Eastern(tzinfo):
    """US Eastern with 2020 DST rules only: enough for PEP 495 folds."""
    def _dst_on(self, dt):
        start = datetime(2020, 3, 8, 2)
        end = datetime(2020, 11, 1, 2)
        naive = dt.replace(tzinfo=None)
        if start <= naive < end - timedelta(hours=1):
            return True
        if end - timedelta(hours=1) <= naive < end:
            return not dt.fold
        return False
    def utcoffset(self, dt):
        return timedelta(hours=-4) if self._dst_on(dt) else timedelta(hours=-5)
    def dst(self, dt):
        return timedelta(hours=1) if self._dst_on(dt) else timedelta(0)
    def tzname(self, dt):
        return 'EDT' if self._dst_on(dt) else 'EST'
    def fromutc(self, dt):
        std = dt + timedelta(hours=-5)
        std = std.replace(tzinfo=self)
        dst = std + timedelta(hours=1)
        if self._dst_on(dst.replace(fold=0)) and not self._dst_on(dst.replace(fold=1)):
            return dst.replace(fold=0)
        if self._dst_on(dst):
            return dst
        return std

ET = Eastern()
first = datetime(2020, 11, 1, 1, 30, tzinfo=ET)
second = first.replace(fold=1)
print(first, second, first.utcoffset(), second.utcoffset(), first.tzname(), second.tzname(), first.dst(), second.dst())
print(first == second, first.astimezone(UTC), second.astimezone(UTC), second - first, first.timetuple().tm_isdst, second.timetuple().tm_isdst)
u = datetime(2020, 11, 1, 5, 30, tzinfo=UTC)
print(u.astimezone(ET), (u + timedelta(hours=1)).astimezone(ET), (u + timedelta(hours=1)).astimezone(ET).fold)
print(first.astimezone(UTC) == first, second == datetime(2020, 11, 1, 6, 30, tzinfo=UTC), hash(second) == hash(second.replace(fold=0)))
print(datetime(2020, 7, 1, 12, tzinfo=ET).strftime('%H:%M %Z %z %:z'), datetime(2020, 1, 1, 12, tzinfo=ET).isoformat(timespec='seconds'))

for s in ['2020-01-02', '20200102', '2020-W01', '2020W01', '2020-W01-3', '2020W013', '2020-01-02T03', '2020-01-02T0304', '2020-01-02T03:04:05',
          '2020-01-02 03:04:05.6', '2020-01-02T03:04:05,123456789', '2020-01-02T03:04:05Z', '2020-01-02T03:04:05+0530', '2020-01-02T03:04:05-05:30:15.5',
          '2020-01-02T24:00', '2020-12-31T24:00:00', '2020-01-02X03:04', '2020-01-02\u00e903:04', '2020-W53-7T10']:
    try:
        print(s, repr(datetime.fromisoformat(s)))
    except ValueError as e:
        print(s, 'ValueError', e)
for s in ['03', '0304', '03:04:05.123', 'T03:04', '03:04:05+01:00', '03:04:05.1-0130', '24:00:00', '03:04:05Z']:
    print(s, repr(time.fromisoformat(s)))
for s in ['2020-01-02', '20200102', '2020-W01-1', '2020W017']:
    print(s, repr(date.fromisoformat(s)))
print(datetime.strptime('2020-02-03 04:05:06.789 +0100', '%Y-%m-%d %H:%M:%S.%f %z'), date.strptime('03/04/21', '%d/%m/%y'), time.strptime('7pm', '%I%p'))
for y in [2004, 2009, 2015, 2020, 2021, 2026]:
    print(y, date(y, 1, 1).isocalendar(), date(y, 12, 31).isocalendar(), date.fromisocalendar(y, 1, 1))
print(date(5, 1, 1).strftime('%Y|%F|%C|%G|%d'), datetime(999, 12, 31).strftime('%Y %G'), date(2020, 1, 1).strftime('%Y %%Y %f'))
t = datetime(2020, 1, 2, 3, 4, 5, 6, tzinfo=timezone(-timedelta(hours=1, seconds=30, microseconds=7), '%Z'))
print(t.strftime('%z|%:z|%Z|%f|%%z'), time(1, 2, 3, 4, timezone(timedelta(minutes=150))).strftime('%H %z %f %Z'), time(5).strftime('%z%Z|%Y'))
