# Pins: str.format: positional/auto/named fields, attribute and index access, conversions !r/!s/!a, nested format specs, format_map with missing-key dict subclass, brace escaping, error messages.
print("{} {} {}".format(1, "a", None), "{1} {0} {1}".format("x", "y"), "{name}-{0}".format(5, name="n"))
class P:
    x = 3
    items = [10, 20]
    def __format__(self, spec): return f"P<{spec}>"
    def __repr__(self): return "P()"
    def __str__(self): return "p-str"
p = P()
print("{0.x} {0.items[1]} {d[key]} {d[0]}".format(p, d={"key": "v", 0: "zero"}), "{0[1]}".format("ab"))
print("{!r} {!s} {!a} {}".format(p, p, "é", p), "{:>10}|".format(p), "{0!r:>6}|".format("s"))
print("{:{w}.{p}f}|".format(3.14159, w=10, p=2), "{:{}{}{}}".format(42, "*", "^", 9), "{0:{1}}".format("x", 5) + "|")
print("{{}} {{{0}}} {{".format(7) if False else "{{}} {{{0}}}".format(7))
class Default(dict):
    def __missing__(self, key): return f"<{key}>"
print("{a} and {b}".format_map(Default(a=1)), "{x}".format_map({"x": "map"}))
for fmt, args, kw in [("{0} {1}", (1,), {}), ("{name}", (), {}), ("{", (), {}), ("}", (), {}), ("{0!x}", (1,), {}), ("{} {0}", (1, 2), {}), ("{0.nope}", (1,), {}), ("{0[5]}", ([1],), {}), ("{:d}", ("s",), {}), ("{:,s}", ("s",), {})]:
    try:
        print(fmt.format(*args, **kw))
    except (IndexError, KeyError, ValueError, AttributeError, TypeError) as e:
        print(repr(fmt), type(e).__name__, e)
print("{:<8}|{:^8}|{:>8}|{:*^9}|".format("l", "c", "r", "mid"), "{:=+8}|{:08.3f}|{:#x}|{:#o}|{:#b}".format(-5, -3.14159, 255, 8, 5))
print("{:,}|{:_}|{:_x}|{:,.2f}|{:.3%}|{:e}|{:G}".format(1234567, 1234567, 0xFFFFFF, 9876.543, 0.12345, 12345.678, 1e-10))
print("{0:c}{1:c}".format(72, 105), "{:n}".format(1000), "{:10}|{:<10}|".format(5, 5), "{:.0f} {:.0f} {:.0f}".format(0.5, 1.5, 2.5))
print("{:s}".format("str"), "{:.2s}".format("abcdef"), "{:>5.2}|".format("xyz"), format(12, ""), format("s", ""), format(3.0, ""), format(1e20, ""))
print("{0}{0}{0}".format("ab"), "{x}{y}".format(**{"x": 1, "y": 2}), "{[0]}".format(("t",)), "{0[a]}".format({"a": "A"}))
print("{:%Y-%m}".format(__import__("datetime").date(2024, 5, 1)), "{:>{}}".format("r", 4))
print(str.format("{}", 1), "{0:}|{0!s:}".format(3), "{:^}".format("z"), "{:}".format(None))
print("{0:{fill}{align}{width}}".format("v", fill="~", align="<", width=6), "{:{}}".format("t", ">3"))
print("{:+} {: } {:-}".format(5, 5, 5), "{:+} {: }".format(-5, -5), "{:x} {:X}".format(-255, 255))
