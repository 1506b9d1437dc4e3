# Pins: attribute loads, stores and instantiations at one call site stay right when the
# class changes under them (Spindle caches each site's resolution per type): methods
# shadowed by instance attributes, class constants, properties and descriptors added
# later, __getattr__ fallbacks, __class__ assignment, __dict__ replacement,
# polymorphic sites, and __init__/__new__ replaced between calls.

class P:
    k = 10
    def __init__(self, x):
        self.x = x
    def m(self):
        return "m", self.x

def read_x(o):
    return o.x

def read_k(o):
    return o.k

def call_m(o):
    return o.m()

def set_y(o, v):
    o.y = v

ps = [P(i) for i in range(3)]
print([read_x(p) for p in ps], [read_k(p) for p in ps], [call_m(p) for p in ps])

# An instance attribute shadows the method and the class constant.
ps[1].m = lambda: "shadow"
ps[2].k = 99
print([call_m(p) for p in ps], [read_k(p) for p in ps])

# Replacing the method and the constant on the class.
P.m = lambda self: ("new m", self.x)
P.k = 11
print([call_m(p) for p in ps], [read_k(p) for p in ps])
del ps[1].m
print(call_m(ps[1]))

# A property added later takes precedence over the instance dict.
for p in ps:
    set_y(p, 1)
print([p.y for p in ps])
P.y = property(lambda self: "prop", lambda self, v: print("setter", v))
set_y(ps[0], 5)
print([p.y for p in ps], ps[0].__dict__)
del P.y
print([p.y for p in ps])

# __getattr__ answers only what the dict lacks.
class G:
    def __init__(self):
        self.a = 1
    def __getattr__(self, name):
        return "missing " + name
def read_a(o):
    return o.a
g = G()
print(read_a(g), read_a(g))
del g.a
print(read_a(g))

# One site, several types.
class Q:
    def __init__(self):
        self.x = "q"
class S:
    __slots__ = ("x",)
    def __init__(self):
        self.x = "slot"
class D:
    @property
    def x(self):
        return "descr"
for o in [P(7), Q(), S(), D(), P(8), Q()]:
    print(read_x(o), end=" ")
print()

# __class__ assignment and __dict__ replacement.
q = Q()
print(read_x(q))
q.__class__ = P
print(read_x(q), read_k(q))
q.__dict__ = {"x": "replaced"}
print(read_x(q))
try:
    read_x(object.__new__(Q))
except AttributeError as e:
    print("AttributeError", e)

# __setattr__ added later, then removed.
r = Q()
set_y(r, 1)
Q.__setattr__ = lambda self, n, v: print("hooked", n, v)
set_y(r, 2)
del Q.__setattr__
set_y(r, 3)
print(r.y)

# A data descriptor with __set__ added later.
class Rec:
    def __set__(self, obj, v):
        print("Rec.__set__", v)
    def __get__(self, obj, t):
        return "Rec.__get__"
Q.y = Rec()
set_y(r, 4)
print(r.y)

# Instantiation sites: __init__ replaced, __new__ added, abstract later.
class N:
    def __init__(self, v):
        self.v = v
def make(v):
    return N(v)
print(make(1).v, make(2).v)
def init2(self, v):
    self.v = v * 100
N.__init__ = init2
print(make(3).v)
def new(cls, v):
    print("new", v)
    return object.__new__(cls)
N.__new__ = new
print(make(4).v)
N.__init__ = lambda self, v: 42
try:
    make(6)
except TypeError as e:
    print("TypeError", e)
N.__abstractmethods__ = frozenset({"f"})
try:
    make(7)
except TypeError as e:
    print("TypeError", e)
del N.__abstractmethods__
N.__init__ = lambda self, v: None
print(type(make(8)).__name__)

# Many attributes (past the small-dict size) in varying order.
class Many:
    def __init__(self, order):
        for name in order:
            setattr(self, name, name.upper())
names = [chr(ord("a") + i) for i in range(12)]
m1 = Many(names)
m2 = Many(list(reversed(names)))
def read_all(o):
    return o.a + o.b + o.c + o.d + o.e + o.f + o.g + o.h + o.i + o.j + o.k + o.l
print(read_all(m1), read_all(m2), list(m2.__dict__)[:3])
for n in names[::2]:
    delattr(m1, n)
m1.a = "again"
print(list(m1.__dict__), m1.a, m1.b)

# __dict__ assignment rules.
for bad in (5, None):
    try:
        q.__dict__ = bad
    except TypeError as e:
        print("TypeError", e)
print(read_x(q), q.__dict__)
del q.__dict__
print(q.__dict__)
try:
    read_x(q)
except AttributeError as e:
    print("AttributeError", e)
