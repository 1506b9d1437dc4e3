# Pins: gc.collect() counts of unreachable cycles (lists, dicts, instances, functions, self-references), nothing for acyclic garbage, get_count/get_stats after collect, is_tracked, get_referents/get_referrers, freeze counts.
import gc
gc.collect()
a = []; b = [a]; a.append(b)
del a, b
print("list pair", gc.collect())
d = {}; d["self"] = d
del d
print("self dict", gc.collect())
class Node:
    pass
x = Node(); y = Node(); x.other = y; y.other = x
del x, y
print("instance pair", gc.collect())
def f(): pass
f.me = f
del f
print("function", gc.collect())
ring = [[] for _ in range(10)]
for i in range(10):
    ring[i].append(ring[(i + 1) % 10])
del ring, i
print("ring of 10", gc.collect())
t = []
t.append((t,))
del t
print("list in tuple", gc.collect())
acyclic = [[1], [2], {"k": [3]}]
del acyclic
print("acyclic", gc.collect())
keep = []; keep.append(keep)
print("reachable", gc.collect())
print(gc.get_count())
s = gc.get_stats()
print(len(s), sorted(s[2]), s[2]["collections"] >= 8)
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked(Node()), gc.is_tracked((1, 2)), gc.is_tracked(([],)), gc.is_tracked(None))
print(gc.get_referents([1, "a", 2.5]), gc.get_referents(1), gc.get_referents("abc"))
holder = [keep]
print(any(r is holder for r in gc.get_referrers(keep)), any(r is keep for r in gc.get_referrers(keep)))
print(gc.get_freeze_count())
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.isenabled(), gc.get_threshold())
gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled())
old = gc.get_threshold()
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError:", e)
try:
    gc.get_objects(5)
except ValueError as e:
    print("ValueError:", e)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
