# Pins: time module deterministic pieces: gmtime/struct_time fields, mktime-free calendar.timegm round trip, strftime/strptime formats, asctime, monotonic ordering.
import time, calendar
t = time.gmtime(0)
print(t, tuple(t), t.tm_year, t.tm_yday, t.tm_wday, t.tm_isdst)
t2 = time.gmtime(1700000000)
print(tuple(t2)[:6], t2.tm_zone, t2.tm_gmtoff)
print(calendar.timegm(t2), calendar.timegm(time.gmtime(86399)))
fmts = ["%Y-%m-%d %H:%M:%S", "%a %A %b %B", "%j %U %W %w", "%y %I %p %M", "%%", "%d/%m/%Y", "%H%M%S", "%G-W%V-%u", "%C %e %D %T", "%R %n%t|"]
for f in fmts:
    print(repr(f), repr(time.strftime(f, t2)))
print(time.asctime(t2), time.asctime(time.gmtime(0)))
s = time.strptime("2024-02-29 13:45:07", "%Y-%m-%d %H:%M:%S")
print(tuple(s)[:9])
s = time.strptime("Mon Jan  1 00:00:00 2024")
print(s.tm_year, s.tm_mon, s.tm_mday, s.tm_wday, s.tm_yday)
s = time.strptime("15 March 99", "%d %B %y")
print(s.tm_year, s.tm_mon, s.tm_mday)
s = time.strptime("12 AM", "%I %p"); s2 = time.strptime("12 PM", "%I %p")
print(s.tm_hour, s2.tm_hour)
for bad in [("2024-13-01", "%Y-%m-%d"), ("abc", "%Y"), ("2024-01-01 extra", "%Y-%m-%d")]:
    try:
        time.strptime(*bad)
    except ValueError as e:
        print("ValueError", e)
st = time.struct_time((2020, 5, 17, 10, 30, 0, 6, 138, 0))
print(st, st[0], st[-1], len(st))
try:
    time.struct_time((1, 2, 3))
except TypeError as e:
    print("TypeError", e)
a = time.monotonic(); b = time.monotonic()
print(b >= a, isinstance(time.time(), float), isinstance(time.time_ns(), int), isinstance(time.perf_counter_ns(), int))
print(time.gmtime(1.99).tm_sec, time.gmtime(-1).tm_year)
print(time.strftime("%Y", (1999, 1, 1, 0, 0, 0, 0, 1, 0)))
info = time.get_clock_info("monotonic")
print(info.monotonic, type(info.resolution).__name__)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
time.sleep(0)
print(isinstance(time.process_time(), float), time.gmtime(951782400)[:3])
