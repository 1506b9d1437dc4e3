# Lone surrogates survive every way of building a str by formatting:
# printf-style %, str.format / format_map, format() with str and number
# specs, f-strings (values, literal text, specs) and t-strings, join and +.
# Only reprs and lengths are printed: writing a lone surrogate to stdout
# fails to encode.
s = "a\udc80b"
x = 5


def show(label, r):
    print(label, repr(r), len(r), r == s)

show("percent-s", "%s" % s)
show("percent-r", "%r" % s)
show("percent-a", "%a" % s)
show("percent-5s", "%5s|" % s)
show("percent-.2s", "%.2s" % s)
show("percent-dict", "%(x)s" % {"x": s})
show("format", "{}".format(s))
show("format-r", "{!r}".format(s))
show("format-width", "{:>5}".format(s))
show("format-fill", "{:\udc81^7}".format(s))
show("format-prec", "{:.2}".format(s))
show("format-builtin", format(s, ""))
show("format-builtin-spec", format(s, "<6"))
show("fstring", f"{s}")
show("fstring2", f"x{s}y{s!r}z")
show("fstring-spec", f"{s:>6}")
show("join", "-".join([s, s]))
show("join-sep", s.join(["x", "y"]))
show("concat", s + s)
show("concat2", "x" + s)
show("str", str(s))
show("format_map", "{x}".format_map({"x": s}))
show("template-literal", f"{'\udc80'}")
show("nested", "{:{}}".format(s, 4))
show("c-int", "%c" % 0xdc80)
show("c-int-w", "%-4c|" % 0xdc80)
show("c-str", "%3c" % "\udc80")
show("fmt-literal", "\udc80%s\udcff" % "x")
show("key", "%(\udc80)s" % {"\udc80": s})
show("kw", "{\udc80}".format(**{"\udc80": 1}))
show("format_map-key", "{\udc80}".format_map({"\udc80": s}))
show("index", "{0[0]}|{0[1]}".format([s, 2]))
show("conv-spec", "{!r:>12}".format(s))
show("center", "{:^6}".format(s))
show("builtin-fill", format(s, "\udc81<5"))
show("fstring-fill", f"{s:\udc81>5}")
show("fstring-literal", f"x\udc80{s}\udcff")
show("fstring-conv", f"{s!s:>5}")
show("fstring-nested", f"{s:{'>'}{5}}")
show("format-c", format(0xdc80, "c"))
show("format-c2", "{:c}".format(0xdc80))
class S(str):
    def __str__(self):
        return "\udc82" + self
show("subclass-s", "%s" % S("z"))
show("subclass-format", "{}".format(S("z")))
show("subclass-fstring", f"{S('z')!s}")
show("w-prec", "%5.2s|" % s)
show("ascii", "%a|{!a}" % s)
show("join", "".join(["\udc80", s, "\ud800"]))
show("mult", s * 2)
show("upper", s.upper())
print(("%s" % s).encode("utf-8", "surrogateescape"))
print(f"{s}".encode("utf-8", "surrogatepass"))
show("fstring-brace", f"{{\udc80}}")
show("fstring-raw", rf"\udc80{x}")
show("fstring-plain", f'\udc80')
show("fstring-quotes", f"''\udc80{x}")
show("fstring-conv-fill", f"{x!r:\udc80>4}")
show("fstring-concat", "a" f"\udc80{x}" "\udc81")
show("fstring-debug", f"{x=}\udc80")
show("int-fill", format(5, "\udc80>3"))
show("float-fill", "{:\udc80^9.2f}".format(2.5))
show("c-fill", format(0xdc80, "\udc81<3c"))
tpl = t"\udc80{x:\udc81>3}{s!r}"
print(repr(tpl.strings), repr(tpl.interpolations[0].format_spec), tpl.interpolations[1].conversion)
for bad in (lambda: "%\udc80" % (1,), lambda: "{!\udc80}".format(1), lambda: "%c" % 0x110000):
    try:
        bad()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, ascii(str(e)))
