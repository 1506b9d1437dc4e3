# Pins: collections: namedtuple, deque, Counter, OrderedDict, defaultdict, ChainMap, UserDict/UserList/UserString behaviours and reprs.
from collections import namedtuple, deque, Counter, OrderedDict, defaultdict, ChainMap, UserDict, UserList, UserString
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), Point._fields, Point._make([3, 4]), p == (1, 2), Point.__doc__)
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 1])
print(P3(5), P3._field_defaults, namedtuple("R", "class def", rename=True)._fields)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    namedtuple("Bad", "1x")
except ValueError as e:
    print("ValueError:", e)
d = deque([1, 2, 3], maxlen=5)
d.append(4); d.appendleft(0); d.append(5)
print(d, d.maxlen, d.popleft(), d.pop(), d)
d.rotate(2)
print(d, d[0], d[-1], d.index(3), d.count(1))
d.rotate(-1)
d.extendleft("ab")
print(d, list(reversed(d)), len(d))
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], sorted(c.elements())[:6], c.total())
c.update("aaz")
c.subtract({"a": 10})
print(c, +c, -c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=3) & Counter(a=1), Counter(a=3) | Counter(a=5, b=1))
print(Counter(a=1) == Counter(a=1, b=0), Counter("ab") <= Counter("abc"))
od = OrderedDict.fromkeys("abc")
od.move_to_end("a")
od.move_to_end("c", last=False)
print(od, list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == OrderedDict(b=2, a=1))
dd = defaultdict(list)
for k, v in [("x", 1), ("y", 2), ("x", 3)]:
    dd[k].append(v)
print(dd, dd["new"], dict(dd), defaultdict(int).default_factory, repr(defaultdict(None)))
try:
    defaultdict(None)["k"]
except KeyError as e:
    print("KeyError:", e)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.maps, cm.new_child({"c": 4}), cm.parents)
cm["z"] = 26
print(cm.maps[0])
class UD(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
u = UD(a=1)
u["b"] = 2
print(u, u.data, isinstance(u, dict))
ul = UserList([3, 1, 2])
ul.sort()
print(ul, ul + [4], type(ul[1:]).__name__)
us = UserString("hello")
print(us.upper(), us[1:], type(us.upper()).__name__, us == "hello")
