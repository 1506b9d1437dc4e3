# Pins: dataclasses: field() options (default_factory, init/repr/compare/hash/kw_only), __post_init__ with InitVar, kw_only/KW_ONLY, slots, order, asdict/astuple recursion, fields(), replace(), make_dataclass, errors.
import dataclasses as dc
from dataclasses import dataclass, field, InitVar, KW_ONLY
@dataclass
class Item:
    name: str
    qty: int = 0
    tags: list = field(default_factory=list)
    secret: str = field(default="s", repr=False)
    cache: dict = field(default_factory=dict, compare=False, init=False)
i = Item("apple", 3)
print(i, i == Item("apple", 3), i.tags is not Item("x").tags, i.cache)
print([(f.name, f.default if f.default is not dc.MISSING else "MISSING", f.init, f.repr, f.compare) for f in dc.fields(Item)])
@dataclass
class Rect:
    w: float
    h: float
    scale: InitVar[float] = 1.0
    area: float = field(init=False)
    def __post_init__(self, scale):
        self.w *= scale; self.h *= scale
        self.area = self.w * self.h
r = Rect(2, 3, scale=2)
print(r, [f.name for f in dc.fields(r)])
@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int = 1
print(Opts(level=3))
try:
    Opts(True)
except TypeError as e:
    print("TypeError", e)
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3
print(Mixed(1, c=9))
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)
vs = sorted([Version(1, 2), Version(1, 0, "rc"), Version(0, 9)])
print(vs, Version(1) < Version(1, 1), hash(Version(1)) == hash(Version(1, 0, "x")), {Version(2)})
try:
    Version(1).major = 5
except dc.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
@dataclass(slots=True)
class Pt:
    x: int
    y: int = 0
p = Pt(1)
print(p, hasattr(p, "__dict__"), Pt.__slots__)
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError", type(e).__name__)
@dataclass
class Team:
    name: str
    members: list
    lead: Item = None
t = Team("core", [Item("a"), Item("b", 2)], Item("lead"))
print(dc.asdict(t))
print(dc.astuple(Version(1, 2, "x")), dc.asdict(Pt(3, 4)), dc.replace(Version(1, 2), minor=5))
try:
    dc.replace(r, area=1)
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Bad2:
        items: list = []
except ValueError as e:
    print("ValueError", e)
C = dc.make_dataclass("C", [("x", int), ("y", int, field(default=5))], namespace={"total": lambda self: self.x + self.y})
print(C(1), C(1).total(), dc.is_dataclass(C), dc.is_dataclass(C(1)), dc.is_dataclass(int))
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), Item.__match_args__, repr(Item.__init__.__doc__) if False else "")
@dataclass
class Child(Item):
    extra: int = 9
print(Child("c"), [f.name for f in dc.fields(Child)])
try:
    dc.fields(5)
except TypeError as e:
    print("TypeError", e)
@dataclass(unsafe_hash=True)
class H:
    a: int
print(hash(H(1)) == hash(H(1)), Item.__hash__ is None, Version.__hash__ is not None)
