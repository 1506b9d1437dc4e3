# Pins: printf-style % formatting for str and bytes: flags, width/precision from *, mapping keys, conversions r/s/a, numeric types and errors.
for fmt, val in [("%5d", 42), ("%-5d|", 42), ("%05d", -42), ("%+d", 0), ("% d", 7), ("%x", 255), ("%#x", 255), ("%#o", 8), ("%X", 3054),
                 ("%e", 1234.5), ("%.2E", 0.000123), ("%g", 1e-5), ("%G", 1e20), ("%.3f", 2.0 / 3), ("%10.4f|", 3.14159), ("%-10.1f|", 2.25),
                 ("%c", 65), ("%c", "z"), ("%s", [1, "a"]), ("%r", "quote'd"), ("%a", "é"), ("%5s|", "ab"), ("%.1s", "xyz"), ("%%", ()), ("%i", 3.99),
                 ("%d", True), ("%.0f", 0.5), ("%.0f", 1.5), ("%s", None), ("%u", 5)]:
    print(repr(fmt), "->", repr(fmt % val))
print("%*d|%-*d|" % (5, 1, 4, 2), "%.*f" % (2, 3.14159), "%(name)s is %(age)03d" % {"name": "Ann", "age": 7}, "%(x)s %(x)r" % {"x": "v"})
print("%s and %s" % ("a", "b"), "%s" % ((1, 2),), "%s %%" % "pct", "no args" % ())
for fmt, val in [("%d", "x"), ("%s %s", ("one",)), ("%s", ("a", "b")), ("%(k)s", ("t",)), ("%c", 1114112), ("%c", "ab"), ("%y", 1), ("%(k", {"k": 1}), ("%*d", ("a", 1))]:
    try:
        print(fmt % val)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__ + ":", e)
print(b"%d %s %r %x %c|%5b|" % (5, b"bytes", "s", 255, 66, b"pad"), b"%(k)s" % {b"k": b"v"}, b"%a" % "é")
try:
    b"%s" % "str"
except TypeError as e:
    print("TypeError:", e)
class S:
    def __str__(self): return "S.str"
    def __repr__(self): return "S.repr"
    def __index__(self): return 9
print("%s %r %d %x" % (S(), S(), 3, S()))
print("%.3s|%5.1s|" % ("abcdef", "xyz"), "%-+8.2f|" % 3.14159, "%08.3e" % 12345.678, "%#.0f" % 3, "%#g" % 1.0)
