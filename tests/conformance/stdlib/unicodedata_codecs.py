# Pins: unicodedata (name, lookup, category, numeric values, normalization forms, east_asian_width, combining) and codecs (encode/decode, lookup, incremental codecs, error handlers, BOMs).
import unicodedata as ud, codecs
for ch in ["A", "é", "€", "½", "٣", "😀", "\u0301", "ß", "ǅ", " ", "\t", "中"]:
    print(repr(ch), ud.name(ch, "?"), ud.category(ch), ud.bidirectional(ch), ud.combining(ch), ud.east_asian_width(ch), ud.mirrored(ch), ud.decimal(ch, None), ud.numeric(ch, None))
print(ud.lookup("SNOWMAN"), ud.lookup("LATIN SMALL LETTER E WITH ACUTE"), ud.unidata_version >= "16.0")
try:
    ud.lookup("NO SUCH CHARACTER NAME")
except KeyError as e:
    print("KeyError:", e)
s = "e\u0301 ﬁ Å ①"
for form in ["NFC", "NFD", "NFKC", "NFKD"]:
    n = ud.normalize(form, s)
    print(form, [hex(ord(c)) for c in n], ud.is_normalized(form, s))
print(ud.decomposition("é"), ud.decomposition("ﬁ"), ud.digit("9"), ud.name("\x00", "no name"))
print(codecs.encode("héllo", "utf-8"), codecs.decode(b"h\xc3\xa9llo", "utf-8"), codecs.encode(b"abc", "hex"), codecs.decode("616263", "hex"), codecs.encode("hello", "rot13"))
print(codecs.lookup("UTF8").name, codecs.lookup("latin_1").name, codecs.lookup("U16").name, codecs.BOM_UTF8, codecs.BOM_UTF16_LE)
for enc in ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "latin-1", "cp1252", "ascii", "utf-7", "idna", "punycode", "unicode_escape", "raw_unicode_escape"]:
    try:
        print(enc, "bücher.de€".encode(enc))
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e.start, e.end, e.reason)
print("ü".encode("utf-8-sig"), b"\xef\xbb\xbfhi".decode("utf-8-sig"), "x".encode("utf-16")[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
dec = codecs.getincrementaldecoder("utf-8")()
print(repr(dec.decode(b"\xe2\x82")), repr(dec.decode(b"\xac!")), repr(dec.decode(b"", final=True)))
enc = codecs.getincrementalencoder("utf-16-le")()
print(enc.encode("a"), enc.encode("b", final=True))
print(b"\xff\xfe".decode("utf-8", "replace"), b"a\xffb".decode("ascii", "ignore"), "é".encode("ascii", "namereplace"), b"\xffab".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
codecs.register_error("stars", lambda exc: ("*" * (exc.end - exc.start), exc.end))
print("aéîb".encode("ascii", "stars"), b"a\xff\xfeb".decode("ascii", "stars"))
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
print(codecs.escape_decode(b"\\n\\x41")[0], codecs.utf_8_decode(b"\xc3\xa9abc", "strict", True), "\\u00e9".encode().decode("unicode_escape"))
