# Pins: iter() forms: sequence protocol via __getitem__ (IndexError stop), iter(callable, sentinel), __iter__ returning non-iterator error, iterator exhaustion, __next__-only objects not iterable, length_hint, `in` via __iter__ and __getitem__ fallbacks.
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), 5 in Seq(), list(iter(Seq())), sorted(Seq(), reverse=True))
class KeyErrSeq:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErrSeq())
except KeyError as e:
    print("KeyError propagates", e)
vals = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(vals), 0)))
lines = iter(["a", "b", "", "c"])
print(list(iter(lines.__next__, "")))
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError", e)
class OnlyNext:
    def __next__(self): return 1
try:
    iter(OnlyNext())
except TypeError as e:
    print("TypeError", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
try:
    iter(lambda: 1, 1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError", e)
class CountDown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
cd = CountDown(3)
print(list(cd), list(cd), iter(cd) is cd)
class Contains:
    def __contains__(self, x): return x == "magic"
    def __iter__(self): return iter(["not used"])
print("magic" in Contains(), "not used" in Contains(), "other" not in Contains())
class IterOnly:
    def __iter__(self): yield from [1, 2, 3]
print(2 in IterOnly(), 7 in IterOnly(), list(IterOnly()), sum(IterOnly()), max(IterOnly()))
import operator
class Hinted:
    def __length_hint__(self): return 42
    def __iter__(self): return iter([])
print(operator.length_hint(Hinted()), operator.length_hint(iter(range(7))), operator.length_hint([1, 2]))
it = iter(range(3))
print(next(it), list(it), next(it, "exhausted"))
s = "abc"
it2 = iter(s)
s = "changed"
print(list(it2))
d = {"a": 1}
di = iter(d)
print(next(di), type(di).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter(range(1))).__name__, type(iter("")).__name__, type(iter(set())).__name__)
class Callable_:
    def __init__(self): self.i = 0
    def __call__(self):
        self.i += 1
        return self.i
print(list(iter(Callable_(), 4)), callable(Callable_()), callable(Callable_))
def gen():
    yield 1
g = gen()
print(iter(g) is g, hasattr(g, "__next__"), list(zip(g, "x")))
