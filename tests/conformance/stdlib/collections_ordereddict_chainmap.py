# Pins: OrderedDict (move_to_end, popitem(last), order-sensitive equality, reversed, repr) and ChainMap (lookup order, writes to first map, new_child/parents, maps, missing).
from collections import OrderedDict, ChainMap
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b"); print(list(od))
od.move_to_end("e", last=False); print(list(od))
print(od.popitem(), od.popitem(last=False), list(od))
try:
    od.move_to_end("zz")
except KeyError as e:
    print("KeyError", e)
a = OrderedDict([("x", 1), ("y", 2)])
b = OrderedDict([("y", 2), ("x", 1)])
print(a == b, dict(a) == dict(b), a == dict(b), list(reversed(a)), repr(a), repr(OrderedDict()))
a["z"] = 0; a["x"] = 9
print(a, list(a.keys()), list(reversed(a.items())))
print(a | {"w": 1}, type(a | {"w": 1}).__name__)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
class LRU(OrderedDict):
    def __init__(self, cap):
        super().__init__(); self.cap = cap
    def get(self, k):
        if k not in self: return None
        self.move_to_end(k); return self[k]
    def put(self, k, v):
        self[k] = v; self.move_to_end(k)
        if len(self) > self.cap: self.popitem(last=False)
c = LRU(2)
c.put(1, "a"); c.put(2, "b"); c.get(1); c.put(3, "c")
print(list(c.items()), c.get(2))
defaults = {"color": "red", "user": "guest", "size": 1}
env = {"user": "admin"}
cli = {"size": 3}
cm = ChainMap(cli, env, defaults)
print(cm["color"], cm["user"], cm["size"], len(cm), sorted(cm), cm.get("nope", "d"), "color" in cm)
cm["color"] = "blue"
print(cli, defaults["color"])
del cm["size"]
print(cli, cm["size"])
try:
    del cm["user"]
except KeyError as e:
    print("KeyError", e)
child = cm.new_child({"user": "child"})
print(child["user"], child.parents["user"], len(child.maps), child.maps[0])
print(ChainMap({"a": 1}, {"a": 2, "b": 3}).pop("a"), dict(ChainMap({"a": 1}, {"a": 2, "b": 3})))
try:
    ChainMap({}, {"k": 1}).pop("k")
except KeyError as e:
    print("KeyError", e)
print(repr(ChainMap({"a": 1}, {})), ChainMap().maps, list(ChainMap({"b": 1}, {"a": 2, "b": 3})))
print(ChainMap({1: 1}) | {2: 2}, ChainMap({1: "a"}).new_child(), ChainMap({"a": 1}).copy())
class DeepChainMap(ChainMap):
    def __setitem__(self, key, value):
        for m in self.maps:
            if key in m:
                m[key] = value; return
        self.maps[0][key] = value
dcm = DeepChainMap({"a": 1}, {"b": 2})
dcm["b"] = 20; dcm["c"] = 30
print(dcm.maps)
