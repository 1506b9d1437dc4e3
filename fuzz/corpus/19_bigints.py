x = 2 ** 1000
print(x % 1000007, len(str(x)), x.bit_length(), (-x) // 7 % 1000, x >> 990, -x >> 995)
y = 10 ** 300 + 1
print(y * y % 999999937, pow(3, 10 ** 20, 10 ** 9 + 7), (y - 1) // 10 ** 299)
import math
print(math.factorial(60), math.gcd(2 ** 200, 6 ** 100), math.isqrt(10 ** 100), hex(2 ** 70))
print(int("9" * 500) % 97, (1 << 200).to_bytes(26, "big")[:3], int.from_bytes(b"\xff" * 20, "little"))
print(-(2 ** 63), 2 ** 63 - 1, 2 ** 64, -2 ** 64 // 3, abs(-(2 ** 100)), 7 ** -2)
