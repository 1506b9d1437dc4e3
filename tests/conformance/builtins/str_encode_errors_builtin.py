# Pins: str.encode/bytes.decode with error handlers and encodings from the builtin side: utf-8 surrogates rejection, ascii/latin-1 limits, errors= keyword and positional, encoding name normalisation, bytes.decode default utf-8, invalid handler LookupError raised lazily.
s = "naïve café ☕ \U0001f600"
print(s.encode(), s.encode("utf-8"), len(s), len(s.encode()), len(s.encode("utf-16-le")), len(s.encode("utf-32-le")))
for enc in ["ascii", "latin-1", "cp1252", "utf-8", "utf-16", "utf-32"]:
    for err in ["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace"]:
        try:
            out = s.encode(enc, err)
            print(enc, err, out if len(out) < 60 else (len(out), out[:20]))
        except UnicodeEncodeError as e:
            print(enc, err, "UnicodeEncodeError", e.reason, e.start, e.end)
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
print("\ud800".encode("utf-8", "surrogatepass"), "\udcff".encode("utf-8", "surrogateescape"), "x\udcffy".encode("ascii", "surrogateescape"))
raw = b"caf\xe9 \xff\xfe end"
for err in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape"]:
    try:
        print(err, ascii(raw.decode("utf-8", err)))
    except UnicodeDecodeError as e:
        print(err, "UnicodeDecodeError", e)
print(raw.decode("latin-1"), raw.decode("cp1252", "replace"), b"abc".decode(), bytearray(b"\xc3\xa9").decode(), memoryview(b"ok").tobytes().decode())
print("x".encode(encoding="UTF-8"), "x".encode("Utf_8"), "x".encode("U8"), "é".encode("latin_1"), "é".encode("ISO-8859-1"), "é".encode("l1"))
try:
    "x".encode("no-such-encoding")
except LookupError as e:
    print("LookupError", e)
print("ascii only".encode("ascii", "bogus-handler"))
try:
    "é".encode("ascii", "bogus-handler")
except LookupError as e:
    print("LookupError", e)
try:
    b"\xff".decode("utf-8", errors="bogus")
except LookupError as e:
    print("LookupError", e)
try:
    "x".encode(5)
except TypeError as e:
    print("TypeError", e)
try:
    b"x".decode("rot13")
except LookupError as e:
    print("LookupError", e)
print("€".encode("cp1252"), b"\x80".decode("cp1252"), "€" == b"\xe2\x82\xac".decode(), "é".encode("utf-16-be"), "é".encode("utf-32-be"))
print(str(b"\xc3\xa9", "utf-8"), str(b"\xff", "ascii", "ignore"), str(bytearray(b"ab"), "ascii"), repr(str(b"xy")))
