# Pins: itertools groupby (key funcs, unsorted input, shared underlying iterator), batched(strict), pairwise, accumulate(func, initial), tee, zip_longest, compress, filterfalse, takewhile/dropwhile, islice args.
import itertools as it, operator
data = "AAAABBBCCDAABBB"
print([(k, len(list(g))) for k, g in it.groupby(data)])
print([(k, list(g)) for k, g in it.groupby(sorted(["apple", "avocado", "banana", "blueberry", "cherry"], key=len), key=len)])
print([(k, [x for x in g]) for k, g in it.groupby([1, 3, 5, 2, 4, 7, 9, 6], key=lambda x: x % 2)])
groups = it.groupby("aabbcc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(it.groupby([])), [k for k, _ in it.groupby("xxyxx")])
print(list(it.batched(range(10), 3)), list(it.batched("abcdef", 2)), list(it.batched([], 4)))
try:
    list(it.batched(range(5), 2, strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    it.batched("abc", 0)
except ValueError as e:
    print("ValueError", e)
print(list(it.pairwise("abcd")), list(it.pairwise([1])), list(it.pairwise([])))
print(list(it.accumulate([1, 2, 3, 4, 5])), list(it.accumulate([1, 2, 3, 4], operator.mul)), list(it.accumulate([3, 1, 4, 1, 5], max)))
print(list(it.accumulate([1, 2, 3], initial=100)), list(it.accumulate([], initial=0)), list(it.accumulate(["a", "b", "c"])))
a, b = it.tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
t = it.tee("xyz", 3)
print(len(t), [list(x) for x in t])
print(list(it.zip_longest("abc", [1, 2], fillvalue="-")), list(it.zip_longest()), list(it.zip_longest([1], [], [2, 3])))
print(list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(it.compress("ABC", [1])), list(it.filterfalse(lambda x: x % 3, range(10))), list(it.filterfalse(None, [0, 1, "", "a", None])))
print(list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.islice("abcdefg", 2)), list(it.islice("abcdefg", 2, 4)), list(it.islice("abcdefg", 2, None)), list(it.islice("abcdefg", 0, None, 3)), list(it.islice("abc", 10)))
for args in [(-1,), (0, 5, 0), (1.5,)]:
    try:
        it.islice("abc", *args)
    except ValueError as e:
        print("ValueError", e)
print(list(it.islice(it.count(10, 2.5), 4)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("x", 3)), list(it.repeat(1, -2)))
print(list(it.chain("ab", [1], (), "c")), list(it.chain.from_iterable(["xy", "z"])), list(it.starmap(pow, [(2, 3), (3, 2)])))
c = it.count(5)
print(next(c), next(c), repr(c), repr(it.count(1.5, 0.5)), repr(it.repeat("a", 2)))
it_shared = iter(range(10))
print(list(zip(it_shared, it_shared)))
print(list(map(sum, it.batched(range(1, 11), 4))))
src = iter(range(6))
first_two = list(it.islice(src, 2))
print(first_two, list(src))
