type Pair[T] = tuple[T, T]
def first[T](xs: list[T]) -> T:
    return xs[0]
class Stack[T]:
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, x: T) -> None:
        self.items.append(x)
s = Stack[int](); s.push(1); s.push(2)
print(first([3, 4]), s.items, Pair.__value__, Pair.__type_params__)
print(f"{"nested" + f'{1 + 1}'}", f"{'\n'.join(['a', 'b'])}")
