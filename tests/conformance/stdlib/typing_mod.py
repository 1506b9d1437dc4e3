# Pins: typing: generics, Optional/Union reprs, get_type_hints/get_origin/get_args, TypedDict, NamedTuple, Protocol with runtime_checkable, Literal, Annotated, cast, overload, final, NewType, TypeGuard.
from typing import (Any, Optional, Union, List, Dict, Callable, TypeVar, Generic, get_type_hints, get_origin, get_args, TypedDict, NamedTuple,
                    Protocol, runtime_checkable, Literal, Annotated, cast, overload, final, NewType, ClassVar, Final, Self, Never, NotRequired, Required, TypeGuard)
import typing
print(Optional[int], Union[int, str], Union[int, None] == Optional[int], int | str, List[int], Dict[str, List[int]], Callable[[int, str], bool], Callable[..., None])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(int | str), get_args(Optional[int]), get_args(Callable[[int], str]), get_origin(Literal[1]))
T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
s = Stack[int]()
s.push(1)
print(Stack[int], s.items, Stack.__parameters__, type(s).__name__)
def f(a: int, b: "str" = "x") -> Optional[list[int]]:
    return None
print(get_type_hints(f))
class Movie(TypedDict):
    title: str
    year: NotRequired[int]
m: Movie = {"title": "x"}
print(m, Movie.__required_keys__, Movie.__optional_keys__, Movie.__total__, type(m).__name__)
class Emp(NamedTuple):
    name: str
    id: int = 3
e = Emp("a")
print(e, e._fields, e._field_defaults, Emp.__annotations__, isinstance(e, tuple))
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self):
        pass
print(isinstance(F(), Closable), isinstance(1, Closable))
try:
    class P2(Protocol):
        def m(self): ...
    isinstance(1, P2)
except TypeError as e:
    print("TypeError:", e)
print(Literal["a", 1], Annotated[int, "meta"], get_args(Annotated[int, "meta", 2]), get_type_hints(lambda: None), cast(int, "not checked"))
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x
print(g(1), typing.get_overloads(g)[0].__name__ if typing.get_overloads(g) else None)
UserId = NewType("UserId", int)
print(UserId(5), UserId, UserId.__supertype__, type(UserId(5)).__name__)
@final
class Leaf:
    pass
print(getattr(Leaf, "__final__", None), Any, repr(Any), typing.NoReturn, Never, Self, ClassVar[int], Final[str])
print(typing.TYPE_CHECKING, typing.get_origin(tuple[int, ...]), typing.get_args(tuple[int, ...]))
def guard(x: object) -> TypeGuard[int]:
    return isinstance(x, int)
print(guard(1), get_type_hints(guard)["return"])
print(Union[int, int], Union[int], Optional[None], int | None, type(int | None).__name__, Union[str, int] == Union[int, str])
print(typing.assert_type(3, int), typing.reveal_type.__name__, typing.is_typeddict(Movie), typing.get_protocol_members(Closable))
try:
    Union[1]
except TypeError as e:
    print("TypeError:", e)
print(List[int] == list[int], typing.Sequence[int], typing.Iterable, isinstance([], typing.Sequence), issubclass(dict, typing.Mapping))
