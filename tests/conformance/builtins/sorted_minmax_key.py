# Pins: sorted/list.sort stability with key/reverse (reverse keeps stability), min/max with key/default/multiple args, errors on empty/incomparable, sorting mixed types TypeError, sort during key exceptions leaving list intact.
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True), sorted(data, key=lambda t: t[0], reverse=True))
print(sorted("Banana", key=str.lower), sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.casefold), sorted([3, 1, 2], reverse=True))
print(sorted({3: "c", 1: "a"}), sorted({3: "c", 1: "a"}.items()), sorted(x for x in (5, 4)), sorted(""), sorted((), reverse=True))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len), sorted(words, key=lambda w: (-len(w), w)), sorted(set(words))[:3])
L = [5, 2, 8, 1]
r = L.sort()
print(r, L)
L.sort(key=lambda x: -x); print(L)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([3, 1], lambda x: x)
except TypeError as e:
    print("TypeError", e)
M = [3, 1, 2]
try:
    M.sort(key=lambda x: 1 / (x - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, sorted(M) == [1, 2, 3])
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a", key=str), max([], default="empty"), min((), default=None))
print(max(words, key=len), min(words, key=len), max([(1, "b"), (1, "a")]), max([1, 1.0]), max([1.0, 1]), min([[2], [1, 5]]))
print(max({"a": 3, "b": 9}, key={"a": 3, "b": 9}.get), min(range(10), key=lambda x: (x - 4.2) ** 2), max(iter([7, 9, 8])))
for bad in [lambda: min([]), lambda: max(), lambda: max(1), lambda: min(1, 2, default=0), lambda: max([1, "x"]), lambda: min([], key=len)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class Rec:
    def __init__(self, n, tag): self.n, self.tag = n, tag
    def __lt__(self, other): return self.n < other.n
    def __repr__(self): return f"{self.n}{self.tag}"
recs = [Rec(2, "a"), Rec(1, "b"), Rec(2, "c"), Rec(1, "d")]
print(sorted(recs), min(recs), max(recs), sorted(recs, reverse=True))
nan = float("nan")
print(sorted([3, nan, 1]) if False else "nan skip", max([nan, 1]), max([1, nan]), min([2, nan, 1]))
print(sorted([[3, 1], [2], [3, 0]]), sorted([(2, "b"), (2, "a"), (1, "z")]), sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int))
big = list(range(1000, 0, -1))
print(sorted(big)[:3], sorted(big, key=lambda x: x % 10)[:5], big.index(1))
