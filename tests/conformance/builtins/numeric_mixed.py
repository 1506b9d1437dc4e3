# Pins: mixed-type numeric arithmetic results and result types across int, bool, float, complex, Fraction and Decimal, including unsupported combinations.
from fractions import Fraction as F
from decimal import Decimal as D
vals = [3, True, 2.5, 1j, F(1, 2), D("1.5")]
ops = [("+", lambda a, b: a + b), ("*", lambda a, b: a * b), ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("**", lambda a, b: a ** b), ("<", lambda a, b: a < b), ("==", lambda a, b: a == b)]
for a in vals:
    for b in vals:
        row = []
        for name, op in ops:
            try:
                r = op(a, b)
                shown = f"{r:.12g}" if isinstance(r, (float, complex)) else r
                row.append(f"{name}:{type(r).__name__}:{shown}")
            except TypeError:
                row.append(f"{name}:TypeError")
            except (ZeroDivisionError, ValueError) as e:
                row.append(f"{name}:{type(e).__name__}")
        print(f"{a!r:>18} {b!r:>18}", " ".join(row))
print(type(2 ** -1).__name__, type(4 ** 0.5).__name__, (-8) ** F(1, 3), type(F(4) ** F(1, 2)).__name__, 10 // 3.0, -10 // 3.0, 10 % -3.0)
print(int(F(7, 2)), float(D("0.1")) == 0.1, complex(F(1, 2)), round(F(5, 2)), round(D("2.5")), round(2.5), round(3.5))
print(D(1) + 1, F(1, 3) + 1, 1.0 + F(1, 4), sum([F(1, 2), F(1, 3), 1]), max(F(1, 2), 0.4, D("0.45")) if False else max(F(1, 2), 0.4))
