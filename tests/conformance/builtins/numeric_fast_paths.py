# Arithmetic and comparisons on small ints and floats give CPython's results whether folded at compile time or computed at run time (overflow to big ints, exact true division, signed zeros, NaN, mixed int/float).
import math

def run(a, b):
    return [a + b, a - b, a * b, a / b if b else None, a // b if b else None, a % b if b else None]

cases = [(7, 2), (-7, 2), (7, -2), (2**53 + 1, 3), (2**62, 2**62), (-2**62, 2**62), (2**61, 4),
         (7.5, 2), (-7.5, 2), (1, 0.1), (-4.0, 2.0), (4.0, -2.0), (0.1, 0.2), (3, 0.5), (2**53, 1.0)]
for a, b in cases:
    print(a, b, run(a, b))

# The same expressions folded by the compiler.
print(7 / 2, -7 / 2, (2**53 + 1) / 3, 9007199254740993 / 3, 1 // 0.1, -4.0 % 2.0, 4.0 % -2.0, 7.5 // 2, 7.5 % 2)
print(2**62 + 2**62, -2**62 - 2**62 - 1, 3 * 2**61, (2**63 - 1) * 3)
print(0.1 + 0.2, 1e308 * 10, -1e308 * 10, 2**0.5, 10 ** -2, 2 ** 64)

# Division by zero from every operand kind.
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0), (1.5, 0.0)]:
    for op in ("/", "//", "%"):
        try:
            eval(f"a {op} b")
        except ZeroDivisionError as e:
            print(type(a).__name__, op, type(b).__name__, "->", e)

# Comparisons, including NaN and mixed kinds.
nan = float("nan")
print(nan < 1.0, nan > 1.0, nan == nan, nan != nan, 1.0 <= nan)
print(1 < 2.5, 2.5 < 1, 3 == 3.0, 2**53 + 1 == float(2**53 + 1), 2**53 + 1 > float(2**53))
print(-0.0 == 0.0, math.copysign(1, -4.0 % 2.0), math.copysign(1, 4.0 % -2.0))
x = 10
for _ in range(5):
    x = x * 3 - 1
print(x)
f = 1.0
for i in range(1, 20):
    f = f * i / (i + 0.5)
print(f)
acc = 0
for i in range(-5, 6):
    acc += i // 3 + i % 3 + (i << 2) - (i >> 1) + (i & 5) + (i | 2) + (i ^ 7)
print(acc)
y = 2**62 - 1
y += 1
print(y, type(y).__name__)
z = 1.0
z += 2
z *= 3
z -= 0.5
z /= 2
print(z)
