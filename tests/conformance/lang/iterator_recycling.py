# Iterators and ranges are made and freed at a high rate (one per `for`);
# their memory is recycled. Reuse must never leak state between objects or
# hide one from the collector.
import gc

# Each new iterator starts fresh, whatever the last one of its kind did.
data = [1, 2, 3]
for round_ in range(3):
    it = iter(data)
    print(round_, next(it), list(it), list(it))
    del it

# Kinds that share one layout, made and dropped alternately.
out = []
for i in range(200):
    r = range(i % 5)
    out.append((sum(r), len(r), list(iter(r)), list(enumerate("ab")), list(zip(r, r)),
                list(reversed([i, i + 1])), next(iter((i,))), list(iter({i: 0}))))
print(out[0], out[7], out[199])

# Tracked by the collector when alive, whether its memory is new or reused.
for i in range(3):
    it = iter([object()])
    print(gc.is_tracked(it), type(it).__name__)
    del it

# Iterators in reference cycles are collected; their memory goes back for reuse.
class Node:
    pass

for i in range(50):
    lst = []
    it = iter(lst)
    lst.append(it)
    n = Node()
    n.it = map(lambda x: x, [n])
    del lst, it, n
print(gc.collect() > 0)
print([x * 2 for x in iter([1, 2, 3])])

# A chain of iterators wrapping iterators, freed at once.
it = iter(range(3))
for _ in range(2000):
    it = map(int, it)
print(list(it))
del it

# Subclasses of the builtin iterator types are not recycled as builtins.
class E(enumerate):
    pass

for i in range(3):
    e = E("xy", start=i)
    e.extra = i
    print(type(e).__name__, list(e), e.extra)
    del e

# A weak reference to a range's iterator would keep it out of reuse (builtins reject them).
import weakref
try:
    weakref.ref(iter([]))
except TypeError as exc:
    print("TypeError:", exc)
for make in (lambda: iter(()), lambda: iter(range(3)), lambda: range(3), lambda: enumerate([]),
             lambda: zip(), lambda: map(abs, []), lambda: filter(None, []), lambda: reversed([]),
             lambda: iter({}), lambda: iter({1}), lambda: iter("s")):
    try:
        weakref.ref(make())
        print("ok")
    except TypeError as exc:
        print("TypeError:", exc)
