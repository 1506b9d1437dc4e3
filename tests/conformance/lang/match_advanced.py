# Pins: match statement evaluation details: subject evaluated once, guard evaluation order and side effects, no binding left by a failed pattern here, patterns on custom sequences/mappings, and irrefutable-pattern SyntaxErrors.
log = []
def subject():
    log.append("subject")
    return [1, 2, 3]
def guard(name, result):
    log.append(name)
    return result
match subject():
    case [a, b] if guard("g1", True):
        pass
    case [a, b, c] if guard("g2", False):
        pass
    case [a, *rest] if guard("g3", True):
        print("matched third", a, rest)
print(log)
match (1, 2):
    case (x, 3):
        pass
    case _:
        print("fell through; x is", globals().get("x", "unbound"))
from collections.abc import Sequence, Mapping
class MySeq(Sequence):
    def __getitem__(self, i):
        return (10, 20, 30)[i]
    def __len__(self):
        return 3
class MyMap(Mapping):
    def __getitem__(self, k):
        if k == "a":
            return 1
        raise KeyError(k)
    def __iter__(self):
        return iter(["a"])
    def __len__(self):
        return 1
match MySeq():
    case [first, *_, last]:
        print("custom sequence", first, last)
match MyMap():
    case {"a": v, **rest}:
        print("custom mapping", v, rest)
match "text":
    case [*_]:
        print("str is not a sequence pattern")
    case str():
        print("str matched class pattern")
match {"x": 1, "y": 2}:
    case {"x": 1} as whole:
        print("mapping subset with as:", whole)
for value in [0, 1, 2.0, "2", [2], (2,), None]:
    match value:
        case 0 | None:
            kind = "falsy literal"
        case 1 | 2:
            kind = "one or two"
        case "2" | [2]:
            kind = "string or list two"
        case _:
            kind = "other"
    print(repr(value), kind)
for src in ["match x:\n case a:\n  pass\n case 1:\n  pass", "match x:\n case a | b:\n  pass",
            "match x:\n case {**r, 'k': 1}:\n  pass", "match x:\n case [a, a]:\n  pass", "match x:\n case 1 + 1:\n  pass",
            "match x:\n case f():\n  pass"]:
    try:
        compile(src, "<m>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
match = 5
case = [match]
print(match, case)
def soft_keyword_match(match):
    match match:
        case int():
            return "int"
    return "no"
print(soft_keyword_match(3))
