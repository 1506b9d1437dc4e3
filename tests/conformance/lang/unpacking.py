# Pins: iterable unpacking in assignment, for targets, nested and starred targets, and its error messages.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = range(5)
print(first, rest)
*init, last = "hello"
print(init, last)
x, *mid, y = [1, 2]
print(x, mid, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[s, [t, u]] = "ab", "cd"
print(s, t, u)
for i, (j, *k) in enumerate([(1, 2, 3), (4,)]):
    print(i, j, k)
head, = [42]
print(head)
a = b = c = [0]
print(a is c)
d = {}
d["x"], d["y"] = 1, 2
print(d)
l = [0, 0, 0]
l[0], l[2] = "a", "c"
print(l)
i = 0
i, l[i] = 1, "set"
print(i, l)
def errs(stmt):
    try:
        exec(stmt, {})
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
errs("a, b = 1, 2, 3")
errs("a, b, c = 1, 2")
errs("a, b = 1")
errs("a, *b, c = [1]")
errs("a, b = iter([1])")
errs("[a] = []")
print(*[1, 2], *"ab", sep="|")
print([*range(2), *[9]], (*"xy",), {*"aa"})
print({"a": 1, **{"b": 2}, "a": 3})
def ret():
    return 1, 2, 3
*_, z = ret()
print(z)
t = 1,
print(t, type(t).__name__)
((a, b),) = [(5, 6)]
print(a, b)
for (k, v) in {"one": 1}.items():
    print(k, v)
print([(m, n) for m, *n in ["ab", "cde"]])
a, b, *c = map(int, "123456")
print(a, b, c)
x = [1, 2, 3]
x[1:2] = "ab"
print(x)
first, second, *_ = {"k": 1, "j": 2, "i": 3}
print(first, second)
