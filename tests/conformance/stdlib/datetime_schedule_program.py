# Pins: a scheduling program with datetime: recurring weekly/monthly events (nth weekday, last day of month), business-day arithmetic skipping weekends/holidays, duration formatting, overlap detection and sorting of intervals, ISO week grouping.
from datetime import date, datetime, timedelta, time
import calendar, itertools
HOLIDAYS = {date(2024, 1, 1), date(2024, 5, 27), date(2024, 7, 4), date(2024, 12, 25)}
def add_business_days(d, n):
    step = 1 if n >= 0 else -1
    while n:
        d += timedelta(days=step)
        if d.weekday() < 5 and d not in HOLIDAYS:
            n -= step
    return d
print([str(add_business_days(date(2024, 7, 3), k)) for k in (1, 2, 5, -3)], add_business_days(date(2024, 12, 24), 1))
def nth_weekday(year, month, weekday, n):
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
    return days[n] if n < 0 or n < len(days) else None
print([str(nth_weekday(2024, m, calendar.THURSDAY, 3)) for m in range(1, 13, 3)], nth_weekday(2024, 5, calendar.MONDAY, -1), nth_weekday(2024, 2, calendar.FRIDAY, 4))
def last_day(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])
print([last_day(2024, m).day for m in range(1, 13)], last_day(2023, 2))
def weekly(start, until, weekday):
    d = start + timedelta(days=(weekday - start.weekday()) % 7)
    while d <= until:
        yield d
        d += timedelta(weeks=1)
standups = list(weekly(date(2024, 2, 20), date(2024, 3, 31), calendar.WEDNESDAY))
print(len(standups), standups[0], standups[-1])
by_week = {wk: [str(d) for d in g] for wk, g in itertools.groupby(weekly(date(2024, 12, 20), date(2025, 1, 20), calendar.MONDAY), key=lambda d: d.isocalendar()[:2])}
print(by_week)
def fmt(td):
    total = int(td.total_seconds())
    sign = "-" if total < 0 else ""
    h, rem = divmod(abs(total), 3600)
    m, s = divmod(rem, 60)
    return f"{sign}{h:d}h{m:02d}m{s:02d}s"
print([fmt(td) for td in (timedelta(minutes=90), timedelta(seconds=59), timedelta(days=1, seconds=5), -timedelta(minutes=5))])
meetings = [
    ("design", datetime(2024, 3, 4, 9, 0), timedelta(hours=1)),
    ("standup", datetime(2024, 3, 4, 9, 30), timedelta(minutes=15)),
    ("lunch", datetime(2024, 3, 4, 12, 0), timedelta(hours=1)),
    ("review", datetime(2024, 3, 4, 12, 59), timedelta(minutes=30)),
    ("retro", datetime(2024, 3, 4, 16, 0), timedelta(minutes=45)),
]
meetings.sort(key=lambda m: (m[1], m[0]))
for (n1, s1, d1), (n2, s2, d2) in itertools.combinations(meetings, 2):
    if s1 < s2 + d2 and s2 < s1 + d1:
        overlap = min(s1 + d1, s2 + d2) - max(s1, s2)
        print(f"overlap {n1}/{n2}: {fmt(overlap)}")
day_start, day_end = datetime.combine(date(2024, 3, 4), time(8)), datetime.combine(date(2024, 3, 4), time(18))
free, cursor = [], day_start
for name, s, d in meetings:
    if s > cursor:
        free.append((cursor.strftime("%H:%M"), s.strftime("%H:%M")))
    cursor = max(cursor, s + d)
if cursor < day_end:
    free.append((cursor.strftime("%H:%M"), day_end.strftime("%H:%M")))
print(free)
print(sum((d for _, _, d in meetings), timedelta()), max(meetings, key=lambda m: m[2])[0], (day_end - day_start) / timedelta(minutes=30))
