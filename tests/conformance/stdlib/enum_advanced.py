# Pins: enum details: auto() and _generate_next_value_, @unique/verify, aliases in __members__, StrEnum/IntEnum str/format, _missing_, members with methods/properties, functional API, member value tuples, __init__ with value unpacking.
import enum
class Dir(enum.Enum):
    N = "north"
    S = "south"
    UP = "north"
print(list(Dir), Dir.UP is Dir.N, list(Dir.__members__), Dir("south"), Dir["S"], Dir.N.name, Dir.UP.name)
try:
    @enum.unique
    class U(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)
try:
    @enum.verify(enum.CONTINUOUS)
    class Cont(enum.IntEnum):
        A = 1
        C = 3
except ValueError as e:
    print("ValueError", e)
class Lower(enum.StrEnum):
    ALPHA = enum.auto()
    BETA = enum.auto()
print(Lower.ALPHA, repr(Lower.BETA), Lower.ALPHA == "alpha", Lower.ALPHA.upper(), f"{Lower.BETA}", "x" + Lower.ALPHA)
class Name(enum.Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.title() + str(count)
    FOO = enum.auto()
    BAR = enum.auto()
print([m.value for m in Name])
class Num(enum.IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO * 3, str(Num.ONE), repr(Num.ONE), f"{Num.TWO}", format(Num.TWO, "03d"), Num(2), Num.ONE < Num.TWO, sorted([Num.TWO, Num.ONE]))
class Status(enum.Enum):
    ACTIVE = 1
    INACTIVE = 0
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None
print(Status("active"), Status(1))
try:
    Status(5)
except ValueError as e:
    print("ValueError", e)
class Planet(enum.Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 3)
print(Planet.EARTH.value, Planet.EARTH.mass, Planet.EARTH.gravity, Planet.MERCURY.gravity)
Animal = enum.Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal(3)))
Sizes = enum.Enum("Sizes", [("S", 1), ("M", 5)])
print(Sizes.M.value, enum.IntEnum("Lvl", {"LOW": 10, "HIGH": 20}).HIGH + 0)
try:
    Dir.N = "x"
except AttributeError as e:
    print("AttributeError", e)
try:
    class Ext(Dir):
        E = "east"
except TypeError as e:
    print("TypeError", e)
try:
    Dir["WEST"]
except KeyError as e:
    print("KeyError", e)
print(Dir.N in Dir, "north" in Dir, Dir.N == "north", isinstance(Dir.N, Dir), type(Dir.N).__name__, len(Dir))
class Ordered(enum.Enum):
    def __lt__(self, other):
        return self.value < other.value
    LOW = 1
    HIGH = 3
    MID = 2
print(sorted(Ordered), max(Ordered).name, Ordered.LOW._value_, Ordered._member_names_)
class Const(enum.Enum):
    PI = 3.14
    helper = enum.nonmember(42)
    @enum.member
    def action():
        return "called"
print([m.name for m in Const], Const.helper, Const.action.value())
print(enum.Enum.__doc__ is not None, Dir.__class__.__name__, Dir.N.__class__.__name__)
