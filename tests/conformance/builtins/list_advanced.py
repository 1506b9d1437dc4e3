# Pins: list details: sort with key exceptions leaving list intact, sort stability across multiple passes, mutation during sort raising ValueError, slice assignment with iterators, negative-step assignment, index with bounds, and list multiplication aliasing.
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
by_age = sorted(people, key=lambda p: p[1])
print(by_age)
two_pass = sorted(sorted(people, key=lambda p: p[0]), key=lambda p: p[1], reverse=True)
print(two_pass)
data = [3, 1, "x", 2]
try:
    data.sort()
except TypeError as e:
    print("TypeError:", e, data)
def bad_key(v):
    if v == 2:
        raise KeyError("key failed")
    return v
nums = [3, 2, 1]
try:
    nums.sort(key=bad_key)
except KeyError as e:
    print("KeyError:", e, nums)
victim = [5, 4, 3, 2, 1]
def mutating_key(v):
    victim.append(v)
    return v
try:
    victim.sort(key=mutating_key)
except ValueError as e:
    print("ValueError:", e)
l = list(range(10))
l[2:5] = iter("ab")
print(l)
l[::-2] = "VWXYZ"
print(l)
l[1:1] = range(3)
print(l, l.index(2), l.index(l[-1]), l.count(0))
try:
    l.index(2, 0, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    l[::2] = []
except ValueError as e:
    print("ValueError:", e)
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid, grid[0] is grid[1])
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
x = [1, 2, 3]
y = x
x = x + [4]
print(x, y)
x = y
x += [4]
print(x, y, x is y)
print([1, 2, 3] * 2, 2 * [0], [] * 5, [[]] * 2, [None] * 3)
l3 = [1, 2, 3, 4, 5, 6]
del l3[1::2]
print(l3)
l4 = list("abcdef")
l4[1:4] = []
l4[:0] = ["start"]
l4[len(l4):] = ["end"]
print(l4)
print(sorted([1.5, 1, True, 0.5]), sorted(["b", "B", "a"], key=str.casefold), sorted([[2], [1, 2], [1]]))
print(max([[1, 2], [1, 3]]), min([(2, "a"), (1, "z")]), list(map(list, zip(*[[1, 2, 3], [4, 5, 6]]))))
stack = []
stack.append(1); stack.append(2)
print(stack.pop(), stack.pop(), stack)
rev = list(range(5))
rev[:] = rev[::-1]
print(rev, rev.__reversed__().__class__.__name__, list(reversed(rev)))
