# Pins: binascii: hexlify with sep/bytes_per_sep, unhexlify errors, crc32 incremental/start values, crc_hqx, b2a_base64 newline flag, a2b_base64 strict_mode, qp encoding, uu.
import binascii, zlib
data = b"The quick brown fox"
print(binascii.hexlify(data), binascii.b2a_hex(b"\x00\xff"), binascii.hexlify(b"\x01\x02\x03\x04\x05", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2), binascii.hexlify(b"\x01\x02\x03\x04\x05", " ", -2))
print(binascii.unhexlify("48656c6c6f"), binascii.a2b_hex(b"DEADbeef"), bytes.fromhex("de ad be ef"), b"\xde\xad".hex(":"))
for bad in ["abc", "zz"]:
    try:
        binascii.unhexlify(bad)
    except binascii.Error as e:
        print(repr(bad), "Error", e)
print(binascii.crc32(data), binascii.crc32(b""), binascii.crc32(b"a"), zlib.crc32(data) == binascii.crc32(data), hex(binascii.crc32(b"123456789")))
crc = 0
for chunk in [b"The ", b"quick ", b"brown fox"]:
    crc = binascii.crc32(chunk, crc)
print(crc == binascii.crc32(data), binascii.crc32(b"abc", 12345))
print(binascii.crc_hqx(b"123456789", 0xFFFF), binascii.crc_hqx(b"", 0), hex(binascii.crc_hqx(b"123456789", 0)))
print(zlib.adler32(b"Wikipedia"), zlib.adler32(b""), zlib.adler32(b"ia", zlib.adler32(b"Wikiped")))
print(binascii.b2a_base64(b"hello"), binascii.b2a_base64(b"hello", newline=False), binascii.a2b_base64(b"aGVsbG8=\n"), binascii.a2b_base64("aGVs bG8="))
try:
    binascii.a2b_base64(b"aGVs bG8=", strict_mode=True)
except binascii.Error as e:
    print("Error", e)
try:
    binascii.a2b_base64(b"a")
except binascii.Error as e:
    print("Error", e)
qp = binascii.b2a_qp("café = 100% naïve\t\nline two ".encode("utf-8"))
print(qp, binascii.a2b_qp(qp).decode("utf-8"))
print(binascii.b2a_qp(b"a" * 80), binascii.b2a_qp(b"x y", header=True), binascii.a2b_qp(b"x_y", header=True), binascii.b2a_qp(b"tab\there", quotetabs=True))
print(binascii.b2a_uu(b"Cat"), binascii.a2b_uu(b"#0V%T\n"), binascii.b2a_uu(b"", backtick=True))
print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception))
try:
    binascii.hexlify("str")
except TypeError as e:
    print("TypeError", e)
print(binascii.hexlify(bytearray(b"\x10")), binascii.unhexlify(bytearray(b"10")), binascii.crc32(memoryview(b"mv")))
