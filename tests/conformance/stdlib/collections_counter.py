# Pins: collections.Counter: construction, most_common ordering ties, arithmetic (+ - & | unary), update/subtract, elements, total, comparisons, missing keys, repr.
from collections import Counter
c = Counter("abracadabra")
print(c, c["a"], c["zzz"], len(c), c.total())
print(c.most_common(2), c.most_common()[-1], c.most_common(0), sorted(c.elements())[:6])
print(Counter({"x": 3, "y": -1}), Counter(x=2, y=3), Counter(["a", "b", "a"]), Counter())
d = Counter(a=3, b=1, c=0, d=-2)
e = Counter(a=1, b=2, e=5)
print(d + e, d - e, d & e, d | e, +d, -d)
d2 = d.copy()
d2.update(e); print(d2)
d3 = d.copy()
d3.subtract(e); print(d3)
d3.subtract("aaa"); print(d3)
d4 = Counter("hello")
d4.update("world"); d4.update({"l": 10}); print(d4)
print(list(Counter(a=2, b=0, c=-1, d=1).elements()))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=3) > Counter(a=2), Counter(a=1, b=1) >= Counter(a=1))
print(Counter("aab").most_common(), Counter("bba").most_common(), Counter("abcabc").most_common(1))
c2 = Counter(words := "the cat and the hat and the bat".split())
print(c2.most_common(3), words.count("the"))
del c2["the"]; del c2["missing"]
print("the" in c2, c2["the"])
c3 = Counter(a=5)
c3["a"] -= 7
print(c3, +c3, c3.total())
c3 += Counter()
print(c3)
print(repr(Counter({"b": 1, "a": 1, "c": 2})))
print(dict(Counter("mississippi")), sorted(Counter("mississippi").items()))
try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print("NotImplementedError", e)
class Tally(Counter):
    pass
t = Tally("aab")
print(type(t + t).__name__, t)
print(sum(Counter(a=1, b=2).values()), Counter("abc") - Counter("abcd"), Counter(a=2) - 5 if False else "")
x = Counter({1: 2, 1.0: 5})
print(x)
print(Counter(a=2, b=3) | Counter(a=3), Counter(a=2, b=3) & Counter(a=3, c=1))
