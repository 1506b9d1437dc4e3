# Pins: typing at runtime: get_origin/get_args on parameterised generics, Optional/Union normalisation, Generic subclasses and __orig_bases__, TypeVar bounds/constraints repr, Annotated, Literal, ParamSpec, cast/assert_type/NewType.
import typing as t
from typing import Generic, TypeVar, Optional, Union, Literal, Annotated, Callable, get_origin, get_args
import collections.abc
print(get_origin(list[int]), get_args(dict[str, list[int]]), get_origin(t.List[int]), get_args(t.Tuple[int, ...]), get_origin(int))
print(Optional[int], Union[int, None] == Optional[int], Union[int, str, int], Union[int], get_args(Optional[str]), int | None)
print((int | str) == Union[int, str], get_origin(int | str), get_args(int | str | None), repr(Union[str, int]))
print(get_origin(Callable[[int], str]), get_args(Callable[[int, str], bool]), get_args(Callable[..., int]))
print(Literal["a", 1], get_args(Literal["a", "b"]), Literal[1, Literal[2, 3]] == Literal[1, 2, 3])
A = Annotated[int, "meta", 42]
print(A, get_origin(A) is Annotated, get_args(A), A.__metadata__, Annotated[Annotated[int, 1], 2].__metadata__)
T = TypeVar("T")
N = TypeVar("N", int, float)
B = TypeVar("B", bound=collections.abc.Sized)
print(T, repr(N), N.__constraints__, B.__bound__, T.__name__, TypeVar("C", covariant=True))
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
print(Box[int], Box[int](5).get(), Box.__parameters__, get_args(Box[str]), Box[int].__origin__ is Box)
class IntBox(Box[int]):
    pass
print(IntBox.__orig_bases__, IntBox.__parameters__, IntBox(3).get())
class Pair[K, V]:
    def __init__(self, k: K, v: V):
        self.k, self.v = k, v
print(Pair.__type_params__, Pair[str, int], Pair(1, 2).v)
try:
    Box[int, str]
except TypeError as e:
    print("TypeError", e)
try:
    Generic[int]
except TypeError as e:
    print("TypeError", e)
UserId = t.NewType("UserId", int)
print(UserId(5), type(UserId(5)).__name__, UserId.__name__, UserId.__supertype__)
print(t.cast(str, 1), t.cast("list[int]", []), t.assert_type(3, int), t.reveal_type if False else "")
P = t.ParamSpec("P")
R = TypeVar("R")
def logged(fn: Callable[P, R]) -> Callable[P, R]:
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        return fn(*args, **kwargs)
    return inner
@logged
def add(a: int, b: int) -> int:
    return a + b
print(add(2, 3), P, P.args, P.kwargs)
Ts = t.TypeVarTuple("Ts")
print(Ts, t.Unpack[Ts], tuple[int, *Ts])
type Vector = list[float]
print(Vector, Vector.__value__, type(Vector).__name__, Vector.__name__)
type Nested[X] = dict[str, X]
print(Nested[int], Nested.__type_params__, get_args(Nested[int]))
print(t.Any, t.NoReturn, t.Never, t.LiteralString, t.Self, t.ClassVar[int], t.Final[int])
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]), isinstance([], list[int].__origin__))
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError", e)
print(t.get_type_hints(Box.get), t.get_type_hints(add))
