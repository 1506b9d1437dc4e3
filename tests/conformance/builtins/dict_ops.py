# Pins: dict: insertion order, methods, views and set operations on them, merge operators, errors and mutation during iteration.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, list(d), list(d.values()), list(d.items()), len(d))
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 99), d.setdefault("e", 5), d)
print(d.pop("e"), d.pop("zz", "dflt"), d.popitem(), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
print(dict(a=1, b=2), dict([("k", "v")]), dict({"m": 1}, n=2), dict.fromkeys("ab"), dict.fromkeys(["x"], []))
print({"a": 1} | {"b": 2}, {"a": 1, "b": 1} | {"a": 3})
e = {"a": 1}
e |= {"c": 3}
e |= [("d", 4)]
print(e)
k = d.keys()
print(k & {"x", "q"}, sorted(k | {"new"}), sorted(k - {"x"}), k ^ {"x", "w"} == {"b", "a", "y", "z", "w"}, "x" in k)
print(d.items() & {("x", 1)}, ("y", 2) in d.items(), type(k).__name__, type(d.values()).__name__, type(d.items()).__name__)
print(reversed(d).__class__.__name__, list(reversed(d)), list(reversed(d.items()))[:1])
v = d.values()
d["late"] = 0
print(len(k), len(v), list(k)[-1])
print({1: "a", 1.0: "b", True: "c"}, {(1, 2): 1}[(1, 2)])
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2})
try:
    {"a": 1} < {"b": 2}
except TypeError as e:
    print("TypeError:", e)
print(d.copy() == d, d.copy() is d, dict(d) == d, {**d} == d)
d2 = {i: i * i for i in range(5)}
for key in list(d2):
    if key % 2:
        del d2[key]
print(d2)
try:
    for key in d2:
        d2[key + 100] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
r = {}
r["self"] = r
print(r)
print(dict(zip("abc", range(3))), sorted({"z": 1, "y": 2}.items()), {}.keys() == set())
class K:
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, K)
print(len({K(): 1, K(): 2}))
d3 = dict.fromkeys(range(3), 0)
d3.clear()
print(d3, dict().__class__.__name__, dict.__mro__)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
print(list({"x": 1, "y": 2}.keys()), "x" in {"x": 1}, 1 in {"x": 1}.values())
