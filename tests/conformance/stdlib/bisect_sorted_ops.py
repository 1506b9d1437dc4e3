# Pins: bisect: bisect_left/right on duplicates, lo/hi bounds, key= (3.10+), insort variants, grade lookup table, searching in descending via key, errors.
import bisect
a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 4), bisect.bisect_left(a, 2, 0, 2), bisect.bisect_right(a, 8, 0, 3), bisect.bisect_left(a, 2, hi=1))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 5); bisect.insort_right(b, 0)
print(b)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60, 59]])
recs = [("amy", 19), ("bob", 25), ("cat", 31), ("dan", 47)]
keys = [r[1] for r in recs]
print(recs[bisect.bisect_left(keys, 25)], bisect.bisect_left(recs, 31, key=lambda r: r[1]), bisect.bisect_right(recs, 30, key=lambda r: r[1]))
bisect.insort(recs, ("eve", 28), key=lambda r: r[1])
print(recs)
desc = [9, 7, 5, 3, 1]
print(bisect.bisect_left(desc, -6, key=lambda v: -v), bisect.bisect_right(desc, -5, key=lambda v: -v))
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError", e)
try:
    bisect.bisect([1, "a"], 2)
except TypeError as e:
    print("TypeError", type(e).__name__)
try:
    bisect.bisect_left(None, 1)
except TypeError as e:
    print("TypeError", type(e).__name__)
words = sorted(["banana", "apple", "cherry", "date"])
def contains(seq, x):
    i = bisect.bisect_left(seq, x)
    return i != len(seq) and seq[i] == x
print(words, contains(words, "cherry"), contains(words, "fig"))
def count_range(seq, lo, hi):
    return bisect.bisect_right(seq, hi) - bisect.bisect_left(seq, lo)
print(count_range(a, 2, 5), count_range(a, 6, 7), count_range(a, 0, 100))
fl = [0.5, 1.5, 2.5]
print(bisect.bisect(fl, 1.5), bisect.bisect_left(fl, 1.5), bisect.bisect(fl, float("inf")), bisect.bisect_left(fl, float("-inf")))
print(bisect.bisect_left("acegik", "f"), bisect.bisect_right((1, 1, 1), 1), bisect.bisect(range(0, 100, 10), 55))
print(bisect.bisect_left([], 5), bisect.bisect_right([5], 5, lo=1), bisect.bisect_left(a, 2, lo=5, hi=3))
