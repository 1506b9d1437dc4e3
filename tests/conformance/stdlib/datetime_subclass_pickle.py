# Pins: datetime types under subclassing (results of arithmetic, replace, alternate constructors keep the subclass, constructors are called with fold as keyword), pickling every type at every protocol (states as CPython's C module writes them, fold only from protocol 4), copy/deepcopy/copy.replace, tzinfo subclass pickling through __getinitargs__/__getstate__, hashing consistency.
import copy
import pickle
from datetime import date, datetime, time, timedelta, timezone, tzinfo

calls = []

class MyDate(date):
    def __new__(cls, *args, **kw):
        calls.append(('MyDate', args, kw))
        return super().__new__(cls, *args, **kw)

class MyDT(datetime):
    def __new__(cls, *args, **kw):
        calls.append(('MyDT', args, kw))
        return super().__new__(cls, *args, **kw)

class MyTime(time):
    extra = 'class attr'

class Fixed(tzinfo):
    def __init__(self, hours=0, name='F'):
        self.hours = hours
        self.name = name
    def __getinitargs__(self):
        return (self.hours, self.name)
    def utcoffset(self, dt):
        return timedelta(hours=self.hours)
    def dst(self, dt):
        return timedelta(0)
    def tzname(self, dt):
        return self.name
    def __repr__(self):
        return f'Fixed({self.hours}, {self.name!r})'

class Plain(tzinfo):
    def utcoffset(self, dt):
        return timedelta(minutes=30)

def show(label, v):
    print(label, type(v).__name__, repr(v))

md = MyDate(2020, 2, 28)
show('add', md + timedelta(days=2))
show('radd', timedelta(days=1) + md)
show('sub', md - timedelta(days=60))
show('replace', md.replace(year=2021))
show('fromordinal', MyDate.fromordinal(700000))
show('fromisoformat', MyDate.fromisoformat('2020-W10-3'))
show('fromisocalendar', MyDate.fromisocalendar(2020, 1, 1))
show('date-date', md - date(2020, 1, 1))
print(calls); calls.clear()

mdt = MyDT(2020, 1, 1, 12, tzinfo=Fixed(2))
show('dt add', mdt + timedelta(hours=13))
show('dt sub', mdt - timedelta(microseconds=1))
show('dt replace', mdt.replace(fold=1))
show('dt combine', MyDT.combine(date(2021, 5, 6), time(7, 8, fold=1)))
show('dt fromiso', MyDT.fromisoformat('2021-05-06T07:08:09.5+01:00'))
show('dt fromts', MyDT.fromtimestamp(86400 * 365, timezone.utc))
show('dt astimezone', mdt.astimezone(timezone(timedelta(hours=-3))))
show('dt date', mdt.date())
show('dt diff', mdt - datetime(2020, 1, 1, tzinfo=timezone.utc))
print(calls); calls.clear()

mt = MyTime(1, 2, 3, tzinfo=Fixed(-1, 'M'))
show('time replace', mt.replace(second=9))
show('time fromiso', MyTime.fromisoformat('10:11:12.000013'))
print(mt.extra, mt.utcoffset(), mt.tzname(), mt.dst(), mt.isoformat())

values = [
    timedelta(days=-3, seconds=5, microseconds=7), date(2024, 2, 29), time(13, 14, 15, 16),
    time(1, 2, 3, 4, timezone.utc, fold=1), datetime(2024, 2, 29, 1, 2, 3, 4),
    datetime(9999, 12, 31, 23, 59, 59, 999999, fold=1), datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=-9), 'X')),
    timezone.utc, timezone(timedelta(minutes=90)), timezone(timedelta(minutes=-90), 'Y'), Fixed(3, 'T'), Plain(),
    MyDate(2000, 1, 1), MyDT(2000, 1, 1, 1, tzinfo=Fixed(1)), MyTime(5), date(2020, 1, 1).isocalendar(),
]
for v in values:
    print(repr(v) if not isinstance(v, Plain) else 'Plain()', v.__reduce__() if not isinstance(v, (tzinfo, tuple)) else '', v.__reduce_ex__(2)[:2] if not isinstance(v, tuple) else '')
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        r = pickle.loads(pickle.dumps(v, proto))
        same = r == v if not isinstance(v, tzinfo) or isinstance(v, timezone) else (type(r) is type(v) and vars(r) == vars(v))
        print(' ', proto, type(r).__name__, same, getattr(r, 'fold', '-'), getattr(r, 'tzinfo', '-'))
print(calls); calls.clear()
print(datetime(2020, 1, 1, fold=1).__reduce_ex__(4), datetime(2020, 1, 1, fold=1).__reduce_ex__(3))
print(time(fold=1).__reduce_ex__(4), time(fold=1).__reduce_ex__(2), timezone.utc.__reduce__(), timezone(timedelta(hours=1), 'a').__getinitargs__())
print(Fixed(2).__reduce__(), Plain().__reduce__()[1:])
print(date(*pickle.loads(pickle.dumps(date(2001, 2, 3))).timetuple()[:3]))
print(date(b'\x07\xd0\x01\x02'), datetime(b'\x07\xd0\x81\x02\x03\x04\x05\x00\x00\x06'), time(b'\x81\x02\x03\x00\x00\x04'), time(b'\x01\x02\x03\x00\x00\x04', timezone.utc))

for v in [date(2020, 1, 1), datetime(2020, 1, 1, 5, tzinfo=Fixed(2)), time(4, tzinfo=timezone.utc), timedelta(hours=25), timezone(timedelta(hours=2))]:
    c, dc = copy.copy(v), copy.deepcopy(v)
    print(repr(c), repr(dc), c == v, dc == v)
print(copy.replace(date(2020, 1, 31), month=2, day=29), copy.replace(time(1, 2), fold=1, hour=5), copy.replace(MyDT(2020, 1, 1), minute=9))
print(date(2020, 1, 1).__replace__(day=5), datetime(2020, 1, 1).__replace__(tzinfo=timezone.utc))

# Hashes agree with equality across zones, subclasses and folds
a = datetime(2020, 1, 1, 12, tzinfo=Fixed(2))
b = datetime(2020, 1, 1, 10, tzinfo=timezone.utc)
print(a == b, hash(a) == hash(b), len({a, b}), len({date(2020, 1, 1), MyDate(2020, 1, 1)}))
print(hash(timedelta(1)) == hash(timedelta(hours=24)), hash(time(5, tzinfo=Fixed(1))) == hash(time(4, tzinfo=timezone.utc)))
print(hash(timezone(timedelta(0), 'A')) == hash(timezone.utc), {timedelta(0): 'zero'}[timedelta()])
print(hash(datetime(2020, 1, 1, fold=1)) == hash(datetime(2020, 1, 1)), datetime(2020, 1, 1, fold=1) == datetime(2020, 1, 1))
