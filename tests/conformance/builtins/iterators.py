# Pins: the iterator protocol across builtins: iter() identity, exhaustion, iterator types, sentinel iteration, and length hints.
l = [1, 2, 3]
it = iter(l)
print(iter(it) is it, next(it), list(it), list(it), next(it, None))
for obj in ["ab", (1,), {1: 2}, {3}, frozenset([4]), range(2), b"x", bytearray(b"y"), {1: 2}.items(), {1: 2}.values(), reversed([1]), enumerate([]), zip(), map(str, []), filter(None, [])]:
    i = iter(obj)
    print(type(i).__name__, list(i))
d = {"a": 1, "b": 2}
ki = iter(d)
print(next(ki))
d["c"] = 3
try:
    next(ki)
except RuntimeError as e:
    print("RuntimeError:", e)
import operator
print(operator.length_hint(iter([1, 2, 3])), operator.length_hint(iter(range(10))), operator.length_hint(reversed([1, 2])))
it = iter([1, 2, 3])
next(it)
print(operator.length_hint(it))
class Seq:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError(i)
        return i
s = iter(Seq())
print(type(s).__name__, list(s))
it2 = iter([1, 2])
print(it2.__length_hint__(), it2.__next__(), it2.__reduce__()[0].__name__)
with open(__file__) as f:
    print(iter(f) is f, next(f).startswith("# Pins"))
def g():
    yield 1
gi = g()
print(iter(gi) is gi, list(gi), list(gi))
class CountDown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        self.n -= 1
        if self.n < 0:
            raise StopIteration
        return self.n
c = CountDown(3)
print(list(c), list(c), sum(CountDown(5)), max(CountDown(4)), sorted(CountDown(3)))
print(list(zip(CountDown(3), "abc")), dict(zip("xy", CountDown(9))))
z = zip([1, 2, 3], [4])
print(list(z), list(z))
lst = [1, 2, 3, 4]
it = iter(lst)
for x in it:
    if x == 2:
        lst.clear()
print("after clear", list(it))
ri = reversed([1, 2, 3])
print(next(ri), list(ri))
print(list(iter(iter(iter([7])))))
