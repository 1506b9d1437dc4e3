s = "naïve café — 日本語 🐍 \u200b\u0000end"
print(len(s), s.encode("utf-8"), s.encode("utf-16-le")[:8], ascii(s))
print(s.upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()), "straße".upper())
bad = "\udcff\ud800"
print(repr(bad), bad.encode("utf-8", "surrogateescape" if False else "surrogatepass"))
try:
    bad.encode("utf-8")
except UnicodeEncodeError as e:
    print("encode error", e.start, e.end)
print(b"\xff\xfe\x00".decode("utf-8", "replace"), b"\xc3\x28".decode("latin-1"), "\N{GREEK SMALL LETTER ALPHA}")
try:
    b"\xe2\x82".decode("utf-8")
except UnicodeDecodeError as e:
    print("decode error", e.reason)
print(sorted(["b", "a", "é", "Z", "ä"]), "x\u0301" == "x\u0301", [c for c in "a🐍b"])
