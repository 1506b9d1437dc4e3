# Pins: set/frozenset algebra with operators vs methods (methods accept any iterable, operators need sets), in-place ops, comparisons (subset/superset/disjoint), hashing frozensets, set of frozensets, mixed set/frozenset result types, errors.
a = {1, 2, 3, 4}; b = frozenset({3, 4, 5})
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), type(a | b).__name__, type(b | a).__name__, type(b & a).__name__)
print(sorted(a.union([9], (8,))), sorted(a.intersection(range(3))), sorted(a.difference("x")), sorted(b.symmetric_difference([5, 6])))
try:
    a | [1]
except TypeError as e:
    print("TypeError", e)
print(a <= {1, 2, 3, 4, 5}, a < a, a <= a, {1} < a, a >= {1, 2}, a > a, a.issubset(range(10)), a.issuperset([1]), a.isdisjoint([7, 8]), a.isdisjoint(b))
print(frozenset([1, 2]) == {1, 2}, {1, 2} == frozenset([2, 1]), hash(frozenset([1, 2])) == hash(frozenset([2, 1])), frozenset() == set())
s = {frozenset([1]), frozenset([1]), frozenset([2, 3])}
print(len(s), frozenset([1]) in s, {1} in s)
try:
    {{1}}
except TypeError as e:
    print("TypeError", e)
c = {1, 2}
c |= {3}; c &= {1, 3, 9}; c -= {9}; c ^= {1, 7}
print(sorted(c))
d = {1, 2, 3}
d.update([4], (5,)); d.intersection_update(range(2, 10)); d.difference_update({2}); d.symmetric_difference_update({3, 10})
print(sorted(d))
f = frozenset("abc")
g = f
f |= {"d"}
print(sorted(f), sorted(g), f is g)
e = {1, 2}
e.add(2); e.add(3); e.discard(99); e.remove(1)
print(sorted(e), e.pop() in (2, 3), len(e))
try:
    e.remove(42)
except KeyError as ex:
    print("KeyError", ex)
try:
    set().pop()
except KeyError as ex:
    print("KeyError", ex)
try:
    frozenset().add
except AttributeError as ex:
    print("AttributeError", ex)
print(set(), frozenset(), repr({1}), repr(frozenset({1})), set("aab") == {"a", "b"}, sorted(set(range(5)) - {0}))
print({1, 2} == {2, 1}, {1, 1.0, True}, len({0, 0.0, False, -0.0}), {1, 2}.copy() == {1, 2}, sorted({(1, 2), (1, 2), (2, 1)}))
class H:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v % 3)
    def __eq__(self, o): return isinstance(o, H) and self.v == o.v
hs = {H(1), H(4), H(1)}
print(len(hs), H(4) in hs, H(7) in hs)
print(sorted({x % 5 for x in range(20)}), {c for c in "hello" if c in "lo"} == {"l", "o"}, frozenset(range(3)) | frozenset(range(2, 5)) == frozenset(range(5)))
big = set(range(1000)); small = {5, 500}
print(small <= big, len(big - small), len(big & small), sorted(small & big))
s1 = {1, 2, 3}
for x in list(s1):
    s1.discard(x)
print(s1)
try:
    s2 = {1, 2, 3}
    for x in s2:
        s2.add(x + 10)
except RuntimeError as ex:
    print("RuntimeError", ex)
