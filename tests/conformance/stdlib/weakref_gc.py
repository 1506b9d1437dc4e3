# Pins: weakref (ref, callbacks, proxy, WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize, WeakMethod) and gc collecting cycles with deterministic prints.
import weakref, gc
class Obj:
    def __init__(self, name):
        self.name = name
    def method(self):
        return self.name
    def __repr__(self):
        return f"Obj({self.name})"
o = Obj("a")
r = weakref.ref(o, lambda ref: print("callback fired", ref() is None))
print(r() is o, r().name, weakref.getweakrefcount(o))
del o
gc.collect()
print(r(), r() is None)
p_target = Obj("p")
p = weakref.proxy(p_target)
print(p.name, p.method())
del p_target
gc.collect()
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)
wvd = weakref.WeakValueDictionary()
keep = Obj("kept")
tmp = Obj("temp")
wvd["k"] = keep
wvd["t"] = tmp
del tmp
gc.collect()
print(sorted(wvd.keys()), wvd.get("t"))
wkd = weakref.WeakKeyDictionary()
k1 = Obj("key")
wkd[k1] = "value"
print(len(wkd), wkd[k1])
del k1
gc.collect()
print(len(wkd))
ws = weakref.WeakSet()
a, b = Obj("x"), Obj("y")
ws.add(a); ws.add(b)
del a
gc.collect()
print(len(ws), [x.name for x in ws])
target = Obj("fin")
fin = weakref.finalize(target, print, "finalizer ran for", "fin")
print(fin.alive)
del target
gc.collect()
print(fin.alive)
m_obj = Obj("m")
wm = weakref.WeakMethod(m_obj.method)
print(wm()())
del m_obj
gc.collect()
print(wm())
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("__del__", self.name)
x, y = Node("x"), Node("y")
x.other, y.other = y, x
wx = weakref.ref(x)
del x, y
print("before collect", wx() is not None)
n = gc.collect()
print("collected something", n > 0, wx())
print(gc.isenabled(), isinstance(gc.get_threshold(), tuple), gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked({}), gc.is_tracked("s"))
gc.disable()
print(gc.isenabled())
gc.enable()
try:
    weakref.ref(1)
except TypeError as e:
    print("TypeError:", e)
print(type(weakref.ref(Obj("q"))).__name__, weakref.ref(keep) == weakref.ref(keep), hash(weakref.ref(keep)) == hash(keep))
