# Pins: classic itertools recipes written in the program (take, nth, roundrobin, unique_everseen, sliding_window, grouper, powerset, partition, flatten) on small inputs.
import itertools as it, collections, operator
def take(n, iterable):
    return list(it.islice(iterable, n))
def nth(iterable, n, default=None):
    return next(it.islice(iterable, n, None), default)
def roundrobin(*iterables):
    iterators = map(iter, iterables)
    for num_active in range(len(iterables), 0, -1):
        iterators = it.cycle(it.islice(iterators, num_active))
        yield from map(next, iterators)
def roundrobin_safe(*iterables):
    pending = collections.deque(iter(x) for x in iterables)
    while pending:
        i = pending.popleft()
        try:
            yield next(i)
        except StopIteration:
            continue
        pending.append(i)
def unique_everseen(iterable, key=None):
    seen = set()
    for element in iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element
def sliding_window(iterable, n):
    window = collections.deque(it.islice(iterable := iter(iterable), n - 1), maxlen=n)
    for x in iterable:
        window.append(x)
        yield tuple(window)
def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return it.zip_longest(*args, fillvalue=fillvalue)
def powerset(iterable):
    s = list(iterable)
    return it.chain.from_iterable(it.combinations(s, r) for r in range(len(s) + 1))
def partition(pred, iterable):
    t1, t2 = it.tee(iterable)
    return list(it.filterfalse(pred, t1)), list(filter(pred, t2))
def flatten(list_of_lists):
    return it.chain.from_iterable(list_of_lists)
def quantify(iterable, pred=bool):
    return sum(map(pred, iterable))
def dotproduct(v1, v2):
    return sum(map(operator.mul, v1, v2))
def all_equal(iterable):
    g = it.groupby(iterable)
    return next(g, True) and not next(g, False)
print(take(4, it.count(3)), nth(range(10), 3), nth(range(3), 10, "none"))
print(list(roundrobin_safe("ABC", "D", "EF")))
print(list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABBcCAD", str.lower)))
print(list(sliding_window("ABCDEFG", 3)), list(grouper("ABCDEFG", 3, "x")))
print(list(powerset([1, 2, 3])), partition(lambda x: x % 2, range(10)))
print(list(flatten([[1, 2], [], [3]])), quantify([0, 1, "", "x"]), dotproduct([1, 2, 3], [4, 5, 6]), all_equal("aaa"), all_equal("aab"))
print(list(it.accumulate(range(1, 6), operator.mul)), list(it.starmap(operator.pow, it.product([2, 3], repeat=2))))
print(sum(1 for _ in it.permutations(range(6), 3)), take(5, it.accumulate(it.repeat(1))), list(it.chain(*zip("abc", "123"))))
