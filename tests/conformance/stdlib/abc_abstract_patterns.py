# Pins: abc: abstractmethod combined with property/classmethod/staticmethod, partial implementation errors listing names, register virtual subclasses, __subclasshook__, ABC.__abstractmethods__ updates, update_abstractmethods.
import abc
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
    @classmethod
    @abc.abstractmethod
    def unit(cls): ...
    @staticmethod
    @abc.abstractmethod
    def kind(): ...
    def describe(self):
        return f"{self.name}: {self.area()} {self.unit()} ({self.kind()})"
print(sorted(Shape.__abstractmethods__))
try:
    Shape()
except TypeError as e:
    print("TypeError", e)
class HalfSquare(Shape):
    def area(self): return 4
try:
    HalfSquare()
except TypeError as e:
    print("TypeError", e)
class Square(HalfSquare):
    @property
    def name(self): return "square"
    @classmethod
    def unit(cls): return "m2"
    @staticmethod
    def kind(): return "polygon"
print(Square().describe(), Square.__abstractmethods__, isinstance(Square(), Shape))
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        return "base-run"
class Impl(Base):
    def run(self):
        return "impl+" + super().run()
print(Impl().run())
class Jsonable(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Jsonable:
            return hasattr(C, "to_json") or NotImplemented
        return NotImplemented
class Doc:
    def to_json(self): return "{}"
print(isinstance(Doc(), Jsonable), issubclass(int, Jsonable), issubclass(Doc, Jsonable))
class Seq(abc.ABC):
    pass
Seq.register(tuple)
@Seq.register
class MySeq: pass
print(isinstance((), Seq), issubclass(MySeq, Seq), issubclass(list, Seq), Seq.__subclasses__(), MySeq.__mro__)
class Meta(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def f(self): ...
print(type(Meta).__name__, isinstance(Meta, abc.ABCMeta), abc.ABC.__class__.__name__)
class Later(abc.ABC):
    def f(self): return 1
Later.g = abc.abstractmethod(lambda self: 0)
print(Later.__abstractmethods__, Later() is not None)
abc.update_abstractmethods(Later)
print(sorted(Later.__abstractmethods__))
try:
    Later()
except TypeError as e:
    print("TypeError", e)
class Mixin:
    def helper(self): return "help"
class Concrete(Mixin, Base):
    def run(self): return self.helper()
print(Concrete().run(), [c.__name__ for c in Concrete.__mro__])
print(abc.get_cache_token() is not None, getattr(Shape.area, "__isabstractmethod__", False), getattr(Square.area, "__isabstractmethod__", False))
class P(abc.ABC):
    @property
    @abc.abstractmethod
    def value(self): ...
    @value.setter
    @abc.abstractmethod
    def value(self, v): ...
print(sorted(P.__abstractmethods__), P.value.__isabstractmethod__)
