# Pins: calendar: monthcalendar, month/prmonth text, weekday, leap helpers, itermonthdates, firstweekday variants, month_name/day_abbr, TextCalendar.formatyear header, IllegalMonthError.
import calendar
print(calendar.isleap(1900), calendar.isleap(2000), calendar.isleap(2024), calendar.leapdays(1900, 2025))
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 2), calendar.monthrange(2024, 12))
print(calendar.weekday(2024, 3, 9), calendar.weekday(1970, 1, 1), calendar.MONDAY, calendar.SUNDAY)
print(calendar.monthcalendar(2024, 2))
print(calendar.month(2024, 2))
print(calendar.month(2024, 9, w=3, l=1))
c = calendar.TextCalendar(firstweekday=6)
print(c.formatmonth(2023, 12))
print(list(c.iterweekdays()))
print([d.isoformat() for d in calendar.Calendar().itermonthdates(2024, 2)][:9])
print(list(calendar.Calendar().itermonthdays(2024, 2))[:10])
print(list(calendar.Calendar(1).itermonthdays2(2024, 4))[:8])
print(calendar.Calendar().monthdays2calendar(2024, 1)[0])
print(list(calendar.month_name), list(calendar.day_abbr))
print(calendar.month_abbr[1], calendar.day_name[6], len(calendar.month_name))
print(calendar.weekheader(2), calendar.weekheader(9))
y = calendar.TextCalendar().formatyear(2024, m=4).splitlines()
print(len(y), repr(y[0]), repr(y[2]))
print(calendar.timegm((2000, 1, 1, 0, 0, 0)), calendar.Month.MARCH, calendar.Day.FRIDAY, int(calendar.Month.DECEMBER))
for args in [(2024, 13), (2024, 0)]:
    try:
        calendar.monthrange(*args)
    except calendar.IllegalMonthError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
try:
    calendar.weekday(2024, 2, 30)
except ValueError as e:
    print("ValueError", e)
h = calendar.HTMLCalendar().formatmonth(2024, 1)
print(h.splitlines()[0], h.count("<tr>"), "31" in h)
print(calendar.Calendar().yeardatescalendar(2024, 3)[0][0][0][0])
print(calendar.firstweekday())
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.monthcalendar(2024, 3)[0])
calendar.setfirstweekday(0)
