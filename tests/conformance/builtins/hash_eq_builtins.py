# Pins: hashing and equality across numeric types and containers, as dict/set keys (only values equal on every platform are printed).
print(hash(1) == hash(1.0) == hash(True) == hash(1 + 0j), hash(0) == hash(-0.0) == hash(0j))
print(hash(2 ** 10) == hash(1024.0), hash(1.5) == hash(1.5), hash("a") == hash("a"), hash(b"ab") == hash(b"ab"))
print(hash(-1), hash(-2), hash(0), hash(5), hash(True), hash(None) == hash(None), hash(()) == hash(()))
from fractions import Fraction
from decimal import Decimal
print(hash(Fraction(1, 2)) == hash(0.5), hash(Decimal("0.5")) == hash(0.5), hash(Fraction(3)) == hash(3), Decimal(1) == 1)
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len({1, 1.0, True, Fraction(1), Decimal(1)}))
print({0.5: "x"}[Fraction(1, 2)], {2: "two"}.get(2.0), 1 in {1.0}, "1" in {1})
print(frozenset([1, 2]) == {1, 2}, hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print((1, 2) == (1.0, 2.0), [1] == [1.0], {"a": 1} == {"a": 1.0}, (1, [2]) == (1, [2]))
for unhashable in ([], {}, set(), bytearray()):
    try:
        hash(unhashable)
    except TypeError as e:
        print("TypeError:", e)
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__)
class Parent:
    def __hash__(self):
        return 7
class Child(Parent):
    def __eq__(self, o):
        return False
print(Child.__hash__, hash(Parent()))
nan = float("nan")
s = {nan, nan}
print(len(s), len({float("nan"), float("nan")}), nan in s)
print(hash(float("inf")), hash(-float("inf")), hash(float("nan")) == hash(float("nan")) if False else "nan-hash-by-id")
print(hash("") == 0 or True, hash(b"") == hash(""), hash(0.0), hash(-0.0))
print(hash(10 ** 10) == hash(10.0 ** 10), hash(12345678) == 12345678, hash(-12345678) == -12345678)
print(hash(range(3)) == hash(range(3)), hash(slice(1, 2)) == hash(slice(1, 2)), hash(...) == hash(Ellipsis))
