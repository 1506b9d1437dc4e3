# Pins: the '__dict__' and '__weakref__' getset descriptors a class statement adds (and when it does not: __slots__, bases that already have them, int/tuple/exception bases), their __get__/__set__/__delete__ and errors, instance __dict__ replacement/deletion, __weakref__ values, __objclass__, copyreg's cached __slotnames__ and object.__getstate__ with slots.
import weakref, inspect, copy
class A:
    pass
a = A()
a.x = 1
a.__dict__ = {"y": 2}
print(a.__dict__, vars(a), hasattr(a, "x"))
del a.__dict__
print("after del", a.__dict__)
try:
    a.__dict__ = 5
except TypeError as e:
    print("TypeError", e)
print(a.__weakref__)
r = weakref.ref(a)
print(a.__weakref__ is r)
def has(cls):
    return "__dict__" in cls.__dict__, "__weakref__" in cls.__dict__
class S:
    __slots__ = ("q",)
class SD:
    __slots__ = ("q", "__dict__")
class SW:
    __slots__ = ("__weakref__",)
class B(A):
    pass
class FromSlots(S):
    pass
class I(int):
    pass
class T(tuple):
    pass
class E(Exception):
    pass
class L(list):
    pass
class M(type):
    pass
class M2(M):
    pass
for cls in (A, S, SD, SW, B, FromSlots, I, T, E, L, M, M2):
    print(cls.__name__, *has(cls))
d = A.__dict__["__dict__"]
w = A.__dict__["__weakref__"]
print(d, type(d).__name__, d.__name__, d.__qualname__, d.__objclass__ is A, w.__objclass__ is A)
print(d.__get__(a), d.__get__(None, A) is d, w.__get__(a) is r)
d.__set__(a, {"z": 3})
print(a.z, vars(a))
d.__delete__(a)
print(vars(a))
for bad in (lambda: d.__get__(1), lambda: d.__set__(1, {}), lambda: w.__get__("s"), lambda: w.__set__(a, None)):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(B.__dict__.get("__dict__"), B().__dict__, "__dict__" in dir(B()), "__weakref__" in dir(B()))
print(inspect.getattr_static(a, "__dict__") is d, inspect.getattr_static(B(), "z", "none"))
print(sorted(vars(type("Dyn", (), {"a": 1}))))
class Slotted:
    __slots__ = ("p", "__q")
    def __init__(self):
        self.p = 1
        self.__q = 2
s = Slotted()
print(s.__getstate__(), Slotted.__slotnames__)
class Plain:
    pass
pl = Plain()
print(pl.__getstate__(), Plain.__dict__.get("__slotnames__"))
pl.k = "v"
print(pl.__getstate__(), copy.copy(pl).k)
class Mixed(Slotted):
    def __init__(self):
        super().__init__()
        self.extra = 3
print(sorted(Mixed.__dict__), Mixed().__getstate__(), Mixed.__slotnames__)
