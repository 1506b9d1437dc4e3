# Pins: list methods and operations: sort stability and keys, index/count/remove errors, in-place ops, comparisons, repr recursion and copying.
l = [3, 1, 4, 1, 5, 9, 2, 6]
l.sort()
print(l)
l.sort(reverse=True)
print(l)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs, key=lambda p: p[0]))
l = [1, 2, 3]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(-1, 5.5); l.insert(100, 7)
print(l, l.pop(), l.pop(0), l.pop(-2), l)
print(l.index(3), l.index(5, 3), l.count(5), l.count(99))
for op in [lambda: l.index(99), lambda: l.remove(99), lambda: [].pop(), lambda: l.pop(99), lambda: l[99], lambda: l.insert()]:
    try:
        op()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
l.remove(5)
l.reverse()
print(l, l.copy(), l[:] is l, list(l) == l)
l.clear()
print(l, [1] * 3, [[0]] * 2, [1, 2] + [3], [1, 2] * 0)
a = [[0] * 2] * 2
a[0][0] = 1
print(a)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
x = [1]
x += (2, 3)
x += "ab"
x *= 2
print(x)
print([1, 2] < [1, 2, 3], [2] > [1, 9], [1, [2]] == [1, [2]], [] == [], [1] != [1.0])
r = [1, 2]
r.append(r)
print(r, repr(r))
print(list(), list("abc"), list(range(3)), list({"k": 1}), list((1, 2)))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
print(sorted([3, 1, 2], key=None), sorted([]), list(reversed([1, 2, 3])), [1, 2, 3][::-1])
nums = list(range(10))
nums[2:8] = []
print(nums, len(nums), 9 in nums, min(nums), max(nums), sum(nums))
class Key:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"K{self.v}"
print(sorted([Key(2), Key(1), Key(3)]), max([Key(2), Key(5)]))
print([0, 1, 2].__getitem__(1), [1].__len__(), list.__name__, [].__class__.__mro__)
big = list(range(1000))
big.sort(key=lambda v: (v % 7, -v))
print(big[:10], big[-3:])
print(l.sort() is None, type([].__iter__()).__name__, type(reversed([])).__name__)
