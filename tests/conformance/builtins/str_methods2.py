# Pins: str methods, part 2: classification, translate/maketrans, encode, format and format_map, %-formatting, comparisons and iteration.
for s in ["abc", "ABC", "123", "١٢٣", "½", "a1", " \t\n", "", "Abc Def", "x_y", "_id", "3x", "class", "ⅷ", "²"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(), s.isidentifier(), s.isprintable(), s.isascii())
print("\x00".isprintable(), "\u200b".isprintable(), "é".isascii())
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcdd".translate(t), "hello".translate({ord("l"): None, ord("h"): "J"}))
print(str.maketrans({"a": "1", "b": None}))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print("ValueError:", e)
print("héllo €".encode(), "héllo".encode("latin-1"), "abc".encode("ascii"), "é".encode("utf-16-le"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print("é€".encode("ascii", "replace"), "é".encode("ascii", "ignore"), "é".encode("ascii", "xmlcharrefreplace"), "é".encode("ascii", "backslashreplace"))
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{name}-{0}".format(5, name="n"), "{0[1]} {1.real}".format([1, 2], 3j))
print("{:>5}|{:<5}|{:^5}|{:05.1f}|{!r}".format("a", "b", "c", 3.14159, "q"), "{{}} {}".format(1))
print("{x[k]}".format_map({"x": {"k": "mapped"}}), "{:,}".format(10**9), "{:%}".format(0.25))
for bad in ["{", "}", "{0} {}", "{a}", "{0!x}"]:
    try:
        print(bad.format(1))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__ + ":", e)
print("%s %r %d %5.2f %x %o %e %c %%" % ("s", "r", 42, 3.14159, 255, 8, 12345.678, 65))
print("%(a)s-%(b)03d" % {"a": "x", "b": 7}, "%-5s|" % "ab", "%+d" % 5, "%.3s" % "abcdef", "%*d" % (5, 1))
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print("a" < "b", "a" < "B", "abc" < "abd", "Z" < "a", "é" > "z", "" < "a", sorted(["b", "A", "a", "B"]))
print(list("héllo"), [ord(c) for c in "aé€😀"], chr(97), chr(0x1F600), ord("\n"))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
print(str(b"bytes"), str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"), str(123), str([1, "a"]))
print(repr("quote'"), repr('dq"'), repr("both'\""), repr("\x7f\x80\u2028\U0010ffff"), repr("\ud800"), ascii("naïve ☃"))
print("abc".__contains__("b"), "a".__add__("b"), "ab".__mul__(2), "%s".__mod__(1), str.__len__("four"))
print(max("hello"), min("hello"), sorted("hello"), "".join(reversed("abc")), "a,b".split(",") == ["a", "b"])
print(hash("") == 0, "abc" == "ab" + "c", "a" * 0 == "", "x".join("abc"))
