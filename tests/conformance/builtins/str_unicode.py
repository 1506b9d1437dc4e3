# Pins: str behaviour beyond ASCII: len/indexing of astral chars, case mapping specials, casefold, surrogates, splitlines separators, isidentifier, encode round trips and comparison by code point.
s = "aé€😀"
print(len(s), [c for c in s], s[-1], s[1:3], s[::-1], s.encode("utf-8"), len(s.encode("utf-8")), len(s.encode("utf-16-le")))
print("ǆ".upper(), "ǆ".title(), "ǆ".capitalize(), "ﬀ".upper(), "ŉ".upper(), "İstanbul".lower(), "ΣΣ".lower(), "ΌΣΟΣ".lower(), "Straße".upper())
print("ß".casefold() == "ss", "Σ".casefold(), "ﬁ".casefold(), "K".lower() == "k", "ẞ".lower())
print("a\u2028b\u2029c\x1cd\x1de\x1ef\x85g\x0bh\x0ci\r\nj".splitlines())
print("  \u3000\u00a0x\u2003 ".strip(), "\u00a0".isspace(), "\u200b".isspace(), "\x1f".isspace(), "\x1c".isspace())
for ident in ["név", "日本", "x1", "1x", "_", "a-b", "℘", "ⅰ", "·x", "x·", "💡"]:
    print(ident, ident.isidentifier(), end="; ")
print()
sur = "\ud83d"
print(len(sur), repr(sur), sur.encode("utf-8", "surrogatepass"), sur.encode("utf-16", "surrogatepass")[2:])
try:
    sur.encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print("😀".encode("utf-16-le"), "😀".encode("utf-32-be"), b"\xf0\x9f\x98\x80".decode(), "\U0001F600" == "😀")
print(sorted(["é", "e", "f", "E", "😀", "z", "Z", "ä"]), "é" > "f", max("abcé"), min("😀a"))
print("x".center(5, "é"), "😀".ljust(3, "·"), "é".zfill(4), "ab😀".find("😀"), "ab😀cd".index("c"), "😀😀".count("😀"))
print("Ⅻ".isnumeric(), "Ⅻ".isdigit(), "³".isdigit(), "³".isdecimal(), "٣".isdecimal(), int("٣٤"), float("١.٥"), int("１２"))
print("ß".upper().lower(), "ﬃ".upper(), len("ﬃ".upper()), "İ".lower(), len("İ".lower()))
print("abc".translate({97: "αβ", 98: None}), str.maketrans("é", "e"), "café".encode("ascii", "replace"))
print(ascii("日本"), repr("日本"), "日本".encode("idna") if False else "skip", "\N{LATIN SMALL LETTER SHARP S}")
print([hex(ord(c)) for c in "🇫🇷"], len("🇫🇷"), "👩‍👩‍👧"[::-1] == "".join(reversed("👩‍👩‍👧")), len("👩‍👩‍👧"))
