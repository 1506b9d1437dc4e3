# Pins: object and type: default dunders, type() one/three-argument forms, attributes of types, __class__ assignment and instance checks.
o = object()
print(type(o).__name__, o.__class__ is object, object.__bases__, object.__mro__, object.__name__)
print(o == o, o != object(), o.__eq__(1), o.__ne__(o), o.__hash__() == hash(o), bool(o))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(n for n in dir(object) if n.startswith("__"))[:12])
print(object.__doc__)
print(type(type), type(object), isinstance(type, object), isinstance(object, type), issubclass(type, object))
C = type("C", (), {"x": 1, "__doc__": "made dynamically", "m": lambda self: self.x + 1})
c = C()
print(C.__name__, C.__qualname__, C.__module__, C.__doc__, c.m(), C.__dict__["x"], type(C.__dict__).__name__)
try:
    C.__dict__["y"] = 2
except TypeError as e:
    print("TypeError:", e)
C.y = 2
print(C.y, "y" in C.__dict__)
class A:
    pass
class B:
    pass
a = A()
a.__class__ = B
print(type(a).__name__)
try:
    a.__class__ = int
except TypeError as e:
    print("TypeError:", e)
try:
    object.__setattr__(1, "x", 2)
except (AttributeError, TypeError) as e:
    print(type(e).__name__ + ":", e)
print(int.__name__, int.__qualname__, int.__module__, str.__doc__.splitlines()[0])
print(type.__name__, type.__module__, type(int.__dict__).__name__, "__add__" in int.__dict__)
print(isinstance(1, (str, int)), isinstance(1, int | str), issubclass(bool, (str, int)), isinstance([], list | None))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
print(object.__subclasshook__(int) is NotImplemented, object.__init__(o) is None)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
try:
    A(1)
except TypeError as e:
    print("TypeError:", e)
print(object.__reduce_ex__(A(), 2)[0].__name__, A().__reduce_ex__(2)[1][0].__name__)
print(A.__init__ is object.__init__, A.__new__ is object.__new__, A.__str__ is object.__str__)
print(repr(int), repr(A), str(type(None)), repr(type(print)))
x = A()
x.__dict__["k"] = "v"
print(x.k, vars(x), A.__dict__.get("__weakref__") is not None)
print(type.mro(bool), int.__basicsize__ > 0, type.__prepare__("N", ()), type(A.__dict__["__dict__"]).__name__)
class WithGetattr:
    def __getattr__(self, n):
        return n * 2
print(WithGetattr().ab, getattr(WithGetattr(), "cd"))
print(object.__format__(1, ""), format(A(), "")[:16])
print(sorted(vars(type("T", (), {"a": 1})).keys()))
