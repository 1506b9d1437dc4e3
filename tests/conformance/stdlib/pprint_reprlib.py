# Pins: pprint (pformat widths, depth, sort_dicts, compact, underscore_numbers, recursion) and reprlib (Repr limits, recursive_repr).
import pprint, reprlib
data = {"name": "spindle", "versions": list(range(30)), "nested": {"b": [1, 2, {"deep": ("x", "y")}], "a": None}, "long": "x" * 50}
pprint.pprint(data)
print(pprint.pformat(data, width=40, depth=2))
print(pprint.pformat(data, sort_dicts=False, compact=True, width=60))
print(pprint.pformat([1000000, 2 ** 40], underscore_numbers=True), pprint.pformat("short"), pprint.pformat((1,)))
r = [1, 2]
r.append(r)
print(pprint.isrecursive(r), pprint.isreadable(r), pprint.isreadable([1, "a"]), "Recursion on list" in pprint.saferepr(r))
pp = pprint.PrettyPrinter(indent=4, width=30)
pp.pprint({"key%d" % i: list(range(i)) for i in range(5)})
print(pprint.pformat(set(range(20)), width=30), pprint.pformat(frozenset(["only"])))
from collections import OrderedDict, defaultdict, Counter, deque
print(pprint.pformat(OrderedDict(a=1, b=[1] * 20), width=40))
print(pprint.pformat(Counter("aaabbc")), pprint.pformat(deque(range(3))), pprint.pformat(defaultdict(int, a=1)))
from dataclasses import dataclass
@dataclass
class Pt:
    x: int
    y: list
print(pprint.pformat(Pt(1, list(range(25))), width=40))
print(pprint.pformat("a long string " * 8, width=30))
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(20)}), reprlib.repr(set(range(10))))
rp = reprlib.Repr(maxlist=2, maxstring=10, maxlevel=1)
print(rp.repr([1, 2, 3, 4]), rp.repr("abcdefghijklmnop"), rp.repr([[1, [2]], 3]), rp.repr(2 ** 200)[:30])
class Tree:
    def __init__(self):
        self.kids = []
    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Tree({self.kids})"
t = Tree()
t.kids.append(t)
print(repr(t))
