# Pins: str predicates (isalpha/isdigit/isdecimal/isnumeric/isalnum/isspace/isidentifier/isprintable/isascii/istitle/isupper/islower) on ASCII and Unicode samples, and case mapping (upper/lower/casefold/title/capitalize/swapcase) including ß/İ/ligatures.
samples = ["abc", "ABC", "Abc Def", "abc123", "123", "½", "²", "٣", "Ⅻ", "", " \t\n", "\u00a0", "_id", "1x", "class", "héllo", "ǅ", "a b", "\x7f", "日本", "ÀB", "x\u0301"]
preds = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace", "isidentifier", "isprintable", "isascii", "istitle", "isupper", "islower"]
print(" " * 8, " ".join(p[2:5] for p in preds))
for s in samples:
    print(f"{s!r:8}", " ".join(("  T" if getattr(s, p)() else "  .") for p in preds))
words = ["straße", "İstanbul", "ﬁne", "ΣΊΣΥΦΟΣ", "hello world", "o'neil mcdonald", "ǆemal", "123abc", "ÉCOLE", "ŉ"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.casefold()), repr(w.title()), repr(w.capitalize()), repr(w.swapcase()))
print("straße".upper() == "STRASSE", "ß".casefold() == "ss", "STRASSE".casefold() == "straße".casefold(), len("İ".lower()))
print("they're bill's friends".title(), "hello-world foo_bar".title(), "ABC".capitalize(), "aBC dEF".capitalize())
print("Σ".lower(), "ΑΣ".lower(), "ΑΣ Β".lower(), "σς".upper())
print(b"abc".isalpha(), b"ab1".isalnum(), b"123".isdigit(), b" ".isspace(), b"Ab".istitle(), b"\xe9".isalpha(), b"abc".upper(), b"HeLLo".swapcase(), b"x y".title())
print("".isupper(), "1".islower(), "A1".isupper(), "a_".islower(), "Ab Cd".istitle(), "Ab cd".istitle(), "A".istitle())
print([c for c in "a1٣½ⅫB_ " if c.isnumeric()], [c for c in "a1٣½ⅫB_ " if c.isdecimal()], [c for c in "a1٣½²" if c.isdigit()])
import keyword
print([s for s in ["x", "_x", "x1", "1x", "if", "é", "x-y", "ℕ"] if s.isidentifier() and not keyword.iskeyword(s)])
