# Pins: chained comparisons, identity and membership operators, boolean short-circuiting and truthiness of builtins.
def v(x):
    print("eval", x)
    return x

print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 0 != 5 == 5 >= 5 <= 6)
print(1 < 3 < 2, "a" < "b" < "c")
print(v(0) and v(1), v(1) and v(2), v(0) or v(3), v(4) or v(5))
print(not 0, not "x", not None, not [])
print(None is None, 1 is not None, [] is [])
print(3 in [1, 2, 3], "bc" in "abcd", "z" not in "abc", 2 in {2: 1}, 1 in range(3), (1, 2) in [(1, 2)])
for x in [0, 0.0, 0j, "", b"", [], (), {}, set(), frozenset(), range(0), None, False,
          1, -1, 0.1, "0", " ", [0], (None,), {0: 0}, {0}, range(1), True, ...]:
    print(repr(x), bool(x))
x = 5
print(0 < x <= 5, 0 < x < 5, x == 5 == 5.0)
print(True + True, True * 3, False - 1, True / 2, -True, ~True if False else "skip")
print((1 and "a") or "b", [] or {} or 0, "" or None)
a = []
b = a or [1]
print(b, a is b)
print(1 if True else v("not evaluated"), v("right") if False else "else branch")
print(isinstance(True, int), True == 1, hash(True) == hash(1), {True: "a", 1: "b"})
print(max(True, 2), sum([True, True, False]))
print(2 < 3 and 3 < 4, 1 < 2 or 1 / 0)
n = None
print(n is None and "none" or "something")
print(all([]), any([]), all([1, 0]), any([0, "", None, 1]))
