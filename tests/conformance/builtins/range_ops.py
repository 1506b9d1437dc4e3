# Pins: range: construction, len, indexing, slicing, containment, equality, reversal, repr and errors.
for r in [range(5), range(2, 10, 3), range(10, 0, -2), range(0), range(5, 5), range(-3, 3), range(0, -10, -3)]:
    print(repr(r), list(r), len(r), r.start, r.stop, r.step, bool(r))
r = range(0, 100, 7)
print(r[3], r[-1], r[2:5], r[::-1], r[::2][1], 49 in r, 50 in r, r.index(21), r.count(14))
try:
    r.index(5)
except ValueError as e:
    print("ValueError:", e)
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    range()
except TypeError as e:
    print("TypeError:", e)
print(range(0) == range(2, 2), range(0, 3) == range(0, 3, 1), range(1, 4, 5) == range(1, 2), range(3) != [0, 1, 2])
print(list(reversed(range(1, 10, 4))), sum(range(101)), max(range(7)), min(range(3, 9)))
big = range(10 ** 20)
print(len(range(10 ** 9)), big[-1], 10 ** 19 in big, big[10 ** 19:10 ** 19 + 3], big.index(12345))
try:
    len(big)
except OverflowError as e:
    print("OverflowError: (too large)")
print(hash(range(3)) == hash(range(0, 3)), range(3).__class__.__name__, type(iter(range(3))).__name__)
print(list(range(5))[1:4], tuple(range(3)), set(range(3)) == {0, 1, 2}, "x" in range(3), 1.0 in range(3), 1.5 in range(3))
it = iter(range(3))
next(it)
print(list(it), list(it))
print(range(True, 3), range(-5)[0:0], range(5)[-100:100])
