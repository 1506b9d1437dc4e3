# Pins: zip (strict mode errors with lengths, uneven truncation, unzip), map with multiple iterables, filter None/func, enumerate start, reversed on sequences/custom __reversed__, iter/next with default, laziness and single-pass behaviour.
print(list(zip("abc", [1, 2, 3])), list(zip("ab", [1, 2, 3])), list(zip()), list(zip("a")), list(zip(*[(1, "a"), (2, "b")])))
for args in [("ab", [1, 2, 3]), ("abc", [1, 2]), ("ab", [1, 2], (9,))]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError", e)
print(list(zip("ab", [1, 2], strict=True)))
print(list(map(pow, [2, 3], [3, 2, 1])), list(map(str.upper, "ab")), list(map(lambda *a: sum(a), [1, 2], [10, 20], [100, 200])))
try:
    list(map(len, [1]))
except TypeError as e:
    print("TypeError", e)
try:
    map(len)
except TypeError as e:
    print("TypeError", e)
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(str.isdigit, "a1b2")), list(filter(lambda x: x > 2, range(5))))
print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 5)), list(enumerate("ab", start=-1)))
e = enumerate("xy")
print(next(e), next(e), next(e, "done"))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())))
class Rev:
    def __reversed__(self): return iter("custom")
class SeqOnly:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(Rev())), list(reversed(SeqOnly())))
for bad in [{1, 2}, iter([1]), 5]:
    try:
        reversed(bad)
    except TypeError as e:
        print("TypeError", e)
it = iter([1, 2])
print(next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    next([1])
except TypeError as e:
    print("TypeError", e)
z = zip([1, 2, 3], "ab")
print(list(z), list(z))
m = map(print, ["lazy1", "lazy2"])
print("map created")
list(m)
squares = (x * x for x in range(4))
print(sum(squares), sum(squares))
pairs = {"a": 1, "b": 2}
print(dict(zip(pairs.values(), pairs.keys())), list(zip(*zip("ab", "cd"))))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)], list(map(list, zip(*matrix))))
counter = iter(range(10))
print(list(zip(counter, counter, counter)))
print(list(enumerate(zip("ab", "cd"), 1)), list(map(sum, zip([1, 2], [3, 4]))))
