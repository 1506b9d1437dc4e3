# Pins: Fraction construction from str/float/Decimal/pairs, normalisation, arithmetic with int/float/complex, limit_denominator, rounding, formatting, comparisons, errors.
from fractions import Fraction as F
from decimal import Decimal
import math
print(F(3, -6), F("  -7/21 "), F("1.25"), F("3e-2"), F("-.5"), F(0.1), F(Decimal("0.75")), F(5), F(F(1, 3), F(2, 5)), F("1_000/3"))
print(F(0.1).limit_denominator(10), F(math.pi).limit_denominator(100), F(math.pi).limit_denominator(1000), F(3, 7).limit_denominator(3))
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, -a, abs(-a), a ** 2, a ** -2, F(4, 9) ** F(1, 2), 2 ** F(1, 2) == 2 ** 0.5)
print(a + 1, 1 - a, a * 1.5, type(a * 1.5).__name__, a + 1j, divmod(F(7, 2), F(2, 3)), divmod(F(-7, 2), 2))
print(a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, F(1, 2) < 0.6, F(3, 1) == 3, hash(F(3, 1)) == hash(3), hash(F(1, 2)) == hash(0.5))
print(sorted([F(1, 2), 0.3, F(1, 4), 1, Decimal("0.4")][:4]), max(F(7, 3), 2), min(F(-1, 2), -0.6))
x = F(-7, 4)
print(math.floor(x), math.ceil(x), math.trunc(x), round(x), round(F(5, 2)), round(F(7, 2)), round(x, 1), round(F(1234, 100), -1), int(x), float(x))
print(x.numerator, x.denominator, x.as_integer_ratio(), F(6, 4).is_integer(), F(8, 4).is_integer(), bool(F(0)), F(1, 3).__repr__())
print(format(F(1, 3), ".5f"), format(F(-2, 3), "+.3e"), f"{F(22, 7):10.4f}|", f"{F(1, 8):%}", f"{F(7, 3)}", f"{F(7, 3):>8}|", f"{F(1, 3):.2g}")
print(F.from_float(0.25), F.from_decimal(Decimal("-1.5")), F.from_number(3) if hasattr(F, "from_number") else F(3))
for bad in ["1/0", "abc", "1/2/3", "1.5/2", " ", "inf"]:
    try:
        F(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(repr(bad), type(e).__name__, e)
for args in [(1, 0), (1.5, 2), ("1", 2)]:
    try:
        F(*args)
    except (ZeroDivisionError, TypeError) as e:
        print(args, type(e).__name__, e)
for v in [float("nan"), float("inf")]:
    try:
        F(v)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    F(1, 2) / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(sum(F(1, n) for n in range(1, 11)), math.prod(F(n, n + 1) for n in range(1, 10)))
print(F(10**30, 3) - F(10**30 - 1, 3), F(2**64, 2**32), F(1, 3) + F(1, 3) + F(1, 3) == 1)
class Sub(F):
    pass
s = Sub(1, 2)
print(type(s + 1).__name__, type(s).__name__, repr(s))
print(F(7, 3) % 1, F(-7, 3) % 1, pow(F(2, 3), 3), pow(F(4), F(1, 2)), F(0) ** 0)
