# Pins: copy.copy and copy.deepcopy: shallow vs deep, memo for shared and cyclic structures, __copy__/__deepcopy__/__replace__ hooks and copy.replace.
import copy
orig = {"list": [1, [2, 3]], "tuple": (4, [5]), "s": "str"}
sh = copy.copy(orig)
dp = copy.deepcopy(orig)
orig["list"][1].append(99)
orig["tuple"][1].append(6)
print(sh, dp, sh["list"] is orig["list"], dp["list"] is orig["list"])
shared = [1]
pair = [shared, shared]
dpair = copy.deepcopy(pair)
print(dpair[0] is dpair[1], dpair[0] is shared)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc, dc[1] is dc, dc is not cyc)
t = (1, 2, "x")
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2])) == (1, [2]))
class Node:
    def __init__(self, v, children=()):
        self.v = v
        self.children = list(children)
n = Node(1, [Node(2)])
n2 = copy.deepcopy(n)
n2.children[0].v = 20
print(n.children[0].v, n2.children[0].v, type(n2).__name__)
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("__copy__ called")
        return Custom(self.v + "-copy")
    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return Custom(self.v + "-deep")
print(copy.copy(Custom("a")).v, copy.deepcopy([Custom("b")])[0].v)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a, self.b = [1], 2
s = copy.deepcopy(Slotted())
print(s.a, s.b)
import dataclasses
@dataclasses.dataclass(frozen=True)
class Pt:
    x: int
    y: int
print(copy.replace(Pt(1, 2), y=5))
class R:
    def __init__(self, v):
        self.v = v
    def __replace__(self, **changes):
        return R(changes.get("v", self.v) * 10)
print(copy.replace(R(1), v=3).v)
print(copy.copy([1, 2]) == [1, 2], copy.copy({1}) == {1}, copy.deepcopy(len) is len, copy.copy(Node) is Node)
class Reduced:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        return (Reduced, (self.v * 2,))
print(copy.copy(Reduced(4)).v, copy.deepcopy(Reduced(5)).v)
try:
    copy.replace([1], x=1)
except TypeError as e:
    print("TypeError:", e)
import types
f = lambda: 1
print(copy.deepcopy(f) is f, copy.copy(types.SimpleNamespace(a=[1])).a)
