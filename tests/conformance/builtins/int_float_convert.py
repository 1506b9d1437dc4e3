# Pins: conversions between int, float and str: truncation, rounding ties, exactness near 2**53, str() of integral floats, float() of big ints and huge strings, and int() of floats.
for f in [0.5, 1.5, 2.5, -0.5, -1.5, 0.49999999999999994, 1e15 + 0.5, 2.675, 0.125, 1.005]:
    print(repr(f), int(f), round(f), round(f, 1), round(f, 2), f"{f:.0f}", f"{f:.2f}")
for n in [2 ** 53 - 1, 2 ** 53, 2 ** 53 + 1, 2 ** 53 + 2, 2 ** 63, 10 ** 22, 10 ** 23, 2 ** 64 + 1, -(2 ** 70) - 1]:
    print(n, float(n), int(float(n)) == n, float(n) == n, n < float(n), repr(float(n)))
print(float("1" * 20), float("9" * 400) if False else "skip", float("1e-400"), float("0." + "0" * 330 + "1"), float("1" + "0" * 308))
print(int(1e100), int(-1e-100), int(1.9999999999999998), int(2.0 ** 100) == 2 ** 100, (2.0 ** 100).is_integer())
print(str(1e16), str(1e15), str(12345678901234567.0), str(0.1 + 0.7), str(1 / 7), str(2 ** 0.5), str(10.0), str(-5e-324))
print(float.fromhex("0x1.fffffffffffffp+1023"), (1.7976931348623157e308).hex(), float.fromhex("0x0.0000000000001p-1022"), float.fromhex("inf"))
print((0.1).as_integer_ratio(), (1e300).as_integer_ratio()[1], (-2.5).as_integer_ratio(), (3.0).as_integer_ratio())
print(1 / 10 == 0.1, 3 * 0.1 == 0.3, 1e16 + 1 == 1e16, 2 ** 53 + 1.0 == 2 ** 53, 9007199254740993 == 9007199254740993.0)
print(7 / 2, 7 // 2, -7 / 2, 1 / 3 + 1 / 3 + 1 / 3, 100 / 3, 2 / 3 * 3, 1e308 + 1e308, -1e308 * 10, 5e-324 / 2)
print(10 ** 16 / 10, 10 ** 17 / 10, 2 ** 1023 / 2 ** 1022, (10 ** 400) // 3 % 10, 123456789 * 1.0, int("0" * 100 + "1"))
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    10 ** 400 * 1.0
except OverflowError as e:
    print("OverflowError:", e)
print(int("  0x10  ".strip(), 16), int(b"42"), int(bytearray(b"-7")), float(b"1.5"), float(" nan ").__class__.__name__, int("+0"), int("-0"))
