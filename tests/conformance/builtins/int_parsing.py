# Pins: int() parsing: bases 0/2/8/16/36, prefixes, underscores rules, whitespace and sign handling, unicode digits, error messages; float()/complex() string parsing incl. inf/nan spellings and errors.
for s, base in [("42", 10), ("  -17  ", 10), ("+5", 10), ("0x1F", 16), ("1F", 16), ("0b101", 0), ("0o17", 0), ("0x_ff", 0), ("1_000_000", 10), ("z", 36), ("ZZ", 36), ("٣٤", 10), ("0", 0), ("00", 0), ("10", 2), ("777", 8), ("-0b11", 0)]:
    print(repr(s), base, int(s, base))
for s, base in [("", 10), ("1.5", 10), ("0x", 16), ("12", 2), ("1__0", 10), ("_1", 10), ("1_", 10), ("08", 0), ("abc", 10), ("1 2", 10), ("0b2", 0), ("- 1", 10)]:
    try:
        int(s, base)
    except ValueError as e:
        print(repr(s), base, "ValueError", e)
for base in [1, 37, -1]:
    try:
        int("1", base)
    except ValueError as e:
        print(base, "ValueError", e)
try:
    int(5, 10)
except TypeError as e:
    print("TypeError", e)
print(int(3.99), int(-3.99), int(True), int(b"12"), int(bytearray(b" 7 ")), int("1" * 30), int(1e20))
for v in [float("inf"), float("nan")]:
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
class Idx:
    def __index__(self): return 7
class Tr:
    def __trunc__(self): return 9
class IntM:
    def __int__(self): return 11
print(int(Idx()), int(IntM()))
try:
    int(Tr())
except TypeError as e:
    print("TypeError", e)
try:
    int(None)
except TypeError as e:
    print("TypeError", e)
for s in ["1.5", " -2.5e3 ", "inf", "-Infinity", "nan", "NaN", "+iNf", "1_000.5", ".5", "5.", "1e-400", "1e400", "0x1p3" if False else "3", "١٫٥" if False else "٣.٥"]:
    print(repr(s), float(s))
for s in ["", "1.2.3", "1e", "abc", "1_", "infinity and beyond", "0x10"]:
    try:
        float(s)
    except ValueError as e:
        print(repr(s), "ValueError", e)
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), (3.0).hex(), float(True), float(10**20))
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError", e)
for s in ["1+2j", "-3j", "(1-1j)", " 2.5 ", "j", "1e3+1e-3j", "inf-nanj"]:
    print(repr(s), complex(s))
for s in ["1 + 2j", "2j+1j", "", "(1+2j", "abc"]:
    try:
        complex(s)
    except ValueError as e:
        print(repr(s), "ValueError", e)
print(complex(1, 2), complex(real=3), complex(1j, 1j), complex("1", ) if True else None)
try:
    complex("1", 2)
except TypeError as e:
    print("TypeError", e)
