# Pins: base64 (b64/urlsafe/b32/b16/b85/a85, validation) and binascii (hexlify, crc32, crc_hqx, b2a_base64) round trips and errors.
import base64, binascii
data = b"hello world\x00\xff\xfe"
print(base64.b64encode(data), base64.b64decode(base64.b64encode(data)) == data, base64.standard_b64encode(b"a"), base64.b64encode(b"ab"), base64.b64encode(b""))
print(base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.b64encode(b"\xfb\xff\xfe"), base64.urlsafe_b64decode(b"-__-"), base64.b64encode(b"xy", altchars=b"-_"))
print(base64.b32encode(b"abc"), base64.b32decode(b"MFRGG==="), base64.b32hexencode(b"abc"), base64.b16encode(b"\x01\xab"), base64.b16decode(b"01AB"), base64.b16decode(b"01ab", casefold=True))
print(base64.b85encode(b"hello"), base64.b85decode(base64.b85encode(b"hello")), base64.a85encode(b"hello"), base64.a85decode(b"BOu!rDZ"), base64.z85encode(b"\x86\x4f\xd2\x6f"))
print(base64.b64decode("aGVsbG8="), base64.b64decode(b"aGVs bG8=\n"), base64.encodebytes(b"x" * 60), base64.decodebytes(b"eHh4\n"))
for bad in [lambda: base64.b64decode("abc"), lambda: base64.b64decode("ab!c", validate=True), lambda: base64.b32decode("1"), lambda: base64.b16decode("zz")]:
    try:
        bad()
    except (binascii.Error, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(binascii.hexlify(b"\x00\x10\xff"), binascii.hexlify(b"abc", "-"), binascii.unhexlify("0010ff"), binascii.b2a_hex(b"\x01"), binascii.a2b_hex(b"41"))
print(binascii.crc32(b"hello"), binascii.crc32(b" world", binascii.crc32(b"hello")), binascii.crc32(b"hello world"), binascii.crc_hqx(b"hello", 0))
print(binascii.b2a_base64(b"hi"), binascii.b2a_base64(b"hi", newline=False), binascii.a2b_base64(b"aGk="), binascii.b2a_qp(b"a=b \xff"), binascii.a2b_qp(b"a=3Db"))
try:
    binascii.unhexlify("abc")
except binascii.Error as e:
    print("binascii.Error:", e)
print(binascii.b2a_uu(b"uu data"), binascii.a2b_uu(binascii.b2a_uu(b"uu data")))
