# Pins: copy module: shallow vs deep copy of nested containers, memo handling of shared/recursive refs, __copy__/__deepcopy__ hooks, __reduce_ex__/__getstate__/__setstate__ paths, copy.replace, uncopyable objects.
import copy
orig = {"a": [1, 2, {"x": 3}], "b": (4, [5])}
sh = copy.copy(orig); dp = copy.deepcopy(orig)
orig["a"][2]["x"] = 99; orig["b"][1].append(6)
print(sh, dp)
shared = [1]
pair = [shared, shared]
dp2 = copy.deepcopy(pair)
print(dp2[0] is dp2[1], dp2[0] is shared)
rec = [1]; rec.append(rec)
r2 = copy.deepcopy(rec)
print(r2[1] is r2, r2 is not rec)
t = (1, 2, "s")
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
fs = frozenset([1, 2])
print(copy.copy(fs) is fs, copy.copy("str") == "str", copy.deepcopy(5) == 5)
class Tracked:
    def __init__(self, v): self.v = v
    def __copy__(self):
        print("__copy__ called")
        return Tracked(self.v)
    def __deepcopy__(self, memo):
        print("__deepcopy__ called, memo is dict:", isinstance(memo, dict))
        return Tracked(copy.deepcopy(self.v, memo))
x = Tracked([1, 2])
y = copy.copy(x); z = copy.deepcopy(x)
print(y.v is x.v, z.v is x.v, z.v == x.v)
class WithState:
    def __init__(self):
        self.data = [1]; self.cache = "big"
    def __getstate__(self):
        s = self.__dict__.copy(); del s["cache"]; return s
    def __setstate__(self, s):
        self.__dict__.update(s); self.cache = "rebuilt"
w = copy.deepcopy(WithState())
print(w.data, w.cache, copy.copy(WithState()).cache)
class Slots:
    __slots__ = ("a", "b")
    def __init__(self): self.a = [1]; self.b = 2
s = copy.deepcopy(Slots())
print(s.a, s.b)
class Plain:
    def __init__(self): self.items = [1, 2]
p = Plain(); q = copy.copy(p); r = copy.deepcopy(p)
print(q.items is p.items, r.items is p.items, type(q).__name__)
import collections
Pt = collections.namedtuple("Pt", "x y")
print(copy.replace(Pt(1, 2), y=5))
import dataclasses
@dataclasses.dataclass(frozen=True)
class DC:
    a: int
    b: str = "b"
print(copy.replace(DC(1), b="z"))
try:
    copy.replace([1, 2], x=1)
except TypeError as e:
    print("TypeError", e)
def gen():
    yield 1
try:
    copy.deepcopy(gen())
except TypeError as e:
    print("TypeError", e)
print(copy.copy(len) is len, copy.deepcopy(Plain) is Plain, copy.copy(None), copy.deepcopy(range(3)))
d = collections.defaultdict(list, {"k": [1]})
dd = copy.deepcopy(d)
dd["k"].append(2)
print(d, dd, dd.default_factory)
lst = [[0] * 2] * 2
c = copy.deepcopy(lst)
c[0][0] = 1
print(c, c[0] is c[1])
try:
    copy.copy(iter([]))
    print("copied iterator")
except TypeError as e:
    print("TypeError", e)
print(copy.Error is copy.error, issubclass(copy.Error, Exception))
