# Pins: re with Unicode text: \w/\d/\s/\b on non-ASCII letters and digits, case-insensitive matching of non-ASCII (ß, İ, Σ/σ/ς, K/Kelvin), re.ASCII differences, character ranges with accents, splitting on unicode whitespace, normalisation-sensitive matching.
import re, unicodedata
text = "Grüße aus Köln – 東京 2024 ٣٤ ½ naïve\u00a0space\u2003em"
print(re.findall(r"\w+", text))
print(re.findall(r"\w+", text, re.ASCII))
print(re.findall(r"\d+", text), re.findall(r"\d+", text, re.A), re.findall(r"\s", text), re.split(r"\s+", text))
print(re.findall(r"\b\w", "élan über Ärger"), re.sub(r"\b(\w)", lambda m: m.group(1).upper(), "élan über ärger"))
for pat, s in [("straße", "STRASSE"), ("ß", "ẞ"), ("σ", "Σ"), ("ς", "Σ"), ("σ", "ς"), ("k", "\u212a"), ("i", "İ"), ("é", "É"), ("[a-z]+", "ÀÉ"), ("[à-ÿ]+", "ÀÉ")]:
    print(repr(pat), repr(s), bool(re.fullmatch(pat, s, re.I)), bool(re.fullmatch(pat, s, re.I | re.A)))
composed, decomposed = "é", "e\u0301"
print(bool(re.fullmatch("é", decomposed)), bool(re.fullmatch("é", unicodedata.normalize("NFC", decomposed))), re.findall(r"\w", decomposed), len(decomposed))
print(re.findall(r"[\u4e00-\u9fff]+", text), re.findall(r"[^\x00-\x7f]", "aé✓b"), re.sub(r"[^\w\s]", "", "¡Hola! ¿Qué tal?"))
print(re.findall(r"(?i)ΣΊΣΥΦΟΣ", "σίσυφος"), re.search(r"(?i)\bKÖLN\b", text).group())
print([m.span() for m in re.finditer(r"\w+", "日本語 テキスト")], re.findall(r"\W+", "a—b…c"))
print(re.escape("é.ü*"), re.match(r"\N{EURO SIGN}\d+", "€100").group(), re.findall(r"\p{L}" if False else r"[^\W\d_]+", "abc123def_ghi"))
print(re.sub(r"\s+", " ", "tab\there\u2028line\u3000ideo").split(" "))
