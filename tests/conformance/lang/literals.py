# Pins: literal syntax: numeric forms and underscores, string prefixes and escapes, bytes, implicit concatenation, containers.
print(0b1010, 0o17, 0xFF, 1_000_000, 0x_ff, 1e3, 1.5e-3, .5, 5., 1_0.0_1, 0j, 3.0J)
print(10**20, -0, 0.0, -0.0, 1e308 * 10, -1e308 * 10)
print("tab\tnew\\n", 'single', "double", '''triple''', """tri"ple""")
print("\x41\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}\101\0end".encode("utf-8"))
print(len("\N{SNOWMAN}"), "\N{snowman}" == "\u2603")
print(r"raw\n\t", R"RAW\x", rb"raw\bytes", Rb"x\y", br"\z")
print(b"\x00\xff\n", b"abc" b"def", "con" "cat" 'enation')
print("line \
continuation")
print(u"unicode prefix", type(u"").__name__)
print([1, 2,], (1,), (), {}, {1,}, {"k": "v",}, [[]], ((),))
print(type({}).__name__, type({1}).__name__, type(()).__name__)
print(..., Ellipsis is ..., None, True, False)
print(0.1, 1/3, 2/3, 1e16, 1e-5, 123456789012345678.0, 1e22, 1e-7)
print(0xdead_beef, 0b_1_0, 0o_7)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    eval(r'"\d"')
    print([str(x.message) for x in w], [x.category.__name__ for x in w])
for src in ["0b102", "1__0", "0x", "1_", "'unterminated", '"""x', "0777", "1.e_5", "b'\u00e9'"]:
    try:
        eval(src)
        print(src, "ok")
    except SyntaxError as e:
        print(repr(src), "SyntaxError:", e.msg)
print(1 if 0x10 == 16 else 0, 1_0 == 10, 0o10 == 8)
print("a" "b" == "ab", "x" * 3, 3 * "y", [0] * 3, (1,) * 2)
print(type(1j).__name__, (1 + 2j).real, (1 + 2j).imag, 2j * 2j)
print('\'', "\"", '\a\b\f\v\r'.encode())
print(int("0b11", 0), int("0o7", 0), int("0x1F", 0), int("1_000", 0))
