# Pins: string literal escapes (\n \t \\ \' \" \a \b \f \v \0 \ooo \xhh \uXXXX \UXXXXXXXX \N{...}), raw strings, bytes escapes, implicit concatenation, triple quotes with line continuations, invalid escape warnings avoided via raw.
s = "tab\tnl\\n quote\' dq\" bell\a bs\b ff\f vt\v nul\0 oct\101\7 hex\x41\x7e uni\u00e9 big\U0001F600 named\N{GREEK SMALL LETTER ALPHA}"
print(repr(s), len(s))
print([ord(c) for c in "\a\b\f\v\0\x7f"], "\101\102\103", "\x41\u0042\U00000043", "\N{EM DASH}", "\N{LATIN SMALL LETTER E WITH ACUTE}" == "é")
print(r"raw \n \t \\ \x41", len(r"\n"), r"C:\path\to", rb"\x00", Rb"\d", br"\\")
print("implicit" " concat" ' mixed', b"by" b"tes", "a" "" "b")
t = """line1
line2 \
continued
	tab"""
print(repr(t))
print('''single 'quotes' "inside"''', """x""" + '''y''')
print(b"\x00\xff\n\t\\", list(b"\x00\xff\101"), b"\u00e9", len(b"\u00e9"))
print("\
joined")
print(f"{'nested'!r} {1+1} {{braces}} {'\\n'!r}")
name = "x"
print(rf"\d+{name}", fr"{name}\t", Rf"{name!r}")
print("é" == "\xe9", "\u00e9" == "e\u0301", len("e\u0301"), "\N{LATIN CAPITAL LETTER A}\N{COMBINING RING ABOVE}")
print(repr("\r\n"), repr("\x1b[0m"), repr("\u200b"), repr("\ud800"), repr("\U0010ffff"), ascii("\u00e9\U0001F600"))
print("a\
b", 'it''s')
print("end with backslash\\", r"raw ends ok\\"[-2:])
print(str(b"\x80abc"), bytes("\x80", "latin-1"), "\x80".encode(), "abc"[::-1], "\t".isspace())
for bad in ['"\\N{NOT A NAME}"', '"\\x4"', '"\\u12"', "b'\\u00e9' + 'é'", "b'é'"]:
    try:
        print(eval(bad))
    except (SyntaxError, TypeError) as e:
        print(type(e).__name__, e.msg if isinstance(e, SyntaxError) else e)
print(eval('"\\777"') == chr(0o777) if False else "skip-oct-warning", "\12" == "\n", "\012" == "\n", "\1234" == "S4")
print(len("""
"""), "".join(["a", "\n", "b"]).split("\n"), "a\u2028b".splitlines())
