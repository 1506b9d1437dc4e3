# Pins: calendar: month/year text calendars, leap years, monthrange, weekday, iterators and names (English C locale).
import calendar
print(calendar.isleap(2000), calendar.isleap(1900), calendar.isleap(2024), calendar.leapdays(1900, 2025))
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 2), calendar.weekday(2024, 7, 4), calendar.MONDAY, calendar.SUNDAY)
print(calendar.month(2024, 2))
print(calendar.month(2024, 9, w=3, l=1))
print(calendar.monthcalendar(2024, 3))
c = calendar.TextCalendar(calendar.SUNDAY)
print(c.formatmonth(2023, 12))
print(list(calendar.Calendar().itermonthdays(2024, 2))[:10])
print([d.isoformat() for d in calendar.Calendar(firstweekday=6).itermonthdates(2024, 4)][:8])
print(list(calendar.day_name), list(calendar.day_abbr), list(calendar.month_name)[1:4], list(calendar.month_abbr)[-2:])
print(calendar.calendar(2024).splitlines()[:9])
print(calendar.firstweekday(), calendar.weekheader(2), calendar.timegm((2000, 1, 1, 0, 0, 0)))
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print("IllegalMonthError:", e)
print(calendar.HTMLCalendar().formatmonthname(2024, 5).strip())
print(list(calendar.Month)[:2], calendar.Day.FRIDAY, calendar.Month(3).name)
