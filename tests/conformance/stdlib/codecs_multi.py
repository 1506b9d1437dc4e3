# Pins: codecs for utf-8/ascii/latin-1/utf-16/utf-32/cp1252: encode/decode with error handlers, BOMs, lookup names/aliases, incremental decoders across split multibyte sequences, StreamReader/Writer over BytesIO, register_error custom handler.
import codecs, io
text = "Héllo, wörld — €100 ✓ 😀"
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "latin-1", "cp1252", "ascii"]:
    try:
        b = text.encode(enc)
        print(f"{enc:10}", len(b), b[:8].hex(), b.decode(enc) == text)
    except UnicodeEncodeError as e:
        print(f"{enc:10}", "UnicodeEncodeError", e.encoding, e.start, e.end, e.reason, repr(e.object[e.start:e.end]))
for eh in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace"]:
    print(eh, text.encode("latin-1", errors=eh))
bad = b"abc\xff\xfedef\xc3"
for eh in ["ignore", "replace", "backslashreplace", "surrogateescape"]:
    print(eh, ascii(bad.decode("utf-8", errors=eh)))
print(bad.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape") == bad)
try:
    bad.decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.start, e.end, e.reason, e)
try:
    b"\x81".decode("cp1252")
except UnicodeDecodeError as e:
    print("cp1252 undefined:", e)
print(bytes(range(0x80, 0xa0)).decode("cp1252", "replace"))
print(codecs.lookup("UTF8").name, codecs.lookup("latin1").name, codecs.lookup("L1").name, codecs.lookup("utf_16_le").name, codecs.lookup("us-ascii").name, codecs.lookup("windows-1252").name)
try:
    codecs.lookup("nonexistent-codec")
except LookupError as e:
    print("LookupError", e)
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, "x".encode("utf-8-sig"), b"\xef\xbb\xbfx".decode("utf-8-sig"), b"x".decode("utf-8-sig"))
dec = codecs.getincrementaldecoder("utf-8")()
raw = "€😀".encode()
out = [dec.decode(raw[i:i + 1]) for i in range(len(raw))]
print(out, dec.decode(b"", final=True))
dec16 = codecs.getincrementaldecoder("utf-16")()
r16 = "ab".encode("utf-16")
print([dec16.decode(r16[i:i + 1]) for i in range(len(r16))])
d2 = codecs.getincrementaldecoder("utf-8")()
d2.decode(b"\xe2\x82")
try:
    d2.decode(b"", final=True)
except UnicodeDecodeError as e:
    print("incomplete:", e.reason)
enc = codecs.getincrementalencoder("utf-16")()
print(enc.encode("a"), enc.encode("b"), enc.encode("", final=True))
bio = io.BytesIO()
w = codecs.getwriter("utf-16-le")(bio)
w.write("stream ✓")
print(bio.getvalue())
bio.seek(0)
print(codecs.getreader("utf-16-le")(bio).read())
def my_handler(err):
    return ("?" * (err.end - err.start), err.end)
codecs.register_error("spindle_q", my_handler)
print("naïve ☃".encode("ascii", "spindle_q"), codecs.lookup_error("spindle_q") is my_handler, codecs.lookup_error("strict").__name__)
try:
    codecs.lookup_error("nope_handler")
except LookupError as e:
    print("LookupError", e)
print(codecs.encode("abc", "rot13"), codecs.decode(b"616263", "hex"), codecs.encode(b"abc", "base64"), codecs.decode("68656c6c6f", "hex") if False else "")
print(codecs.utf_8_decode(b"\xc3\xa9x", "strict", True), codecs.latin_1_encode("é"), codecs.ascii_decode(b"ok"))
print("\ud800".encode("utf-8", "surrogatepass"), b"\xed\xa0\x80".decode("utf-8", "surrogatepass") == "\ud800", "\ud83d\ude00".encode("utf-16", "surrogatepass")[2:])
