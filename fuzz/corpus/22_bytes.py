b = b"\x00\x01\xff\x7f weird \r\n\t"
print(b, len(b), b[2], b[-3:], b.hex(), bytes.fromhex("deadbeef"), list(b[:4]))
ba = bytearray(b"hello"); ba[0] = 0x48; ba += b"\x00\xff"; ba.extend(range(3))
print(ba, ba.upper(), bytes(ba).split(b"\x00"), ba.find(b"l"), b"%d-%s" % (5, b"x"))
print(bytes(5), bytes([1, 2, 255]), b"abc" * 2, b"a,b".split(b","), memoryview(b"xyz")[1:].tobytes())
try:
    bytes([256])
except ValueError as e:
    print("ValueError", e)
print(int.to_bytes(65535, 2, "big"), b"\\x00".decode("unicode_escape"), b"\x80abc".decode("ascii", "ignore"))
