# Pins: complex numbers: arithmetic with ints/floats, division/zero errors, abs/conjugate/real/imag, pow edge cases, repr of signed zeros/inf/nan parts, format specs (f/e/g, alignment, sign), comparisons TypeError, hash equality with real numbers.
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, -a, +a, abs(a), a.conjugate(), a.real, a.imag, a == 3 + 4j, a * 2, 2 / b, a + 1.5)
print(complex(1, 0) == 1, hash(complex(1, 0)) == hash(1), hash(2.5 + 0j) == hash(2.5), 1j * 1j, (1j) ** 2, 0j == 0, bool(0j), bool(1e-300j))
for z in [complex(0.0, 0.0), complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0), complex(float("inf"), float("nan")), complex(1e300, -1e-300), 1e20j, complex(5, 0)]:
    print(repr(z), str(z))
for bad in [lambda: a / 0, lambda: a // 2, lambda: a % 2, lambda: a < b, lambda: int(a), lambda: float(a), lambda: round(a), lambda: divmod(a, 1)]:
    try:
        bad()
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
print(pow(a, 2), a ** 0, 0j ** 0, (1 + 1j) ** 3, pow(2, 1j) == 2 ** 1j, abs((1 + 1j) ** 0.5 - complex(1.09868411346781, 0.45508986056222733)) < 1e-12)
for spec in ["", ".2f", "+.1e", "^30", ">25.3g", "<20", "10.1f", "g"]:
    print(repr(spec), "[" + format(a / 3, spec) + "]")
try:
    format(a, "=10")
except ValueError as e:
    print("ValueError", e)
try:
    format(a, "010")
except ValueError as e:
    print("ValueError", e)
print(f"{1j:.0f}", f"{-1.5 - 0.5j:+.2f}", f"{complex(1, 2)!r:>12}", "%s" % (1 + 2j))
print(complex(True, False), complex(2), complex(1.5, -0.0), complex("  (2.5-1j)  "), (1 + 2j).__reduce__() if False else "", sum([1j, 2, 3.5]))
print((1 + 2j) == complex(1.0, 2.0), (1 + 2j) != (1 + 2.0000001j), 1 + 2j in [complex(1, 2)], {1 + 0j: "x"}.get(1))
print(sorted([3 + 1j, 1 + 5j, 2 + 0j], key=abs), max([1j, 2, -3], key=abs), abs(-3 - 4j))
