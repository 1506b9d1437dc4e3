# Pins: cmath: polar/rect, phase, sqrt of negatives, exp/log identities and special values (rounded to stay libm-independent).
import cmath, math
def r(z):
    return complex(round(z.real, 10), round(z.imag, 10))
print(cmath.sqrt(-1), cmath.sqrt(-4 + 0j), r(cmath.sqrt(1j)), cmath.sqrt(complex(-1, -0.0)))
print(r(cmath.exp(1j * math.pi)), r(cmath.log(-1)), r(cmath.log(1j)), r(cmath.log10(100)), r(cmath.log(8, 2)))
print(cmath.phase(-1), cmath.phase(1j), cmath.phase(complex(-1, -0.0)), abs(3 + 4j))
print(cmath.polar(1j), tuple(round(x, 10) for x in cmath.polar(-2 + 0j)), r(cmath.rect(2, math.pi / 2)), r(cmath.rect(1, 0)))
print(r(cmath.sin(1j)), r(cmath.cos(1j)), r(cmath.tan(0.5 + 0.5j)), r(cmath.asin(2)), r(cmath.acos(2)), r(cmath.atan(0.5j)))
print(r(cmath.sinh(1 + 1j)), r(cmath.cosh(1j)), r(cmath.tanh(1)), r(cmath.asinh(1)), r(cmath.acosh(2)), r(cmath.atanh(0.5)))
print(cmath.isfinite(1 + 1j), cmath.isinf(complex(math.inf, 0)), cmath.isnan(complex(0, math.nan)), cmath.isclose(1 + 1j, 1 + 1.0000000001j))
print(cmath.pi, cmath.e, cmath.inf, cmath.infj, cmath.nanj, cmath.tau)
for expr in ["cmath.log(0)", "cmath.sqrt('x')", "cmath.exp(complex(1000, 0))", "cmath.atanh(1)"]:
    try:
        print(expr, eval(expr))
    except (ValueError, OverflowError, TypeError) as e:
        print(expr, type(e).__name__ + ":", e)
print(cmath.exp(complex(math.inf, 0)), cmath.sqrt(complex(math.inf, -1)), cmath.sqrt(0j), cmath.sqrt(-0.0))
