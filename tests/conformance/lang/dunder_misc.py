# Pins: attribute-access dunders, __call__, __str__/__repr__/__format__, __hash__, __int__/__float__/__complex__/__round__, __enter__ on class.
class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError(f"no {name}")
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)

d = Dyn()
print(d.real, d.auto_thing)
try:
    d.other
except AttributeError as e:
    print("AttributeError:", e)
del d.real
print(getattr(d, "nope", "dflt"))

class Spy:
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    x = 5
print(Spy().secret, Spy().x)

class Fn:
    def __call__(self, *a, **k):
        return ("called", a, k)
print(Fn()(1, b=2), callable(Fn()), callable(Fn), callable(3))

class Fmt:
    def __str__(self):
        return "str!"
    def __repr__(self):
        return "repr!"
    def __format__(self, spec):
        return f"format[{spec}]"
f = Fmt()
print(f, str(f), repr(f), [f], f"{f}", f"{f!r}", f"{f!s}", f"{f:>10}", format(f, "x"))
class OnlyRepr:
    def __repr__(self):
        return "only-repr"
print(str(OnlyRepr()), f"{OnlyRepr()}")
try:
    format(object(), "d")
except TypeError as e:
    print("TypeError:", e)

class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __complex__(self): return 1j
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return 3
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
    def __index__(self): return 4
import math
n = Num()
print(int(n), float(n), complex(n), round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n))
print(hex(n), [0, 1, 2, 3, 4, 5][n], range(10)[n])

class Hashy:
    def __hash__(self):
        return 12345
print(hash(Hashy()))
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)

class Dir:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(Dir()))
class SizeOf:
    def __sizeof__(self):
        return 99
import sys
print(sys.getsizeof(SizeOf()) >= 99)
class Inst(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class Chk(metaclass=Inst): pass
print(isinstance("magic", Chk), isinstance(1, Chk), issubclass(int, Chk), issubclass(str, Chk))
class NewInit:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)
    def __init__(self, *a):
        print("init", a)
NewInit(1, 2)
class NotMine:
    def __new__(cls):
        return 42
print(NotMine())
