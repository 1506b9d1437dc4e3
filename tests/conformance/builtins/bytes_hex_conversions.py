# Pins: bytes/bytearray conversions: hex(sep, bytes_per_sep), fromhex whitespace/errors, int.to_bytes/from_bytes signed/byteorder/length errors, bytes(int)/bytes(iterable)/bytes(str, enc) constructors, ord/chr ranges, memoryview casts.
print(b"\x01\xab\xff".hex(), b"\x01\xab\xff".hex("-"), b"\x01\x02\x03\x04\x05".hex(":", 2), b"\x01\x02\x03\x04\x05".hex(":", -2), b"".hex(), bytearray(b"\x10").hex())
print(bytes.fromhex("01 ab\tFF\n"), bytearray.fromhex("deadbeef"), bytes.fromhex(""))
for bad in ["0", "zz", "0 1", "01 2"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError", e)
for n, length, order, signed in [(1024, 2, "big", False), (1024, 2, "little", False), (-1, 2, "big", True), (255, 1, "big", False), (-128, 1, "little", True), (0, 0, "big", False), (2**64 - 1, 8, "little", False)]:
    b = n.to_bytes(length, order, signed=signed)
    print(n, b, int.from_bytes(b, order, signed=signed))
print((258).to_bytes(2), (1).to_bytes(), int.from_bytes(b"\x01\x00"), int.from_bytes([1, 2], "little"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"", "big"))
for args, kw in [((256, 1, "big"), {}), ((-1, 1, "big"), {}), ((1, 1, "middle"), {}), ((128, 1, "big"), {"signed": True}), ((1, -1, "big"), {})]:
    try:
        args[0].to_bytes(*args[1:], **kw)
    except (OverflowError, ValueError) as e:
        print(args, kw, type(e).__name__, e)
print(bytes(3), bytes([65, 66]), bytes(range(3)), bytes("é", "utf-8"), bytes(b"copy"), bytes(bytearray(b"ba")), bytes(memoryview(b"mv")), bytes())
for bad in [lambda: bytes(-1), lambda: bytes([256]), lambda: bytes("str"), lambda: bytes([1.5]), lambda: bytes("x", "ascii", "bogus_errors").decode(), lambda: bytearray("é", "ascii")]:
    try:
        print(bad())
    except (ValueError, TypeError, LookupError, UnicodeEncodeError) as e:
        print(type(e).__name__, e)
print(ord("A"), ord("é"), ord("😀"), ord(b"a"), ord(bytearray(b"z")), chr(65), chr(0x1F600), repr(chr(0)), chr(0x10FFFF) == "\U0010ffff")
for bad in [lambda: ord("ab"), lambda: ord(""), lambda: chr(-1), lambda: chr(0x110000), lambda: chr(1.5), lambda: ord(5)]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
m = memoryview(b"\x01\x00\x02\x00\x03\x00\x04\x00")
print(m.cast("H").tolist() if __import__("sys").byteorder == "little" else [1, 2, 3, 4], m.cast("B", (2, 4)).tolist(), m.nbytes, m.itemsize, m.format, m.readonly, m[::2].tobytes(), m.hex(" "))
ba = bytearray(b"hello")
mv = memoryview(ba)
mv[0] = ord("J"); mv[1:3] = b"EL"
print(ba, mv.tobytes(), mv.readonly, bytes(mv[-2:]))
try:
    memoryview(b"ro")[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    mv[0:2] = b"abc"
except ValueError as e:
    print("ValueError", e)
print(b"abc" == bytearray(b"abc"), b"abc" < b"abd", b"a" * 3, b"ab" + bytearray(b"c"), type(bytearray(b"x") + b"y").__name__, b"abc"[1], b"abc"[1:], list(b"hi"))
print(b"%c" % 200, bytes([200]).decode("latin-1"), b"\xc3\xa9".decode(), "é".encode("utf-16-be"), b"x".center(5, b"-"), b"AbC".lower())
