# Pins: defaultdict (factories, __missing__, get vs [] semantics, repr, copy) and namedtuple (fields, defaults, _make/_asdict/_replace, rename, module, errors, subclassing).
from collections import defaultdict, namedtuple
import copy, pickle
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd.default_factory)
print(dd.get("zz"), "zz" in dd, dd["zz"], "zz" in dd)
cnt = defaultdict(int)
for ch in "banana":
    cnt[ch] += 1
print(sorted(cnt.items()), repr(defaultdict(None, {1: 2})))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print({k: dict(v) for k, v in nested.items()})
n = defaultdict()
try:
    n["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)
c = copy.copy(dd)
print(c == dd, c.default_factory is list, type(dd | {"q": 1}).__name__, (dd | {"q": 1}).default_factory)
print(dd.__missing__("new"), dd["new"])
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], p._fields, p._asdict(), p._replace(x=10), Point._make([5, 6]), len(p), p == (1, 2))
x, y = p
print(x, y, p + (3,), p * 2, hash(p) == hash((1, 2)))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 1])
print(P3(9), P3(9, 8), P3._field_defaults, P3.__doc__)
R = namedtuple("R", "ok def class _x ok", rename=True)
print(R._fields)
for bad in [("A", "x x"), ("A", "def"), ("1A", "x"), ("A", "_x")]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print("ValueError", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    p._replace(z=1)
except TypeError as e:
    print("TypeError", e)
class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()
    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
v = Vec(3, 4) + Vec(0, 0)
print(v, v.norm, type(v).__name__, isinstance(v, tuple))
print(pickle.loads(pickle.dumps(p)) == p, copy.deepcopy(p), Point.__module__ == __name__)
M = namedtuple("M", "a b", module="custom")
print(M.__module__, repr(M(1, 2)), M.__name__, Point.x.__doc__)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(0, 9), Point(1, 0)))
