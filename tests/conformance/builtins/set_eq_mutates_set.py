# Pins: a set lookup (in, add, discard, remove) whose key's __eq__ changes the set goes on probing unless the table was replaced or the compared slot changed (CPython's rule): an __eq__ that adds on every call is called once per candidate; one that removes the candidate or clears the set ends it (the table changed: it starts again and misses); membership of equal str, int and tuple keys, and iteration order after dummies and growth.
class Mut:
    def __init__(self, s, action, h=1):
        self.s, self.action, self.h = s, action, h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        self.action(self.s)
        return NotImplemented

s = set()
a = Mut(s, lambda s: None)
s.add(a)
b = Mut(s, lambda s: s.discard(a))
print(b in s, a in s, len(s))

s = set()
a = Mut(s, lambda s: None)
s.add(a)
c = Mut(s, lambda s: s.clear())
print(c in s, len(s))

s = {1, 2, 3}
a = Mut(s, lambda s: None)
s.add(a)
n = [0]
def grow(s):
    n[0] += 1
    if n[0] < 50:
        s.add(1000 + n[0])
d = Mut(s, grow)
print(d in s, n[0] >= 1, len(s) > 4)
s.add(d)
print(len(s), sorted(x for x in s if isinstance(x, int))[:6])

# Keys equal by value found across threads-free paths: str/int/tuple.
s = {"alpha", 5, (1, 2), frozenset({1})}
print("alph" + "a" in s, 5 in s, (1, 2) in s, {1} in s, frozenset({1}) in s, 6 in s)
print(s.__contains__("alpha"), s.__contains__("beta"))
f = frozenset(range(20))
print(all(i in f for i in range(20)), 20 in f, -1 in f)

# Order after adds, discards (dummies reused) and growth.
s = set()
for i in range(40):
    s.add(i * 37 % 101)
for i in range(0, 40, 3):
    s.discard(i * 37 % 101)
for i in range(100, 130):
    s.add(i)
print(list(s))
s.clear()
s.add(7)
print(s, 7 in s, 8 in s)

# The same rule for add, discard and remove.
for op in ("add", "discard", "remove"):
    s = {1, 2, 3}
    a = Mut(s, lambda s: None)
    s.add(a)
    calls = [0]
    def adder(s):
        calls[0] += 1
        if calls[0] < 50:
            s.add(2000 + calls[0])
    k = Mut(s, adder)
    try:
        getattr(s, op)(k)
        print(op, "ok", calls[0], len(s))
    except KeyError:
        print(op, "KeyError", calls[0], len(s))

