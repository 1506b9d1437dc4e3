# Pins: decimal.Decimal: exact construction, context precision and rounding, quantize, special values, signals/traps, formatting and arithmetic identities.
from decimal import Decimal as D, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, ROUND_HALF_EVEN, InvalidOperation, DivisionByZero, Inexact, Context
import decimal
print(D("1.1") + D("2.2"), D(1.1), D(10), D("1e3"), D("-0"), D((1, (3, 1, 4), -2)), D("  7.50  "), D("NaN"), D("-Infinity"))
print(repr(D("3.14")), str(D("1E+2")), D("100").normalize(), D("1.500").normalize(), D("0.000").normalize(), D("123.456").as_tuple())
print(D(1) / D(7), D(2).sqrt(), D(10).ln(), D(100).log10(), D("2.5") ** 2, D(2) ** D("0.5"), D(1).exp())
getcontext().prec = 6
print(D(1) / D(7), D("123456789") + 0, D("1.0000005") * 1)
getcontext().prec = 28
with localcontext() as ctx:
    ctx.prec = 3
    ctx.rounding = ROUND_DOWN
    print(D("2") / D("3"), D("1.999"), +D("1.999"))
print(D("2") / D("3"))
print(D("2.675").quantize(D("0.01")), D("2.675").quantize(D("0.01"), rounding=ROUND_HALF_UP), D("2.665").quantize(D("0.01"), ROUND_HALF_EVEN), D("7.123").quantize(D("1")))
print(D("-7") // D("2"), D("-7") % D("2"), divmod(D("7.5"), D("2")), D("7").remainder_near(D("4")), round(D("2.5")), round(D("3.14159"), 2), int(D("-3.9")))
print(D("1.30") == D("1.3"), D("1.3") == 1.3, D("0.5") == 0.5, D("1") < 2, D("NaN") == D("NaN"), max(D("1"), D("1.0")), D("1.0").compare(D("1")))
print(D("12.3456").to_integral_value(), D("1e5").to_eng_string(), D("0.00001234").to_eng_string(), D("123e-10"), D("0.0000001"), D("1234567e20"))
print(f"{D('1234.5678'):,.2f}", format(D("0.125"), ".1%"), format(D("1e-10"), "f"), format(D("42"), ">8"), format(D("-0.5"), ".0f"), format(D("1.5"), "e"))
for expr in ["D(1) / D(0)", "D('abc')", "D('inf') - D('inf')", "D(0) / D(0)", "D(-1).sqrt()", "D('1.5').quantize(D('1e-100'))"]:
    try:
        print(expr, eval(expr))
    except (DivisionByZero, InvalidOperation) as e:
        print(expr, type(e).__name__, [t.__name__ for t in type(e).__mro__[:3]])
ctx = Context(prec=5, traps=[])
print(ctx.divide(D(1), D(0)), ctx.sqrt(D(-1)), sorted(k.__name__ for k, v in ctx.flags.items() if v))
ctx2 = Context(prec=3, traps=[Inexact])
try:
    ctx2.divide(D(1), D(3))
except Inexact:
    print("Inexact trapped")
print(D("1.23").is_finite(), D("inf").is_infinite(), D("nan").is_nan(), D("-0").is_signed(), D("5").is_zero(), D("1.5").adjusted(), D(15).number_class())
print(sum([D("0.1")] * 10), D("0.1") * 3 == D("0.3"), float(D("0.1")), D.from_float(0.25), D(2).max(D(3)), D("-5").copy_abs(), D("5").copy_negate())
print(decimal.MAX_PREC > 0, getcontext().Emax, getcontext().rounding, D(3).fma(2, 1), D("1.23E+5").scaleb(2), D(1) / 3 * 3)
