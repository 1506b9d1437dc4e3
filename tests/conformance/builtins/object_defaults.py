# Pins: default object behaviour: object.__eq__/__ne__ identity semantics returning NotImplemented, default __repr__ shape, __str__ delegating to __repr__, __format__ with empty vs non-empty spec, __init_subclass__/__class_getitem__ defaults, __reduce_ex__ for copy, __dir__ sorted, comparison of plain objects TypeError.
class P:
    pass
p, q = P(), P()
print(p.__eq__(p), p.__eq__(q), p.__ne__(q), p == p, p != q, object.__eq__(p, 1), object.__lt__(p, q))
try:
    p < q
except TypeError as e:
    print("TypeError", e)
r = repr(p)
print(r.startswith("<__main__.P object at 0x"), r.endswith(">"), str(p) == repr(p), format(p, "") == str(p))
try:
    format(p, "spec")
except TypeError as e:
    print("TypeError", e)
class WithRepr:
    def __repr__(self): return "WR()"
print(str(WithRepr()), f"{WithRepr()}", "%s" % WithRepr(), [WithRepr()], format(WithRepr(), ""))
class WithStr:
    def __str__(self): return "just str"
print(str(WithStr()), repr(WithStr()).startswith("<__main__.WithStr"), f"{WithStr()}", [WithStr()][0].__str__())
print(type(p).__init_subclass__ is not None, P.__class_getitem__ if hasattr(P, "__class_getitem__") else "no __class_getitem__")
try:
    P[int]
except TypeError as e:
    print("TypeError", e)
print(dir(p) == sorted(dir(p)), "__class__" in dir(p), "__dict__" in dir(p), "__slots__" in dir(p))
print(object.__reduce_ex__(p, 2)[0].__name__, type(p.__reduce_ex__(4)).__name__)
print(p.__sizeof__() > 0, p.__class__ is P, P.__base__ is object, object.__base__, P.__basicsize__ > 0 if hasattr(P, "__basicsize__") else True)
o = object()
print(o.__eq__(o), o.__hash__() == hash(o), o.__init__() is None, object.__new__(P).__class__.__name__)
try:
    object(1)
except TypeError as e:
    print("TypeError", e)
try:
    P(1)
except TypeError as e:
    print("TypeError", e)
class InitOnly:
    def __init__(self, a): self.a = a
print(InitOnly(5).a)
try:
    object.__new__(InitOnly, 1).a
except AttributeError as e:
    print("AttributeError", e)
class NewOnly:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.args = args
        return inst
print(NewOnly(1, 2).args)
print(p.__getstate__() if hasattr(p, "__getstate__") else None)
p.x = 1
print(p.__getstate__(), vars(p), p.__dict__ is vars(p))
print(P.__name__, P.__qualname__, P.__module__, P.__doc__, P.__dict__["__module__"], sorted(k for k in P.__dict__ if k not in ("__firstlineno__", "__static_attributes__")))
