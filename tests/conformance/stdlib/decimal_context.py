# Pins: decimal contexts: precision and rounding modes, localcontext, traps/flags (DivisionByZero, InvalidOperation, Inexact), quantize, special values, exact conversions.
import decimal
from decimal import Decimal as D, localcontext, getcontext
print(D("1") / D("7"), getcontext().prec, getcontext().rounding)
with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / D(7), D("123456789") + 0, D("1.23456789") * 1)
with localcontext(prec=3, rounding=decimal.ROUND_DOWN) as ctx:
    print(D(2) / D(3), +D("9.999"), ctx.prec)
print(D(1) / D(7))
vals = ["2.5", "3.5", "-2.5", "2.45", "2.55", "-2.55"]
for mode in [decimal.ROUND_HALF_EVEN, decimal.ROUND_HALF_UP, decimal.ROUND_HALF_DOWN, decimal.ROUND_UP, decimal.ROUND_DOWN, decimal.ROUND_CEILING, decimal.ROUND_FLOOR, decimal.ROUND_05UP]:
    print(f"{mode:17}", [str(D(v).quantize(D("0.1") if "." in v[-3:-1] else D("1"), rounding=mode)) for v in vals])
print(D("7.325").quantize(D("0.01")), D("7.325").quantize(D(".01"), rounding=decimal.ROUND_UP), D("1e3").quantize(D("1")), D("123.456").quantize(D("1e1")))
print(D(0.1), D("0.1"), D(1.5).as_tuple(), D("-0").as_tuple(), D("1.20").normalize(), D("100").normalize(), D("0.00").normalize())
print(D("inf"), D("-Infinity"), D("nan"), D("sNaN"), D("inf") > 10**100, D("nan").is_nan(), D("-0") == 0, D("1E+2"), D("1e-7"), D("0.000001"))
ctx = decimal.Context(prec=6, traps=[])
print(ctx.divide(D(1), D(0)), ctx.flags[decimal.DivisionByZero], ctx.divide(D(0), D(0)), ctx.flags[decimal.InvalidOperation])
try:
    D(1) / D(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero", type(e).__mro__[1].__name__, isinstance(e, ZeroDivisionError))
try:
    D(0) / D(0)
except decimal.InvalidOperation as e:
    print("InvalidOperation", isinstance(e, ArithmeticError))
try:
    D("abc")
except decimal.InvalidOperation as e:
    print("InvalidOperation on parse", type(e).__name__)
with localcontext() as c:
    c.traps[decimal.Inexact] = True
    try:
        D(1) / D(3)
    except decimal.Inexact:
        print("Inexact trapped")
    print(D(1) / D(4))
with localcontext() as c:
    c.clear_flags()
    D(1) / D(3)
    print(sorted(k.__name__ for k, v in c.flags.items() if v))
print(D("1.30") + D("1.20"), D("1.3") * D("1.2"), D(10) ** 20, D(2).sqrt(), D(100).log10(), D(1).exp(), D("2.5").ln() if False else "")
print(D("10") // D("3"), D("-10") // D("3"), D("-10") % D("3"), divmod(D("-7"), D("2")), -7 % 2)
print(D("3.14159").to_integral_value(), D("2.5").to_integral_value(), D("3.7").to_integral_exact(rounding=decimal.ROUND_FLOOR), round(D("2.675"), 2), round(D("2.5")), type(round(D("2.5"))).__name__)
print(D("12.345").adjusted(), D("0.001").adjusted(), D("1.23").scaleb(3), D("5").compare(D("6")), D("1.0").compare_total(D("1.00")), D(-5).copy_abs(), D(5).copy_sign(D(-1)))
print(f"{D('1234567.891'):,.2f}", f"{D('0.5'):%}", f"{D('-3.5'):+08.2f}", f"{D('1e10'):e}", format(D("1.23e-5"), "f"))
print(D(5).max(D(3)), D("NaN").max(D(1)), D(3).fma(2, 1), D(7).remainder_near(D(4)), D("1.500").is_zero(), D(0).is_zero(), D("-1").is_signed())
print(int(D("-3.99")), float(D("0.1")), D(3) == 3.0, D("0.1") == 0.1, hash(D(3)) == hash(3), D(1) < 1.5)
try:
    D("1.5") + 1.5
except TypeError as e:
    print("TypeError", e)
try:
    int(D("nan"))
except ValueError as e:
    print("ValueError", e)
try:
    int(D("inf"))
except OverflowError as e:
    print("OverflowError", e)
