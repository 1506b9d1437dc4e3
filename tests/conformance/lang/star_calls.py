# Pins: argument unpacking in calls: multiple * and ** in one call, ordering with keywords, duplicate keyword errors from ** mappings, non-mapping ** and non-iterable * errors, and * in subscripts/returns.
def show(*args, **kwargs):
    return args, kwargs
print(show(*[1, 2], 3, *(4,), x=1, **{"y": 2}, z=3, **dict(w=4)))
print(show(*"ab", *range(2), *{"k": 1}))
print(show(**{}), show(*()), show(*[], **{}))
def pos(a, b, c):
    return a, b, c
print(pos(*[1], *[2, 3]), pos(1, *[2], **{"c": 3}), pos(**{"a": 1, "b": 2, "c": 3}))
for call in ["pos(*[1, 2])", "pos(1, **{'a': 2})", "show(**{'x': 1}, x=2)", "show(*5)", "show(**[1])", "show(**{'a': 1}, **{'a': 2})", "pos(*[1, 2, 3, 4])"]:
    try:
        eval(call)
    except TypeError as e:
        print(call, "->", e)
class M:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
print(show(**M()))
def ret():
    rest = [2, 3]
    return 1, *rest
print(ret())
grid = {(1, 2): "x"}
idx = (1, 2)
print(grid[(*idx,)], grid[idx])
def gen():
    yield 1, *[2, 3]
print(list(gen()))
print(*[1, 2], sep="-")
first, *middle, last = *range(3), *"ab"
print(first, middle, last)
