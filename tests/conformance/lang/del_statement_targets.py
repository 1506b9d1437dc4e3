# Pins: del statement targets: names (then NameError), list items/slices, dict keys (KeyError), attributes (AttributeError), tuple of targets, del in nested scopes (global/nonlocal), __delitem__/__delattr__ hooks, del of loop variable, del on unbound local.
x = 1
del x
try:
    x
except NameError as e:
    print("NameError", e)
L = list(range(8))
del L[0], L[-1]
del L[1:3]
print(L)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["c"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
class O: pass
o = O(); o.attr = 1; o.other = 2
del o.attr
print(vars(o))
try:
    del o.attr
except AttributeError as e:
    print("AttributeError", e)
a, b, c = 1, 2, 3
del (a, b), [c]
print([n for n in ("a", "b", "c") if n in globals()])
g = "global"
def kill_global():
    global g
    del g
kill_global()
print("g" in globals())
def outer():
    v = 1
    def inner():
        nonlocal v
        del v
    inner()
    try:
        return v
    except NameError as e:
        return f"NameError {e}"
print(outer())
def unbound():
    try:
        del never_bound
    except NameError as e:
        return f"{type(e).__name__} {e}"
    never_bound = 1
print(unbound())
class Hooks:
    def __delitem__(self, k): print("delitem", k)
    def __delattr__(self, n): print("delattr", n)
h = Hooks()
del h[1:2], h["k"], h.anything
for i in range(3):
    pass
del i
print("i" in dir())
nested = {"k": [1, {"inner": 2, "keep": 3}]}
del nested["k"][1]["inner"]
print(nested)
try:
    del (1, 2)[0]
except TypeError as e:
    print("TypeError", e)
try:
    del "abc"[0]
except TypeError as e:
    print("TypeError", e)
s = {1, 2}
try:
    del s[0]
except TypeError as e:
    print("TypeError", e)
class Slotted:
    __slots__ = ("v",)
sl = Slotted(); sl.v = 1
del sl.v
try:
    sl.v
except AttributeError as e:
    print("AttributeError", e)
import math
del math
try:
    math.pi
except NameError as e:
    print("NameError", e)
import math as m2
print(m2.floor(2.5))
