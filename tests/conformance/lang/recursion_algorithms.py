# Pins: recursive algorithms: permutations/subsets/n-queens/hanoi/flood fill/ackermann-small/merge sort, recursion with memo dicts vs functools.cache, mutual recursion, RecursionError being catchable and the program continuing.
import functools, sys
def permutations(s):
    if len(s) <= 1:
        return [s]
    return [s[i] + p for i in range(len(s)) for p in permutations(s[:i] + s[i + 1:])]
print(permutations("abc"), len(permutations("abcde")))
def subsets(items):
    if not items:
        return [[]]
    rest = subsets(items[1:])
    return rest + [[items[0]] + r for r in rest]
print(sorted(subsets([1, 2, 3]), key=lambda s: (len(s), s)))
def queens(n, row=0, cols=(), diag1=(), diag2=()):
    if row == n:
        return [cols]
    out = []
    for c in range(n):
        if c not in cols and row + c not in diag1 and row - c not in diag2:
            out += queens(n, row + 1, cols + (c,), diag1 + (row + c,), diag2 + (row - c,))
    return out
print(len(queens(6)), queens(6)[0], len(queens(8)))
moves = []
def hanoi(n, a="A", b="B", c="C"):
    if n:
        hanoi(n - 1, a, c, b)
        moves.append(a + c)
        hanoi(n - 1, b, a, c)
hanoi(4)
print(len(moves), moves[:7])
grid = [list(r) for r in ["..#..", ".##..", "#...#", "..#.."]]
def fill(r, c):
    if not (0 <= r < len(grid) and 0 <= c < len(grid[0])) or grid[r][c] != ".":
        return 0
    grid[r][c] = "o"
    return 1 + fill(r + 1, c) + fill(r - 1, c) + fill(r, c + 1) + fill(r, c - 1)
print(fill(0, 0), ["".join(r) for r in grid])
def ack(m, n):
    if m == 0: return n + 1
    if n == 0: return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print([ack(m, n) for m in range(3) for n in range(3)])
def merge_sort(xs):
    if len(xs) < 2:
        return xs
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    while a and b:
        out.append((a if a[0] <= b[0] else b).pop(0))
    return out + a + b
print(merge_sort([5, 2, 9, 1, 5, 6, 0, -3]))
memo = {}
def partitions(n, k=None):
    k = n if k is None else k
    if n == 0: return 1
    if n < 0 or k == 0: return 0
    if (n, k) not in memo:
        memo[(n, k)] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[(n, k)]
print([partitions(i) for i in range(1, 16)], partitions(100))
@functools.cache
def lcs(a, b):
    if not a or not b: return ""
    if a[0] == b[0]: return a[0] + lcs(a[1:], b[1:])
    return max(lcs(a[1:], b), lcs(a, b[1:]), key=len)
print(lcs("AGGTAB", "GXTXAYB"), lcs("programming", "gaming"))
def is_even(n): return True if n == 0 else is_odd(n - 1)
def is_odd(n): return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(7))
def infinite(n): return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print("RecursionError", e)
print("still running", sum(range(10)))
def depth_of(obj):
    if isinstance(obj, list):
        return 1 + max((depth_of(x) for x in obj), default=0)
    return 0
print(depth_of([1, [2, [3, [4]], []]]), depth_of([]), depth_of(5))
def flatten(x):
    for item in x:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, (3, [4, 5])], [[6]]])))
