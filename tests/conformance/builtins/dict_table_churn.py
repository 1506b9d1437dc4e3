# A dict's table under churn: deletes leave holes, popitem takes the last
# live entry, inserts after pops and deletes, clear and reuse, growth and
# shrinking through rebuilds, mixed key kinds (str, small and big ints,
# floats equal to ints, tuples, objects with __eq__), and lookups that run
# __eq__ while the dict changes.

d = {}
for i in range(40):
    d["k%d" % i] = i
for i in range(0, 40, 3):
    del d["k%d" % i]
print(len(d), list(d)[:5], d.get("k3"), d.get("k4"), "k39" in d)
print([d.popitem() for _ in range(3)])
d["new"] = 1
print(list(d)[-3:], d.popitem(), d.popitem())
while d:
    d.popitem()
print(d, len(d))
try:
    d.popitem()
except KeyError as e:
    print("KeyError", e)
d["again"] = 2
print(d)

# Small dicts: inline table, then growth, then clear back to small.
s = {}
for i in range(5):
    s[i] = str(i)
print(s)
s[5] = "5"
print(s, s[0], s[5])
s.clear()
s["x"] = 1
print(s, len(s))
for i in range(100):
    s[i] = i
    if i % 2:
        del s[i - 1]
print(len(s), sum(s.values()), list(s)[:4])

# Mixed keys.
m = {1: "int", 2**70: "big", 1.5: "float", (1, 2): "tuple", "1": "str", None: "none"}
print(m[1.0], m[2**70], m[1.5], m[(1, 2)], m["1"], m[None], True in m, 2**70 + 0 in m)
del m[1]
print(1 in m, 1.0 in m, m.get(True))


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v


ks = {K(i): i for i in range(20)}
print(ks[K(7)], K(21) in ks, ks.get(K(19)))
for i in range(0, 20, 2):
    del ks[K(i)]
print(len(ks), sorted(k.v for k in ks)[:4])


class Mutator:
    """Its first __eq__ changes the dict being searched."""

    def __init__(self, target):
        self.target = target
        self.done = False

    def __hash__(self):
        return 5

    def __eq__(self, other):
        if not self.done:
            self.done = True
            self.target["grown%d" % len(self.target)] = 1
        return False


t = {5: "five"}
t[Mutator(t)] = "m"
print(len(t), 5 in t, t[5])

# Overwrites keep the insertion position; setdefault and pop.
o = {"a": 1, "b": 2, "c": 3}
o["a"] = 10
print(o, o.setdefault("b", 99), o.setdefault("d", 4), o.pop("c"), o.pop("zz", None), o)

# Iteration sees a consistent order after deletes and re-adds.
it = {i: i for i in range(10)}
for i in range(10):
    if i % 3 == 0:
        del it[i]
        it[i] = -i
print(list(it.items()))
try:
    for k in it:
        it[k + 100] = 0
except RuntimeError as e:
    print("RuntimeError", e)
