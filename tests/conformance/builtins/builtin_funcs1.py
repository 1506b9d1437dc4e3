# Pins: builtin functions, part 1: abs, all, any, ascii, bin, callable, chr, divmod, enumerate, filter, map, zip (strict), len, max/min with key/default, sum with start, sorted, reversed, round.
print(abs(-3), abs(-2.5), abs(3 + 4j), abs(True))
print(all([1, 2]), all([]), any([0, None]), any(iter([0, 1])))
print(ascii("é\n☃"), bin(10), oct(-8), hex(0), callable(len), callable("x"))
print(chr(65), ord("€"), divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate([], start=-1)))
print(list(filter(None, [0, 1, "", "a", None])), list(filter(lambda x: x > 1, [1, 2, 3])))
print(list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(zip("abc", [1, 2])), list(zip()), list(zip("ab", "cd", "ef")))
try:
    list(zip("abc", [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip("a", [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(len([1, 2]), len("héllo"), len({}), len(range(5, 1, -1)))
print(max(3, 1, 2), max([1, 5, 2]), max("abc", key=ord), max([], default="empty"), max([3, 1], key=lambda v: -v))
print(min(3, 1, 2), min("hello"), min([[2], [1, 9]]), min((), default=None), min([1, 1.0]), max([1.0, 1]))
for bad in ["max([])", "min()", "max(1)", "max([1], [2], default=0)"]:
    try:
        eval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum([0.1] * 3), sum((1j, 2)), sum(range(101), start=-50))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted({3: 1, 1: 2}), sorted([(1, "b"), (1, "a")]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(round(3.14159, 2), round(2.5), round(-1.5), round(10.0), type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(7, -1))
print(pow(2, 8), pow(2.0, -1), pow(-8, 1 / 3).real > 0, pow(5, -2, 7) if False else pow(5, 2, 7))
try:
    round("x")
except TypeError as e:
    print("TypeError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
print(list(map(int, ["1", "2"])), list(zip(*[[1, 2], [3, 4]])), dict(enumerate("xy")))
it = map(lambda x: x * 2, [1, 2, 3])
print(next(it), list(it), list(it))
print(sum(x * x for x in range(10)), max(enumerate("hello"), key=lambda p: p[1]))
