# Pins: collections.abc: isinstance checks of builtins, structural __subclasshook__ (Iterable/Sized/Hashable/Callable), implementing Sequence/MutableMapping/Set via mixins, abstract method errors.
import collections.abc as cabc
checks = [([], "list"), ((), "tuple"), ("", "str"), (b"", "bytes"), ({}, "dict"), (set(), "set"), (frozenset(), "frozenset"), (range(0), "range"), (iter([]), "iter"), ((x for x in []), "gen"), ({}.keys(), "keys"), ({}.items(), "items"), ({}.values(), "values"), (memoryview(b""), "mv")]
abcs = [cabc.Iterable, cabc.Iterator, cabc.Sized, cabc.Container, cabc.Collection, cabc.Sequence, cabc.MutableSequence, cabc.Mapping, cabc.MutableMapping, cabc.Set, cabc.MutableSet, cabc.Hashable, cabc.Reversible, cabc.Generator, cabc.Buffer]
print(" " * 9, [a.__name__[:6] for a in abcs])
for obj, name in checks:
    print(f"{name:9}", "".join("X" if isinstance(obj, a) else "." for a in abcs))
class OnlyIter:
    def __iter__(self): return iter([])
class OnlyLen:
    def __len__(self): return 0
print(isinstance(OnlyIter(), cabc.Iterable), isinstance(OnlyLen(), cabc.Sized), isinstance(OnlyIter(), cabc.Collection), isinstance(len, cabc.Callable), isinstance([], cabc.Hashable))
class Unhash:
    __hash__ = None
print(isinstance(Unhash(), cabc.Hashable), issubclass(list, cabc.Reversible), issubclass(dict, cabc.Reversible))
class Squares(cabc.Sequence):
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if isinstance(i, slice): return [self[j] for j in range(*i.indices(self.n))]
        if i < 0: i += self.n
        if not 0 <= i < self.n: raise IndexError(i)
        return i * i
s = Squares(6)
print(list(s), s[-1], s[1:4], 9 in s, 10 in s, s.index(16), s.count(4), list(reversed(s)), len(s))
class LowerDict(cabc.MutableMapping):
    def __init__(self, *a, **k): self._d = {}; self.update(*a, **k)
    def __getitem__(self, k): return self._d[k.lower()]
    def __setitem__(self, k, v): self._d[k.lower()] = v
    def __delitem__(self, k): del self._d[k.lower()]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
ld = LowerDict({"A": 1}, B=2)
ld["c"] = 3
print(ld["a"], ld.get("B"), ld.get("Z", 0), list(ld.keys()), list(ld.items()), "C" in ld, ld.pop("A"), ld.setdefault("d", 4), len(ld))
print(ld == {"b": 2, "c": 3, "d": 4}, ld.popitem(), dict(ld))
ld.clear(); print(len(ld))
class IntSet(cabc.Set):
    def __init__(self, it): self._s = sorted(set(it))
    def __contains__(self, x): return x in self._s
    def __iter__(self): return iter(self._s)
    def __len__(self): return len(self._s)
    def __repr__(self): return f"IntSet({self._s})"
a, b = IntSet([1, 2, 3]), IntSet([2, 3, 4])
print(a & b, a | b, a - b, a ^ b, a <= IntSet([1, 2, 3, 4]), a == IntSet([3, 2, 1]), a.isdisjoint([9]), a < a)
class Half(cabc.Mapping):
    pass
try:
    Half()
except TypeError as e:
    print("TypeError", e)
print(sorted(cabc.Sequence.__abstractmethods__), sorted(cabc.MutableMapping.__abstractmethods__))
def gen():
    yield 1
print(isinstance(gen(), cabc.Generator), isinstance(gen, cabc.Callable), issubclass(type(gen()), cabc.Iterator))
async def co(): pass
c = co()
print(isinstance(c, cabc.Coroutine), isinstance(c, cabc.Awaitable))
c.close()
print(cabc.Sequence.register(OnlyLen) is OnlyLen, isinstance(OnlyLen(), cabc.Sequence))
