# Pins: dataclasses interplay with pattern matching (__match_args__ honouring kw_only), slots=True with weakref_slot, inheritance of fields/defaults order, field(kw_only=True) per field, __repr__ of recursive containers, eq between different dataclass types.
import dataclasses as dc, weakref
@dc.dataclass
class Shape:
    name: str
    sides: int = 0
    color: str = dc.field(default="black", kw_only=True)
@dc.dataclass
class Square(Shape):
    size: float = 1.0
print(Shape.__match_args__, Square.__match_args__, [f.name for f in dc.fields(Square)], Square("sq", 4, 2.0, color="red"))
def classify(s):
    match s:
        case Square(name, 4, size) if size > 5:
            return f"big square {name} {size}"
        case Square(size=size):
            return f"square size {size}"
        case Shape(_, 3):
            return "triangle"
        case Shape(name, sides, color="red"):
            return f"red {name} with {sides}"
        case Shape():
            return "some shape"
print([classify(s) for s in [Square("a", 4, 9.0), Square("b", 4), Shape("t", 3), Shape("r", 6, color="red"), Shape("x")]])
@dc.dataclass(slots=True, weakref_slot=True)
class Node:
    value: int
    children: list = dc.field(default_factory=list)
n = Node(1)
r = weakref.ref(n)
print(r() is n, Node.__slots__, hasattr(n, "__dict__"))
n.children.append(n)
print(repr(n)[:40])
@dc.dataclass
class A:
    x: int
@dc.dataclass
class B:
    x: int
print(A(1) == B(1), A(1) == A(1), A(1) != A(2), (A(1) == 1))
@dc.dataclass(frozen=True, slots=True)
class Frozen:
    a: int
    b: tuple = ()
f = Frozen(1, (2,))
print(f, hash(f) == hash(Frozen(1, (2,))), dc.replace(f, a=5))
try:
    f.a = 3
except dc.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
@dc.dataclass
class Base:
    a: int
    b: int = 2
@dc.dataclass
class Derived(Base):
    a: int = 10
    c: int = 3
print(Derived(), Derived(1, 2, 3), [f.name for f in dc.fields(Derived)])
@dc.dataclass(match_args=False)
class NoMatch:
    v: int
print(hasattr(NoMatch, "__match_args__"))
try:
    match NoMatch(1):
        case NoMatch(v):
            pass
except TypeError as e:
    print("TypeError", e)
print(dc.asdict(Square("s", 4, 3.0, color="blue")), dc.astuple(Derived()))
