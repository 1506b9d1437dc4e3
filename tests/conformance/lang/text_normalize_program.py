# Pins: text-normalisation program using only str methods and unicodedata: slugify (accents stripped, punctuation collapsed), smart title-casing with small words, camel/snake/kebab conversions, whitespace collapsing, truncation on word boundaries, and palindrome/anagram checks with casefold.
import unicodedata, re
def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
def slugify(s, sep="-"):
    s = strip_accents(s).casefold()
    out, prev_sep = [], True
    for ch in s:
        if ch.isalnum() and ch.isascii():
            out.append(ch); prev_sep = False
        elif not prev_sep:
            out.append(sep); prev_sep = True
    return "".join(out).strip(sep)
for t in ["Hello, World!", "  Crème Brûlée à la mode  ", "Ünïcödé -- Test__Case", "ﬁsh & chips", "already-a-slug", "!!!", "Straße 42"]:
    print(repr(t), "->", repr(slugify(t)), repr(slugify(t, "_")))
SMALL = {"a", "an", "the", "of", "and", "in", "on", "to", "for"}
def smart_title(s):
    words = s.split()
    return " ".join(w.capitalize() if i == 0 or i == len(words) - 1 or w.lower() not in SMALL else w.lower() for i, w in enumerate(words))
print(smart_title("the lord OF the rings"), "|", smart_title("a tale of two cities"), "|", smart_title("war and peace"))
def to_snake(s):
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", s)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    return s.replace("-", "_").lower()
def to_camel(s, upper=False):
    parts = [p for p in re.split(r"[_\-\s]+", s) if p]
    head = parts[0].lower() if not upper else parts[0].capitalize()
    return head + "".join(p.capitalize() for p in parts[1:])
for n in ["parseHTTPResponse", "userID", "simple", "already_snake", "kebab-case-name", "XMLHttpRequest2"]:
    print(f"{n:20} {to_snake(n):24} {to_camel(to_snake(n)):20} {to_camel(to_snake(n), True):20} {to_snake(n).replace('_', '-')}")
def collapse(s):
    return " ".join(s.split())
print(repr(collapse("  many   spaces\tand\ttabs\n\nnewlines  ")), repr(collapse("")), repr(collapse("\u00a0nbsp\u2003em\u3000ideo ")))
def truncate(s, n, ellipsis="…"):
    if len(s) <= n:
        return s
    cut = s[: n - len(ellipsis) + 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut[: n - len(ellipsis)]).rstrip(",.;: ") + ellipsis
for n in (10, 20, 30, 80):
    print(n, repr(truncate("The quick brown fox, jumping over the lazy dog.", n)))
print(repr(truncate("Supercalifragilistic", 8)))
def is_palindrome(s):
    cleaned = [c.casefold() for c in strip_accents(s) if c.isalnum()]
    return cleaned == cleaned[::-1]
def is_anagram(a, b):
    key = lambda s: sorted(c for c in strip_accents(s).casefold() if c.isalpha())
    return key(a) == key(b)
print([is_palindrome(s) for s in ["A man, a plan, a canal: Panamá", "No 'x' in Nixon", "hello", "", "Ésope reste ici et se repose"]])
print([is_anagram(a, b) for a, b in [("Listen", "Silent"), ("Dormitory", "dirty room!"), ("abc", "abd"), ("Straße", "Strasse")]])
print("ß".casefold() == "ss", "ß".lower(), "ﬁ".upper(), len("ﬁ".upper()), "İ".lower() == "i\u0307")
