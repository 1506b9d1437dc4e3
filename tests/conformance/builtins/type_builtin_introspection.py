# Pins: type() one-arg results for builtin values, type.__name__/__qualname__/__module__ of builtins, __mro__/__bases__ of builtin types, mro() method, __subclasses__ of a user class, instancecheck of type itself, object() features.
vals = [1, 1.0, 1j, True, None, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), range(1), slice(1), ..., NotImplemented, len, [].append, type, object(), memoryview(b""), iter([]), (x for x in []), lambda: 0, property(), staticmethod(len), classmethod(len)]
for v in vals:
    t = type(v)
    print(t.__name__, t.__module__, t.__qualname__)
print(bool.__mro__, int.__bases__, object.__bases__, type.__mro__, bool.mro())
print(type(type), type(object), isinstance(type, object), isinstance(object, type), issubclass(type, object), issubclass(object, type))
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.__mro__], [k.__name__ for k in A.__subclasses__()], D.__bases__ == (B, C))
print(type(A), type(A()) is A, A().__class__ is A, A.__class__ is type, type(A()).__name__)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(o, "__dict__"), object.__name__, object().__eq__(1), object.__hash__ is not None, o == o, o != object())
print(type(None)(), type(...)() is ..., type(NotImplemented)() is NotImplemented, type(1)("12"), type("")(5), type([])("ab"))
try:
    type(len)()
except TypeError as e:
    print("TypeError", e)
try:
    class Bad(bool): pass
except TypeError as e:
    print("TypeError", e)
try:
    type()
except TypeError as e:
    print("TypeError", e)
try:
    type("x", (), {}, 1)
except TypeError as e:
    print("TypeError", e)
print(int.__name__, int.__qualname__, int.__doc__.splitlines()[0], type.__doc__.splitlines()[0])
print(str.__dict__["upper"].__class__.__name__, int.__dict__["real"].__class__.__name__, type(int.__dict__["from_bytes"]).__name__, type(dict.__dict__["fromkeys"]).__name__)
class Meta(type):
    def __repr__(cls): return f"<Meta class {cls.__name__}>"
class WithMeta(metaclass=Meta): pass
print(repr(WithMeta), type(WithMeta).__name__, str(WithMeta))
print(repr(int), repr(type), repr(A).endswith(".A'>"), str(type(None)), repr(type(...)))
print(isinstance(int, type), isinstance(A, type), isinstance(WithMeta, Meta), issubclass(Meta, type))
print(len(type.__subclasses__(type)) >= 0, A.__name__, B.__qualname__, D.__module__)
A.__name__ = "Renamed"
print(A.__name__, A.__qualname__, repr(A()).split(" object")[0].split(".")[-1])
try:
    int.new_attr = 1
except TypeError as e:
    print("TypeError", e)
try:
    A.__bases__ = (int,)
except TypeError as e:
    print("TypeError", e)
