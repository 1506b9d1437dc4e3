# Pins: datetime arithmetic details: month-end handling by hand, weekday math, timedelta normalisation and division, ISO week rollovers, fixed-offset conversions across day boundaries, and strftime padding directives.
from datetime import date, datetime, timedelta, timezone
def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    import calendar
    return d.replace(year=y, month=m, day=min(d.day, calendar.monthrange(y, m)[1]))
for n in [1, 2, 11, 12, 13, -1, -13]:
    print(n, add_months(date(2024, 1, 31), n))
start = date(2024, 1, 1)
print([(start + timedelta(days=i)).strftime("%a") for i in range(7)])
next_friday = start + timedelta(days=(4 - start.weekday()) % 7)
print(next_friday, (date(2024, 12, 25) - start).days, (date(2025, 1, 1) - start) // timedelta(weeks=1))
print(timedelta(seconds=86399, microseconds=1000001), timedelta(days=-1, hours=25), timedelta(minutes=-90) // 60, timedelta(hours=1) / 7)
print(divmod(timedelta(hours=25), timedelta(hours=7)), timedelta(hours=1) * 1.5, round(timedelta(seconds=10) / timedelta(seconds=3), 6), -timedelta(microseconds=1))
for y in [2020, 2021, 2026, 2027]:
    d = date(y, 1, 1)
    print(y, d.isocalendar(), date(y, 12, 31).isocalendar(), date.fromisocalendar(y, 1, 1))
tz_plus = timezone(timedelta(hours=9))
tz_minus = timezone(timedelta(hours=-7, minutes=-30))
t = datetime(2024, 3, 1, 2, 30, tzinfo=tz_plus)
print(t.astimezone(timezone.utc), t.astimezone(tz_minus), t.astimezone(tz_minus).date(), t.utcoffset(), tz_minus.tzname(None))
print(datetime(2024, 2, 28, 23, 59, 59) + timedelta(seconds=1), datetime(2023, 12, 31, 23, 59) + timedelta(minutes=1), datetime(2024, 3, 1) - timedelta(days=1))
d = datetime(2009, 7, 5, 8, 4, 3, 21)
print(d.strftime("%d|%m|%y|%H|%I|%M|%S|%f|%j|%U|%W|%u|%w|%G|%V|%%|%e" if False else "%d|%m|%y|%H|%I|%M|%S|%f|%j|%U|%W|%u|%w|%G|%V|%%"))
print(d.strftime("%c|%x|%X"), d.isoformat(timespec="microseconds"), d.isoformat(timespec="minutes"), d.timestamp() if False else "no-local-ts")
print(sorted([timedelta(hours=1), timedelta(minutes=59), timedelta(seconds=3601)]), max(date(2020, 1, 1), date(2019, 12, 31)))
print(datetime(2024, 1, 1, 12) == datetime(2024, 1, 1, 12, tzinfo=timezone.utc), datetime(2024, 1, 1, 12, tzinfo=timezone.utc) == datetime(2024, 1, 1, 13, tzinfo=timezone(timedelta(hours=1))))
print(date.today() > date(2020, 1, 1), datetime.now(timezone.utc).tzinfo is timezone.utc, (datetime.now() - datetime.now()) < timedelta(seconds=1))
