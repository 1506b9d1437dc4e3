# Pins: lazy iterator pipelines: itertools chained with generators consume only what is needed (side-effect counters), islice on infinite count/cycle, tee buffering, takewhile stopping early, zip stopping at shortest without over-consuming the first iterator (documented behaviour).
import itertools as it
pulled = []
def source(n):
    for i in range(n):
        pulled.append(i)
        yield i
evens = (x for x in source(100) if x % 2 == 0)
squares = map(lambda x: x * x, evens)
print(list(it.islice(squares, 3)), pulled)
pulled.clear()
print(list(it.takewhile(lambda x: x < 3, source(10))), pulled)
pulled.clear()
print(next(it.dropwhile(lambda x: x < 5, source(10))), pulled)
pulled.clear()
a = source(5)
print(list(zip(a, "xy")), pulled, list(a))
pulled.clear()
a1, a2 = it.tee(source(4))
print(next(a1), next(a1), pulled, next(a2), list(a2), list(a1))
pulled.clear()
print(list(it.islice(it.count(100, -7), 5)), list(it.islice(it.cycle([1, 2, 3]), 2, 9)), list(it.islice(it.repeat("r"), 3)))
print(any(x > 2 for x in source(10)), pulled)
pulled.clear()
print(all(x < 2 for x in source(10)), pulled)
pulled.clear()
print(next((x for x in source(10) if x * x > 10), None), pulled)
pulled.clear()
print("x" in map(str, source(10)), pulled)
pulled.clear()
ch = it.chain(source(2), source(2))
print(next(ch), pulled)
pulled.clear()
c = it.count()
print(next(zip(c, "ab")), next(c))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(it.islice(fib(), 15)), next(x for x in fib() if x > 1000), sum(it.takewhile(lambda x: x < 4_000_000, filter(lambda x: x % 2 == 0, fib()))))
window = lambda seq, n: zip(*(it.islice(s, i, None) for i, s in enumerate(it.tee(seq, n))))
print(list(window("abcdef", 3)))
print(list(it.accumulate(it.islice(fib(), 10))), list(it.compress(it.count(), it.cycle([1, 0, 0])))[:0] if False else list(it.islice(it.compress(it.count(), it.cycle([1, 0, 0])), 5)))
