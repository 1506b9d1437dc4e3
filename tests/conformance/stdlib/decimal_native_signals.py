# Pins: signal classes (MRO, module, multiple inheritance), the trapped exception's class and its
# argument list of conditions, flags and traps as bool-valued SignalDicts, Context validation and
# reprs, template contexts, the C module's constructor/argument errors and FloatOperation rules.
import decimal
from decimal import Decimal as D, Context

for cls in [decimal.DecimalException, decimal.Clamped, decimal.InvalidOperation, decimal.ConversionSyntax,
            decimal.DivisionByZero, decimal.DivisionImpossible, decimal.DivisionUndefined, decimal.Inexact,
            decimal.InvalidContext, decimal.Rounded, decimal.Subnormal, decimal.Overflow, decimal.Underflow,
            decimal.FloatOperation]:
    print(cls.__module__, cls.__name__, [b.__name__ for b in cls.__mro__[1:]])
print(D.__module__, D.__name__, Context.__module__, decimal.DecimalTuple.__module__)

def trap(f):
    try:
        r = f()
        print("  ->", repr(r))
    except Exception as e:
        print("  raises", type(e).__name__, e.args if isinstance(e, decimal.DecimalException) else repr(str(e)))

for label, f in [("1/0", lambda: D(1) / 0), ("0/0", lambda: D(0) / 0), ("5//0", lambda: D(5) // 0),
                 ("5%0", lambda: D(5) % 0), ("divmod", lambda: divmod(D(5), 0)),
                 ("inf-inf", lambda: D("inf") - D("inf")), ("parse", lambda: D("1.2.3")),
                 ("sqrt-1", lambda: D(-1).sqrt()), ("ln0", lambda: D(0).ln()), ("ln-1", lambda: D(-1).ln()),
                 ("huge", lambda: D("9E+999999") * 10), ("snan", lambda: D("sNaN") + 1),
                 ("nan<", lambda: D("NaN") < 1), ("nan==", lambda: D("NaN") == 1), ("q", lambda: D("1E+10").quantize(D("1E-20"))),
                 ("bigdiv", lambda: D("1E+40") // D("0.001")), ("hash snan", lambda: hash(D("sNaN"))),
                 ("int nan", lambda: int(D("NaN"))), ("int inf", lambda: int(D("-inf"))),
                 ("ratio inf", lambda: D("inf").as_integer_ratio()), ("float snan", lambda: float(D("sNaN")))]:
    print(label)
    trap(f)

c = decimal.getcontext()
c.clear_flags()
D(1) / 3
print(c.flags[decimal.Inexact], c.flags[decimal.Rounded], c.flags[decimal.Overflow], c.traps[decimal.Overflow])
print(sorted(k.__name__ for k, v in c.flags.items() if v), len(c.flags), type(c.flags).__name__)
print(c.flags)
print(c.flags.copy() == {k: c.flags[k] for k in c.flags})
print(c)

with decimal.localcontext() as lc:
    lc.traps[decimal.Inexact] = True
    lc.traps[decimal.FloatOperation] = True
    trap(lambda: D(1) / 3)
    trap(lambda: D(1) < 1.5)
    trap(lambda: D(1) == 1.5)
    trap(lambda: D(0.5))
    trap(lambda: D.from_float(0.5))
    print(lc.flags[decimal.FloatOperation], lc.traps[decimal.FloatOperation])

ctx = Context(prec=5, traps=[])
print(ctx.divide(1, 0), ctx.divide(0, 0), ctx.sqrt(-4), ctx.create_decimal("bad"), ctx.power(0, 0))
print(ctx)
for kw in [dict(prec=0), dict(prec="5"), dict(Emin=1), dict(Emax=-1), dict(rounding="UP"), dict(capitals=2),
           dict(clamp=-1), dict(flags=3), dict(traps=[ValueError]), dict(traps={decimal.Inexact: True})]:
    try:
        Context(**kw)
        print(kw, "ok")
    except Exception as e:
        print(kw, type(e).__name__, str(e).replace("\n", " "))
for attr, value in [("prec", 0), ("prec", 2.5), ("rounding", None), ("Emax", "x"), ("foo", 1)]:
    try:
        setattr(ctx, attr, value)
        print(attr, "set")
    except Exception as e:
        print(attr, type(e).__name__, str(e).replace("\n", " "))
for f in [lambda: delattr(ctx, "prec"), lambda: ctx.flags.__delitem__(decimal.Inexact),
          lambda: ctx.flags["Inexact"], lambda: decimal.setcontext("x"), lambda: decimal.localcontext(1),
          lambda: D(1, 2), lambda: D("1", context=5), lambda: D([1, 2]), lambda: D((2, (1,), 0)),
          lambda: D((0, (1, 10), 0)), lambda: D((0, (1,), "x")), lambda: D(1j), lambda: D(1).compare("1"),
          lambda: D(1).quantize(1, rounding="UP"), lambda: round(D(1), 1.5), lambda: D(1) + "1",
          lambda: D(1) < "1", lambda: format(D(1), 5)]:
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, str(e).replace("\n", " "))
print(decimal.BasicContext)
print(decimal.ExtendedContext)
print(decimal.IEEEContext(64), decimal.IEEEContext(128).prec)
print(repr(Context().__reduce__()[1][:6]), decimal.HAVE_THREADS, decimal.HAVE_CONTEXTVAR, decimal.__version__)
print(decimal.MAX_PREC > 10**8, decimal.MIN_EMIN < -10**8, decimal.MIN_ETINY < decimal.MIN_EMIN)
