# Pins: set and frozenset: operators, methods, subset relations, hashing of frozenset, errors; printing sorted to stay seed-independent.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7}))
s = set()
s.add(1); s.add(1); s.update([2, 3], (4,)); s.discard(99); s.discard(4)
print(sorted(s), len(s), 2 in s, 5 not in s)
s.remove(1)
try:
    s.remove(1)
except KeyError as e:
    print("KeyError:", e)
print(sorted(s), s.pop() in {2, 3}, len(s))
s.clear()
try:
    s.pop()
except KeyError as e:
    print("KeyError:", e)
c = {1, 2, 3}
c |= {4}; c &= {1, 2, 4}; c -= {1}; c ^= {9}
print(sorted(c))
c.intersection_update([2, 9]); c.difference_update([9]); c.symmetric_difference_update([5])
print(sorted(c))
f = frozenset([3, 1, 2])
print(sorted(f), type(f | {4}).__name__, type({4} | f).__name__, f == {1, 2, 3}, hash(f) == hash(frozenset([1, 2, 3])))
print({f: "frozen key"}[frozenset({1, 2, 3})], frozenset() == set(), repr(frozenset()), repr(set()))
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    {{1}}
except TypeError as e:
    print("TypeError:", e)
try:
    f.add(1)
except AttributeError as e:
    print("AttributeError:", e)
print({1, 2} == {2, 1}, {1} == frozenset([1]), set("aab") == {"a", "b"}, set() is not set())
print(repr({1}), repr({(1, 2)}), repr(frozenset({5})), sorted(set(range(5)) - {0}))
print(sorted({x % 4 for x in range(20)}), {1, 1.0, True}, len({0, False, 0.0, -0.0}))
try:
    {1} + {2}
except TypeError as e:
    print("TypeError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
print(sorted(set([3, 1]).union("ab"), key=str), a.copy() == a, a.copy() is a)
print(min({5, 3, 8}), max(frozenset([2, 7])), sum({1, 2, 3}), sorted({-1, -5, 3}, key=abs))
class H:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v % 2
    def __eq__(self, o): return self.v == o.v
print(len({H(1), H(3), H(1), H(2)}))
print(set.__name__, frozenset.__mro__, type(iter(set())).__name__)
