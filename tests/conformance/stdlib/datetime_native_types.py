# Pins: the native _datetime types: reprs and str of timedelta/date/datetime/time/timezone/IsoCalendarDate (exact types say "datetime.", subclasses their own name), class attributes min/max/resolution/utc, public method names, module attributes, type relationships and the IsoCalendarDate tuple subclass.
import datetime as D
from datetime import date, datetime, time, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR, UTC

print(MINYEAR, MAXYEAR, UTC is timezone.utc, repr(UTC), str(UTC))
for cls in (date, datetime, time, timedelta, timezone, tzinfo):
    print(cls.__name__, cls.__qualname__, cls.__module__, repr(cls))
print([c.__name__ for c in datetime.__mro__], [c.__name__ for c in timezone.__mro__])
print(issubclass(datetime, date), issubclass(timezone, tzinfo), isinstance(UTC, tzinfo))
for cls in (date, datetime, time, timedelta, timezone):
    print(cls.__name__, sorted(n for n in dir(cls) if not n.startswith('_')))
print(date.min, date.max, date.resolution, repr(date.min), repr(date.max))
print(datetime.min, datetime.max, repr(datetime.resolution))
print(time.min, time.max, repr(time.max), repr(time.resolution))
print(repr(timedelta.min), repr(timedelta.max), repr(timedelta.resolution), timedelta.min, timedelta.max)
print(repr(timezone.min), repr(timezone.max), timezone.min, timezone.max)

# timedelta repr/str
for td in [timedelta(), timedelta(1), timedelta(-1), timedelta(seconds=1), timedelta(microseconds=1),
           timedelta(days=2, seconds=3, microseconds=4), timedelta(hours=-1), timedelta(weeks=1, minutes=1, milliseconds=1),
           timedelta(days=-1, microseconds=1), timedelta(1.5), timedelta(seconds=0.5), timedelta(microseconds=-1)]:
    print(repr(td), str(td), td.days, td.seconds, td.microseconds, td.total_seconds(), bool(td))

# date / datetime / time repr and str
print(repr(date(2024, 2, 29)), str(date(1, 1, 1)), date(5, 6, 7).isoformat())
for dt in [datetime(2020, 1, 2), datetime(2020, 1, 2, 3), datetime(2020, 1, 2, 3, 4, 5), datetime(2020, 1, 2, 3, 4, 0, 7),
           datetime(2020, 1, 2, 3, 4, 5, 6, tzinfo=UTC), datetime(2020, 1, 2, fold=1),
           datetime(2020, 1, 2, 3, fold=1, tzinfo=timezone(timedelta(hours=5, minutes=30), 'IST'))]:
    print(repr(dt), str(dt), dt.isoformat(), dt.isoformat(' ', 'minutes'))
for t in [time(), time(1), time(1, 2, 3), time(1, 2, 0, 4), time(1, 2, 3, 4, UTC), time(23, 59, fold=1),
          time(12, tzinfo=timezone(-timedelta(hours=3, minutes=30)))]:
    print(repr(t), str(t), t.isoformat(), t.isoformat('milliseconds'), t.isoformat(timespec='hours'))

# timezone repr/str/tzname
for tz in [UTC, timezone(timedelta(0)), timezone(timedelta(0), 'Z0'), timezone(timedelta(hours=-5)), timezone(timedelta(hours=5), 'EST%'),
           timezone(timedelta(seconds=1)), timezone(timedelta(microseconds=-1)), timezone(timedelta(hours=23, minutes=59))]:
    print(repr(tz), str(tz), tz.tzname(None), tz.utcoffset(None), tz.dst(None), tz == UTC)

# IsoCalendarDate: a tuple subclass with named fields
ic = date(2021, 1, 3).isocalendar()
print(repr(ic), ic, tuple(ic), ic.year, ic.week, ic.weekday, ic[0], len(ic), ic == (2020, 53, 7))
print(type(ic).__name__, type(ic).__module__, [c.__name__ for c in type(ic).__mro__])
y, w, wd = datetime(2024, 12, 30, 5).isocalendar()
print(y, w, wd, ic.__reduce__())

# Subclass reprs use the subclass's own name
class MyDate(date): pass
class MyDateTime(datetime): pass
class MyTime(time): pass
class MyDelta(timedelta): pass
print(repr(MyDate(2020, 1, 2)), repr(MyDateTime(2020, 1, 2, 3, tzinfo=UTC)), repr(MyTime(4, 5)), repr(MyDelta(hours=1)))
print(str(MyDate(2020, 1, 2)), str(MyDateTime(2020, 1, 2, 3)), str(MyTime(4, 5)), str(MyDelta(hours=1)))

# Format and ctime
d = datetime(2002, 3, 11, 7, 8, 9, 123456)
print(d.ctime(), date(2002, 3, 11).ctime(), format(d), format(d, '%Y-%m-%d %H:%M:%S.%f'), f"{d:%d/%m/%y}", f"{d.date():%A}", f"{d.time():%H.%M}")
print(d.timetuple(), date(2002, 3, 11).timetuple())
print(d.toordinal(), d.weekday(), d.isoweekday(), date.fromordinal(d.toordinal()), datetime.fromordinal(5))
print(d.date(), d.time(), d.timetz(), repr(datetime(2020, 1, 1, 5, tzinfo=UTC, fold=1).timetz()))
