# Pins: match statement with literal, capture, wildcard, value (dotted), or, as and guard patterns.
import enum

class Color(enum.Enum):
    RED = 1
    GREEN = 2

class K:
    LIMIT = 10

def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imaginary"
        case "hello" | "hi":
            return "greeting"
        case b"bytes":
            return "bytes literal"
        case True:
            return "true"
        case None:
            return "none"
        case Color.RED:
            return "red"
        case K.LIMIT:
            return "limit"
        case str() as s if len(s) > 5:
            return f"long string {s!r}"
        case int(n) if n < 0:
            return f"negative {n}"
        case _:
            return "other"

for v in [0, 2, -1, 1.5, 2j, "hi", b"bytes", True, None, Color.RED, Color.GREEN, 10, "longer one", -7, 99, "x", 1.0, False]:
    print(repr(v), "->", describe(v))

def capture(x):
    match x:
        case n if n > 100:
            return f"big {n}"
        case other:
            return f"captured {other}"

print(capture(500), capture(5))
match 42:
    case value:
        pass
print("after match value =", value)
def strs(s):
    match s:
        case "a" "b":
            return "implicit concat"
        case f if f == "c":
            return "guarded"
    return "fell through"
print(strs("ab"), strs("c"), strs("z"))
def or_as(x):
    match x:
        case (1 | 2) as small:
            return f"small {small}"
        case [1, 2] | (3, 4) as seq:
            return f"seq {seq}"
    return None
print(or_as(2), or_as([1, 2]), or_as((3, 4)), or_as(5))
def bool_vs_int(x):
    match x:
        case True:
            return "True literal"
        case 1:
            return "one"
    return "neither"
print(bool_vs_int(1), bool_vs_int(True), bool_vs_int(1.0))
