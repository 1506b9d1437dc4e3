# Pins: cmath: polar/rect round trips, phase on signed zeros (branch cuts), sqrt/log/exp/asin/acos on branch cuts, isclose/isfinite/isinf/isnan, complex inf/nan constants, errors.
import cmath, math
for z in [1 + 1j, -1 + 0j, -1 - 0j, 1j, -1j, 3 - 4j, complex(0.0, -0.0), complex(-0.0, 0.0)]:
    r, phi = cmath.polar(z)
    back = cmath.rect(r, phi)
    print(z, round(r, 12), round(phi, 12), cmath.phase(z), abs(back - z) < 1e-12)
for z in [complex(-4, 0.0), complex(-4, -0.0), 4, -1 + 0j, 1j]:
    print(z, cmath.sqrt(z), cmath.log(z) if z != 0 else None)
print(cmath.log(100, 10), cmath.log10(1000), cmath.exp(1j * math.pi).real, round(cmath.exp(1j * math.pi).imag, 15), cmath.exp(0))
for f in (cmath.sin, cmath.cos, cmath.tan, cmath.asin, cmath.acos, cmath.atan, cmath.sinh, cmath.cosh, cmath.tanh, cmath.asinh, cmath.acosh, cmath.atanh):
    v = f(0.5 + 0.25j)
    print(f.__name__, round(v.real, 12), round(v.imag, 12))
print(cmath.asin(2), cmath.acos(2), cmath.asin(complex(2, -0.0)), cmath.acosh(0.5))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j), cmath.isclose(0j, 1e-10j, abs_tol=1e-9))
print(cmath.isfinite(1 + 1j), cmath.isinf(complex(math.inf, 0)), cmath.isnan(complex(0, math.nan)), cmath.isinf(complex(math.nan, math.inf)))
print(cmath.inf, cmath.infj, cmath.nan, cmath.nanj, cmath.pi == math.pi, cmath.e == math.e, cmath.tau == math.tau)
for bad in [lambda: cmath.log(0), lambda: cmath.atanh(1), lambda: cmath.sqrt("x"), lambda: cmath.exp(1000 + 0j), lambda: cmath.log(1, 0)]:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(cmath.sqrt(-1), (-1) ** 0.5, cmath.sqrt(complex(-1, -0.0)), abs(3 + 4j), (1 + 2j).conjugate(), complex(3, 4) / 1j)
print(cmath.phase(-1), cmath.phase(complex(-1, -0.0)), math.atan2(0.0, -1), math.atan2(-0.0, -1))
roots = [cmath.rect(1, 2 * math.pi * k / 3) for k in range(3)]
print([f"{z.real:+.6f}{z.imag:+.6f}j" for z in roots], abs(sum(roots)) < 1e-12)
print(complex("1+2j") ** 2, (1 + 1j) ** 0.5, pow(1j, 2), 1j ** 1j, (2 + 0j) ** 10)
try:
    0j ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
