# Pins: sets iterate in CPython's hash-table order (small non-negative ints and -1, whose probes are the same on 32- and 64-bit builds): displays, add/discard (dummy slots reused), growth, pop, copies, set(), frozenset, the operators and their in-place forms.
print({3, 1, 2}, {1, 9, 17, 25}, {-1, 0, 5}, frozenset({8, 0, 16}), set())
x = 9
print({1, x, 17, 25}, {v * 8 for v in range(6)}, set(range(20, 0, -3)))
s = set()
for v in (1, 9, 17, 25, 33, 41):
    s.add(v)
print(s, len(s))
s.discard(1); s.discard(17); s.add(49); s.add(57)
print(s)
t = set(range(0, 100, 7))
print(t.pop(), t.pop(), t.pop(), sorted(t) == sorted(set(range(0, 100, 7)) - {0, 7, 14}), t)
print(s.copy(), set(s), frozenset(s), s | {2, 10}, {2, 10} | s)
a, b = {1, 9, 17, 25, 33}, {33, 17, 2, 10}
print(a & b, b & a, a - b, b - a, a ^ b, b ^ a)
print(a.union([40, 8], (0,)), a.intersection([33, 1, 99]), a.difference([9]), a.symmetric_difference([1, 2]))
c = set(a); c |= {64, 0}; print(c)
c = set(a); c &= {25, 1, 64}; print(c)
c = set(a); c -= {9, 25}; print(c)
c = set(a); c ^= {9, 64, 72}; print(c)
c = set(a); c.update([80, 88], {96}); print(c)
print(list({(1, 2), (0, 0), (5,)}) == list({(1, 2), (0, 0), (5,)}), sorted({"b", "a"}), {True, 0, 2})
big = set(range(1000))
for v in range(0, 1000, 3):
    big.discard(v)
print(list(big)[:12], len(big))
