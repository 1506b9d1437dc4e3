# Pins: getattr/setattr/delattr/hasattr with defaults, __getattr__ fallbacks, property errors, hasattr swallowing only AttributeError, vars()/dir() results for instances/classes/modules, callable(), isinstance/issubclass with tuples and unions, id-free identity.
class A:
    cls_attr = "C"
    def __init__(self): self.x = 1
    @property
    def ro(self): return "ro"
    @property
    def boom(self): raise ValueError("prop failed")
a = A()
print(getattr(a, "x"), getattr(a, "missing", "dflt"), getattr(a, "cls_attr"), getattr(A, "ro").__class__.__name__)
setattr(a, "y", 2); print(a.y, vars(a))
delattr(a, "y"); print(hasattr(a, "y"), vars(a))
try:
    getattr(a, "missing")
except AttributeError as e:
    print("AttributeError", e)
try:
    delattr(a, "nope")
except AttributeError as e:
    print("AttributeError", e)
try:
    a.ro = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    hasattr(a, "boom")
except ValueError as e:
    print("ValueError propagates from hasattr:", e)
try:
    getattr(a, 5)
except TypeError as e:
    print("TypeError", e)
class Fallback:
    real = "r"
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:]
        raise AttributeError(f"no {name}")
f = Fallback()
print(f.real, f.dyn_value, getattr(f, "dyn_x"), hasattr(f, "other"), getattr(f, "other", "d"))
print(sorted(vars(A).keys() - {"__dict__", "__weakref__", "__module__", "__doc__", "__firstlineno__", "__static_attributes__"}))
print(A.__static_attributes__, A.__firstlineno__ > 0)
try:
    vars(5)
except TypeError as e:
    print("TypeError", e)
print([n for n in dir(a) if not n.startswith("__")], "__init__" in dir(A), dir(5) == dir(int))
class CustomDir:
    def __dir__(self): return ["zeta", "alpha"]
print(dir(CustomDir()))
import math
print("sqrt" in dir(math), vars(math) is math.__dict__)
print(callable(len), callable(A), callable(a), callable(lambda: 0), callable(5), callable(A.__init__))
print(isinstance(1, (str, int)), isinstance(1, int | str), isinstance(True, int), isinstance(None, type(None)), isinstance(A, type), issubclass(bool, (int, str)), issubclass(int, int | None))
print(isinstance(1, ()), issubclass(A, object), isinstance([], (list, (tuple, dict))))
for bad in [lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: isinstance(1, list[int])]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
class Meta(type):
    def __instancecheck__(cls, inst): return inst == "magic"
    def __subclasscheck__(cls, sub): return sub is str
class Magic(metaclass=Meta): pass
print(isinstance("magic", Magic), isinstance("other", Magic), issubclass(str, Magic), issubclass(int, Magic))
s = "shared"
print(a is not A(), None is None, [] is not [], (s is s))
obj = object()
try:
    obj.attr = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    setattr(1, "real", 5)
except AttributeError as e:
    print("AttributeError", e)
