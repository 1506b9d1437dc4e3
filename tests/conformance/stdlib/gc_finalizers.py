# Pins: PEP 442 on cycles: __del__ runs once per object in a collected cycle, resurrection keeps the object (and __del__ is not run again), is_finalized, weakrefs to cycle members are cleared before __del__, callbacks run only for reachable weakrefs, gc.callbacks start/stop info, DEBUG_SAVEALL fills gc.garbage.
import gc, weakref
gc.collect()
log = []
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append(("del", self.name))
a = D("a"); b = D("b"); a.peer = b; b.peer = a
del a, b
n = gc.collect()
print(n, sorted(log))
log.clear()
saved = []
class R:
    def __del__(self):
        log.append("R.__del__")
        saved.append(self)
r = R(); r.me = r
wr = weakref.ref(r)
del r
print("collect", gc.collect(), log, len(saved), wr())
print("finalized", gc.is_finalized(saved[0]))
del saved[0]
print("again", gc.collect(), log)
class W:
    pass
w = W(); w.me = w
calls = []
ref_cb = weakref.ref(w, lambda ref: calls.append("reachable weakref callback"))
w2 = W(); w2.me = w2
w2.ref = weakref.ref(w2, lambda ref: calls.append("unreachable weakref callback"))
del w, w2
print(gc.collect() >= 2, calls, ref_cb())
class Watch:
    def __del__(self):
        print("__del__ sees weakref dead:", self.wr() is None)
o = Watch(); o.self = o; o.wr = weakref.ref(o)
del o
gc.collect()
events = []
def cb(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"]))
gc.callbacks.append(cb)
c = []; c.append(c)
del c
gc.collect()
gc.collect(1)
gc.callbacks.remove(cb)
print(events)
gc.set_debug(gc.DEBUG_SAVEALL)
g = []; g.append(g)
del g
print(gc.collect(), len(gc.garbage), type(gc.garbage[0]).__name__)
gc.set_debug(0)
gc.garbage.clear()
def gen(box):
    try:
        yield 1
    finally:
        print("generator finally ran")
box = []
it = gen(box); next(it); box.append(it)
del it, box
print("generator cycle", gc.collect())
