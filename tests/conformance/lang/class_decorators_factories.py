# Pins: class decorators (registration, adding methods, replacing the class, stacking order), classes created in functions/closures, __qualname__/__module__ of nested classes, class factories with type(), __set_name__ order.
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
def tag(label):
    def deco(cls):
        print(f"tagging {cls.__name__} with {label}")
        cls.label = label
        return cls
    return deco
@register
@add_repr
@tag("outer")
@tag("inner")
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
print(Point(1, 2), Point.label, registry)
def singleton(cls):
    instances = {}
    def get(*a, **k):
        if cls not in instances:
            instances[cls] = cls(*a, **k)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self): print("Config created")
c1, c2 = Config(), Config()
print(c1 is c2, type(Config).__name__)
def make_counter_class(start):
    class Counter:
        count = start
        def inc(self):
            type(self).count += 1
            return self.count
    return Counter
A = make_counter_class(10); B = make_counter_class(100)
print(A().inc(), A().inc(), B().inc(), A.__qualname__, A is not B)
class Outer:
    class Inner:
        class Deepest: pass
print(Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__, Outer.Inner.__module__, Outer.Inner.Deepest.__name__)
def method(self): return f"dynamic {self.v}"
Dyn = type("Dyn", (object,), {"v": 7, "method": method, "__doc__": "made by type()"})
print(Dyn().method(), Dyn.__name__, Dyn.__doc__, Dyn.__qualname__, Dyn.__bases__, Dyn.__module__)
Sub = type("Sub", (Dyn,), {"v": 8})
print(Sub().method(), Sub.__mro__[1].__name__, isinstance(Sub(), Dyn))
try:
    type("Bad", (1,), {})
except TypeError as e:
    print("TypeError", e)
try:
    type("X", (), [])
except TypeError as e:
    print("TypeError", e)
order = []
class Named:
    def __init__(self, tag): self.tag = tag
    def __set_name__(self, owner, name):
        order.append((self.tag, owner.__name__, name))
class Holder:
    first = Named(1)
    second = Named(2)
    third = Named(3)
print(order)
def with_slots(*names):
    def deco(cls):
        ns = {k: v for k, v in vars(cls).items() if k not in ("__dict__", "__weakref__")}
        ns["__slots__"] = names
        return type(cls)(cls.__name__, cls.__bases__, ns)
    return deco
@with_slots("a", "b")
class Slim:
    def total(self): return self.a + self.b
s = Slim(); s.a, s.b = 1, 2
print(s.total(), hasattr(s, "__dict__"), Slim.__slots__)
class Base:
    subclasses = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Base.subclasses.append((cls.__name__, kw))
class One(Base, flag=True): pass
class Two(One): pass
print(Base.subclasses)
