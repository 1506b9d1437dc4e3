# Pins: transcendental functions (exp/ln/log10/power/sqrt) correctly rounded at several precisions,
# logical/shift/rotate/scaleb/next_* operations, number classes, total ordering, hashing equal to
# int/float/Fraction, mixed comparisons, as_tuple/as_integer_ratio, pickling and subclasses.
import decimal, pickle, copy
from decimal import Decimal as D, Context, localcontext
from fractions import Fraction

for prec in [5, 28, 50]:
    c = Context(prec=prec)
    print(prec, c.exp(1), c.ln(2), c.log10(7), c.sqrt(2), c.power(2, D("0.5")), c.power(D("1.1"), 100))
    print("  ", c.exp(D("-12.5")), c.ln(D("0.001")), c.log10(D("1E-20")), c.power(D("-2"), 3), c.power(7, -2))
    print("  ", c.exp(D("1E-30")), c.ln(D("1.0000000001")), c.power(10, D("0.3010299956639812")))
print(D(16).sqrt(), D("0.25").sqrt(), D("1E-8").sqrt(), D(10).sqrt(), D(0).sqrt(), D("-0").sqrt())
print(D("inf").exp(), D("-inf").exp(), D("inf").ln(), D(0).ln(), D(1).ln(), D(1000).log10(), D(1).log10())
print(pow(D(3), 200, 1000), pow(D(-3), 3, 7), pow(D(2), 10, -1000), D(2) ** -1, D("0.5") ** 2)

c = Context(prec=9, traps=[])
print(c.logical_and(D("1101"), D("1011")), c.logical_or(D("1101"), D("10")), c.logical_xor(D("111"), D("10")),
      c.logical_invert(D("101")), c.logical_and(D("2"), D("1")))
print(c.shift(D("123456789"), 2), c.shift(D("123456789"), -2), c.rotate(D("123456789"), 3), c.rotate(D("12"), -1))
print(c.scaleb(D("7.5"), 3), c.scaleb(D("7.5"), D("-2")), c.scaleb(D("1"), D("1.5")))
print(c.next_plus(D(1)), c.next_minus(D(1)), c.next_toward(D(1), D(2)), c.next_toward(D(1), D(0)),
      c.next_plus(D("-inf")), c.next_minus(D("inf")), c.next_toward(D(5), D(5)))
print(c.logb(D("250")), c.logb(D("0.03")), c.logb(D(0)), c.canonical(D("1.5")), c.radix(), c.number_class(D("1E-1000000")))
for v in ["0", "-0", "1", "-1", "1E-1000000", "inf", "-inf", "nan", "snan"]:
    x = D(v)
    print(v, x.number_class(), x.is_normal(), x.is_subnormal(), x.is_zero(), x.is_signed(), x.is_finite(),
          x.is_nan(), x.is_qnan(), x.is_snan(), x.is_infinite(), x.is_canonical())
vals = [D(x) for x in ["1", "1.0", "-0", "0", "-1", "inf", "-inf", "nan", "-nan", "snan", "2.50", "2.5"]]
print([str(v) for v in sorted(vals, key=lambda v: v.compare_total(D(0)) if False else 0)])
import functools
print([str(v) for v in sorted(vals, key=functools.cmp_to_key(lambda a, b: int(a.compare_total(b))))])
print([str(v) for v in sorted(vals, key=functools.cmp_to_key(lambda a, b: int(a.compare_total_mag(b))))])
print(D(1).max(D("NaN")), D("NaN").min(D(2)), D(-3).max_mag(D(2)), D(-3).min_mag(D(3)), D("1.0").max(D("1")))
print(D(1).compare(D(2)), D(2).compare(D("2.0")), D("nan").compare(D(1)), D(1).same_quantum(D("1.0")))
print(D("-1.5").copy_abs(), D("1.5").copy_negate(), D(1).copy_sign(D("-0")), D("12.3400").normalize(), D("0E+5").normalize())

pairs = [(D("2.5"), 2.5), (D("0.1"), 0.1), (D(7), 7), (D("-3.000"), -3), (D("0.5"), Fraction(1, 2)),
         (D("0.3333"), Fraction(1, 3)), (D("1E+20"), 10**20), (D("-0"), 0), (D("inf"), float("inf"))]
for d, o in pairs:
    print(repr(d), repr(o), d == o, d != o, d < o, d >= o, hash(d) == hash(o) if d == o else "-")
print(D(3) > Fraction(5, 2), D(3) < Fraction(7, 2), Fraction(1, 4) == D("0.25"), 1.5 > D(1), 3 == D("3.0"))
print(len({D("1"), D("1.0"), D("1.00"), 1, 1.0}), {D("0.5"): "a"}[Fraction(1, 2)], D(2) == 2 + 0j, D(2) != 2j)

for v in ["1.20", "-0", "inf", "-nan123", "snan", "1E-7", "12345678901234567890.5"]:
    x = D(v)
    print(v, x.as_tuple(), D(x.as_tuple()).compare_total(x) == 0, str(pickle.loads(pickle.dumps(x))), copy.copy(x) is x)
print(D("-1.25").as_integer_ratio(), D("1E+3").as_integer_ratio(), D(0).as_integer_ratio())
print(D.from_float(0.1), D.from_float(-2.5), D.from_float(float("-inf")), D.from_number(5), D.from_number(D("1.5")))
print(D(3).real, D(3).imag, D(3).conjugate(), complex(D("1.5")), D("1.5").adjusted(), D("1.5").radix())

class Money(D):
    def __repr__(self):
        return f"Money({str(self)!r})"
m = Money("12.50")
print(repr(m), type(m).__name__, type(m + 1).__name__, m == D("12.5"), isinstance(m, D), repr(pickle.loads(pickle.dumps(m))))
print(repr(Money.from_float(0.25)), repr(Money.from_number(3)), repr(copy.deepcopy(m)))
import numbers
print(isinstance(D(1), numbers.Number), isinstance(D(1), numbers.Real), issubclass(D, numbers.Number))
