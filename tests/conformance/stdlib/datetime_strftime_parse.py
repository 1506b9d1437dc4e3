# Pins: datetime strftime/strptime/format(), isoformat variants and fromisoformat parsing (dates, times, offsets, Z), errors.
from datetime import datetime, date, time, timedelta, timezone
dt = datetime(2024, 3, 9, 7, 5, 3, 120000)
for f in ["%Y-%m-%dT%H:%M:%S.%f", "%d %b %Y", "%A, %B %d", "%I:%M %p", "%j", "%y%m%d", "%H:%M:%S%z|%Z|", "%%Y", "%x %X"]:
    print(repr(f), dt.strftime(f))
print(f"{dt:%Y/%m/%d}", format(dt.date(), "%a"), f"{dt.time():%H.%M}", f"{dt}")
print(dt.isoformat(), dt.isoformat(" "), dt.isoformat(timespec="seconds"), dt.isoformat(timespec="milliseconds"), dt.isoformat(timespec="hours"))
print(dt.replace(microsecond=0).isoformat(), time(1, 2).isoformat(), time(1, 2, 3, 4).isoformat(timespec="microseconds"))
aware = dt.replace(tzinfo=timezone(timedelta(hours=5, minutes=30)))
print(aware.isoformat(), aware.strftime("%z %Z"), aware.utcoffset())
print(datetime(2020, 1, 1, tzinfo=timezone.utc).isoformat(), datetime(2020, 1, 1, tzinfo=timezone.utc).strftime("%z %Z"))
for s in ["2024-03-09", "2024-03-09T07:05", "2024-03-09T07:05:03.12", "2024-03-09 07:05:03+02:00", "2024-03-09T07:05:03Z", "20240309T070503", "2024-W10-6", "2024-03-09T07:05:03.123456-08:00"]:
    d = datetime.fromisoformat(s)
    print(s, "->", repr(d))
print(repr(date.fromisoformat("2023-12-31")), repr(date.fromisoformat("20231231")), repr(time.fromisoformat("23:59:59.5")), repr(time.fromisoformat("T10:00+01:00")))
for bad in ["2024-02-30", "2024/03/09", "", "2024-03-09T25:00", "not a date"]:
    try:
        datetime.fromisoformat(bad)
    except ValueError as e:
        print("ValueError", e)
print(repr(datetime.strptime("2021-07-04 18:30", "%Y-%m-%d %H:%M")))
print(repr(datetime.strptime("04/Jul/2021:18:30:00 +0200", "%d/%b/%Y:%H:%M:%S %z")))
print(repr(datetime.strptime("1.5.99", "%d.%m.%y")), repr(datetime.strptime("123456", "%f")))
print(repr(date.strptime("2022-002", "%Y-%j")), repr(time.strptime("9:07 pm", "%I:%M %p")))
for bad in [("2021-07-04", "%Y-%m"), ("31/02/2020", "%d/%m/%Y"), ("x", "%d")]:
    try:
        datetime.strptime(*bad)
    except ValueError as e:
        print("ValueError", e)
print(date(2024, 1, 1).isocalendar(), date(2024, 12, 30).isocalendar(), date(2021, 1, 3).isocalendar().week)
print(date.fromisocalendar(2020, 53, 7), date(2024, 3, 9).ctime(), dt.ctime())
print(date(2024, 3, 9).timetuple()[:8], dt.toordinal(), date.fromordinal(738954))
print(str(timedelta(days=-1, seconds=5)), str(timedelta(microseconds=1)), repr(timedelta(hours=25, milliseconds=1)))
print(datetime(2024, 3, 9, 12).timestamp() if False else "skip-local", datetime.fromtimestamp(0, timezone.utc), datetime(1970, 1, 2, tzinfo=timezone.utc).timestamp())
print(f"{date(2024,3,9):%d.%m.%Y}", f"{date(5, 1, 1):%Y}", date.min, date.max, datetime.min, time.max)
