# Pins: unicodedata: name/lookup (aliases, errors), category/bidirectional/combining/east_asian_width/mirrored, numeric/digit/decimal with defaults, normalize NFC/NFD/NFKC/NFKD and is_normalized, decomposition, unidata_version type.
import unicodedata as ud
for ch in ["A", "é", "ß", "½", "٣", "€", "😀", "\u0301", " ", "\t", "中", "Ⅻ", "ﬁ", "Ω", "\u200b"]:
    print(repr(ch), ud.name(ch, "<no name>"), ud.category(ch), ud.bidirectional(ch), ud.combining(ch), ud.east_asian_width(ch), ud.mirrored(ch))
print(ud.lookup("LATIN SMALL LETTER A WITH ACUTE"), ud.lookup("SNOWMAN"), ud.lookup("BYTE ORDER MARK") == "\ufeff")
try:
    ud.lookup("NOT A REAL CHARACTER NAME")
except KeyError as e:
    print("KeyError", e)
try:
    ud.name("\x00")
except ValueError as e:
    print("ValueError", e)
print(ud.numeric("½"), ud.numeric("Ⅻ"), ud.numeric("٣"), ud.digit("٣"), ud.decimal("٣"), ud.digit("²"), ud.numeric("x", -1), ud.decimal("²", None))
for fn in (ud.numeric, ud.digit, ud.decimal):
    try:
        fn("a")
    except ValueError as e:
        print(fn.__name__, "ValueError", e)
s = "Ame\u0301lie ﬁnal Å Å ½"
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    n = ud.normalize(form, s)
    print(form, ascii(n), len(n), ud.is_normalized(form, s), ud.is_normalized(form, n))
print(ud.decomposition("é"), ud.decomposition("ﬁ"), repr(ud.decomposition("a")), ud.decomposition("½"))
try:
    ud.normalize("XYZ", "a")
except ValueError as e:
    print("ValueError", e)
print(ud.normalize("NFC", "e\u0301") == "é", ud.normalize("NFD", "é") == "e\u0301", "é" == "e\u0301")
def strip_accents(t):
    return "".join(c for c in ud.normalize("NFD", t) if not ud.combining(c))
print(strip_accents("Crème Brûlée à la Ñandú"))
print(isinstance(ud.unidata_version, str), ud.ucd_3_2_0.normalize("NFC", "e\u0301") == "é")
try:
    ud.category("ab")
except TypeError as e:
    print("TypeError", e)
print(ud.lookup("LEFT CURLY BRACKET"), ud.name("{"), ud.name("\U0001F600"), ud.category("\U0010FFFF"), ud.category("\ud800"))
