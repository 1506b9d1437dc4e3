def describe(v):
    match v:
        case 0 | 1:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case [x, y, *rest]:
            return f"seq {x} {y} +{len(rest)}"
        case {"kind": "pt", "x": x, **kw}:
            return f"point {x} {kw}"
        case str() as s if len(s) > 3:
            return "long string " + s
        case (1, _) | (_, 1):
            return "has one"
        case float():
            return "float"
        case None:
            return "none"
        case _:
            return "other"
class P:
    __match_args__ = ("a", "b")
    def __init__(self, a, b): self.a, self.b = a, b
for v in [0, -5, [1, 2, 3, 4], {"kind": "pt", "x": 1, "y": 2}, "hello", (2, 1), 2.5, None, "ab", 7]:
    print(describe(v))
match P(1, 2):
    case P(1, b=2):
        print("P matched")
