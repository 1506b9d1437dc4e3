# Pins: struct: byte order prefixes, standard sizes, alignment/padding in native mode vs '=', pascal/char strings, '?' and 'e' formats, iter_unpack, pack_into/unpack_from offsets, Struct objects, error messages.
import struct
for fmt in ["<i", ">i", "!h", "<q", ">Q", "<f", ">d", "<e", "?", "c", "5s", "3p", "<4x", ">HB", "=bi", "<2i3h"]:
    print(f"{fmt:6}", struct.calcsize(fmt))
print(struct.pack("<I", 0x01020304), struct.pack(">I", 0x01020304), struct.pack("!h", -2), struct.pack("<q", -1))
print(struct.unpack("<I", b"\x04\x03\x02\x01"), struct.unpack(">hH", b"\xff\xfe\xff\xfe"), struct.unpack("<?", b"\x02"))
print(struct.pack(">f", 1.5), struct.pack("<d", -0.1), struct.unpack(">e", struct.pack(">e", 65504.0)), struct.pack("<e", 0.1))
print(struct.pack("5s", b"ab"), struct.pack("2s", b"abcd"), struct.pack("4p", b"hello"), struct.unpack("4p", b"\x02abc"), struct.pack("3c", b"x", b"y", b"z"))
print(struct.pack("<?h", True, 7), struct.pack("<2x h", 1), struct.unpack("<bxh", b"\x01\x00\x02\x00"))
print(struct.pack(">Qq", 2**64 - 1, -(2**63)), struct.unpack(">Q", b"\xff" * 8))
for fmt, args in [("<b", (128,)), ("<B", (-1,)), ("<h", (2**15,)), ("<i", (1.5,)), ("<c", (b"ab",)), ("<s", ("str",)), ("<?q", (1,)), ("<i", (1, 2)), ("<Z", (1,)), ("<e", (1e6,))]:
    try:
        struct.pack(fmt, *args)
    except (struct.error, OverflowError, TypeError) as e:
        print(fmt, args, type(e).__name__, e)
try:
    struct.unpack("<i", b"abc")
except struct.error as e:
    print("error", e)
s = struct.Struct("<HHI")
print(s.format, s.size, s.pack(1, 2, 3), s.unpack(b"\x01\x00\x02\x00\x03\x00\x00\x00"))
buf = bytearray(12)
s.pack_into(buf, 2, 7, 8, 9)
print(buf, s.unpack_from(buf, 2), struct.unpack_from("<H", buf, offset=4))
try:
    s.pack_into(buf, 6, 1, 2, 3)
except struct.error as e:
    print("error", e)
print(list(struct.iter_unpack("<hb", b"\x01\x00\x02\x03\x00\x04")))
try:
    list(struct.iter_unpack("<h", b"\x01\x00\x02"))
except struct.error as e:
    print("error", e)
rec = struct.Struct(">4sHd")
packed = rec.pack(b"SPDL", 3, 2.75)
print(packed.hex(), rec.unpack(packed))
header = struct.pack("<4sII", b"RIFF", 36, 0x45564157)
print(header, struct.unpack("<4s2I", header))
print(struct.pack("<i", True), struct.pack("<d", 3), struct.unpack("<d", struct.pack("<d", float("inf"))))
class Idx:
    def __index__(self): return 42
print(struct.pack("<i", Idx()), struct.pack("<0s", b"abc"), struct.calcsize(""), struct.pack(""))
print(struct.pack("<n" if False else "<l", -5), struct.unpack("<f", struct.pack("<f", 0.1))[0])
