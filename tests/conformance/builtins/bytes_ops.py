# Pins: bytes: construction, repr, indexing, methods, hex/fromhex, decode errors, and mixing with str.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(b"copy"), bytes(range(5)))
print(b"abc"[0], b"abc"[1:], b"abc"[-1:], list(b"hi"), len(b"\x00\x01"), b"a" * 3, b"ab" + b"cd")
print(repr(b"\x00\t\n\r\x7f\x80\xff'\"\\"), repr(b"'"), repr(b'"'), repr(b"'\""))
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    bytes("str")
except TypeError as e:
    print("TypeError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
print(b"hello world".split(), b"a,b".split(b","), b"  x ".strip(), b"abc".upper(), b"ABC".lower(), b"hello".title())
print(b"hello".find(b"l"), b"hello".count(b"l"), b"hello".replace(b"l", b"L"), b"hello".startswith(b"he"), b"x".join([b"a", b"b"]))
print(b"abc".hex(), b"abc".hex(":"), b"\x01\x02\x03\x04".hex(" ", 2), bytes.fromhex("de ad BE EF"), b"".hex())
try:
    bytes.fromhex("abc")
except ValueError as e:
    print("ValueError:", e)
print(b"caf\xc3\xa9".decode(), b"\xff\xfe".decode("latin-1"), b"\xffabc".decode("utf-8", "replace"), b"\xffabc".decode("utf-8", "ignore"))
print(b"\xffabc".decode("utf-8", "backslashreplace"), b"\xed\xa0\x80".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e, e.start, e.end, e.reason)
print(b"abc" < b"abd", b"a" == b"a", b"a" == "a", b"abc" in b"xxabcxx", 97 in b"abc", b"%d-%s" % (5, b"x"))
print(b"12".isdigit(), b"ab".isalpha(), b" ".isspace(), b"aB".swapcase(), b"abc".center(7, b"-"), b"42".zfill(5))
print(b"a\tb".expandtabs(4), b"abc".partition(b"b"), b"a-b-c".rsplit(b"-", 1), b"abc"[::-1], bytes.maketrans(b"ab", b"xy")[97:99])
print(b"abc".translate(bytes.maketrans(b"a", b"z"), b"c"), b"xyz".removeprefix(b"x"), b"Hello".istitle())
print(hash(b"") == hash(""), type(b"x"[0]).__name__, b"x".decode() == "x", bytes.fromhex("41").decode())
print(sorted([b"b", b"a", b"ab"]), max(b"abc"), sum(b"\x01\x02"))
print(b"%5s|%-5s|%c%c" % (b"ab", b"cd", 65, b"B"), b"%x %r" % (255, "é"))
print(str(b"x"), repr(bytes(1)), bytes.__name__, b"abc".__len__(), b"a".__class__.__mro__)
m = memoryview(b"abc")
print(bytes(m), b"".join([b"a", memoryview(b"b"), bytearray(b"c")]))
