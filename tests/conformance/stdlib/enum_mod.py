# Pins: enum: Enum/IntEnum/StrEnum/Flag/IntFlag, auto, aliases, unique, iteration, lookup by value/name, member attributes, reprs and errors.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), list(Color.__members__), Color.RED in Color, isinstance(Color.GREEN, Color), type(Color.RED).__name__)
for bad in [lambda: Color(7), lambda: Color["PINK"]]:
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
print(Color.RED == 1, Color.RED == Color.RED, Color.RED != Color.BLUE, hash(Color.RED) == hash(Color.RED), sorted(Color, key=lambda c: c.value)[-1])
class Num(enum.IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO == 2, Num(1), repr(Num.TWO), str(Num.TWO), f"{Num.TWO}", sorted([Num.TWO, Num.ONE]), int(Num.TWO))
class S(enum.StrEnum):
    A = enum.auto()
    B = "bee"
print(S.A, repr(S.A), S.B.upper(), S.A == "a", list(S), f"{S.B}")
class Perm(enum.Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), rw.value, ~Perm.R, Perm(0), bool(Perm(0)), Perm(7))
class IP(enum.IntFlag):
    A = 1
    B = 2
print(IP.A | IP.B, IP.A | 4, repr(IP(3)), IP.A & 3, int(IP.B))
class Auto(enum.Enum):
    X = enum.auto()
    Y = enum.auto()
    Z = enum.auto()
print([m.value for m in Auto], Auto.Z)
try:
    @enum.unique
    class Dup(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def density_hint(self):
        return self.mass / self.radius ** 3
print(Planet.EARTH.mass, Planet.MARS.value, Planet.EARTH.density_hint > Planet.MARS.density_hint)
Animal = enum.Enum("Animal", "CAT DOG")
print(list(Animal), Animal.DOG.value, enum.Enum("E", [("a", 10)]).a)
class WithMissing(enum.Enum):
    A = "a"
    @classmethod
    def _missing_(cls, value):
        return cls.A if str(value).lower() == "a" else None
print(WithMissing("A"), Color.RED.__class__.__mro__[1].__name__)
try:
    class Sub(Color):
        pass
except TypeError as e:
    print("TypeError:", e)
class Shape(enum.Enum):
    SQUARE = 2
    def describe(self):
        return f"{self.name.lower()} with {self.value}"
    @classmethod
    def default(cls):
        return cls.SQUARE
print(Shape.default().describe(), enum.member, type(enum.nonmember(3)).__name__, Color._member_map_["GREEN"])
print(Perm.R.name, (Perm.R | Perm.X).name, enum.show_flag_values(7) if hasattr(enum, "show_flag_values") else None)
