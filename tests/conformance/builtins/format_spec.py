# Pins: the format mini-language for int, float, str and bool: fill/align/sign/#/0/width/grouping/precision/type, including error messages.
ints = [0, 7, -42, 255, 1234567, -1234567890]
for spec in ["", "d", "5d", "<6", "^7", ">8", "=+8", "+", "-", " ", "08", "#x", "#X", "#o", "#b", "x", "o", "b", "c", ",", "_", "_x", "_b", "e", ".2f", "%", "n", "*^9", "0=10", "#010x"]:
    out = []
    for i in ints:
        try:
            out.append(format(i, spec))
        except (ValueError, OverflowError) as e:
            out.append(f"{type(e).__name__}: {e}")
    print(repr(spec), out)
floats = [0.0, -0.0, 1.5, -2.25, 3.14159265, 1e10, 1.23e-5, 123456.789, float("inf"), float("nan"), 2.5, 0.125]
for spec in ["", "f", ".0f", ".1f", ".3f", "e", ".2e", "E", "g", ".3g", "G", "%", ".1%", "10.2f", "<10.1f", "^10", "+.2f", " .1f", "010.2f", ",.2f", "_.1f", "#.0f", "#g", ".0e", "z.1f", ".15g", ".17g", "r" if False else "n"]:
    out = []
    for f in floats:
        try:
            out.append(format(f, spec))
        except ValueError as e:
            out.append(f"ValueError: {e}")
    print(repr(spec), out)
strs = ["", "a", "hello", "héllo"]
for spec in ["", "s", "5", "<5", ">5", "^5", "*^7", ".2", "10.3", "=5"]:
    out = []
    for s in strs:
        try:
            out.append(format(s, spec))
        except ValueError as e:
            out.append(f"ValueError: {e}")
    print(repr(spec), out)
print(format(True, ""), format(True, "d"), format(False, "^5"), format(True, "s") if False else "-", format(None, ""), format(3j, ""))
for value, spec in [(1, "s"), ("s", "d"), (1.5, "d"), (1, ".2"), ("x", "+"), (1, "=^"), (1, ",_"), (1.5, "x"), (10, "_c") ]:
    try:
        print(repr(spec), format(value, spec))
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
print("{:{}{}}".format(42, ">", 6), "{0:{1}}".format(3.14159, ".2f"), "{:,}".format(-1234.5), "{:.2%}".format(1 / 3))
print(f"{12345678:_d} {0xFFFF:_x} {-0.0:+.1f} {1e100:.3e} {5:#b} {255:#o}")
