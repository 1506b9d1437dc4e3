# Pins: list methods and their errors: insert beyond bounds, pop indices, remove/index with start/stop, count with ==, extend with iterators/self, copy vs aliasing, clear, sort/reverse returning None, multiplication aliasing of nested lists, comparisons, del slices.
L = [3, 1, 4, 1, 5]
L.insert(100, "end"); L.insert(-100, "start"); L.insert(2, "mid")
print(L)
print(L.pop(), L.pop(0), L.pop(-2), L)
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: L.remove("zz"), lambda: L.index("zz"), lambda: L.index(1, 3, 4), lambda: [1].pop("0")]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(L.index(1), L.index(1, 1), L.index(4, -3), L.count(1), [1, 1.0, True].count(1), [[1], [1]].count([1]))
L.remove(1); print(L)
M = [1, 2]
M.extend(M); print(M)
M.extend(iter(range(2))); M.extend("ab"); M.extend({9: 0}); print(M)
M += (7,); print(M)
try:
    M + (8,)
except TypeError as e:
    print("TypeError", e)
a = [1, [2]]
b = a.copy(); c = a[:]; d = list(a)
b[1].append(3); b.append(4)
print(a, b, c, d, a[1] is c[1])
print(a.clear(), a, [3, 1, 2].sort(), [1, 2].reverse())
grid = [[0] * 3] * 2
grid[0][0] = 1
good = [[0] * 3 for _ in range(2)]
good[0][0] = 1
print(grid, good)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [2] > [1, 5], [] < [0], [1, 2] == [1, 2], [1, "a"] == [1, "a"])
try:
    [1, 2] < [1, "a"]
except TypeError as e:
    print("TypeError", e)
N = list(range(10))
del N[1:3]; del N[-1]; del N[::3]
print(N)
try:
    del N[100]
except IndexError as e:
    print("IndexError", e)
print(list("abc"), list((1, 2)), list({"a": 1}), list(range(3)), list(), [*"xy", *[1]], [0] * 0, [0] * -1, [None] * 2)
try:
    list(5)
except TypeError as e:
    print("TypeError", e)
try:
    [1] * 1.5
except TypeError as e:
    print("TypeError", e)
big = [1] * 3
big *= 2; print(big)
rev = [1, 2, 3]
print(rev[::-1], list(reversed(rev)), rev)
nested = [1, [2, [3, [4]]]]
print(nested[1][1][1][0], len(nested), nested.__len__(), [x for sub in [[1, 2], [3]] for x in sub])
s = [5, 3, 8]
s[1] = s
print(s, len(s))
print(sorted([[2, 1], [1, 2], [1]]), max([[1, 2], [1, 3]]), [1, 2, 3].__contains__(2), 4 in [1, 2, 3])
