# Pins: integer arithmetic semantics: floor division and modulo signs, divmod identity, true division to float (incl. huge ints), pow with negative/modular exponents, bitwise ops on negatives (two's complement), shifts, bit_length/bit_count, int.is_integer, operator precedence of ** and unary minus.
for a in (7, -7):
    for b in (2, -2, 3):
        q, r = divmod(a, b)
        assert q * b + r == a
        print(a, b, a // b, a % b, (q, r), a / b)
print(10**30 // 7, 10**30 % 7, -(10**30) // 7, 10**30 / 10**29, (10**400) // (10**399), 2**1000 % 1000)
try:
    (10**400) / 3
except OverflowError as e:
    print("OverflowError", e)
print((10**400) // 10**399, 1 / 3 * 3 == 1.0, 7 // 2.0, -7 // 2.0, 7 % -2.5)
for bad in [lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: 1 / 0, lambda: 0 ** -1, lambda: pow(2, -1, 4)]:
    try:
        bad()
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
print(2 ** -1, (-2) ** 2, -2 ** 2, 2 ** 3 ** 2, (-8) ** (1 / 3) if False else "", pow(3, 4, 5), pow(3, -1, 7), pow(-3, 3, 5), pow(2, 100, 10**9 + 7), pow(0, 0))
print(5 & 3, 5 | 3, 5 ^ 3, ~5, -5 & 0xFF, -1 & 0xFFFF, -8 >> 1, -1 >> 10, 1 << 100, -3 << 2, 0b1010 ^ 0b0110, ~-1, ~0)
for n in (0, 1, 7, 8, 255, -1, -8, -255, 2**64, -(2**64)):
    print(n, n.bit_length(), n.bit_count(), bin(n), hex(n), oct(n))
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError", e)
print(True + True, True * 3, -True, True & 2, True | False, True ^ True, ~True, type(True & True).__name__, type(True + 0).__name__)
print((5).is_integer(), (5).numerator, (5).denominator, (5).real, (5).imag, (5).conjugate(), (-5).__abs__(), (6).as_integer_ratio())
print(int.__add__(1, 2), (3).__rsub__(10), int.__floordiv__(-7, 2), (255).to_bytes(1, "big"), abs(-10**20))
print(1_000 + 0x_10 + 0o_7 + 0b_1, 0xDEAD_BEEF, 10**18 + 1, 999999999999999999999 * 999999999999999999999)
print(sum(range(10**6)), 2**64 - 1, -(2**63), (2**64) // (2**32), hash(2**61 - 1) if False else "", 17 % 5 == 17 - (17 // 5) * 5)
x = 10
x //= 3; print(x)
x **= 3; print(x)
x %= 7; print(x)
x <<= 4; x >>= 1; x |= 1; x &= 0xF; x ^= 0b101
print(x)
print(round(7, -1), round(15, -1), round(25, -1), round(-15, -1), divmod(-10**20, 7), -10**20 % 7)
print(int("-0"), -0, 0 == -0, abs(-0), max(-0, 0), 3 - -3, 3 + +3, - - -1)
