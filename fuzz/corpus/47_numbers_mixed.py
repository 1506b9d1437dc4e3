from fractions import Fraction
from decimal import Decimal, getcontext
print(Fraction(1, 3) + Fraction(1, 6), Fraction("0.75"), Fraction(3.5), float(Fraction(22, 7)))
getcontext().prec = 30
print(Decimal(1) / Decimal(7), Decimal("1.1") + Decimal("2.2"), Decimal("0.1") * 3 == Decimal("0.3"))
print(1 + 2.0, 3 * 1j, True * 2.5, 10 // 3.0, -7 % 2.5, 2 ** -1, (-8) ** (1 / 3), complex("1+2j").conjugate())
print(int(1e20), int(-1e20), float(2 ** 80), 2 ** 80 == float(2 ** 80), 10 ** 20 == 1e20, hash(1.0) == hash(1))
