# Pins: tuple behaviour: immutability, packing, hashing, comparisons, methods, concatenation and errors.
t = (1, 2, 3, 2)
print(t, len(t), t[0], t[-1], t[1:3], t.count(2), t.index(3), 2 in t)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}))
print((1, 2) + (3,), (0,) * 3, (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, "a") == (1, "a"))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): "tuple key"}[(1, 2)])
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
mutable_inside = ([1],)
mutable_inside[0].append(2)
print(mutable_inside)
try:
    mutable_inside[0] += [3]
except TypeError as e:
    print("TypeError:", e, mutable_inside)
a = 1, 2
b = (1, 2)
print(a == b, type(a).__name__, repr((1,)), repr(((),)))
print(sorted([(2, "a"), (1, "b"), (1, "a")]), max((1, 2), (1, 3)), min([(0, 9), (0, 1)]))
class P(tuple):
    def sum(self):
        return sum(self)
p = P([1, 2, 3])
print(p, p.sum(), type(p + (4,)).__name__, type(p[1:]).__name__)
print(tuple.__name__, (1, 2).__len__(), (1, 2).__getitem__(0), tuple.__mro__)
print(list(zip((1, 2), (3, 4))), dict(((1, 2), (3, 4))), [*(1, 2)], (*[1], *(2,)))
try:
    (1, 2) + [3]
except TypeError as e:
    print("TypeError:", e)
print(t[::-1], t[::2], t[5:], t[-10:2])
x = (1, 2, 3)
first, *rest = x
print(first, rest, type(rest).__name__)
print((1, (2, (3, (4,)))), str((None, True, 1.5, "s")))
