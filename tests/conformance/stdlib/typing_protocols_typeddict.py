# Pins: typing Protocol (runtime_checkable isinstance, non-method members, explicit subclassing), TypedDict (total, Required/NotRequired, __required_keys__), NamedTuple class syntax, overload, final, get_type_hints with forward refs.
from typing import Protocol, runtime_checkable, TypedDict, NamedTuple, Required, NotRequired, overload, final, get_type_hints, Optional, ClassVar
import typing
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class File:
    def close(self): pass
class Nope:
    pass
print(isinstance(File(), Closable), isinstance(Nope(), Closable), issubclass(File, Closable))
class SizedProto(Protocol):
    size: int
try:
    isinstance(File(), SizedProto)
except TypeError as e:
    print("TypeError", e)
@runtime_checkable
class HasName(Protocol):
    name: str
class Named:
    name = "n"
print(isinstance(Named(), HasName), isinstance(Nope(), HasName))
try:
    issubclass(Named, HasName)
except TypeError as e:
    print("TypeError", e)
class Explicit(Closable):
    pass
print(isinstance(Explicit(), Closable), Explicit().close())
try:
    Closable()
except TypeError as e:
    print("TypeError", e)
class Movie(TypedDict):
    title: str
    year: int
class Partial(TypedDict, total=False):
    rating: float
    title: Required[str]
class Mixed(Movie):
    extra: NotRequired[list]
m: Movie = {"title": "Up", "year": 2009}
print(m, type(m).__name__, Movie(title="X", year=1), sorted(Movie.__required_keys__), sorted(Partial.__required_keys__), sorted(Partial.__optional_keys__), sorted(Mixed.__optional_keys__), Movie.__total__, Partial.__total__)
print(get_type_hints(Movie), typing.is_typeddict(Movie), typing.is_typeddict(dict))
Alt = TypedDict("Alt", {"a": int, "b-c": str})
print(Alt(a=1, **{"b-c": "x"}), sorted(Alt.__annotations__))
try:
    isinstance({}, Movie)
except TypeError as e:
    print("TypeError", e)
class Emp(NamedTuple):
    name: str
    id: int = 3
    def tag(self) -> str:
        return f"{self.name}#{self.id}"
e = Emp("ann")
print(e, e.tag(), Emp._fields, Emp._field_defaults, Emp.__annotations__, e._replace(id=9), isinstance(e, tuple))
try:
    class BadNT(NamedTuple):
        a: int = 1
        b: str
except TypeError as e2:
    print("TypeError", e2)
@overload
def conv(x: int) -> str: ...
@overload
def conv(x: str) -> int: ...
def conv(x):
    return str(x) if isinstance(x, int) else int(x)
print(conv(5), conv("7"), len(typing.get_overloads(conv)))
@final
class Leaf:
    @final
    def m(self): pass
print(Leaf.__final__, Leaf.m.__final__)
class Node:
    nxt: Optional["Node"]
    count: ClassVar[int] = 0
    def link(self, other: "Node") -> "Node": return other
print(get_type_hints(Node), get_type_hints(Node.link))
def f(a: "undefined_name") -> None: pass
try:
    get_type_hints(f)
except NameError as e:
    print("NameError", e)
print(f.__annotations__, typing.get_protocol_members(Closable) if hasattr(typing, "get_protocol_members") else None, typing.is_protocol(Closable))
