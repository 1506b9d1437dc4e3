# Pins: operator precedence and associativity, unary minus with power, integer division/modulo signs, bit operations and conditional expressions.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2, 2 ** -1)
print(-7 // 2, 7 // -2, -7 % 3, 7 % -3, -7.5 // 2, -7.5 % 2, divmod(-7, 2), divmod(7.5, -2))
print(1 + 2 << 3, 1 | 2 ^ 3 & 4, ~5, -~5, ~-5, 6 & 3, 6 | 3, 6 ^ 3, 1 << 100, -1 >> 5, 255 >> 4)
print(not 1 == 2, not (1 and 0), 1 and 2 or 3, 0 and 2 or 3, None or 0 and 1)
print(1 if 0 else 2 if 0 else 3, (lambda: 1 if True else 2)())
print(3 - 2 - 1, 2 / 2 / 2, 2 ** -2 ** 1, 10 - -3, +-+1)
print(5 > 3 == True, (5 > 3) == True, 1 < 2 == 2)
print("a" + "b" * 2, [1] + [2] * 2, -(-3))
print(True + 1 * 2, 7 % 3 ** 2, 2 * 3 % 4, 2 * (3 % 4))
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7; x <<= 2; x >>= 1; x |= 1; x &= 7; x ^= 2
print(x)
f = 7.0
f /= 2; f += 0.5
print(f)
s = "ab"
s *= 3
print(s)
print(0.1 + 0.2, 1.1 * 3, 1 / 3 * 3, 10 / 4, 10 // 4, 2 ** 0.5, 4 ** 0.5, (-8) ** (1 / 3))
print(10 ** -1, 0 ** 0, 0.0 ** 0, pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(3, -1, 7))
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
for expr in ["1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "divmod(1, 0)", "1.5 % 0.0", "pow(2, -1, 4)"]:
    try:
        print(eval(expr))
    except (ZeroDivisionError, ValueError, OverflowError) as e:
        print(expr, type(e).__name__ + ":", e)
print(1 == 1.0 == True, 3 is 3 if False else "skip")
a = [1, 2]
print(a * 0, a * -1, [a] * 2)
print(isinstance(3 // 2, int), isinstance(3 / 1, float), 3 // 2.0)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(1250, -2))
