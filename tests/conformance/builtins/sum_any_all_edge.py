# Pins: sum() start argument rules (str start TypeError with hint, lists/tuples concatenation, floats with exact-ish Neumaier summation in 3.12+), any/all short-circuit and empty results, len() errors and __len__ limits, abs() on various types, pow() 3-arg errors.
print(sum([]), sum([], 10), sum([1, 2, 3]), sum(range(101)), sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([0.1, 0.2, 0.3]), sum((1.5, 2.5), start=1))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([True, True, False]), sum([1, 2.5, 3j]), sum(x * x for x in range(4)))
for bad in [lambda: sum(["a", "b"]), lambda: sum(["a", "b"], ""), lambda: sum([b"a"], b""), lambda: sum([1, "a"]), lambda: sum(5), lambda: sum([[1]])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
from fractions import Fraction
from decimal import Decimal
print(sum([Fraction(1, 3)] * 3), sum([Decimal("0.1")] * 3), sum([Decimal("0.1")] * 3, Decimal(0)), type(sum([Fraction(1, 2), 1])).__name__)
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]), any(iter([0, 0, 1])), all(x > 0 for x in [1, 2, -1, 3]))
seen = []
def probe(v):
    seen.append(v)
    return v
print(any(probe(v) for v in [0, 0, 5, 0, 7]), seen)
seen.clear()
print(all(probe(v) for v in [1, 2, 0, 4]), seen)
for bad in [lambda: any(5), lambda: all(None)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(len("héllo"), len(b"h\xc3\xa9"), len([None] * 3), len({}), len(range(0, 100, 7)), len(range(10**20)) if False else "skip-big", len({1: 2}.items()))
for bad in [lambda: len(5), lambda: len(iter([])), lambda: len(x for x in [])]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    len(range(10**20))
except OverflowError as e:
    print("OverflowError", e)
class Huge:
    def __len__(self): return 2**70
try:
    len(Huge())
except OverflowError as e:
    print("OverflowError", e)
class FloatLen:
    def __len__(self): return 1.5
try:
    len(FloatLen())
except TypeError as e:
    print("TypeError", e)
print(abs(-5), abs(-2.5), abs(3 + 4j), abs(True), abs(Fraction(-1, 3)), abs(Decimal("-1.5")), abs(-0.0))
try:
    abs("x")
except TypeError as e:
    print("TypeError", e)
print(pow(2, 10), pow(2, 10, 1000), pow(2, -2), pow(-2, 3, 5), pow(3, 0, 1), pow(base=2, exp=3, mod=5))
for bad in [lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: pow(2, 0.5, 5), lambda: pow(0, -1, 5)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
