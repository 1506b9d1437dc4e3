# Pins: abc: ABCMeta, abstractmethod/abstract properties, instantiation errors, register and __subclasshook__, collections.abc checks.
import abc
from collections import abc as cabc
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
    def describe(self):
        return f"{self.name}: {self.area()}"
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
class Half(Shape):
    def area(self):
        return 1
try:
    Half()
except TypeError as e:
    print("TypeError:", e)
class Sq(Half):
    name = "square"
print(Sq().describe(), sorted(Shape.__abstractmethods__), Sq.__abstractmethods__, isinstance(Sq(), Shape), type(Shape).__name__)
class Duck(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Duck:
            return hasattr(C, "quack") or NotImplemented
        return NotImplemented
class Mallard:
    def quack(self):
        pass
print(isinstance(Mallard(), Duck), issubclass(int, Duck))
class Reg(abc.ABC):
    pass
Reg.register(int)
print(isinstance(1, Reg), issubclass(bool, Reg), issubclass(str, Reg), Reg.register(str) is str, isinstance("x", Reg))
for obj in [[], (), {}, set(), "s", b"b", range(1), iter([]), (x for x in []), len, 1, {}.keys()]:
    print(type(obj).__name__, [n for n in ("Iterable", "Iterator", "Sequence", "MutableSequence", "Mapping", "Set", "Hashable", "Sized", "Callable", "Generator", "Collection", "Reversible") if isinstance(obj, getattr(cabc, n))])
class MyMap(cabc.Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
mm = MyMap({"a": 1, "b": 2})
print(mm.get("a"), mm.get("z", 0), "a" in mm, sorted(mm.keys()), sorted(mm.items()), mm == {"a": 1, "b": 2})
class MySeq(cabc.Sequence):
    def __getitem__(self, i): return [10, 20, 30][i]
    def __len__(self): return 3
ms = MySeq()
print(ms.index(20), ms.count(10), list(reversed(ms)), 30 in ms)
class AbstractStatic(abc.ABC):
    @staticmethod
    @abc.abstractmethod
    def s(): ...
print(AbstractStatic.__abstractmethods__, abc.get_cache_token() is not None)
def update_later():
    class Late(abc.ABC):
        @abc.abstractmethod
        def m(self): ...
    class Impl(Late):
        pass
    Impl.m = lambda self: 1
    abc.update_abstractmethods(Impl)
    return Impl().m()
print(update_later())
