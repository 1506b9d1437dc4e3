# Pins: pickle round trips across protocols for builtins, nested/shared/recursive structures, user classes, __reduce__/__getstate__/__setstate__, and errors.
import pickle
from collections import OrderedDict, namedtuple
from fractions import Fraction
from decimal import Decimal
import datetime
P = namedtuple("P", "x y")
class User:
    def __init__(self, name, tags):
        self.name = name
        self.tags = tags
    def __eq__(self, o):
        return vars(self) == vars(o)
class Stateful:
    def __init__(self):
        self.a = 1
        self.cache = "transient"
    def __getstate__(self):
        s = self.__dict__.copy()
        del s["cache"]
        return s
    def __setstate__(self, s):
        self.__dict__.update(s)
        self.cache = "rebuilt"
class Reduced:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        return (Reduced, (self.v + 1,))
values = [None, True, 0, -1, 2 ** 100, 1.5, float("inf"), 1j, "str é", b"\x00bytes", bytearray(b"ba"), (1, (2,)), [1, [2]], {"k": {1, 2}},
          frozenset([3]), OrderedDict(a=1), P(1, 2), Fraction(1, 3), Decimal("1.10"), datetime.date(2024, 1, 2), range(1, 5, 2), slice(1, 2), ..., NotImplemented, User("ann", ["x"])]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    ok = all(pickle.loads(pickle.dumps(v, protocol=proto)) == v for v in values)
    print("protocol", proto, ok)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
shared = [1]
data = [shared, shared]
back = pickle.loads(pickle.dumps(data))
print(back, back[0] is back[1])
rec = [1]
rec.append(rec)
rb = pickle.loads(pickle.dumps(rec))
print(rb, rb[1] is rb)
s = pickle.loads(pickle.dumps(Stateful()))
print(s.a, s.cache)
print(pickle.loads(pickle.dumps(Reduced(1))).v)
print(pickle.dumps(None, protocol=0), pickle.dumps(1, protocol=2), pickle.dumps("a", protocol=4), pickle.dumps((1, 2), protocol=3))
for bad in [lambda: pickle.dumps(lambda: 0), lambda: pickle.loads(b"garbage"), lambda: pickle.dumps(iter([])), lambda: pickle.loads(b"")]:
    try:
        bad()
    except (pickle.PicklingError, pickle.UnpicklingError, TypeError, AttributeError, EOFError) as e:
        print(type(e).__name__)
import io
buf = io.BytesIO()
pickle.dump({"x": 1}, buf)
pickle.dump([2], buf)
buf.seek(0)
print(pickle.load(buf), pickle.load(buf))
print(pickle.loads(pickle.dumps(print)) is print, pickle.loads(pickle.dumps(User)) is User, pickle.loads(pickle.dumps(int)) is int)
