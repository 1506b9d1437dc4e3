# Pins: repr/str of nested builtin containers: empty forms, recursion markers, custom element reprs, strings with quotes, and dict/set orders by insertion.
class R:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"R<{self.v}>"
    def __str__(self):
        return f"str-of-R{self.v}"
print([], (), {}, set(), frozenset(), [()], ((),), [[]], {(): []}, [set()], (frozenset(),))
print([R(1), (R(2),), {"k": R(3)}, {R(4): 1}.keys()], str(R(5)), str([R(6)]))
print(["it's", 'say "hi"', "both ' and \"", "\\", "\n\t", "é", "\x00", "\u200b"])
a = [1]
a.append(a)
b = {"self": None}
b["self"] = b
c = [a, b]
print(a, b, c)
t = ([],)
t[0].append(t)
print(t)
d = {1: "one"}
d[2] = [d]
print(d, str(d) == repr(d))
s = set()
print({1, 2, 3}, {"x"}, {(1, 2)}, frozenset({1}), {1: {2: {3: {}}}}, [[[[1]]]])
print(repr(1.0), [1.0, 2e20, 1e-7, float("nan")], (0.1 + 0.2,), {"f": -0.0})
print(range(3), [range(1, 2)], slice(None), [slice(1, 2, 3)], [None, True, ...], [NotImplemented])
print(b"x", [b"x", bytearray(b"y")], [memoryview(b"z")][0].tobytes(), [1 + 2j, -1j, complex(0, -0.0)])
from collections import OrderedDict, deque, defaultdict, Counter, namedtuple
N = namedtuple("N", "a b")
print([OrderedDict(a=1)], [deque([1])], [defaultdict(list)], [Counter("aa")], [N(1, [2])])
big = list(range(100))
print(str(big)[:50], len(repr(big)))
nested = []
cur = nested
for i in range(5):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
print(nested)
class Bad:
    def __repr__(self):
        return 5
try:
    repr([Bad()])
except TypeError as e:
    print("TypeError:", e)
class Raises:
    def __repr__(self):
        raise ValueError("repr failed")
try:
    print([Raises()])
except ValueError as e:
    print("ValueError:", e)
