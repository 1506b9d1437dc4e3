# Pins: fractions.Fraction: construction from ints/strings/floats/Decimals, normalization, arithmetic, comparisons, limit_denominator, formatting and errors.
from fractions import Fraction as F
from decimal import Decimal
print(F(3, 6), F(-4, 10), F(5), F("3/7"), F(" -1.25 "), F("1e-3"), F(0.5), F(Decimal("0.75")), F(F(1, 2), F(1, 3)))
print(repr(F(1, 3)), str(F(4, 2)), F(1, 3).numerator, F(1, 3).denominator, F(-1, -3), F(1, -3))
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, -a, abs(-a), a ** 2, a ** -2, 4 ** F(1, 2), F(4) ** F(1, 2), a ** 0)
print(a + 1, 1 - a, a * 1.5, a == F(2, 6), a < 0.34, a > b, F(1, 2) == 0.5, F(1, 3) == 1 / 3, hash(F(1, 2)) == hash(0.5))
print(divmod(F(7, 2), F(1, 3)), round(F(7, 2)), round(F(5, 2)), round(F(22, 7), 3), int(F(-7, 2)), float(F(1, 8)), F(7, 2).__floor__(), F(7, 2).__ceil__())
print(F(3.141592653589793).limit_denominator(1000), F("3.14159").limit_denominator(100), F(1, 3).limit_denominator(2))
print(F(0.1), F.from_float(0.1).limit_denominator(), F.from_decimal(Decimal("1.5")), F(5, 10).as_integer_ratio(), F(4, 1).is_integer())
print(format(F(1, 3), ".5f"), format(F(2, 3), ".2%"), f"{F(22, 7):.3e}", format(F(-1, 8), "+.3g"), format(F(1, 3), ""), format(F(3, 4), ">8"))
for bad in [lambda: F(1, 0), lambda: F("1/0"), lambda: F("abc"), lambda: F(1.5, 2), lambda: F(float("nan")), lambda: F(float("inf"))]:
    try:
        bad()
    except (ZeroDivisionError, ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print(sum([F(1, n) for n in range(1, 11)]), max(F(1, 2), F(2, 3)), sorted([F(1, 2), 0.3, 1]))
print(F(10 ** 30, 3 * 10 ** 29), F(2, 4) is not F(1, 2), type(F(1, 2) + 1.0).__name__, type(F(1, 2) + 1).__name__, F(1, 2) + 1j)
print(F.from_number(3), F.from_number(0.25), F(1, 2).__reduce__()[0].__name__)
