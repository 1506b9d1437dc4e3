import itertools as it
print(list(it.permutations("abc", 2)), list(it.combinations(range(4), 3)), list(it.product("ab", repeat=2)))
print(list(it.islice(it.count(10, 5), 4)), list(it.accumulate([1, 2, 3, 4])), list(it.chain("ab", [1])))
print([(k, list(g)) for k, g in it.groupby("aaabbc")], list(it.zip_longest("ab", "xyz", fillvalue="-")))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.takewhile(lambda x: x < 3, range(10))), list(it.pairwise("abcd")))
print(list(enumerate("xyz", start=1)), list(filter(None, [0, 1, "", "a"])), any([]), all([]))
