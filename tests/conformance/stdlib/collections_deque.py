# Pins: collections.deque: append/appendleft/pop/popleft, maxlen discarding, rotate, extendleft order, index/insert/remove/count, slicing errors, copy, comparisons, repr.
from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1])
d.extend("ab"); d.extendleft("xy")
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(0); print(d)
d.rotate(100); print(d)
b = deque(range(5), maxlen=3)
print(b, b.maxlen)
b.append(9); print(b)
b.appendleft(-1); print(b)
b.extend([7, 8]); print(b)
b.insert if False else None
try:
    b.insert(0, 1)
except IndexError as e:
    print("IndexError", e)
z = deque(maxlen=0)
z.append(1); print(z)
e = deque("abcb")
print(e.index("b"), e.index("b", 2), e.count("b"))
e.insert(1, "Z"); print(e)
e.remove("b"); print(e)
try:
    e.remove("q")
except ValueError as ex:
    print("ValueError", ex)
try:
    e.index("q")
except ValueError as ex:
    print("ValueError", ex)
try:
    e[1:2]
except TypeError as ex:
    print("TypeError", ex)
try:
    deque().pop()
except IndexError as ex:
    print("IndexError", ex)
try:
    deque().popleft()
except IndexError as ex:
    print("IndexError", ex)
e[0] = "first"; del e[1]
print(e, list(reversed(e)), "c" in e, e.copy(), e == deque(e), e == list(e))
print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) + deque([3]), deque([1]) * 3, 2 * deque("ab"))
f = deque([1, 2, 3])
f += [4]
f *= 2
print(f)
f.clear(); print(f, bool(f))
try:
    deque(maxlen=-1)
except ValueError as ex:
    print("ValueError", ex)
it = iter(deque([1, 2]))
dd = deque([1, 2])
it2 = iter(dd); next(it2); dd.append(3)
try:
    next(it2)
except RuntimeError as ex:
    print("RuntimeError", ex)
def tail(seq, n):
    return list(deque(seq, maxlen=n))
print(tail(range(100), 4), tail("abc", 10))
def moving_average(seq, n=3):
    w = deque(maxlen=n); out = []
    for x in seq:
        w.append(x)
        if len(w) == n: out.append(sum(w) / n)
    return out
print(moving_average([40, 30, 50, 46, 39, 44]))
print(repr(deque([1], maxlen=5)), repr(deque()), deque(maxlen=2).maxlen, deque().maxlen)
