# Pins: dict details: key equality vs identity, mutation of keys during lookup via __eq__, order after deletions and re-insertions, views as live objects, comparisons of views, dict(**kwargs) and fromkeys sharing.
d = {}
d[1] = "int one"
d[1.0] = "float one"
d[True] = "bool one"
print(d, type(list(d)[0]).__name__)
d = dict.fromkeys("abcde", 0)
del d["b"]; del d["d"]
d["b"] = 1
d["f"] = 2
print(list(d), list(d.values()))
d.pop("a")
d["a"] = 9
print(list(d.items()))
keys = d.keys()
vals = d.values()
items = d.items()
d["z"] = 26
print(len(keys), "z" in keys, 26 in vals, ("z", 26) in items, list(reversed(keys))[:2])
print(keys == {"c", "e", "b", "f", "a", "z"}, keys == ["c"], items == {("c", 0), ("e", 0), ("b", 1), ("f", 2), ("a", 9), ("z", 26)}, vals == vals)
print({"a": 1}.keys() <= {"a": 2, "b": 3}.keys(), {"a": 1}.items() <= {"a": 1, "b": 2}.items(), {"a": 1}.keys().isdisjoint(["b"]))
shared = dict.fromkeys(["x", "y"], [])
shared["x"].append(1)
print(shared)
print(dict(a=1, **{"b": 2}), dict([("a", 1)], a=2), dict({"a": 1}.items()), dict(zip("ab", [1, 2])))
class Flaky:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 1
    def __eq__(self, other):
        print("__eq__ called")
        return isinstance(other, Flaky) and self.v == other.v
f1, f2 = Flaky(1), Flaky(1)
dd = {f1: "first"}
print(dd[f1], dd[f2])
print(f2 in dd, len({f1: 1, f2: 2}))
nan = float("nan")
dn = {nan: 1}
print(dn[nan], float("nan") in dn, len({float("nan"): 1, float("nan"): 2}))
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()) % 1000)
big.clear()
print(big, len(big))
class Key(str):
    pass
dk = {Key("a"): 1}
print(dk["a"], type(list(dk)[0]).__name__)
print({**{"a": 1}, **{"a": 2}}, {"a": 1} | {"a": 2} == {"a": 2}, dict.fromkeys(range(3), "v"))
print(sorted({3: "c", 1: "a", 2: "b"}.items(), reverse=True), min({"b": 1, "a": 2}), max({"b": 1, "a": 2}, key=lambda k: {"b": 1, "a": 2}[k]))
import copy
nested = {"l": [1], "d": {"k": "v"}}
shallow = nested.copy()
deep = copy.deepcopy(nested)
nested["l"].append(2)
print(shallow["l"], deep["l"])
