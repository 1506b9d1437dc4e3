# Pins: __slots__: no instance dict, errors on unknown attributes, inheritance, __weakref__ and defaults conflicts.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
p.x = 9
print(p.x)

class Q(P):
    pass

q = Q(1, 2)
q.anything = 1
print(hasattr(q, "__dict__"), q.anything)

class R(P):
    __slots__ = ("z",)

r = R(1, 2)
r.z = 3
print(r.x, r.y, r.z, hasattr(r, "__dict__"))

class WithDict:
    __slots__ = ("a", "__dict__")

w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)

try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)

class Single:
    __slots__ = "only"

s = Single()
s.only = "one"
print(s.only, Single.__slots__)

import weakref
try:
    weakref.ref(p)
except TypeError as e:
    print("TypeError:", e)

class Weak:
    __slots__ = ("__weakref__",)

print(weakref.ref(Weak())() is None)

class Empty:
    __slots__ = ()

try:
    Empty().a = 1
except AttributeError as e:
    print("AttributeError:", e)
print(type(P.x).__name__, P.x.__name__)
try:
    class BadSlot:
        __slots__ = ("ok", 3)
except TypeError as e:
    print("TypeError:", e)
