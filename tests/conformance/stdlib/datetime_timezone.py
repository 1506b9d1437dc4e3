# Pins: timezone-aware datetimes: fixed-offset timezone, custom tzinfo subclass, astimezone, comparisons between aware/naive, utcoffset/dst/tzname, fold.
from datetime import datetime, timedelta, timezone, tzinfo, time
utc = timezone.utc
est = timezone(timedelta(hours=-5), "EST")
ist = timezone(timedelta(hours=5, minutes=30))
print(utc, est, ist, repr(est), repr(utc), timezone(timedelta(0)), timezone(timedelta(hours=-3, minutes=-15)))
print(est.utcoffset(None), est.tzname(None), ist.tzname(None), est.dst(None))
d = datetime(2024, 6, 1, 12, 0, tzinfo=utc)
print(d.astimezone(est), d.astimezone(ist), d.astimezone(est).astimezone(utc) == d)
print(d == d.astimezone(ist), d.astimezone(ist) - d, datetime(2024, 6, 1, 13, tzinfo=ist) < d)
naive = datetime(2024, 6, 1, 12)
print(naive == d)
try:
    naive < d
except TypeError as e:
    print("TypeError", e)
try:
    naive - d
except TypeError as e:
    print("TypeError", e)
try:
    timezone(timedelta(hours=24))
except ValueError as e:
    print("ValueError", e)
try:
    timezone(5)
except TypeError as e:
    print("TypeError", type(e).__name__)
class CET(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=1) + self.dst(dt)
    def dst(self, dt):
        if dt is None:
            return timedelta(0)
        start = datetime(dt.year, 3, 31, 2)
        end = datetime(dt.year, 10, 27, 3)
        return timedelta(hours=1) if start <= dt.replace(tzinfo=None) < end else timedelta(0)
    def tzname(self, dt):
        return "CEST" if self.dst(dt) else "CET"
cet = CET()
for m in (1, 7, 11):
    x = datetime(2024, m, 15, 9, tzinfo=cet)
    print(x, x.tzname(), x.utcoffset(), x.dst(), x.astimezone(utc).strftime("%H:%M %Z"))
print(datetime(2024, 1, 1, tzinfo=cet).isoformat(), format(datetime(2024, 7, 1, tzinfo=cet), "%Z%z"))
print(d.replace(tzinfo=None), d.timetz(), d.time(), repr(d.timetz()))
t = time(10, 30, tzinfo=est)
print(t, t.utcoffset(), t.tzname(), t.isoformat())
print(datetime.fromtimestamp(86400 * 365, utc), datetime.fromtimestamp(0, est))
print(datetime(2024, 1, 1, tzinfo=utc).timestamp(), datetime(2024, 1, 1, tzinfo=est).timestamp())
f = datetime(2024, 11, 3, 1, 30, fold=1)
print(f.fold, f.replace(fold=0).fold, f == f.replace(fold=0), repr(f))
print(sorted([datetime(2024, 1, 1, 10, tzinfo=est), datetime(2024, 1, 1, 12, tzinfo=utc), datetime(2024, 1, 1, 16, tzinfo=ist)]))
print(hash(d) == hash(d.astimezone(est)), {d: 1}.get(d.astimezone(ist)))
print(utc.utcoffset(None), utc.tzname(None), timezone.min, timezone.max)
print(d.utctimetuple()[:6], d.astimezone(est).utctimetuple()[:6])
