# Pins: itertools: every iterator building block with small inputs, including batched(strict), pairwise, accumulate initial, groupby, tee and product repeat.
import itertools as it, operator
print(list(it.islice(it.count(10, 5), 4)), list(it.islice(it.count(1.5, 0.5), 3)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("x", 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], operator.mul)), list(it.accumulate([1, 2], initial=100)), list(it.accumulate([3, 1, 5, 2], max)))
print(list(it.chain("ab", [1, 2])), list(it.chain.from_iterable(["xy", "z"])), list(it.compress("abcdef", [1, 0, 1, 0, 1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.filterfalse(None, [0, 1, "", "a"])))
print([(k, list(g)) for k, g in it.groupby("aaabbcaa")], [(k, len(list(g))) for k, g in it.groupby(sorted("mississippi"))])
print([(k, list(g)) for k, g in it.groupby(range(10), key=lambda n: n // 3)])
print(list(it.islice("abcdefg", 2, None, 2)), list(it.islice("abc", None)), list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.zip_longest("ab", "xyz", fillvalue="-")))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), len(it.tee("x", 3)))
print(list(it.pairwise("abcd")), list(it.pairwise([1])), list(it.batched("abcdefg", 3)), list(it.batched(range(4), 2, strict=True)))
try:
    list(it.batched("abc", 2, strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(it.product("ab", [0, 1])), len(list(it.product(range(3), repeat=3))), list(it.product()))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(5)))), list(it.combinations("abcd", 2)))
print(list(it.combinations_with_replacement("ab", 2)), list(it.combinations(range(3), 0)), list(it.combinations(range(2), 3)))
print(list(map(tuple, it.permutations([1, 2, 3])))[:3])
try:
    it.islice("abc", -1)
except ValueError as e:
    print("ValueError:", e)
try:
    list(it.batched("abc", 0))
except ValueError as e:
    print("ValueError:", e)
c = it.count()
print(next(c), next(c), repr(c), repr(it.repeat(1, 2)), repr(it.count(5, 2)))
print(sum(1 for _ in it.combinations(range(10), 4)), list(it.accumulate("abc")))
