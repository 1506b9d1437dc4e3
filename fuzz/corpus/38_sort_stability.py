import functools, operator
recs = [("bob", 3), ("al", 1), ("cy", 3), ("di", 2), ("ed", 1)]
print(sorted(recs, key=operator.itemgetter(1)), sorted(recs, key=lambda r: (-r[1], r[0])))
def cmp(a, b): return (a > b) - (a < b)
print(sorted([5, 2, 9, 1], key=functools.cmp_to_key(cmp)), functools.reduce(operator.mul, range(1, 10)))
big = [(i * 7919) % 1009 for i in range(2000)]
big.sort(); print(big[:5], big[-5:], sorted(set(big)) == sorted(set(big), key=int))
print(functools.partial(pow, 2)(10), operator.attrgetter("real")(3 + 4j), list(map(operator.neg, [1, -2])))
