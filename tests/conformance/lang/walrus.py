# Pins: assignment expressions (:=) in conditions, loops, comprehensions, calls and their scoping rules.
data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print("long list", n)
vals = iter(data)
while (v := next(vals, None)) is not None:
    if v > 10:
        print("first big", v)
        break
print([y for x in data if (y := x * 2) > 10])
print(y)
print((z := 5) + z)
def f(a, b):
    return a + b
print(f(p := 2, q := 3), p, q)
print([last := i for i in range(4)], last)
total = 0
print([total := total + i for i in range(5)], total)
def scope():
    [inner := k for k in range(3)]
    return inner
print(scope())
print({(k := c): k * 2 for c in "ab"})
x = [1, 2]
print((w := x)[0], w is x)
import re
if m := re.match(r"(\d+)-(\d+)", "10-20"):
    print(m.groups())
print(any((hit := i) > 2 for i in range(10)), hit)
lst = []
print((lst := lst + [1]), (lst := lst + [2]))
def defaults(x=(d := 9)):
    return x
print(defaults(), d)
print(f"{(fw := 3)} {fw * 2}")
class C:
    attr = [(cw := 1), cw + 1]
print(C.attr)
