# Pins: printf-style % formatting for str and bytes: all conversions (d i o x X e E f F g G c r s a %), flags (- + space # 0), * width/precision, mapping keys, tuple argument rules, error messages.
print("%d %i %o %x %X" % (42, -42, 8, 255, 255), "%5d|%-5d|%05d|%+d|% d" % (3, 3, 3, 3, 3))
print("%e %E %f %F %g %G" % (12345.678, 0.00012, 1.5, 2.25, 0.0001, 1e20), "%.2e %.0f %.3g %#.3g %10.4f|" % (1234.5, 2.5, 1234.5, 1.0, 3.14159))
print("%c%c %r %s %a" % (65, "z", "q", "s", "é"), "%#o %#x %#X" % (8, 255, 255), "%%" % (), "100%%" % ())
print("%(name)s is %(age)d" % {"name": "ann", "age": 30}, "%(x)s %(x)r" % {"x": "v"})
print("%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159), "%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),))
print("%.3s|%5.1s|" % ("abcdef", "xyz"), "%x" % -255, "%o" % -8, "%d" % 3.99, "%d" % True, "%s" % None)
print("%i" % 1e3, "%.1f%%" % 99.5, "%g" % 100000, "%g" % 1000000, "%g" % 1e-5, "%G" % 1e-5)
for fmt, args in [("%d", "str"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", 1), ("%(k)s", (1,)), ("%c", 1234567890), ("%c", "ab"), ("%(a)s %s", {"a": 1}), ("%", ()), ("%x", 1.5)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__, e)
print(b"%d %s %b %x %c" % (5, b"bytes", b"b", 255, 65), b"%5s|%-5s|" % (b"ab", b"cd"), b"%(k)s" % {b"k": b"v"}, b"%a %r" % ("é", "x"))
try:
    b"%s" % "str"
except TypeError as e:
    print("TypeError", e)
print(bytearray(b"%d-%d") % (1, 2), "%s" % b"raw", "%r" % b"raw")
class Str:
    def __str__(self): return "S!"
    def __repr__(self): return "R!"
print("%s %r" % (Str(), Str()), "%s" % {"a": 1}, "%.2f" % __import__("decimal").Decimal("1.005"), "%d" % __import__("fractions").Fraction(7, 2))
print("%-10s|%10s|" % ("left", "right"), "%3d%%" % 50, "%+.2e" % -0.000123, "%#.0f" % 3, "%#x" % 0, "%05.1f" % -2.5)
print("%s and %s" % ("a", "b"), "%s" % "only", "%(a)s%(a)s" % {"a": "x"}, "" % (), "no format" % {})
try:
    "no format" % ("x",)
except TypeError as e:
    print("TypeError", e)
print("%.0e|%.1e|%e" % (5e10, 1.25, 0.0), "%g|%g|%g" % (float("inf"), float("-inf"), float("nan")), "%f" % 1e50)
