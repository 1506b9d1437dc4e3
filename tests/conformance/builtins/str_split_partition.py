# Pins: str.split/rsplit (sep None vs explicit, maxsplit, empty strings), splitlines (all line boundaries, keepends), partition/rpartition, removeprefix/removesuffix, strip with chars, join errors.
cases = ["a b  c", "  lead trail  ", "", "   ", "a,b,,c,", "\ta\nb\x0bc\x0cd\re"]
for s in cases:
    print(repr(s), s.split(), s.split(" "), s.split(",") if "," in s else "", s.rsplit(None, 1), s.split(maxsplit=1))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a,b".split(",", 0), "a,b".split(",", -1), "aXbXc".split("X", maxsplit=1))
print("abcabc".split("bc"), "xx".split("x"), "".split("x"), "".split())
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
text = "l1\nl2\r\nl3\rl4\x0bl5\x0cl6\x1cl7\x1dl8\x1el9\x85l10\u2028l11\u2029end"
print(text.splitlines())
print("a\nb\r\n\nc\n".splitlines(keepends=True), "".splitlines(), "\n".splitlines(), "x\n\n".splitlines())
print("k=v=w".partition("="), "k=v=w".rpartition("="), "none".partition("="), "none".rpartition("="), "=".partition("="))
try:
    "x".partition("")
except ValueError as e:
    print("ValueError", e)
print("prefix_body".removeprefix("prefix_"), "body".removeprefix("x"), "file.tar.gz".removesuffix(".gz"), "x".removesuffix(""), "aaa".removeprefix("a"))
print("xxhixx".strip("x"), "  hi  ".lstrip(), "  hi  ".rstrip(), "abcba".strip("ab"), "www.example.com".strip("cmowz."), repr("\u3000 full width \u3000".strip()))
print("-".join(["a", "b"]), "".join([]), ", ".join("abc"), "/".join(map(str, range(3))), " ".join(("x",)))
for bad in [["a", 1], [b"x"], None]:
    try:
        print("".join(bad))
    except TypeError as e:
        print("TypeError", e)
print(b"a b".split(), b"a,b".split(b","), b"x\ny".splitlines(), b"k=v".partition(b"="), b",".join([b"a", bytearray(b"b")]))
csv_line = "name, age ,city"
print([f.strip() for f in csv_line.split(",")])
path = "/usr/local/lib/python3.14/site-packages"
print(path.rsplit("/", 1), path.split("/")[1:3], path.rpartition("/")[2], path.count("/"))
print("a\tb".expandtabs(), "a\tb".expandtabs(4), "ab\tc\td".expandtabs(3), repr("\t".expandtabs(0)))
print("one two three".split(" ", 1)[1], "key: value: more".split(": ", 1), "  multiple   spaces  ".split(" "))
