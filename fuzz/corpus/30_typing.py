from typing import TypeVar, Generic, Optional, Union, Callable, Protocol
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v: T) -> None: self.v = v
    def get(self) -> T: return self.v
def apply(f: Callable[[int], int], x: Optional[int] = None) -> Union[int, str]:
    return f(x) if x is not None else "none"
class HasLen(Protocol):
    def __len__(self) -> int: ...
print(Box[int](3).get(), apply(lambda v: v * 2, 21), apply(abs), apply.__annotations__)
x: int = 5
y: "list[str]"
print(__annotations__ if "__annotations__" in dir() else None, x)
