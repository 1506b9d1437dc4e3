# Pins: datetime edge cases: month-end arithmetic via replace errors, leap days, timedelta normalisation/negative str/division/modulo/total_seconds, date comparisons with datetime (TypeError vs False), min/max overflow, weekday calculations, combine, sorting mixed aware.
from datetime import date, datetime, timedelta, time, timezone
d = date(2024, 1, 31)
try:
    d.replace(month=2)
except ValueError as e:
    print("ValueError", e)
print(date(2024, 2, 29) + timedelta(days=365), date(2023, 3, 1) - timedelta(days=1), date(2024, 3, 1) - timedelta(days=1))
print((date(2025, 1, 1) - date(2024, 1, 1)).days, (date(2024, 1, 1) - date(2025, 1, 1)).days, date(2000, 1, 1).toordinal())
td = timedelta(days=-1, hours=23, minutes=59, seconds=59, microseconds=999999)
print(repr(td), str(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(str(timedelta(hours=-1)), str(timedelta(days=2, hours=3)), str(timedelta(weeks=1, milliseconds=1)), repr(timedelta(0)), str(-timedelta(seconds=1)))
t = timedelta(hours=10)
print(t / 3, t // 3, t / timedelta(hours=4), t // timedelta(hours=4), t % timedelta(hours=4), divmod(t, timedelta(hours=3)), t * 1.5, 2 * t, -t, abs(-t))
print(timedelta(seconds=1) / 3, timedelta(microseconds=1) / 2, round(timedelta(seconds=7) / timedelta(seconds=2), 3))
try:
    t / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    timedelta(days=10**9)
except OverflowError as e:
    print("OverflowError", e)
try:
    date.max + timedelta(days=1)
except OverflowError as e:
    print("OverflowError", e)
try:
    datetime.min - timedelta(seconds=1)
except OverflowError as e:
    print("OverflowError", e)
print(date(2024, 5, 5) == datetime(2024, 5, 5), datetime(2024, 5, 5) == date(2024, 5, 5))
try:
    date(2024, 5, 5) < datetime(2024, 5, 6)
except TypeError as e:
    print("TypeError", e)
for bad in [(2023, 2, 29), (2024, 13, 1), (2024, 4, 31), (0, 1, 1), (10000, 1, 1)]:
    try:
        date(*bad)
    except ValueError as e:
        print(bad, "ValueError", e)
for bad in [(24, 0), (0, 60), (0, 0, 60), (0, 0, 0, 1000000)]:
    try:
        time(*bad)
    except ValueError as e:
        print(bad, "ValueError", e)
dt = datetime.combine(date(2024, 7, 4), time(9, 30, tzinfo=timezone.utc))
print(repr(dt), dt.date(), dt.timetz(), dt.weekday(), dt.isoweekday(), dt.strftime("%a %U %W %j"))
def add_months(d, n):
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    import calendar
    return d.replace(year=y, month=m, day=min(d.day, calendar.monthrange(y, m)[1]))
print([str(add_months(date(2024, 1, 31), k)) for k in range(-2, 5)])
print(sorted([date(2024, 1, 2), date(2023, 12, 31), date(2024, 1, 1)]), max(datetime(2024, 1, 1, 12), datetime(2024, 1, 1, 11, 59)))
print(time(12) > time(11, 59, 59, 999999), time(0) == time(), bool(time(0)), bool(timedelta(0)), bool(timedelta(microseconds=1)))
print(timedelta(days=1, seconds=-1) == timedelta(hours=24) - timedelta(seconds=1), timedelta(hours=24) == timedelta(days=1), hash(timedelta(days=1)) == hash(timedelta(hours=24)))
print(timedelta.max, timedelta.min, timedelta.resolution, date.resolution, time.resolution)
print(datetime(2024, 3, 10, 12, 0, 0, 500000).replace(microsecond=0) + timedelta(microseconds=-1))
