# Pins: more enum behaviour: _generate_next_value_, _ignore_, custom __str__/__format__, Flag boundaries and pseudo-members, member aliases in iteration, enum properties, functional API with start, and IntFlag arithmetic.
import enum
class Lower(enum.StrEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)
    ALPHA = enum.auto()
    BETA = enum.auto()
print(list(Lower), Lower.BETA.value)
class Weekday(enum.Enum):
    _ignore_ = ["i"]
    MON = 1
    TUE = 2
    for i in range(3, 4):
        vars()["WED"] = i
print(list(Weekday), hasattr(Weekday, "i"))
class Pretty(enum.Enum):
    A = 1
    def __str__(self):
        return f"pretty-{self.name.lower()}"
    def __format__(self, spec):
        return f"fmt[{self.name}:{spec}]"
print(str(Pretty.A), f"{Pretty.A:>5}", repr(Pretty.A), format(Pretty.A, ""))
class Color(enum.Flag, boundary=enum.STRICT):
    R = 1
    G = 2
    B = 4
try:
    Color(8)
except ValueError as e:
    print("ValueError:", e)
class Loose(enum.Flag, boundary=enum.KEEP):
    A = 1
    B = 2
print(Loose(7), Loose(7).value, repr(Loose(0)))
class Conform(enum.Flag, boundary=enum.CONFORM):
    A = 1
    B = 2
print(Conform(7), Color.R | Color.G, (Color.R | Color.G | Color.B) & ~Color.G, Color(0), len(Color.R | Color.B), list(Color))
class Alias(enum.Enum):
    ONE = 1
    UNO = 1
    TWO = 2
print(list(Alias), Alias.UNO, Alias.__members__.keys(), [m.name for m in Alias.__members__.values()])
class Planet(enum.Enum):
    MERCURY = 1
    @enum.property
    def label(self):
        return self.name.title()
print(Planet.MERCURY.label)
Shape = enum.Enum("Shape", "CIRCLE SQUARE", start=10)
print(list(Shape), Shape.SQUARE.value, Shape(10))
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R + 1, Perm.R | 8, Perm(5), int(Perm.R | Perm.X), Perm.R in Perm(6), str(Perm.R | Perm.W))
print(enum.Enum.__members__ if False else "skip", isinstance(Perm.R, int), Perm.R.bit_length())
class Ordered(enum.IntEnum):
    LOW = 1
    HIGH = 3
print(sorted([Ordered.HIGH, Ordered.LOW, 2]), Ordered.LOW < 2, max(Ordered))
class E(enum.Enum):
    A = 1
    def describe(self):
        return f"{self.name}={self.value}"
    @classmethod
    def first(cls):
        return next(iter(cls))
print(E.first().describe(), E.A.__class__.__name__, type(E.__members__).__name__)
print(enum.verify, enum.UNIQUE)
try:
    @enum.verify(enum.CONTINUOUS)
    class Gap(enum.IntEnum):
        A = 1
        C = 3
except ValueError as e:
    print("ValueError:", e)
