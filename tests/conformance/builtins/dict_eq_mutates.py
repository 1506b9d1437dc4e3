# Pins: a dict lookup whose key __eq__ changes the dict on every call ends (restarts only when the table is replaced or the compared entry changed, as CPython).
# A key whose __eq__ changes the dict on every comparison: lookups and
# inserts still end (CPython restarts a lookup only when the table is
# rebuilt or the compared entry changed).
d = {}

class K:
    def __init__(self, h, tag):
        self.h = h
        self.tag = tag
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        d[("noise", len(d))] = 0
        return isinstance(other, K) and self.tag == other.tag
    def __repr__(self):
        return f"K({self.tag})"

for i in range(6):
    d[K(1, i)] = i
print(len(d) > 6)
print(K(1, 3) in d, d.get(K(1, 4)), d.get(K(1, 99), "missing"))
print(d[K(1, 5)])
d[K(1, 2)] = "two"
print(d[K(1, 2)])
print(sorted(str(v) for k, v in d.items() if isinstance(k, K)))
