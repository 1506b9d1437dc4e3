# Pins: weakref: ref callbacks, WeakValueDictionary/WeakKeyDictionary/WeakSet removal on del, finalize (alive, detach, atexit), WeakMethod, proxy errors, getweakrefcount, unweakrefable builtins.
import weakref, gc
class Obj:
    def __init__(self, name): self.name = name
    def meth(self): return f"meth of {self.name}"
    def __repr__(self): return f"Obj({self.name})"
events = []
a = Obj("a")
r = weakref.ref(a, lambda ref: events.append("callback, dead=%s" % (ref() is None)))
print(r() is a, r().name, weakref.getweakrefcount(a), len(weakref.getweakrefs(a)))
del a; gc.collect()
print(r(), events)
wvd = weakref.WeakValueDictionary()
x, y = Obj("x"), Obj("y")
wvd["x"] = x; wvd["y"] = y
print(sorted(wvd.keys()), len(wvd))
del x; gc.collect()
print(sorted(wvd.keys()), wvd.get("x"), "y" in wvd)
wkd = weakref.WeakKeyDictionary()
k1, k2 = Obj("k1"), Obj("k2")
wkd[k1] = 1; wkd[k2] = 2
del k1; gc.collect()
print(list(wkd.values()), len(wkd))
ws = weakref.WeakSet()
s1, s2 = Obj("s1"), Obj("s2")
ws.add(s1); ws.add(s2)
del s2; gc.collect()
print(list(ws), len(ws), s1 in ws)
o = Obj("fin")
f = weakref.finalize(o, events.append, "finalized fin")
print(f.alive, f.atexit)
del o; gc.collect()
print(f.alive, events[-1])
o2 = Obj("detach")
f2 = weakref.finalize(o2, events.append, "should not run")
print(f2.detach()[2:], f2.alive)
del o2; gc.collect()
print(events[-1])
o3 = Obj("call")
f3 = weakref.finalize(o3, lambda: "returned")
print(f3(), f3(), f3.alive)
m = Obj("m")
wm = weakref.WeakMethod(m.meth)
print(wm()(), type(wm).__name__)
del m; gc.collect()
print(wm())
p_target = Obj("proxied")
p = weakref.proxy(p_target)
print(p.name, p.meth(), repr(type(p).__name__))
del p_target; gc.collect()
try:
    p.name
except ReferenceError as e:
    print("ReferenceError", e)
for val in [1, "s", (1,), [1], {}]:
    try:
        weakref.ref(val)
        print(type(val).__name__, "weakrefable")
    except TypeError as e:
        print(type(val).__name__, "TypeError", e)
class Slotted:
    __slots__ = ("v",)
class SlottedWR:
    __slots__ = ("v", "__weakref__")
for cls in (Slotted, SlottedWR):
    try:
        weakref.ref(cls()); print(cls.__name__, "ok")
    except TypeError as e:
        print(cls.__name__, "TypeError", e)
z = Obj("z")
r1 = weakref.ref(z); r2 = weakref.ref(z)
print(r1 == r2, r1 is r2, hash(r1) == hash(z) if False else "", weakref.ref(z, lambda _: None) is r1)
def f(): pass
print(weakref.ref(f)() is f, weakref.ref(Obj)() is Obj)
