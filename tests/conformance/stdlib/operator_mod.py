# Pins: operator module: arithmetic/comparison functions, itemgetter/attrgetter (dotted, multiple)/methodcaller, in-place ops, index/length_hint, call, countOf/indexOf, reprs.
import operator as op
print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 3), op.truediv(7, 2), op.floordiv(-7, 2), op.mod(-7, 2), op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3), op.inv(5), op.invert(0))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 4), op.rshift(256, 3), op.matmul.__name__, op.concat([1], [2]), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.lt(1, 2), op.le(2, 2), op.eq("a", "a"), op.ne(1, 1), op.ge(3, 2), op.gt(1, 2), op.contains([1, 2], 2), op.is_none(None), op.is_not_none(0))
print(op.countOf([1, 2, 1, 1], 1), op.indexOf("abc", "c"), op.getitem({"k": 9}, "k"), op.index(7))
try:
    op.indexOf([1], 5)
except ValueError as e:
    print("ValueError", e)
L = [1, 2, 3, 4]
op.setitem(L, 0, 10); op.delitem(L, 1)
print(L, op.length_hint([1, 2, 3]), op.length_hint(iter(range(5))), op.length_hint(object(), 42))
g = op.itemgetter(1)
g2 = op.itemgetter(0, -1)
gs = op.itemgetter(slice(1, 3))
print(g("abc"), g2("abc"), gs([5, 6, 7, 8]), op.itemgetter("name")({"name": "n"}), repr(g2))
class P:
    def __init__(self, name, child=None): self.name, self.child = name, child
    def greet(self, greeting, punct="!"): return f"{greeting}, {self.name}{punct}"
p = P("root", P("leaf"))
print(op.attrgetter("name")(p), op.attrgetter("child.name")(p), op.attrgetter("name", "child.name")(p), repr(op.attrgetter("child.name")))
print(op.methodcaller("greet", "Hi")(p), op.methodcaller("greet", "Yo", punct="?")(p), repr(op.methodcaller("greet", "Hi", punct=".")))
print(op.methodcaller("upper")("abc"), list(map(op.methodcaller("split", ","), ["a,b", "c"])))
try:
    op.attrgetter("missing")(p)
except AttributeError as e:
    print("AttributeError", e)
try:
    op.itemgetter(5)([1])
except IndexError as e:
    print("IndexError", e)
try:
    op.attrgetter(1)
except TypeError as e:
    print("TypeError", e)
rows = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(rows, key=op.itemgetter(1, 0)), max(rows, key=op.itemgetter(0)))
x = [1]
y = op.iadd(x, [2])
print(x, y is x, op.iadd(1, 2), op.imul("a", 3), op.ior({1}, {2}), op.iconcat([0], [1]))
s = "ab"
print(op.iadd(s, "c"), s)
print(op.call(max, 3, 9, 1), op.call(dict, a=1))
print(op.__lt__ is op.lt, op.add.__name__, op.itemgetter(0)([0]) == 0)
import functools
print(functools.reduce(op.mul, range(1, 6)), list(map(op.add, [1, 2], [10, 20])), list(filter(op.not_, [0, 1, "", "x"])))
