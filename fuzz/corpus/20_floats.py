import math
vals = [0.0, -0.0, 1.5, -2.5, 1e-320, 1.7976931348623157e308, float("inf"), float("-inf"), float("nan")]
for v in vals:
    print(repr(v), v == v, math.isfinite(v), str(v), format(v, ".3e"), v * 0 if math.isfinite(v) else "inf")
print(round(2.5), round(3.5), round(-0.5), int(2.9), int(-2.9), math.floor(-2.5), math.ceil(-2.5))
print(1 / 3, 2 / 3, 0.1 * 3, 1e16 + 1, float.fromhex("0x1.8p1"), (0.5).hex(), (2.5).as_integer_ratio())
print(math.sqrt(2), math.pi, math.e, math.log(1e10), math.atan2(1, -1), math.fsum([0.1] * 10))
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print(e)
