# Pins: itertools combinatoric iterators: product(repeat), permutations(r), combinations, combinations_with_replacement; counts, ordering, empty/edge r values, lazy consumption.
import itertools as it, math
print(list(it.product("ab", [1, 2])), list(it.product(range(2), repeat=3)))
print(list(it.product()), list(it.product([], [1])), list(it.product("ab", repeat=0)))
print(list(it.permutations("abc")), list(it.permutations(range(4), 2)))
print(list(it.permutations("ab", 3)), list(it.permutations([], 0)), list(it.permutations("a", 0)))
print(list(it.combinations("abcd", 2)), list(it.combinations(range(5), 4)))
print(list(it.combinations("abc", 0)), list(it.combinations("abc", 4)), list(it.combinations([3, 1, 2], 2)))
print(list(it.combinations_with_replacement("abc", 2)), list(it.combinations_with_replacement([], 2)), list(it.combinations_with_replacement("a", 3)))
for n in range(6):
    for r in range(n + 2):
        assert len(list(it.permutations(range(n), r))) == (math.perm(n, r) if r <= n else 0)
        assert len(list(it.combinations(range(n), r))) == math.comb(n, r)
        assert len(list(it.combinations_with_replacement(range(n), r))) == (math.comb(n + r - 1, r) if n else (1 if r == 0 else 0))
print("counts ok")
print(sum(1 for _ in it.product(range(10), repeat=4)), len(list(it.permutations(range(7)))))
g = it.permutations([1, 1, 2])
print(list(g), len(set(it.permutations([1, 1, 2]))))
p = it.product("xy", repeat=2)
print(next(p), next(p), list(p), list(p))
for fn, args in [(it.permutations, ("abc", -1)), (it.combinations, ("abc", -1)), (it.product, ("ab",)), (it.combinations, ("abc",))]:
    try:
        print(list(fn(*args) if fn is not it.product else fn(*args, repeat=-1)))
    except (ValueError, TypeError) as e:
        print(fn.__name__, type(e).__name__, e)
def powerset(s):
    s = list(s)
    return it.chain.from_iterable(it.combinations(s, r) for r in range(len(s) + 1))
print(list(powerset("abc")))
words = ["".join(p) for p in it.permutations("stop")]
print(len(words), words[:6], sorted(words)[-3:])
grid = [(x, y) for x, y in it.product(range(3), range(3)) if x != y]
print(grid)
print(list(it.starmap(lambda a, b: a * b, it.combinations([1, 2, 3, 4], 2))))
print(next(it.islice(it.permutations(range(10)), 1000, None)))
print(list(it.product([1, 2], "a", [True])), list(it.product(iter([1, 2]), iter([3, 4]))))
print(type(it.product()).__name__, type(it.combinations([], 0)).__name__)
