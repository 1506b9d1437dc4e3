# Pins: datetime: date/time/datetime/timedelta arithmetic, formatting, parsing, isoformat, timezones with fixed offsets, comparisons and errors.
from datetime import date, time, datetime, timedelta, timezone
d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal())
print(d.replace(day=1), d.strftime("%A %d %B %Y"), d.ctime(), date.fromisoformat("2023-12-31"), date.fromordinal(1))
print(date(2024, 3, 1) - date(2023, 3, 1), (date(2025, 1, 1) - d).days, date.min, date.max, date.resolution)
for args in [(2023, 2, 29), (2024, 13, 1), (0, 1, 1), (2024, 1, 32)]:
    try:
        date(*args)
    except ValueError as e:
        print("ValueError:", e)
td = timedelta(days=1, hours=25, minutes=61, seconds=3661, microseconds=1500000)
print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(timedelta(-1), timedelta(seconds=-1), -timedelta(hours=1), abs(timedelta(-2)), timedelta(weeks=1) / timedelta(days=1))
print(timedelta(hours=3) * 2, timedelta(hours=3) / 4, timedelta(hours=3) // timedelta(minutes=7), timedelta(minutes=50) % timedelta(minutes=7))
print(timedelta(microseconds=1), timedelta.max, timedelta.min, timedelta(0) == timedelta(), bool(timedelta(0)))
dt = datetime(2024, 7, 4, 12, 30, 45, 123456)
print(dt, repr(dt), dt.isoformat(), dt.isoformat(sep=" ", timespec="seconds"), dt.date(), dt.time(), dt.timetuple()[:6])
print(dt.strftime("%Y-%m-%dT%H:%M:%S.%f %j %p %I"), format(dt, "%H:%M"), f"{dt:%b %d}")
print(datetime.strptime("03/15/21 14:05", "%m/%d/%y %H:%M"), datetime.fromisoformat("2021-03-15T14:05:00+02:00"))
print(datetime.fromisoformat("2021-03-15 14:05:06.5"), datetime.fromisoformat("20210315T140506"))
utc = datetime(2024, 1, 1, tzinfo=timezone.utc)
est = timezone(timedelta(hours=-5), "EST")
print(utc, utc.astimezone(est), utc.tzname(), utc.astimezone(est).tzname(), est.utcoffset(None), repr(est))
print(utc.timestamp(), datetime.fromtimestamp(0, timezone.utc), datetime.fromtimestamp(1e9, tz=timezone(timedelta(hours=5, minutes=30))))
print(utc == utc.astimezone(est), utc.astimezone(est) - utc, utc.isoformat(), timezone(timedelta(0)), timezone(timedelta(hours=1)))
try:
    datetime(2024, 1, 1) < utc
except TypeError as e:
    print("TypeError:", e)
print(datetime(2024, 1, 1) == utc, datetime(2024, 1, 31) + timedelta(days=1), datetime(2024, 3, 10, 1) - datetime(2024, 3, 9, 23))
t = time(23, 59, 59, 999999)
print(t, t.isoformat(timespec="milliseconds"), time(1, 2), time.fromisoformat("04:05:06"), t.replace(hour=0), time() == time(0))
print(datetime.combine(date(2020, 1, 1), time(8)), datetime(2020, 1, 1).replace(year=2021, month=6))
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 1)]), max(datetime(2020, 1, 1), datetime(2020, 1, 1, 0, 0, 1)))
print(hash(date(2020, 1, 1)) == hash(date(2020, 1, 1)), {date(2020, 1, 1): "k"}[date(2020, 1, 1)])
print(date(2024, 12, 30).isocalendar(), date(2021, 1, 3).isocalendar().week, datetime(2024, 1, 1).weekday())
print(datetime.strptime("2024-366", "%Y-%j").date(), datetime(1, 1, 1) + timedelta(days=1000000))
try:
    datetime.max + timedelta(days=1)
except OverflowError as e:
    print("OverflowError:", e)
print(date(2000, 1, 1).__format__(""), str(timedelta(days=-1, seconds=1)), timedelta(seconds=0.5))
