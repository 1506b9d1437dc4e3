# Pins: gc: collect() reclaiming reference cycles (observed via weakref/__del__), enable/disable/isenabled, get_referents/get_referrers on known objects, is_tracked, freeze counts, callbacks phases, garbage list empty.
import gc, weakref
class Node:
    def __init__(self, name): self.name = name; self.other = None
deleted = []
class Fin:
    def __init__(self, n): self.n = n
    def __del__(self): deleted.append(self.n)
a, b = Node("a"), Node("b")
a.other, b.other = b, a
wa = weakref.ref(a)
del a, b
n = gc.collect()
print(wa() is None, n >= 2)
f1, f2 = Fin(1), Fin(2)
f1.peer, f2.peer = f2, f1
del f1, f2
gc.collect()
print(sorted(deleted), gc.garbage)
print(gc.isenabled())
gc.disable(); print(gc.isenabled())
gc.enable(); print(gc.isenabled())
lst = [1, "x", (2, 3)]
refs = gc.get_referents(lst)
print(len(refs), 1 in refs, "x" in refs)
holder = {"key": lst}
print(any(r is holder for r in gc.get_referrers(lst)))
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked(Node("x")))
print(gc.is_finalized(Node("y")) if hasattr(gc, "is_finalized") else False)
phases = []
def cb(phase, info):
    phases.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(phases[0][0], phases[-1][0], phases[0][1])
print(len(gc.get_threshold()), isinstance(gc.get_count(), tuple), gc.get_freeze_count() >= 0)
old = gc.get_threshold()
gc.set_threshold(500, 5, 5)
print(gc.get_threshold()[0])
gc.set_threshold(*old)
def make_cycle_list(k):
    out = []
    for i in range(k):
        x = []
        x.append(x)
        out.append(weakref.ref(Node(str(i))))
    return out
refs2 = make_cycle_list(5)
gc.collect()
print(all(r() is None for r in refs2))
class Resurrect:
    saved = []
    def __del__(self):
        Resurrect.saved.append(self)
r = Resurrect(); r.self = r
del r
gc.collect()
print(len(Resurrect.saved), type(Resurrect.saved[0]).__name__)
stats = gc.get_stats()
print(type(stats).__name__, len(stats) >= 3, sorted(stats[0]))
print(gc.collect(0) >= 0, gc.collect(2) >= 0)
try:
    gc.collect(5)
except ValueError as e:
    print("ValueError", e)
print(gc.DEBUG_LEAK == (gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL), gc.get_debug())
