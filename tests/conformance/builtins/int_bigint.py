# Pins: arbitrary-precision ints: huge arithmetic, division/modulo signs, powers, bit ops, str round trips and the 4300-digit str conversion limit.
import sys
a = 2 ** 200
b = 3 ** 150
print(a)
print(b)
print(a * b)
print(a // b, a % b, divmod(-a, b))
print(a - b * 1000, -a // 7, -a % 7)
print(a ** 3 // b ** 2)
print(pow(a, b, 10**9 + 7), pow(3, -1, 10**20 + 39))
print(a >> 150, a << 10, (a - 1) & (b - 1), a | b, a ^ b, ~a)
print((a * b).bit_length(), (a - 1).bit_count())
f = 1
for i in range(1, 60):
    f *= i
print(f)
print(str(f)[::-1][:10], len(str(f)))
print(int(str(f)) == f, hex(f), oct(a))
print(abs(-a) == a, -a < -b, a > b, a == 2 ** 200, a == float(a), a + 0.5)
print(float(2 ** 1000 + 1), 2 ** 1023 * 1.0)
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError:", e)
try:
    2 ** 1024 / 1
except OverflowError as e:
    print("OverflowError:", e)
print((2 ** 1024) / (2 ** 1020), (10 ** 400) // (10 ** 399))
print(sys.int_info.bits_per_digit in (15, 30), sys.get_int_max_str_digits())
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", e)
print(len(hex(big)))
sys.set_int_max_str_digits(6000)
print(len(str(big)), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(4300)
print(int("9" * 4300) % 1000)
print(sum(range(10 ** 6)) * 10 ** 20)
x = 1
for _ in range(100):
    x = x * 3 + 1
print(x, x % 1000003)
print((-(10 ** 30)) // 3, (-(10 ** 30)) % 3, 10 ** 30 // -3, round(10 ** 30 / 3))
print(int.from_bytes(a.to_bytes(26, "big"), "big") == a, a.to_bytes(26, "little")[-1])
import math
print(math.isqrt(b), math.gcd(a, b * 2), math.factorial(30), math.comb(100, 50))
