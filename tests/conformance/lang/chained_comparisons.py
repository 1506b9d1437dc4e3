# Pins: chained comparisons evaluate middle operands once and short-circuit, mixing is/in/not in, comparison of mixed numeric types, tuple/list lexicographic comparison, and `and`/`or` returning operands.
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls); calls.clear()
print(v(3) < v(2) < v(1), calls); calls.clear()
print(v(1) < v(5) > v(2) == v(2), calls); calls.clear()
x = 5
print(1 < x <= 5, 0 <= x < 5, x == 5 == 5.0, 1 < x != 6, x in [5] in [[5]], x is not None is not False)
print(1 == 1.0 == True, 0 == False == 0.0 == 0j, 1 < 2.5 < 3, -1 < False < True, 10**20 < 1e21 < 10**22)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), [2] > [1, 9], (1, "a") < (1, "b"), () < (0,), "abc" < "abd" < "b", "Z" < "a")
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError", e)
print((1, 2) == [1, 2], [1, 2] == [1, 2.0], (1, (2, 3)) < (1, (2, 4)), [[1], [2]] < [[1], [3]])
print(0 or "" or [] or "last", 1 and "x" and [0], None or 0, "a" and "", [] and 1/0, 1 or 1/0)
print(not 0, not [1], not not "x", (not 1) == False, not None is None)
a = []
print(a or a.append(1) or a, a)
def side(name, val):
    calls.append(name)
    return val
print(side("a", 0) and side("b", 1), side("c", 1) or side("d", 0), calls); calls.clear()
print(side("a", 1) if side("cond", True) else side("b", 2), calls); calls.clear()
print(all(side(i, i < 2) for i in range(5)), calls); calls.clear()
print(any(side(i, i == 1) for i in range(5)), calls); calls.clear()
class Loud:
    def __init__(self, n): self.n = n
    def __lt__(self, o):
        calls.append(f"{self.n}<{o.n}")
        return self.n < o.n
    def __bool__(self):
        calls.append(f"bool{self.n}")
        return bool(self.n)
a1, a2, a3 = Loud(1), Loud(2), Loud(0)
r = a1 < a2 < a3
print(type(r).__name__, calls); calls.clear()
print(bool(a1 < a2), calls); calls.clear()
nan = float("nan")
print(nan < 1 or nan >= 1, nan != nan, [nan] == [nan], (lambda n: [n] == [n])(nan), nan in [nan])
print(1 < 2 > 1.5 in [True, 1.5] if False else "skip", 3 > 2 > 1 > 0 > -1, 1 < 3 < 2, 2 == 2 != 3)
print(sorted([3, 1, 2]) == [1, 2, 3] != [3, 2, 1], "b" in "abc" not in ["abc"])
