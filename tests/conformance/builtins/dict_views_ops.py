# Pins: dict views: keys/items set operations, view liveness after mutation, reversed views, mapping attribute, len/contains, values() not set-like, dict(), fromkeys, setdefault/pop/popitem LIFO, | and |=, equality and order, iteration mutation error.
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, 2 in v, ("b", 2) in i, ("b", 3) in i)
d["d"] = 4; del d["a"]
print(list(k), list(v), list(i))
print(k & {"b", "z"}, sorted(k | {"z"}), sorted(k - {"b"}), sorted(k ^ {"b", "q"}), i & {("c", 3)}, k.isdisjoint({"x"}), k <= {"b", "c", "d", "e"})
print(list(reversed(k)), list(reversed(v)), list(reversed(i)), k.mapping, type(k.mapping).__name__)
try:
    v & {1}
except TypeError as e:
    print("TypeError", e)
print(v == v, d.values() == d.values(), d.keys() == {"b", "c", "d"}, d.items() == {("b", 2), ("c", 3), ("d", 4)})
print(dict([("x", 1), ("y", 2)]), dict(x=1, y=2), dict({"a": 1}, b=2), dict(zip("ab", [1, 2])), dict.fromkeys("abc"), dict.fromkeys(["k"], []))
for bad in [[1, 2], [("a",)], [("a", 1, 2)], 5]:
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
e = {}
print(e.setdefault("k", [1]), e.setdefault("k", [2]), e, e.pop("k"), e.pop("k", "gone"))
try:
    e.pop("k")
except KeyError as ex:
    print("KeyError", ex)
o = {1: "a", 2: "b", 3: "c"}
print(o.popitem(), o.popitem(), o)
try:
    {}.popitem()
except KeyError as ex:
    print("KeyError", ex)
x = {"a": 1, "b": 2}
print(x | {"b": 3, "c": 4}, {"b": 3} | x)
x |= [("z", 26)]
print(x)
try:
    x | [("q", 1)]
except TypeError as ex:
    print("TypeError", ex)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"b": 1, "a": 2}), {1: "int", 1.0: "float", True: "bool"})
m = {i: i for i in range(5)}
try:
    for key in m:
        if key == 2:
            m[99] = 0
except RuntimeError as ex:
    print("RuntimeError", ex)
m2 = {1: 1, 2: 2}
try:
    for key in m2:
        del m2[key]
except RuntimeError as ex:
    print("RuntimeError", ex)
m3 = {i: i for i in range(4)}
for key in list(m3):
    if key % 2:
        del m3[key]
print(m3)
z = dict.fromkeys(range(3), 0)
z.update({1: 10}, x=5) if False else z.update({1: 10})
z.update([(2, 20)]); z.update(q=1) if False else None
print(z, z.get(5), z.get(5, "d"), len(z), list(z.items())[-1])
class M(dict):
    def __missing__(self, key): return key * 2
mm = M(a=1)
print(mm["a"], mm["zz"], mm.get("zz"), "zz" in mm)
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]), max({"x": 3, "y": 7}.items(), key=lambda kv: kv[1])[0])
print(repr({}), repr({"k": [1, {"n": None}]}), str({1: "é"}), {(1, 2): "tuple key"}[(1, 2)])
try:
    {[1]: 1}
except TypeError as ex:
    print("TypeError", ex)
