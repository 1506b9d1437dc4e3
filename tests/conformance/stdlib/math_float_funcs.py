# Pins: math float functions: special values (inf/nan) handling, isclose tolerances, nextafter/ulp, trig/hyperbolic round trips, degrees/radians, erf/gamma, fma, overflow errors.
import math
inf, nan = math.inf, math.nan
print(math.isinf(inf), math.isnan(nan), math.isfinite(1e308), math.isfinite(inf), inf - inf, inf * 0, -inf)
print(nan == nan, nan != nan, math.isnan(float("nan")), float("-inf") < -1e308)
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.1), math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(inf, inf), math.isclose(nan, nan))
try:
    math.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print("ValueError", e)
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.ulp(1.0), math.ulp(0.0), math.ulp(1e300))
print(math.nextafter(1.0, inf, steps=2) if hasattr(math, "nextafter") else None)
for x in [0.0, 0.5, 1.0, math.pi / 6]:
    print(x, round(math.sin(x), 12), round(math.cos(x), 12), round(math.asin(math.sin(x)), 12), round(math.atan2(math.sin(x), math.cos(x)), 12))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.tan(0), math.atan(inf), math.atan2(0.0, -1.0), math.atan2(-0.0, -1.0))
print(round(math.sinh(1), 12), round(math.cosh(1), 12), math.tanh(inf), round(math.asinh(1), 12), math.acosh(1), math.atanh(0))
print(math.erf(0), round(math.erf(1), 12), round(math.erfc(1), 12), math.gamma(5), math.gamma(0.5) ** 2 - math.pi < 1e-12, round(math.lgamma(10), 10))
print(math.sqrt(2), math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(inf), math.pow(2, 0.5), math.pow(0, 0), math.pow(nan, 0), math.pow(1, nan))
print(math.fma(2.0, 3.0, 1.0), math.fma(0.1, 10, -1))
for fn, arg in [(math.sqrt, -1), (math.acos, 2), (math.asin, -1.5), (math.log, 0.0), (math.gamma, 0), (math.gamma, -1), (math.atanh, 1)]:
    try:
        fn(arg)
    except ValueError as e:
        print(fn.__name__, arg, "ValueError", e)
for fn, arg in [(math.exp, 1000), (math.cosh, 1000), (math.pow, (10.0, 400)), (math.ldexp, (1.0, 5000))]:
    try:
        fn(*arg) if isinstance(arg, tuple) else fn(arg)
    except OverflowError as e:
        print(fn.__name__, "OverflowError", e)
print(math.exp(-1000), math.exp(709) > 1e307, math.expm1(1e-10), math.e, math.tau == 2 * math.pi)
print(math.floor(inf) if False else "x", math.trunc(1e20))
for fn in (math.floor, math.ceil, math.trunc):
    for v in (inf, nan):
        try:
            fn(v)
        except (OverflowError, ValueError) as e:
            print(fn.__name__, v, type(e).__name__, e)
print(math.copysign(1, nan) in (1, -1), math.fabs(-0.0), math.fabs(-inf), abs(-0.0))
print(math.comb(50, 25) == math.factorial(50) // math.factorial(25) ** 2, math.pi.hex() if hasattr(math.pi, "hex") else None)
