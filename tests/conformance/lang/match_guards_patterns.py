# Pins: structural pattern matching: guards evaluated after binding, or-patterns with alternatives binding same names, as-patterns, class patterns with __match_args__ and keyword patterns, mapping patterns with **rest, sequence patterns with star, value patterns via dotted names, irrefutable last case.
from dataclasses import dataclass
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
@dataclass
class Point:
    x: int
    y: int
@dataclass
class Circle:
    center: Point
    r: float
def describe(obj):
    match obj:
        case Point(0, 0):
            return "origin"
        case Point(x, 0) | Point(0, x):
            return f"on an axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Circle(Point(x, y) as c, r) if r > 10:
            return f"big circle at {c} r={r}"
        case Circle(center=Point(), r=r):
            return f"circle r={r}"
        case {"type": "user", "name": str(name), **rest}:
            return f"user {name} extra={sorted(rest)}"
        case {"type": "group", "members": [first, *others]}:
            return f"group led by {first} (+{len(others)})"
        case [Color.RED | Color.GREEN as c, *_]:
            return f"starts with color {c.name}"
        case [int(a), int(b), *rest] if not rest:
            return f"pair {a},{b}"
        case [int(), *middle, int()]:
            return f"int-bracketed {middle}"
        case str() as s if s.isdigit():
            return f"digit string {s}"
        case str(s):
            return f"string {s!r}"
        case float(f) | int(f):
            return f"number {f}"
        case None:
            return "none"
        case _:
            return f"other {type(obj).__name__}"
tests = [Point(0, 0), Point(5, 0), Point(0, 7), Point(3, 3), Point(1, 2), Circle(Point(1, 1), 20), Circle(Point(0, 0), 1.5),
         {"type": "user", "name": "ann", "age": 3, "x": 1}, {"type": "user", "name": 5}, {"type": "group", "members": ["a", "b", "c"]},
         [Color.GREEN, 1], [1, 2], [1, "x", "y", 2], [1, 2, 3], "123", "abc", 2.5, 7, None, {1, 2}, (3, 4)]
for t in tests:
    print(repr(t), "->", describe(t))
class Cmd:
    __match_args__ = ("verb", "arg")
    def __init__(self, verb, arg=None): self.verb, self.arg = verb, arg
def run(c):
    match c:
        case Cmd("go", direction) if direction in ("n", "s"):
            return f"going {direction}"
        case Cmd("go", _):
            return "invalid direction"
        case Cmd(verb="quit"):
            return "bye"
        case Cmd(v):
            return f"unknown {v}"
print([run(c) for c in [Cmd("go", "n"), Cmd("go", "x"), Cmd("quit"), Cmd("dance")]])
class TooMany:
    __match_args__ = ("a",)
    a = 1
try:
    match TooMany():
        case TooMany(x, y):
            pass
except TypeError as e:
    print("TypeError", e)
def guard_side_effects(v):
    log = []
    def g(tag):
        log.append(tag)
        return False
    match v:
        case [x] if g(f"first {x}"):
            pass
        case [x, *_] if g(f"second {x}"):
            pass
        case _:
            log.append("default")
    return log
print(guard_side_effects([1]), guard_side_effects([2, 3]), guard_side_effects("no"))
match {"a": 1, "b": 2}:
    case {"a": 1}:
        print("mapping patterns ignore extra keys")
match "hello":
    case [*chars]:
        print("strings are not sequences here", chars)
    case _:
        print("str did not match sequence pattern")
x = 42
match 42:
    case y:
        print("capture binds", y)
print("y still bound after match:", y)
