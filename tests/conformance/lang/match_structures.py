# Pins: match sequence and mapping patterns: star captures, nested patterns, **rest, length checks, and str/bytes not matching sequences.
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a},{b}"
        case [first, *mid, last] if len(mid) > 2:
            return f"long first={first} mid={mid} last={last}"
        case [first, *rest]:
            return f"first={first} rest={rest}"
    return "not a sequence"

for v in [[], [1], (1, 2), [1, 2, 3], list(range(6)), "ab", b"ab", {1: 2}, range(3), 5]:
    print(repr(v), "->", seq(v))

def mapping(m):
    match m:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} rest={sorted(rest.items())}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "some mapping"
    return "not a mapping"

for v in [{"type": "point", "x": 1, "y": 2, "z": 0}, {"type": "circle", "r": 3, "c": "red", "a": 1},
          {"type": "sq"}, {}, {"x": 1}, [("type", "point")]]:
    print(mapping(v))

def nested(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as d]:
            return f"go {d}"
        case ["take", *items] if items:
            return f"take {items}"
        case ["say", *_]:
            return "say something"
        case [("quit" | "exit")]:
            return "bye"
        case _:
            return "?"

for c in ["go north", "go west", "take a b", "take", "say hi there", "exit", ""]:
    print(repr(c), nested(c))

def tuples(p):
    match p:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"y-axis {y}"
        case (x, 0):
            return f"x-axis {x}"
        case ((a, b), (c, d)):
            return f"segment {a}{b}-{c}{d}"
        case (x, y, *_):
            return f"point {x} {y}"
print(tuples((0, 0)), tuples((0, 5)), tuples([3, 0]), tuples(((1, 2), (3, 4))), tuples((7, 8, 9)))
from collections import OrderedDict, defaultdict, deque
match deque([1, 2]):
    case [a, b]:
        print("deque matched", a, b)
match defaultdict(int, {"k": 1}):
    case {"k": v}:
        print("defaultdict matched", v)
match OrderedDict(a=1):
    case {"a": 1, **kw}:
        print("ordered", kw)
match {"a": 1}:
    case {"a": 1, "b": _}:
        print("wrong")
    case {"a": _, **extra} if not extra:
        print("exact a")
class Mapping2(dict):
    def __missing__(self, k):
        return "missing"
match Mapping2(a=1):
    case {"b": v}:
        print("matched via missing?", v)
    case _:
        print("__missing__ not used by match")
