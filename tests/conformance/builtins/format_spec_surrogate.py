# Format-spec errors quote the spec as given: a lone surrogate (fill, type, anywhere) shows as itself, not U+FFFD.
cases = [(1, "\ud800<5xx"), (1.5, "\ud800<5xx"), (2j, "\ud800<5xx"), (True, "\ud800<5xx"), ("ab", "\ud800<5xx"), (1, "\ud800"), (1, "Z\ud800"), (1.5, "5\ud800"), ("ab", ",\ud800"), (1, "\udc00>10,.2fq"), (1, "x\ud800<5")] + [(0xd800, '\udc00^5c'), (0xd800, 'c'), (65, '\ud800>3c'), (1, '\ue000\ud800'), (1, "\\xe000'\ud800"), (1, '\ud800\ue000<5xx'),
         ('ab', '\ud800^6'), ('ab', '\ud800<5xx'), (1, '\ud800<+5d'), (1.25, '\udfff=+9.2f'), (3j, '\ud800>12'),
         (1, '\ud800<\ud800'), (1, '\ud800<,c'), (5, '\ud800<#5x'), ('s', '\ud800<='), (1, '\ud800<.'), (1, '\ud800<5_n'), ('s', '\ud800<+')]
for v, s in cases:
    try:
        print(ascii(v), ascii(s), "ok", ascii(format(v, s)))
    except Exception as e:
        print(ascii(v), ascii(s), type(e).__name__, ascii(str(e)))
print(ascii(f"{'x':\ud800^5}"), ascii("{0:\ud800>4}".format(7)))
try:
    "{:\ud800<5xx}".format(1)
except ValueError as e:
    print("str.format:", ascii(str(e)))
try:
    f"{1:\ud800<5xx}"
except ValueError as e:
    print("f-string:", ascii(str(e)), str(e).encode("utf-8", "backslashreplace"))
# A value character in the private-use area is not taken for a stand-in.
print(ascii(format(0xE000, '\ud800>3c')), ascii(format(0xE001, '\udc00^5c')), ascii(format(0xD800, '\ue000<3c')))
