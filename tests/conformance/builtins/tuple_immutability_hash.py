# Pins: tuple semantics: immutability errors, tuples containing mutable items (hash TypeError, += on inner list raising yet mutating), count/index, comparison and sorting, single-element syntax, tuple() from iterables, concatenation/repetition identity, hash equality with equal contents.
t = (1, [2, 3], "s")
try:
    t[0] = 9
except TypeError as e:
    print("TypeError", e)
try:
    hash(t)
except TypeError as e:
    print("TypeError", e)
try:
    t[1] += [4]
except TypeError as e:
    print("TypeError", e, "| but list mutated:", t[1])
try:
    del t[0]
except TypeError as e:
    print("TypeError", e)
print(hash((1, 2, (3, "x"))) == hash((1, 2, (3, "x"))), (1, 2) == (1, 2), (1, 2) != [1, 2], (1,) * 3, () + (), tuple("ab"), tuple({"k": 1}), tuple(range(3)))
u = (3, 1, 3, 2, 3)
print(u.count(3), u.index(3), u.index(3, 1), u.index(2, -2), len(u), min(u), max(u), sorted(u), u[::-1], u[1:3])
try:
    u.index(9)
except ValueError as e:
    print("ValueError", e)
print((1, 2) < (1, 2, 3), (2,) > (1, 9, 9), (1, "a") < (1, "b"), sorted([(2, "b"), (1, "z"), (2, "a")]), max([(1, 2), (1, 3)]))
single = (5,)
not_tuple = (5)
print(type(single).__name__, type(not_tuple).__name__, len(()), () == tuple(), repr((1,)), repr(()), str((None, True)))
a = (1, 2)
b = a + ()
print(a == b, a * 1 == a, tuple(a) == a, a[:] == a, type(a[:]).__name__)
x, y = t[1], t[2]
print(x, y)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], sum(map(len, nested)), [i for pair in nested for i in (pair if isinstance(pair, tuple) else (pair,))])
print(1 in (1, 2), [2, 3] in t, "s" in t, (1, 2) + (3,), tuple(x * 2 for x in (1, 2)))
try:
    (1, 2) + [3]
except TypeError as e:
    print("TypeError", e)
try:
    tuple(5)
except TypeError as e:
    print("TypeError", e)
print(divmod(7, 2), type(divmod(7, 2)).__name__, tuple.__len__((1, 2)), (1, 2).__getitem__(-1))
def multi():
    return 1, "two", [3]
r = multi()
print(r, type(r).__name__)
d = {(0, 0): "origin", (1, 0): "east"}
print(d[(0, 0)], d[1, 0], (0, 0) in d)
print(hash(()) == hash(()), hash((1,)) != hash((2,)), hash((1, 2)) == hash(tuple([1, 2])))
class T(tuple):
    def __new__(cls, *args): return super().__new__(cls, args)
    def total(self): return sum(self)
tt = T(1, 2, 3)
print(tt, tt.total(), type(tt + (4,)).__name__, isinstance(tt, tuple), tt == (1, 2, 3), len(tt))
import sys
print((1, 2, 3).__class__.__name__, tuple.__mro__)
