a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a // b, -a % b)
print(divmod(a, b), divmod(-a, b), pow(a, b, 7), abs(-a), round(2.675, 2))
print(1 << 70, (1 << 70) >> 3, 0xFF & 0x0F, 0xF0 | 0x0F, 5 ^ 3, ~5)
print(0.1 + 0.2, 1e308 * 10, -1e308 * 10, float("nan") == float("nan"))
print(int("123"), int("ff", 16), int("0b101", 0), float("1.5e3"), complex(1, 2) * 1j)
