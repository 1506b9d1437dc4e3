# Pins: bool and NoneType: singletons, arithmetic, repr, constructors, NotImplemented and Ellipsis behaviour.
print(True, False, repr(True), str(False), type(True).__name__, bool.__bases__)
print(bool(), bool(0), bool(1), bool(""), bool("False"), bool([0]), bool(None))
print(True + True, True * 10, True / 4, False ** 0, True & False, True | False, True ^ True, ~True, -False)
print(type(True & True).__name__, type(True + True).__name__, type(True ^ False).__name__)
print(True == 1, False == 0, True is bool(1), True.real, True.numerator, int(True), float(False))
print(f"{True:d} {True:>6} {False!r}", format(True, "x"), "%d %s" % (True, True))
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
print(None, repr(None), type(None).__name__, type(None)() is None, bool(None))
try:
    type(None)(1)
except TypeError as e:
    print("TypeError:", e)
try:
    None.foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    None()
except TypeError as e:
    print("TypeError:", e)
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
print(NotImplemented, type(NotImplemented).__name__, repr(Ellipsis), type(...).__name__)
try:
    bool(NotImplemented)
except TypeError as e:
    print("TypeError:", e)
print(None.__eq__(None), None.__eq__(1), (1).__eq__("a"), None.__hash__() == hash(None))
print(sorted([True, False, 2, -1]), max(False, True), sum([True] * 7))
print(True and "x", False or "y", not True, True if None is None else False)
print(isinstance(None, object), issubclass(bool, int), bool.__name__, bool.__qualname__)
print([x for x in (0, 1, None, True, "", "a") if x is not None and x is not False])
print(dict.fromkeys([True, 1, 1.0]), {False: 1, 0: 2})
d = {None: "none-key"}
print(d[None], None in d)
print(type(True).__mro__, bool(type))
print(str(True).upper(), True.__str__(), True.__repr__(), "True" == str(True))
print(int.__bool__(5), (0).__bool__(), bool.from_bytes(b"\x01", "big") if hasattr(bool, "from_bytes") else None)
