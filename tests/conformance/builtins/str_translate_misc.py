# Pins: str.maketrans forms (dict, two strings, deletion arg) and translate with None/str/int values, bytes.maketrans/translate(delete), str.center/ljust/rjust/zfill with fill chars, count/find/index with ranges, replace count, startswith tuple.
t = str.maketrans("abc", "xyz")
print(t, "aabbcc".translate(t), "abc".translate(str.maketrans("ab", "AB", "c")))
print("hello".translate({ord("l"): None, ord("h"): "J", ord("o"): "0!"}), "abc".translate({97: 65}), "abc".translate({}))
print(str.maketrans({"a": "1", "b": None, 99: "3"}))
for bad in [lambda: str.maketrans("ab", "x"), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans(1), lambda: "x".translate({ord("x"): 1.5})]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
bt = bytes.maketrans(b"abc", b"ABC")
print(len(bt), b"aabbcc".translate(bt), b"hello world".translate(None, b"lo"), b"abc".translate(bt, b"b"), bytearray(b"xyz").translate(bytes.maketrans(b"x", b"X")))
print("x".center(5, "*"), "ab".center(5), "ab".center(6, "-"), "abc".center(2), "7".zfill(3), "-7".zfill(4), "+7".zfill(4), "abc".zfill(5), "".zfill(2), "1234".zfill(2))
print("l".ljust(4, "."), "r".rjust(4, "."), "e".ljust(0), "é".rjust(3, "é"))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError", e)
s = "banana bandana"
print(s.count("an"), s.count("an", 3), s.count("an", 3, 8), s.count(""), "".count(""), s.count("ana"))
print(s.find("an"), s.find("an", 2), s.find("an", 2, 4), s.find("zz"), s.rfind("an"), s.rfind("an", 0, 5), s.index("ban", 1), s.rindex("b"))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError", e)
try:
    s.rindex("zz")
except ValueError as e:
    print("ValueError", e)
print(s.replace("an", "AN"), s.replace("an", "AN", 2), s.replace("", "-", 3), s.replace("a", "", -1), "aaa".replace("a", "b", 0), "x".replace("x", "yy", count=1))
print(s.startswith("ban"), s.startswith(("x", "ban")), s.startswith("ana", 1), s.endswith("ana"), s.endswith(("x", "y")), s.endswith("ban", 0, 3), "".startswith(""), "a".endswith(""))
try:
    s.startswith(["b"])
except TypeError as e:
    print("TypeError", e)
print(s.find("", 100), s.find("", 14), s.rfind(""), "abc".index("", 3), "abc"[3:].find(""))
print("%r" % "tab\there", repr("quote'\""), repr('only"double'), repr("back\\slash"), repr("\x00\x1f\x7f\x80\xa0"), ascii("ǅ😀"))
print(str(b"bytes"), str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"), str(bytearray(b"ba"), encoding="ascii"))
try:
    str(b"x", "no-codec")
except LookupError as e:
    print("LookupError", e)
try:
    str("already str", "utf-8")
except TypeError as e:
    print("TypeError", e)
