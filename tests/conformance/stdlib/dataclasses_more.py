# Pins: dataclasses in depth: inheritance field order and overrides, __post_init__ chains, frozen inheritance rules, match_args/kw_only mixing, field metadata, compare/hash options and recursive asdict with tuples/dicts.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, InitVar
@dataclass
class Base:
    x: int
    y: int = 0
    def __post_init__(self):
        print("Base.__post_init__", self.x, self.y)
@dataclass
class Child(Base):
    z: int = 5
    y: int = 10
    def __post_init__(self):
        super().__post_init__()
        print("Child.__post_init__", self.z)
c = Child(1)
print(c, [f.name for f in fields(Child)], Child.__match_args__)
try:
    @dataclass(frozen=True)
    class FrozenChild(Base):
        w: int = 0
except TypeError as e:
    print("TypeError:", e)
@dataclass(frozen=True)
class FBase:
    a: int
try:
    @dataclass
    class MutableChild(FBase):
        b: int = 0
except TypeError as e:
    print("TypeError:", e)
@dataclass
class Meta:
    value: int = field(default=0, metadata={"unit": "cm", "doc": "length"})
    hidden: int = field(default=0, compare=False, hash=False, repr=False)
print(fields(Meta)[0].metadata["unit"], dict(fields(Meta)[0].metadata), Meta(1, 2) == Meta(1, 3), Meta(5))
@dataclass(eq=True, frozen=True)
class Key:
    a: int
    b: tuple = ()
print(hash(Key(1)) == hash(Key(1)), {Key(1): "v"}[Key(1)], Key(1, (2,)) != Key(1, (3,)))
@dataclass
class Nested:
    pairs: list
    mapping: dict
    t: tuple
n = Nested([(1, 2), Key(3)], {"k": Key(4)}, (Key(5), [6]))
print(asdict(n))
print(astuple(n))
@dataclass
class WithInit:
    a: int
    factor: InitVar[int] = 2
    doubled: int = field(init=False, default=0)
    def __post_init__(self, factor):
        self.doubled = self.a * factor
w = WithInit(4, 3)
print(w, replace(w, a=5, factor=10))
try:
    replace(w, doubled=1)
except (TypeError, ValueError) as e:
    print(type(e).__name__ + ":", e)
try:
    replace(w, a=1)
except ValueError as e:
    print("ValueError:", e)
@dataclass(order=True)
class Priority:
    level: int
    name: str = field(compare=False)
print(sorted([Priority(2, "b"), Priority(1, "z"), Priority(2, "a")]), Priority(1, "x") == Priority(1, "y"))
try:
    Priority(1, "a") < 5
except TypeError as e:
    print("TypeError:", e)
@dataclass(match_args=False, repr=True)
class NoMatch:
    v: int
print(hasattr(NoMatch, "__match_args__"), NoMatch(1))
@dataclass
class Defaults:
    items: list = field(default_factory=lambda: ["default"])
    count: int = field(default_factory=int)
print(Defaults(), Defaults().items is not Defaults().items)
