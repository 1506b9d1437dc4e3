# Pins: `from __future__ import annotations`: annotations stored as strings, forward references allowed, get_type_hints resolving them (including nested classes via localns), dataclasses still working, and annotations never evaluated (undefined names OK).
from __future__ import annotations
import typing, dataclasses
def f(a: int, b: list[Undefined] = None) -> Tree:
    return a
print(f.__annotations__)
class Tree:
    left: Tree | None
    value: int
    def insert(self, v: int) -> Tree: ...
print(Tree.__annotations__, Tree.insert.__annotations__)
print(typing.get_type_hints(Tree), typing.get_type_hints(Tree.insert))
try:
    typing.get_type_hints(f)
except NameError as e:
    print("NameError", e)
@dataclasses.dataclass
class Point:
    x: float
    y: float = 0.0
    tags: list[str] = dataclasses.field(default_factory=list)
print(Point(1), [(fl.name, fl.type) for fl in dataclasses.fields(Point)])
def outer():
    class Local:
        pass
    def g(x: Local) -> Local: return x
    return g, Local
g, Local = outer()
print(g.__annotations__)
try:
    typing.get_type_hints(g)
except NameError as e:
    print("NameError", e)
print(typing.get_type_hints(g, localns={"Local": Local}))
x: SomethingUndefined = 5
print(__annotations__ if "__annotations__" in dir() else "no module annotations", x)
class WithClassVar:
    count: typing.ClassVar[int] = 0
    name: str
print(WithClassVar.__annotations__, typing.get_type_hints(WithClassVar))
import inspect
print(inspect.signature(f), inspect.get_annotations(f), inspect.get_annotations(Tree.insert, eval_str=True))
