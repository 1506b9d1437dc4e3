s = "Hello, World"
print(s.upper(), s.lower(), s.split(", "), s[::-1], s[2:8:2], s.find("o"), s.count("l"))
print("-".join(["a", "b", "c"]), s.replace("l", "L", 2), s.startswith("He"), s.center(20, "*"))
print(repr("tab\there"), "%s=%d %5.2f %x %r" % ("x", 42, 3.14159, 255, "q"))
print("{} {:>8} {:08.3f} {!r}".format(1, "right", 2.5, "s"), "ß".casefold(), "ǅ".title())
print(ord("€"), chr(0x1F600), "é".encode(), b"caf\xc3\xa9".decode(), "a\u0301".isalpha())
