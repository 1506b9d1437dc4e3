# Pins: int edge behaviour: bool results of comparisons with floats near 2**53, pow with modulus and negative exponents, shifts of big/negative values, bitwise ops on negatives, int() of strings with underscores/whitespace/signs, and __index__-based conversions.
print(2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 10 ** 400 > float("inf"), -10 ** 400 < float("-inf"), 1 < float("nan"), 2 ** 1024 > 1e308)
print(pow(3, 200, 1000), pow(-3, 3, 7), pow(3, -2, 7), pow(2, 0, 1), pow(0, 0), pow(10, -2), pow(-1, 10 ** 20 + 1))
for bad in ["pow(3, -1, 6)", "pow(2, 3, 0)", "pow(2.0, 3, 5)", "pow(2, 1.5, 5)"]:
    try:
        print(eval(bad))
    except (ValueError, TypeError) as e:
        print(bad, type(e).__name__ + ":", e)
print(-1 >> 100, -(2 ** 100) >> 99, (2 ** 100) >> 200, 1 << 200 >> 199, -5 >> 1, -5 // 2, 5 >> 0)
print(-6 & 0xF, -6 | 1, -6 ^ -1, ~-(2 ** 70), (2 ** 70 - 1) & -(2 ** 35), -(2 ** 64) | 5)
for s in ["1_000", " 42 ", "-0", "+7", "0b1_0", "0_0", "00", "1__2", "_1", "1_", "٣٤", "0x_1f", "  -0x10  "]:
    for base in (10, 0):
        try:
            print(repr(s), base, int(s, base))
        except ValueError as e:
            print(repr(s), base, "ValueError:", e)
class I:
    def __index__(self):
        return 12
print(bin(I()), oct(I()), hex(I()), "abcdefghijklmn"[I()], [0] * (I() // 1 if False else 3), int.__index__(7), range(I())[-1], (5).__index__())
print((255).to_bytes(), (-128).to_bytes(1, signed=True), int.from_bytes(b"\x80", signed=True), (0).to_bytes(0, "big"), (2 ** 64).to_bytes(9, "little"))
print((-1).bit_length(), (-(2 ** 64)).bit_length(), (2 ** 64).bit_count(), (-(2 ** 64) + 1).bit_count(), (12).is_integer(), (6).as_integer_ratio())
print(divmod(10 ** 30, 7), divmod(-10 ** 30, 7), divmod(10 ** 30, -7), (10 ** 30) % -7, -(10 ** 30) // 7)
print(int(True) + int(False), int("  \t12\n"), int(b" 7 "), int(3.999999999999999999), int(-2.5), int(1e18), int(12345678901234567890.0))
print(abs(-(2 ** 100)), -(-(2 ** 100)), +(2 ** 100), (2 ** 100).__neg__(), (5).__rpow__(2), (7).__rfloordiv__(50), (3).__rtruediv__(1))
