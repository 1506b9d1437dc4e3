# Pins: str methods, part 3: split/rsplit with maxsplit and whitespace rules, splitlines keepends, partition edge cases, count/find with negative bounds, startswith tuples and slices, join of generators, and replace count.
s = "  a  b\tc\nd  "
print(s.split(), s.split(None, 1), s.rsplit(None, 1), s.split(" "), s.split(" ", 2), s.rsplit(" ", 2), "".rsplit(), "   ".split())
print("a,b,,c,".split(","), "a,b,,c,".rsplit(",", 2), ",".split(","), "abc".split("abc"), "xxaxx".split("x"), "a b".split(maxsplit=0))
print("l1\nl2\r\nl3\rl4\n".splitlines(True), "".splitlines(), "\n".splitlines(), "x\n\n".splitlines(), "trailing\r\n".splitlines(keepends=True))
print("abc".partition(""), "abc".partition("c"), "abc".rpartition("a"), "aaa".partition("a"), "aaa".rpartition("a")) if False else None
for args in [("",), ("c",)]:
    try:
        print("abc".partition(*args))
    except ValueError as e:
        print("ValueError:", e)
print("abcabc".find("c", -2), "abcabc".find("c", -1), "abcabc".rfind("a", 0, -3), "abcabc".count("abc", 1), "abc".find("", 5), "abc".find("", 3), "abc".count("", 1, 2))
print("hello".startswith(("he", "x")), "hello".startswith("l", 2), "hello".startswith("lo", -2), "hello".endswith(("lo", "z"), 0, 5), "hello".endswith("hel", 0, 3), "".startswith(""))
try:
    "x".startswith(["x"])
except TypeError as e:
    print("TypeError:", e)
print("-".join(str(i) for i in range(5)), "".join(reversed("abc")), ", ".join(map(repr, ["a", 1])), "x".join(["only"]), "ab".join("123"))
print("aaaa".replace("a", "b", 2), "aaaa".replace("aa", "b"), "abc".replace("", "-", 2), "abc".replace("x", "y"), "abc".replace("b", "", -1), "aXbXc".replace("X", "\n"))
print("Hello World".swapcase(), "hello world".title(), "hello-world_foo bar".title(), "they're bill's".title(), "ΣΊΣΥΦΟΣ".capitalize())
print("tab\tsep".expandtabs(1), "a\tb".expandtabs(-1), repr("\t".expandtabs()), "\r\tx".expandtabs(4))
print("%s" % "abc".center(10, "-"), "abc".ljust(2), "abc".rjust(5, "0"), "-5".zfill(4), "+".zfill(3), "".zfill(2), "αβγ".center(7, "*"))
print("abc" * -1, "abc" * 0, "ab" * 3, 3 * "xy", "abc"[5:], "abc"[-5:], "abc"[::-2], "abcdef"[1:-1:2])
print("Python".index("th"), "Python".rindex("n"), "mississippi".count("ss"), "mississippi".rfind("ss"), "mississippi".index("i", 5))
print(str.lower("ABC"), str.upper.__name__, "abc".__getitem__(1), "abc".__contains__("bc"), "a".__lt__("b"), "a".__mul__(3), "b".__rmul__(2))
print(repr("\a\b\f\v"), repr("\x1b[0m"), repr("\u00ad"), repr("\ufeff"), repr("\U0001f600"), repr("\u0378"))
