# Pins: deterministic parts of time: gmtime/strftime/strptime/mktime-free conversions, struct_time fields, monotonic ordering and sleep(0).
import time
t = time.gmtime(0)
print(t, tuple(t), t.tm_year, t.tm_wday, t.tm_yday, t.tm_isdst)
g = time.gmtime(1700000000)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %w %y %%", g))
print(time.strftime("%I %p %M", time.gmtime(1700000000 + 13 * 3600)), time.asctime(g))
st = time.strptime("2024-02-29 13:45:10", "%Y-%m-%d %H:%M:%S")
print(st.tm_year, st.tm_mon, st.tm_mday, st.tm_hour, st.tm_wday, st.tm_yday)
try:
    time.strptime("2023-02-29", "%Y-%m-%d")
except ValueError as e:
    print("ValueError:", e)
try:
    time.strptime("nonsense", "%Y")
except ValueError as e:
    print("ValueError:", e)
import calendar
print(calendar.timegm(g), calendar.timegm(time.strptime("1970-01-02", "%Y-%m-%d")))
a = time.monotonic()
b = time.monotonic()
print(b >= a, time.perf_counter() > 0, time.time() > 1.7e9, isinstance(time.time_ns(), int), time.monotonic_ns() > 0)
print(time.sleep(0), time.process_time() >= 0)
print(type(time.get_clock_info("monotonic").monotonic).__name__, time.get_clock_info("monotonic").monotonic)
s = time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0))
print(s.tm_mon, s[0], len(s), time.strftime("%d/%m/%Y", s))
try:
    time.struct_time((1, 2))
except TypeError as e:
    print("TypeError:", e)
print(time.gmtime(86400 * 365.25 * 30).tm_year, time.gmtime(-86400).tm_year)
print(time.strftime("%Y", (2000, 1, 1, 0, 0, 0, 0, 1, 0)))
