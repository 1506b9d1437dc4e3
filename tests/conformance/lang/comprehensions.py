# Pins: list/set/dict comprehensions and generator expressions: nesting, conditions, scoping, walrus and star.
print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 2 if x % 3])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print({x % 3 for x in range(10)})
print({k: v for k, v in zip("abc", range(3))})
print({x: x ** 2 for x in range(5) if x != 2})
print(sorted({c.upper() for c in "hello"}))
print([c for word in ["ab", "cd"] for c in word])
print([x if x > 2 else -x for x in range(5)])
print([*range(3), *"ab"])
print({**{"a": 1}, "b": 2, **dict(c=3)})
print({*range(3), 5})
x = "outer"
print([x for x in range(3)], x)
print([y := v * 2 for v in range(3)], y)
print([last := n for n in "xyz"] and last)
print(list(zip(*[(1, "a"), (2, "b")])))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([i for i in range(3) for i in range(i, i + 2)])
class C:
    n = 3
    items = [i for i in range(n)]
    try:
        nested = [n for _ in range(2)]
    except NameError as e:
        nested = str(e)
print(C.items, C.nested)
def gen_scope():
    a = 5
    return [a + i for i in range(3)]
print(gen_scope())
print(sum(i for i in range(10)), max((c for c in "hello"), key=ord))
print(dict((i, str(i)) for i in range(3)))
print([f(x) for f in (abs, str) for x in (-1, 2)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
it = iter(range(6))
print([(a, b) for a, b in zip(it, it)])
print([s for s in ["", "a", None, "b"] if s])
nested_gen = ((i, j) for i in range(2) for j in range(2))
print(list(nested_gen))
try:
    [1 for q in 5]
except TypeError as e:
    print("TypeError:", e)
print({n: [m for m in range(n)] for n in range(3)})
