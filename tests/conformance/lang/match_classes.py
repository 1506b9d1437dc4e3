# Pins: match class patterns: positional via __match_args__, keyword patterns, builtin self-matching types, dataclasses and errors.
from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int

class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center, self.radius = center, radius

def where(shape):
    match shape:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case Circle(Point(x=cx, y=cy), r) if r > 10:
            return f"big circle at {cx},{cy}"
        case Circle(center=c, radius=r):
            return f"circle r={r} at {c}"
        case int(i) | float(i):
            return f"number {i}"
        case str(s):
            return f"string {s}"
        case list([x, *_]) | tuple((x, *_)):
            return f"starts with {x}"
        case dict(d):
            return f"dict of {len(d)}"
        case bool(b):
            return "never: bool is an int"
    return "unknown"

for s in [Point(0, 0), Point(0, 3), Point(2, 2), Point(1, 5), Circle(Point(1, 2), 20), Circle(Point(0, 0), 1),
          7, 2.5, True, "txt", [9, 8], (4,), {"a": 1}, None]:
    print(where(s))

class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)

class Two:
    __match_args__ = ("a",)
    a = 1
try:
    match Two():
        case Two(1, 2):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match Two():
        case Two(1, a=1):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match 5:
        case len():
            pass
except TypeError as e:
    print("TypeError:", e)
class Attr:
    def __init__(self):
        self.seen = []
    def __getattr__(self, name):
        self.seen.append(name)
        raise AttributeError(name)
a = Attr()
match a:
    case Attr(missing=1):
        print("no")
    case _:
        print("attribute lookup for", a.seen)
print(Point.__match_args__)
match 3:
    case int(3):
        print("int(3) matches")
match "abc":
    case str("abc"):
        print("str subject matches")
