# Pins: str/repr/to_eng_string of exponents and specials, and __format__ with fill/align/sign,
# width, ',' grouping, precision, the e/E/f/g/G/% and n types, rounding of formatted
# values by the context's rounding mode, and context managers (localcontext with keywords, nesting,
# setcontext of templates, contextvars copies) that change what formatting and arithmetic see.
import decimal, contextvars
from decimal import Decimal as D, localcontext, getcontext, setcontext, Context

nums = ["0", "-0", "1", "123.456", "-0.000123", "1E+7", "1.23E-8", "12345678.9", "0.5", "2.5", "99.995",
        "1E+100", "inf", "-inf", "nan", "-snan7"]
for v in nums:
    x = D(v)
    print(v, str(x), repr(x), x.to_eng_string(), "%s" % x)
specs = ["", "f", ".2f", ".0f", "e", ".3e", "E", "g", ".2g", "G", "%", ".1%", "10", "<10", ">10", "^10",
         "*^12.3f", "=+12.2f", "+", " ", "-", ",", ",.2f", "012,.1f", "n", ".3n"]
for s in specs:
    print(repr(s), [format(D(v), s) for v in nums if "snan" not in v])
print(f"{D('1234.5'):>+15,.2f}|{D('-0.004'):.2f}|{D('7'):08}|{D('1.5e3'):.0e}")

with localcontext(rounding=decimal.ROUND_DOWN):
    print(format(D("2.675"), ".2f"), format(D("-2.675"), ".2f"), format(D("9.999"), ".1e"))
with localcontext(rounding=decimal.ROUND_HALF_UP):
    print(format(D("2.675"), ".2f"), format(D("0.125"), ".2%"))
with localcontext() as c:
    c.capitals = 0
    print(D("1E+10"), repr(D("1E-10")), format(D("1E+10"), ""))

# Nesting and restoring contexts.
print(getcontext().prec)
with localcontext(prec=5) as a:
    print(a.prec, D(1) / 7)
    with localcontext(prec=10, Emax=50) as b:
        print(b.prec, b.Emax, D(1) / 7, getcontext() is b)
    print(getcontext().prec, getcontext() is a)
    a.prec = 3
    print(D(2) / 3)
print(getcontext().prec, D(2) / 3)
try:
    with localcontext(prec=4):
        print(D(1) / 3)
        raise KeyError("x")
except KeyError:
    print("restored", getcontext().prec)
new = Context(prec=6)
setcontext(new)
print(getcontext() is new, D(1) / 3)
setcontext(decimal.DefaultContext)
print(getcontext() is decimal.DefaultContext, getcontext().prec, D(1) / 3)
setcontext(decimal.ExtendedContext)
print(getcontext().prec, D(1) / 0, getcontext().flags[decimal.DivisionByZero], decimal.ExtendedContext.flags[decimal.DivisionByZero])
setcontext(decimal.DefaultContext)

def in_copy():
    getcontext().prec = 4
    return D(1) / 3, getcontext().prec
ctx = contextvars.copy_context()
print(ctx.run(in_copy), getcontext().prec, D(1) / 3)
def fresh():
    return getcontext().prec, getcontext() is decimal.DefaultContext
print(contextvars.Context().run(fresh))
cm = localcontext(Context(prec=2))
print(type(cm).__name__)
with cm as c2:
    print(c2.prec, D(1) / 3)
print(getcontext().prec)
