# Pins: bin/oct/hex for ints (negatives, zero, huge, __index__ objects), format() int presentation types (b o x X d n c) with # and grouping, int round trips through int(s, base), and errors for floats.
for n in [0, 1, -1, 10, 255, -255, 2**40, -(2**70) + 1]:
    print(n, bin(n), oct(n), hex(n), int(bin(n), 0) == n, int(hex(n), 16) == n, int(oct(n), 8) == n)
class I:
    def __index__(self): return 42
print(bin(I()), oct(I()), hex(I()), format(I(), "x") if False else "", f"{255:b} {255:o} {255:x} {255:X} {255:d}")
for bad in [1.5, "10", None]:
    try:
        hex(bad)
    except TypeError as e:
        print("TypeError", e)
for spec in ["b", "#b", "08b", "#010b", "o", "#o", "x", "#x", "#X", "_x", "_b", ",d", "_d", "+d", " d", "^10d", "=+8d", "c", "n", "#08x", "10,"]:
    print(f"{spec!r:8}", format(1000 if spec != "c" else 9731, spec), format(-1000 if spec != "c" else 65, spec))
print(format(0, "#b"), format(0, "#x"), format(-0, "x"), f"{2**100:_x}", f"{10**12:,}", f"{-1234567:_}")
for spec in [".2d", "s", ",b", "#c"]:
    try:
        format(10, spec)
    except ValueError as e:
        print(repr(spec), "ValueError", e)
try:
    format(-1, "c")
except (ValueError, OverflowError) as e:
    print(type(e).__name__, e)
print(int("0b1010", 0), int("1010", 2), int("-0o17", 0), int("ff", 16), int("FF", 16), int("0xff", 16), int("z", 36), int("Z", 36))
print(f"{True:b}", f"{False:#x}", format(True, "d"), format(3, "e"), format(3, "f"), format(3, "%"), format(3, "g"))
print((255).to_bytes(2, "big").hex(), int.from_bytes(bytes.fromhex("00ff"), "big"), (-1).to_bytes(2, "big", signed=True).hex())
print(hex(0x7FFFFFFF + 1), oct(8**10), bin(2**8 - 1).count("1"), len(bin(2**100)) - 2, hex(-0), oct(-8))
