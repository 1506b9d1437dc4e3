# Pins: cooperative multiple inheritance: C3 MRO orders, super() chains through siblings with **kwargs, super() in classmethods/staticmethod-free contexts, explicit super(Class, self), inconsistent MRO TypeError, super() attribute lookups of properties.
class Base:
    def __init__(self, **kw):
        print("Base.__init__ leftover", kw)
        super().__init__()
    def hello(self):
        return ["Base"]
class Logger(Base):
    def __init__(self, log_level="info", **kw):
        print("Logger", log_level)
        super().__init__(**kw)
    def hello(self):
        return ["Logger"] + super().hello()
class Store(Base):
    def __init__(self, path="/tmp", **kw):
        print("Store", path)
        super().__init__(**kw)
    def hello(self):
        return ["Store"] + super().hello()
class App(Logger, Store):
    def __init__(self, name, **kw):
        print("App", name)
        super().__init__(**kw)
    def hello(self):
        return ["App"] + super().hello()
a = App("demo", log_level="debug", path="/data", extra=1)
print([c.__name__ for c in App.__mro__], a.hello())
print(super(Logger, a).hello(), super(Store, a).hello())
class A: pass
class B(A): pass
try:
    class Bad(A, B): pass
except TypeError as e:
    print("TypeError", e)
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class ZW(Z, W): pass
except TypeError as e:
    print("TypeError", e)
class O: pass
class K1(O): pass
class K2(O): pass
class K3(O): pass
class M1(K1, K2): pass
class M2(K2, K3): pass
class M3(K1, K3): pass
class Top(M1, M2, M3): pass
print([c.__name__ for c in Top.mro()])
class Shape:
    registry = []
    @classmethod
    def create(cls, *args):
        inst = cls(*args)
        Shape.registry.append(cls.__name__)
        return inst
    @property
    def kind(self): return "shape"
class Square(Shape):
    def __init__(self, s=1): self.s = s
    @classmethod
    def create(cls, *args):
        print("Square.create via", cls.__name__)
        return super().create(*args)
    @property
    def kind(self): return "square<" + super().kind + ">"
class Tiny(Square): pass
t = Tiny.create(2)
print(type(t).__name__, t.s, Shape.registry, t.kind)
class NoArgSuper:
    def method(self):
        def inner():
            return super(NoArgSuper, self).__repr__().split(" ")[0]
        return inner()
print(NoArgSuper().method())
try:
    super()
except RuntimeError as e:
    print("RuntimeError", e)
class Desc(Base):
    def hello(self):
        s = super()
        return type(s).__name__, s.hello(), s.__thisclass__.__name__, type(s.__self__).__name__
print(Desc().hello())
class Mixin:
    def describe(self):
        return f"{type(self).__name__} with {super().describe()}"
class Core:
    def describe(self):
        return "core"
class Combined(Mixin, Core): pass
print(Combined().describe())
try:
    Mixin().describe()
except AttributeError as e:
    print("AttributeError", e)
