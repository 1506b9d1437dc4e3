# itertools.cycle at the end of its first pass (a native source ends inside the cycle's lock) and
# compress whose sources end natively, on one thread.
import itertools
c = itertools.cycle([1, 2, 3])
print([next(c) for _ in range(8)])
c = itertools.cycle(x for x in "ab")
print([next(c) for _ in range(5)])
c = itertools.cycle([])
print(list(c))
l = [1, 2]
c = itertools.cycle(l)
print(next(c), next(c), next(c))
l.append(3)
print([next(c) for _ in range(4)])
print(list(itertools.compress("abcdef", itertools.cycle([1, 0]))))
print(list(itertools.compress(range(10), itertools.repeat(1, 4))))
print(list(itertools.compress(range(3), itertools.repeat(1, 9))))
print(list(itertools.compress(range(6), [0, 1, 0, 1])))
print(list(itertools.compress(iter([]), itertools.cycle([]))))
