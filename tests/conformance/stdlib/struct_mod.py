# Pins: struct pack/unpack with standard sizes and byte orders, calcsize, alignment in native-free formats, Struct objects, iter_unpack and errors.
import struct
print(struct.pack("<i", 1), struct.pack(">i", 1), struct.pack("!h", -2), struct.pack("<q", -1), struct.pack("<Q", 2 ** 64 - 1))
print(struct.pack("<bBhHiIqQ", -1, 255, -300, 65535, -70000, 4000000000, -2 ** 63, 2 ** 63))
print(struct.pack("<f", 1.5), struct.pack("<d", -0.1), struct.pack("<e", 0.5), struct.pack(">?", True), struct.pack("<3s", b"abcdef"), struct.pack("<5s", b"ab"))
print(struct.pack("<cxc", b"a", b"b"), struct.pack("<2h", 1, 2), struct.pack("<p", b"pascal"), struct.pack("<5p", b"pascal"))
print(struct.unpack("<i", b"\x01\x00\x00\x00"), struct.unpack(">H", b"\x01\x02"), struct.unpack("<d", struct.pack("<d", 3.25)), struct.unpack("<f", struct.pack("<f", 0.1)))
print(struct.unpack("<3sxb", b"abc\x00\xff"), struct.unpack("<??", b"\x00\x02"), struct.unpack("<e", b"\x00\x3c"))
print(struct.calcsize("<i"), struct.calcsize("<bhq"), struct.calcsize("=iq"), struct.calcsize("<10s"), struct.calcsize("<3x"), struct.calcsize("!d"))
s = struct.Struct("<hh")
print(s.format, s.size, s.pack(1, -1), s.unpack(b"\x02\x00\x03\x00"), list(s.iter_unpack(b"\x01\x00\x02\x00\x03\x00\x04\x00")))
buf = bytearray(8)
struct.pack_into("<i", buf, 2, 0x01020304)
print(buf, struct.unpack_from("<i", buf, 2), struct.unpack_from("<h", buf, offset=4))
for bad in [lambda: struct.pack("<b", 200), lambda: struct.pack("<i"), lambda: struct.unpack("<i", b"\x00"), lambda: struct.pack("<z", 1),
            lambda: struct.pack("<i", 1.5), lambda: struct.pack("<h", "x"), lambda: struct.pack("<H", -1), lambda: struct.calcsize("<5")]:
    try:
        bad()
    except struct.error as e:
        print("struct.error:", e)
print(struct.pack(">q", 2 ** 62).hex(), struct.pack("<d", float("inf")).hex(), struct.unpack("<d", bytes.fromhex("000000000000f87f"))[0])
print(struct.pack("@B", 1), struct.pack("=l", 1), struct.calcsize("=l"), struct.calcsize("=h"))
