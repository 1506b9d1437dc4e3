import math as m, sys as _s
from collections import (deque,
    OrderedDict as OD)
from functools import *
print(m.pi > 3, deque([1]), OD(), reduce(lambda a, b: a + b, [1, 2, 3]))
assert True, "never"
try:
    assert False
except AssertionError:
    print("asserted")
def gen():
    x = yield
    yield x
g = gen(); next(g); print(g.send("sent"))
async def co(): return 1
c = co(); print(type(c).__name__); c.close()
print(*range(3), sep="|", end="!\n")
print(sum(i for i in range(10)), [*range(2), *"ab"], {**{"a": 1}, "b": 2}, {*range(3)})
