# Pins: rich comparison dunders, reflection, NotImplemented, __eq__/__hash__ interplay and total_ordering.
import functools

class W:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print(f"W{self.v}.__eq__")
        return isinstance(o, W) and self.v == o.v
    def __lt__(self, o):
        print(f"W{self.v}.__lt__")
        if not isinstance(o, W):
            return NotImplemented
        return self.v < o.v
    def __repr__(self):
        return f"W{self.v}"

print(W(1) == W(1), W(1) != W(2))
print(W(1) < W(2), W(2) > W(1))
print(sorted([W(3), W(1), W(2)]))
try:
    W(1) < 5
except TypeError as e:
    print("TypeError:", e)
try:
    W(1) <= W(2)
except TypeError as e:
    print("TypeError:", e)
print(W(1) == 1)
print(hash(W) is not None, W.__hash__ is None)
try:
    {W(1)}
except TypeError as e:
    print("TypeError:", e)

@functools.total_ordering
class T:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v

print(T(1) <= T(1), T(2) >= T(3), T(3) > T(2))

class Sub(W):
    def __eq__(self, o):
        print("Sub.__eq__ first")
        return True
print(W(1) == Sub(2))

class Always:
    def __eq__(self, o):
        return "truthy string"
print(Always() == 3, 3 == Always())
print(Always() != 3)

class NoEq:
    pass
a = NoEq()
print(a == a, a == NoEq(), a != a)
class H:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return self.k == o.k
    def __hash__(self):
        return hash(self.k)
print(len({H(1), H(1), H(2)}), H(1) in {H(1): 0})
x = float("nan")
print(x == x, [x] == [x], x in [x], (x,) == (x,))
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd", [1] == (1,))
try:
    [1] < (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    None < None
except TypeError as e:
    print("TypeError:", e)
print(1 == 1.0, 1 == True, 0.1 + 0.2 == 0.3, 2 ** 53 + 1 == float(2 ** 53 + 1))
