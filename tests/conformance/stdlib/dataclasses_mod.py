# Pins: dataclasses: generated __init__/__repr__/__eq__, defaults and default_factory, field options, order, frozen, slots, kw_only, InitVar, __post_init__, asdict/astuple/replace/fields and errors.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, InitVar, KW_ONLY, make_dataclass, is_dataclass, FrozenInstanceError
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    secret: str = field(default="s", repr=False, compare=False)
i = Item("pen", 1.5)
print(i, i == Item("pen", 1.5, [], "other"), i.tags is not Item("x").tags, Item.__init__.__doc__ is None)
print(asdict(i), astuple(i), replace(i, price=2.0), [f.name for f in fields(i)], is_dataclass(i), is_dataclass(Item))
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print("ValueError:", e)
try:
    @dataclass
    class Order:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
print(sorted([Version(1, 2), Version(1), Version(0, 9)]), Version(1) < Version(1, 1), hash(Version(1)) == hash(Version(1)))
try:
    Version(1).major = 2
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
@dataclass
class WithPost:
    a: int
    scale: InitVar[int] = 2
    b: int = field(init=False)
    def __post_init__(self, scale):
        self.b = self.a * scale
print(WithPost(3), WithPost(3, 10), [f.name for f in fields(WithPost)])
@dataclass(kw_only=True)
class KW:
    x: int
    y: int = 0
print(KW(x=1), end=" ")
try:
    KW(1)
except TypeError as e:
    print("TypeError:", e)
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 5
print(Mixed(1, b=2))
@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 1
s = Slotted(1)
print(s, hasattr(s, "__dict__"), Slotted.__slots__)
@dataclass
class Base:
    x: int = 0
@dataclass
class Derived(Base):
    y: int = 1
print(Derived(5, 6), Derived.__match_args__, fields(Derived)[0].name)
D = make_dataclass("D", [("p", int), ("q", str, field(default="z"))], namespace={"double": lambda self: self.p * 2})
print(D(4), D(4).double(), D.__name__)
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), NoEq(1).__eq__(NoEq(1)))
@dataclass(repr=False)
class NoRepr:
    v: int
print(repr(NoRepr(1)).startswith("<__main__.NoRepr object"))
@dataclass
class Nested:
    inner: Item
    items: list
print(asdict(Nested(Item("a"), [Item("b")])))
print(Item.__dataclass_fields__["price"].default, Item.__dataclass_params__.frozen, Version.__dataclass_params__.order)
@dataclass(unsafe_hash=True)
class H:
    v: int
print(hash(H(1)) == hash(H(1)))
print(Item.__annotations__ if False else sorted(Item.__dataclass_fields__))
