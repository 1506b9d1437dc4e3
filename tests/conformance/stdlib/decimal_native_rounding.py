# Pins: every rounding mode across add/sub/mul/div/quantize/to_integral/sqrt/plus/fma/power and
# divide_int/remainder, with the flags each raises, at a small precision and exponent range
# (subnormals, overflow to Infinity or the largest finite number, clamping).
import decimal
from decimal import Decimal as D, Context

MODES = [decimal.ROUND_HALF_EVEN, decimal.ROUND_HALF_UP, decimal.ROUND_HALF_DOWN, decimal.ROUND_UP,
         decimal.ROUND_DOWN, decimal.ROUND_CEILING, decimal.ROUND_FLOOR, decimal.ROUND_05UP]
VALUES = ["1.2345", "-1.2345", "2.5", "-2.5", "0.05", "9.9995", "123456", "-0", "1E+3", "7"]

def flags(c):
    return ",".join(k.__name__ for k, v in c.flags.items() if v)

def run(c, name, f):
    c.clear_flags()
    try:
        r = f()
    except decimal.DecimalException as e:
        r = type(e).__name__
    return f"{name}={r}[{flags(c)}]"

for mode in MODES:
    c = Context(prec=4, rounding=mode, Emin=-9, Emax=9, traps=[])
    print("==", mode)
    for a in VALUES:
        x = D(a)
        out = [run(c, "plus", lambda: c.plus(x)),
               run(c, "add", lambda: c.add(x, D("0.00049"))),
               run(c, "sub", lambda: c.subtract(x, D("1E-7"))),
               run(c, "mul", lambda: c.multiply(x, D("3.3333"))),
               run(c, "div", lambda: c.divide(x, 7)),
               run(c, "q", lambda: c.quantize(x, D("0.1"))),
               run(c, "int", lambda: c.to_integral_exact(x)),
               run(c, "sqrt", lambda: c.sqrt(c.abs(x))),
               run(c, "fma", lambda: c.fma(x, 3, D("0.001"))),
               run(c, "pow", lambda: c.power(x, 3)),
               run(c, "divint", lambda: c.divide_int(x, D("0.3"))),
               run(c, "rem", lambda: c.remainder(x, D("0.3")))]
        print(a, " ".join(out))
    print("overflow", run(c, "o", lambda: c.multiply(D("9.999E+9"), 10)),
          run(c, "o-", lambda: c.multiply(D("-9.999E+9"), 10)))
    print("underflow", run(c, "u", lambda: c.divide(D("1E-9"), 3)),
          run(c, "u0", lambda: c.divide(D("1E-9"), D("1E+6"))),
          run(c, "sub", lambda: c.divide(D("1E-9"), 10)))

# round() and the integer conversions pick their own modes.
for v in ["2.5", "3.5", "-2.5", "2.675", "-0.5", "1E+2", "12.345"]:
    x = D(v)
    print(v, round(x), round(x, 1), round(x, -1), int(x), x.__floor__(), x.__ceil__(), x.__trunc__())

# Clamp folds exponents down to Etop; capitals=0 prints a small e.
c = Context(prec=3, Emax=5, Emin=-5, clamp=1, capitals=0, traps=[])
print(c.create_decimal("1E+5"), c.create_decimal("1.5E+4"), c.plus(D("123E+3")), flags(c))
print(c.to_sci_string(D("1.23E+7")), c.to_eng_string(D("1.23E+7")), c.Etiny(), c.Etop())
