# Pins: str methods, part 1: case mapping, searching, counting, stripping, splitting and joining.
s = "Hello, World! hello"
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), s.casefold())
print("ßtraße".upper(), "ǅ".lower(), "İ".lower().encode(), "ﬁ".upper(), "ΣΑΣ".lower(), "straße".casefold())
print(s.find("o"), s.find("o", 5), s.find("zz"), s.rfind("o"), s.index("World"), s.rindex("l"))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError:", e)
print(s.count("l"), s.count("l", 5, 12), s.count(""), "aaaa".count("aa"))
print(s.startswith("Hell"), s.startswith(("x", "He")), s.endswith("lo"), s.endswith("World", 0, 12))
print(repr("  xx  ".strip()), repr("xxhixx".strip("x")), repr("  a ".lstrip()), repr(" a  ".rstrip()), repr("abcba".strip("ab")))
print("a,b,,c".split(","), "a b  c ".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "".split(), "".split(","))
print("  lead and trail  ".split(" "), "x".split("x"), "1\n2\r\n3\r4".splitlines(), "a\nb\n".splitlines(keepends=True))
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
print("-".join(["a", "b", "c"]), "".join([]), ", ".join(str(i) for i in range(3)))
try:
    "".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="), "none".rpartition("="))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "aaa".replace("", "-"), "abc".replace("b", ""))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "x".removeprefix("y"))
print("abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "42".zfill(5), "-42".zfill(6), "+7".zfill(3), "abc".center(2))
print("a\tb\tc".expandtabs(4), "01\t012\t0123".expandtabs(), len("\t".expandtabs(0)))
print("Hello"[::-1], "Hello" * 2, "ell" in "Hello", "Hello"[1], "Hello"[-1], len("Hello"))
print("The Quick brown".istitle(), "Hello World".istitle(), "ABC".isupper(), "abc1".islower(), "".isupper())
print("Ab".zfill(4), "é".center(3, "·"))
