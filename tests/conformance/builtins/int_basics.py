# Pins: int construction, bases, repr, arithmetic edge cases, bit methods and conversions.
print(int(), int("42"), int(" -17 "), int("+5"), int(3.99), int(-3.99), int(True), int("1_000"))
print(int("ff", 16), int("0xff", 16), int("z", 36), int("0b101", 0), int("101", 2), int("  0o17  ", 0))
for bad in ["", "1.5", "abc", "0x", "1__0", "_1", "٣", "12", " "]:
    try:
        print(repr(bad), int(bad))
    except ValueError as e:
        print("ValueError:", e)
for args in [("10", 1), ("10", 37), (10, 2), ("0x10", 10)]:
    try:
        print(int(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print((255).bit_length(), (-255).bit_length(), (0).bit_length(), (255).bit_count(), (-7).bit_count())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\xff\xff", "little", signed=True), int.from_bytes([1, 2]))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
print((10).as_integer_ratio(), (7).is_integer(), (5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(7 // 2, -7 // 2, 7 % -2, divmod(-17, 5), abs(-9), -(-9), +9)
print(hex(255), oct(8), bin(5), hex(-255), bin(-5))
print(format(255, "x"), format(255, "#010b"), format(-42, "+d"), format(1234567, ",d"), format(42, "^9"), format(42, "c"))
print(str(10**30), repr(-10**5), 10**2 == 100, (2**64).__class__.__name__)
print(int.__name__, type(1) is int, isinstance(True, int), int.__mro__)
class MyInt(int):
    pass
m = MyInt(5)
print(m + 1, type(m + 1).__name__, repr(m), type(int(m)).__name__)
print(round(15, -1), round(25, -1), round(-15, -1), round(123, 1))
print(pow(2, 100), pow(-2, 3), pow(2, 3, 3), 3 ** 0, (-1) ** 0.5 if False else "skip")
print(int.__add__(1, 2), (5).__sub__(2), (2).__rsub__(10), (3).__mul__(1.5))
print(sorted([3, -1, 10**20, 0, -10**20]), max(1, 2, 3), min([4, 2]))
print(1 << 0, 1 >> 1, -16 >> 2, -1 << 3, 12 & -4, 12 | -4)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
print(int("1" * 50), int("-" + "9" * 40) + 1)
print(hash(0), hash(1), hash(-1), hash(-2), hash(100))
