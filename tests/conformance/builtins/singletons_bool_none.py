# Pins: None/Ellipsis/NotImplemented/True/False singletons: identity, truthiness, repr/str, bool() of builtins (empty containers, zero values, custom objects), NotImplemented in boolean context DeprecationWarning->TypeError, None comparisons errors, bool subclass restrictions.
print(None is None, type(None)() is None, ... is Ellipsis, type(...)() is ..., type(NotImplemented)() is NotImplemented, True is bool(1), False is bool(0))
print(repr(None), str(None), repr(...), str(Ellipsis), repr(NotImplemented), repr(True), str(False), f"{None!r}", format(True), format(True, "d"), format(False, ">5"))
for v in [0, 0.0, -0.0, 0j, "", b"", [], (), {}, set(), frozenset(), range(0), None, False, bytearray()]:
    print(repr(v), bool(v), end="; ")
print(); print("memoryview(b\"\") truthiness:", bool(memoryview(b"")), bool(memoryview(b"x")))
for v in [1, -1, 0.1, 1j, " ", b"\x00", [0], (None,), {0: 0}, {0}, range(1), True, ..., object(), float("nan")]:
    print(bool(v), end=" ")
print()
try:
    bool(NotImplemented)
except TypeError as e:
    print("TypeError", e)
for op in [lambda: None < 1, lambda: None > None, lambda: ... < ..., lambda: None + 1, lambda: len(None)]:
    try:
        op()
    except TypeError as e:
        print("TypeError", e)
print(None == None, None == 0, None != False, ... == ..., NotImplemented == NotImplemented)
try:
    class MyBool(bool): pass
except TypeError as e:
    print("TypeError", e)
try:
    type(None)(1)
except TypeError as e:
    print("TypeError", e)
print(True + 1, True == 1, True is 1 if False else "skip is-literal", hash(True) == hash(1), {True: "a", 1: "b"}, isinstance(True, int), int(True), float(False), str(True).lower())
print(bool("False"), bool("0"), bool(" "), not "", not None, True and None, False or None, None or False)
print(sum([True, True, False]), max(True, 0), sorted([True, False, True]), True * "ab", [1, 2][True], "xy"[False])
print(type(True).__mro__, bool.__bases__, True.real, True.imag, True.numerator, True.bit_length(), (~False), -True)
class NoBool: pass
class ZeroLen:
    def __len__(self): return 0
class ExplicitFalse:
    def __bool__(self): return False
print(bool(NoBool()), bool(ZeroLen()), bool(ExplicitFalse()), bool(NoBool) )
def f(): pass
print(f() is None, print() is None, [].sort() is None, {}.update() is None)
import sys
print(sys.getrefcount(None) > 0, id(None) == id(None), None.__class__.__name__, Ellipsis.__class__.__name__, NotImplemented.__class__.__name__)
print(__debug__, bool.__name__, bool(x for x in []), bool(iter([])), bool(lambda: 0))
