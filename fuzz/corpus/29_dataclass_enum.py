from dataclasses import dataclass, field, asdict
from enum import Enum, IntFlag, auto
@dataclass(order=True, frozen=True)
class Item:
    price: float
    name: str = "x"
    tags: tuple = field(default=())
a, b = Item(2.5, "b"), Item(1.0, "a", ("t",))
print(a, sorted([a, b]), asdict(b), a == Item(2.5, "b"), hash(a) == hash(Item(2.5, "b")))
try:
    a.price = 3
except Exception as e:
    print(type(e).__name__)
class Color(Enum):
    RED = auto(); GREEN = auto()
class Perm(IntFlag):
    R = 4; W = 2; X = 1
print(Color.RED, Color(2), list(Color), Perm.R | Perm.W, Color["GREEN"].value)
