# Pins: PEP 695 type parameters and type aliases: generic functions/classes, bounds, constraints, defaults (PEP 696), lazy evaluation.
from typing import TypeVar, ParamSpec, TypeVarTuple, TypeAliasType

def first[T](xs: list[T]) -> T:
    return xs[0]

print(first([1, 2]), first.__type_params__)
(T,) = first.__type_params__
print(type(T).__name__, T.__name__, T.__bound__, T.__constraints__)

class Box[T]:
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item

print(Box.__type_params__, Box[int], Box(3).get())
print(Box.__mro__[1].__name__, Box.__orig_bases__ if hasattr(Box, "__orig_bases__") else None)

class Bounded[N: (int, float), S: str, *Ts, **P]:
    pass
N, S, Ts, P = Bounded.__type_params__
print(N.__constraints__, S.__bound__, type(Ts).__name__, type(P).__name__)

type Pair[K] = tuple[K, K]
print(type(Pair).__name__, Pair.__name__, Pair.__value__, Pair.__type_params__)
print(Pair[int], Pair[int].__value__ if hasattr(Pair[int], "__value__") else Pair[int].__origin__)

type Lazy = UndefinedName
print(Lazy.__name__)
try:
    Lazy.__value__
except NameError as e:
    print("NameError:", e)

type Recursive = list[Recursive] | int
print(Recursive.__value__)

def with_default[X = int]() -> X:
    pass
print(with_default.__type_params__[0].__default__)
class D[T = str, *Ts = *tuple[int, ...]]:
    pass
print(D.__type_params__[0].__default__, D.__type_params__[1].__default__)

def lazy_bound[B: Later]():
    pass
class Later:
    pass
print(lazy_bound.__type_params__[0].__bound__)

class Outer[A]:
    class Inner[B]:
        pass
    def method[C](self, a: A, c: C) -> None:
        pass
print(Outer.Inner.__type_params__, Outer.method.__type_params__)
print(isinstance(Pair, TypeAliasType))
V = TypeVar("V", bound=int)
print(V, V.__bound__, repr(TypeVar("W", int, str)))
PS = ParamSpec("PS")
print(PS.args, PS.kwargs)
TT = TypeVarTuple("TT")
print(TT, [*TT])
type Alias2 = int
print(repr(Alias2), Alias2 | str)
try:
    compile("class Bad[T, T]: pass", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
