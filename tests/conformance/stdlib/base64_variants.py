# Pins: base64 encodings (standard, urlsafe, altchars, b32/b32hex, b16, b85/a85, z85), padding/validation errors, encodebytes line wrapping, str input to decoders.
import base64, binascii
samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(250, 256)) + b"\x00?>"]
for s in samples:
    print(s, base64.b64encode(s), base64.urlsafe_b64encode(s), base64.b32encode(s), base64.b16encode(s))
for s in samples[1:5]:
    print(base64.b32hexencode(s), base64.b85encode(s), base64.a85encode(s), base64.standard_b64encode(s))
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b64decode(b"-_8=", altchars=b"-_"), base64.urlsafe_b64decode("-_8="))
print(base64.b64decode("Zm9vYmFy"), base64.b64decode(b"Zm9v\nYmFy"), base64.b64decode("Zm9vYg=="), base64.b32decode("MZXW6==="), base64.b16decode("666F6F"), base64.b16decode("666f6f", casefold=True))
for fn, arg, kw in [(base64.b64decode, "Zm9vYg=", {}), (base64.b64decode, "Zm9v!YmFy", {"validate": True}), (base64.b64decode, "Zg", {}), (base64.b32decode, "mzxw6===", {}), (base64.b16decode, "6g", {}), (base64.b85decode, "~", {}), (base64.b64decode, "é", {})]:
    try:
        print(fn.__name__, fn(arg, **kw))
    except (binascii.Error, ValueError) as e:
        print(fn.__name__, repr(arg), type(e).__name__, e)
print(base64.b64decode("Zm9v!YmFy"), base64.b32decode("mzxw6===", casefold=True))
print(base64.encodebytes(b"x" * 60), base64.decodebytes(b"eHh4\n"))
print(base64.a85encode(b"hello world", wrapcol=10, adobe=True), base64.a85decode(b"<~BOu!rD]j7BEbo80~>", adobe=True), base64.a85encode(b"\x00" * 4), base64.a85encode(b"    ", foldspaces=True))
print(base64.b85decode(base64.b85encode(b"\x00\x01binary\xff")), base64.b85encode(b"abc", pad=True))
if hasattr(base64, "z85encode"):
    print(base64.z85encode(b"\x86\x4f\xd2\x6f\xb5\x59\xf7\x5b"), base64.z85decode(b"HelloWorld"))
try:
    base64.b64encode("text")
except TypeError as e:
    print("TypeError", e)
blob = bytes(range(256))
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.b32encode, base64.b32decode), (base64.b85encode, base64.b85decode), (base64.a85encode, base64.a85decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode)]:
    assert dec(enc(blob)) == blob, enc.__name__
print("round trips ok", len(base64.b64encode(blob)), len(base64.b32encode(blob)), len(base64.b85encode(blob)))
token = base64.urlsafe_b64encode(b"user:42|admin").rstrip(b"=")
print(token, base64.urlsafe_b64decode(token + b"=" * (-len(token) % 4)))
print(base64.b64encode(bytearray(b"ba")), base64.b64encode(memoryview(b"mv")), base64.b64decode(bytearray(b"YQ==")))
