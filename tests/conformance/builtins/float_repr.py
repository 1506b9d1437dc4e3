# Pins: float repr/str of many values (shortest round-trip), special values, formatting, and float methods.
vals = [0.0, -0.0, 1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 123456789.0, 1e-4, 1e-5, 0.00001234,
        1.5e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 100.0, 1e22, 1e23,
        3.141592653589793, 2.718281828459045, 9007199254740993.0, 0.1 + 0.2, 1.1 * 1.1, 4.35, 2.675,
        float("inf"), float("-inf"), float("nan"), 1e100, 123e-20, 0.5, 1234.5678, -1.5]
for v in vals:
    print(repr(v), str(v), f"{v:.3f}", f"{v:g}", f"{v:e}", f"{v:.10g}")
print(float("1.5"), float("  -2.5e3 "), float("inf"), float("-Infinity"), float("nan"), float("1_0.5"), float(".5"), float("5."))
for bad in ["", "1.2.3", "abc", "1e", "0x10", "1_", "in f"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (2.0).is_integer(), (2.5).is_integer())
print((1.5).hex(), float.fromhex("0x1.8p1"), (0.1).hex(), float.fromhex("-0x1p-1074"))
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(0.125, 2), round(0.375, 2), round(1e20), round(2.5, 0))
print(int(1e20), int(-2.9), float(10**20), float(2**53 + 1), 1e20 == 10**20)
print(divmod(7.5, 2), 7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, 1e300 * 1e300, -1e300 * 1e300)
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, min(nan, 1), max(1, nan), nan is nan)
print(float.__name__, (3.0).real, (3.0).imag, (3.0).conjugate(), abs(-0.0), -0.0 == 0.0)
print(format(1234.5, ",.2f"), format(0.000123, ".2e"), format(12.0, "g"), format(12.5, "%"), format(3.0, "#g"))
print(format(1.0, ""), format(1e16, ""), format(1.0, "n"), format(-1.5, "+.1f"), format(1.5, " .2f"), format(2.0, "010.3f"))
print(1.0 / 3.0 * 3.0, 0.1 * 3, 1 - 0.9, 100 * 1.1, 3 * 1.1)
print(sum([0.1] * 10), 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1)
import math
print(math.fsum([0.1] * 10), float("1e500"), float("-1e-500"))
try:
    (1.0).__truediv__(0.0) if False else 1.0 / 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(float(True), float(-7), 3.0 == 3, 2.0 ** 0.5, 10.0 ** -2, (-2.0) ** 2, 0.0 ** 0.0)
print(hash(0.0), hash(-0.0), hash(1.0) == hash(1), hash(float("inf")), hash(2.0) == 2)
print(str(1e-7), str(1.0e7), str(123456789012.0), str(0.000001), str(1e-6 * 10))
