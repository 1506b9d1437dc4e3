# Pins: math functions with exact or well-rounded results, special values, integer functions and domain/overflow errors.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.isqrt(99), math.cbrt(27), math.pow(2, 10), math.exp(0), math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(3), math.ceil(2.0000001), type(math.floor(1.5)).__name__)
print(math.fabs(-3), math.fmod(7, -3), math.remainder(7, 3), math.copysign(3, -0.0), math.modf(3.75), math.frexp(8), math.ldexp(0.5, 4))
print(math.factorial(20), math.gcd(12, 18, 27), math.gcd(), math.lcm(4, 6, 10), math.comb(10, 3), math.perm(5, 2), math.perm(5))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.fsum([1e100, 1.0, -1e100]), sum([1e100, 1.0, -1e100]), math.prod([1, 2, 3, 4]), math.prod([], start=5), math.sumprod([1, 2], [3, 4]))
print(math.dist((0, 0), (3, 4)), math.hypot(3, 4), math.hypot(1, 2, 2), math.degrees(math.pi), math.radians(180))
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12), round(math.tan(math.pi / 4), 12), math.atan2(1, 1) == math.pi / 4)
print(round(math.asin(1), 12), round(math.acos(0), 12), round(math.atan(1), 12), round(math.sinh(1), 12), round(math.cosh(0), 12), round(math.tanh(0.5), 12))
print(round(math.gamma(5), 9), round(math.lgamma(10), 9), round(math.erf(1), 12), round(math.erfc(1), 12))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.nextafter(0.0, 1.0), math.fma(2.0, 3.0, 1.0))
for expr in ["math.sqrt(-1)", "math.log(0)", "math.log(-1)", "math.exp(1000)", "math.factorial(-1)", "math.factorial(2.5)",
             "math.acos(2)", "math.comb(3, -1)", "math.isqrt(-4)", "math.pow(0, -1)", "math.fmod(1, 0)", "math.ldexp(1, 100000)",
             "math.gamma(0)", "math.log(1, 1)", "math.cosh(1000)", "math.trunc(math.inf)", "math.floor(math.nan)"]:
    try:
        print(expr, eval(expr))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(expr, type(e).__name__ + ":", e)
print(math.floor(10 ** 20 + 0.5) == 10 ** 20, math.ceil(-0.0), math.sqrt(0.0), math.copysign(1, math.nan) in (1, -1))
print(math.inf * 0, math.inf - math.inf, math.isqrt(10 ** 40), math.factorial(25) // math.factorial(23))
