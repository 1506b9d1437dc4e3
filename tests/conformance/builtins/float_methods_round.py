# Pins: float methods and rounding: is_integer, as_integer_ratio, hex/fromhex, round() half-even with ndigits (positive/negative/None), round on ints, repr shortest round-trip, -0.0 behaviour, divmod/% sign rules, float comparisons with ints.
for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.125, 1e16 + 1, 12345.6789]:
    print(x, round(x), round(x, 1), round(x, 2), round(x, -1), type(round(x)).__name__, type(round(x, 0)).__name__)
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 1), type(round(5, 1)).__name__, round(10**20 + 5, -1))
print(round(True), round(0.0), round(-0.0), round(-0.4), round(float("inf"), 2), round(1e300, -300))
for v in [float("inf"), float("nan")]:
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((3.0).is_integer(), (3.5).is_integer(), (0.75).as_integer_ratio(), (-0.1).as_integer_ratio(), (1e300).as_integer_ratio()[1])
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print("OverflowError", e)
print((0.1).hex(), (1.0).hex(), (-2.5).hex(), float.fromhex("0x1.999999999999ap-4") == 0.1, float.fromhex("inf"), (0.0).hex())
for x in [0.1, 0.2 + 0.1, 1 / 3, 2 / 3, 1e22, 1e-7, 123456789.0, 1.0, 100.0, 1e16, 5e-324, 1.7976931348623157e308, 0.30000000000000004]:
    print(repr(x), str(x), float(repr(x)) == x)
z = -0.0
print(z, z == 0.0, str(z), repr(abs(z)), 1 / float("inf"), -1 / float("inf"), (-0.0).hex(), round(-0.0, 1), z + 0.0, z * -1)
import math
print(math.copysign(1, z), math.copysign(1, 0.0), -0.0 < 0.0, hash(-0.0) == hash(0.0), {0.0: "a", -0.0: "b"})
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (5, 0.5), (1e308, 1e-308), (0.3, 0.1)]:
    print(a, b, divmod(a, b), a % b, a // b)
try:
    divmod(1.0, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1.0 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(2**53 == 2.0**53, 2**53 + 1 == 2.0**53 + 1, 2**53 + 1 > 2.0**53, 10**400 > float("inf"), 10**400 < float("inf"), float("nan") == float("nan"), 1 < float("nan"))
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15, sum([0.1] * 10), 1e16 + 1.0 == 1e16, 9007199254740993 == 9007199254740992.0)
print(float("1e308") * 10, -float("1e308") * 10, float("inf") - float("inf"), 2.0 ** 0.5, (-8.0) ** (1 / 3), 0.0 ** 0, pow(2.0, -1))
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    10.0 ** 400
except OverflowError as e:
    # The (errno, strerror) pair is the C library's (ERANGE): print its shape only.
    print("OverflowError", len(e.args), isinstance(e.args[0], int), isinstance(e.args[1], str))
print(float.__getformat__("double"), (1.5).conjugate(), (2.5).real, (2.5).imag, int(2.5e10), float("0.1") == 0.1)
