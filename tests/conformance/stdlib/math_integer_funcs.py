# Pins: math integer functions: gcd/lcm variadic, isqrt, comb/perm, factorial, prod, sqrt of big ints, error messages for negative/non-integral args.
import math
print(math.gcd(), math.gcd(12), math.gcd(12, 18), math.gcd(0, 0), math.gcd(-12, 18), math.gcd(12, 18, 27), math.gcd(2**100, 2**60 * 3))
print(math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6))
for n in [0, 1, 15, 16, 17, 10**20, 2**127 - 1, 10**50 + 12345]:
    r = math.isqrt(n)
    assert r * r <= n < (r + 1) ** 2
    print(n, r)
print([math.comb(10, k) for k in range(11)])
print(math.comb(100, 50), math.comb(5, 7), math.perm(5), math.perm(5, 2), math.perm(5, 0), math.perm(3, 5))
print(math.factorial(0), math.factorial(20), len(str(math.factorial(500))), math.factorial(25) % 10**9)
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 11)), math.prod([2, 0.5]), math.prod([1, 2], start=10))
print(math.prod([[1]], start=1) if False else math.prod(["ab"], start=3))
for fn, args in [(math.isqrt, (-1,)), (math.factorial, (-1,)), (math.factorial, (2.0,)), (math.comb, (-1, 2)), (math.comb, (5, -1)), (math.perm, (1.5, 1)), (math.gcd, (1.5, 2)), (math.isqrt, ("9",))]:
    try:
        fn(*args)
    except (ValueError, TypeError) as e:
        print(fn.__name__, args, type(e).__name__, e)
print(math.isqrt(True), math.gcd(True, 4), math.comb(True, 1))
class N:
    def __index__(self):
        return 36
print(math.isqrt(N()), math.gcd(N(), 8), math.factorial(N()) > 0)
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]))
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([0.1, 0.2], [10, 10]))
try:
    math.sumprod([1, 2], [1])
except ValueError as e:
    print("ValueError", e)
print(math.dist([0, 0], [3, 4]), math.dist((1, 1, 1), (2, 2, 2)), math.hypot(3, 4, 12), math.hypot())
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(10**30 + 0.0) == 10**30, type(math.floor(2.0)).__name__)
print(math.copysign(3, -0.0), math.fmod(-7, 3), -7 % 3, math.remainder(7, 2), math.remainder(5, 2), math.modf(-3.25), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.log(1024, 2), math.log2(1024), math.log10(1000), math.log(10**100), math.log2(2**1000), math.log1p(0), math.exp2(10), math.cbrt(27))
try:
    math.log(0)
except ValueError as e:
    print("ValueError", e)
try:
    math.log(-1)
except ValueError as e:
    print("ValueError", e)
