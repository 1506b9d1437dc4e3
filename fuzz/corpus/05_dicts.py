d = {"a": 1, "b": 2}
d["c"] = 3; d.update(d=4, e=5); d.setdefault("f", 6)
print(d, list(d), list(d.values()), list(d.items()), d.get("z", -1), d.pop("a"))
print({k: v * v for k, v in d.items() if v % 2}, dict.fromkeys("xyz", 0), d | {"q": 9})
inv = {}
for k, v in d.items():
    inv.setdefault(v % 2, []).append(k)
print(inv, len(d), "b" in d, sorted(d, key=d.get, reverse=True))
del d["b"]; print(d, {**d, "n": None})
