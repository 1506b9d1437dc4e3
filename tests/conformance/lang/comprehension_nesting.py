# Pins: nested comprehensions: clause order (for/if left-to-right), nested list-of-lists building, dict/set comprehensions with conditions and unpacking, generator expressions consumed once, comprehension variable isolation, conditional expressions in element position.
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([x for row in matrix for x in row if x % 2], [[row[i] for row in matrix] for i in range(3)], [[x * y for x in range(1, 4)] for y in range(1, 4)])
print([(i, j) for i in range(3) for j in range(i)], [(i, j) for i in range(3) if i for j in range(3) if j != i])
print({k: v for k, v in zip("abc", range(3)) if v}, {v: k for k, v in {"x": 1, "y": 2}.items()}, {x % 3 for x in range(10)})
words = ["apple", "banana", "cherry", "avocado", "blueberry"]
print({w[0]: [x for x in words if x[0] == w[0]] for w in words})
print({first: len(rest) for first, *rest in ["abc", "de", "f"]})
print(["even" if n % 2 == 0 else "odd" for n in range(4)], [n if n > 1 else -n for n in range(4)])
print(sum(x * x for x in range(10)), max((len(w), w) for w in words), any(w.startswith("c") for w in words), "".join(c.upper() for c in "abc" if c != "b"))
g = (x for x in range(3))
print(list(g), list(g))
i = "outer"
res = [i for i in range(3)]
print(i, res)
print([[j for j in range(i)] for i in range(4)])
print([y for x in [[1, [2, 3]], [4, [5]]] for y in x[1]])
pairs = [(a, b) for a in range(1, 20) for b in range(a, 20) for c in [int((a * a + b * b) ** 0.5)] if c * c == a * a + b * b and c < 20]
print(pairs)
flat = [c for word in ["hi", "yo"] for c in word]
print(flat, [[c] * 2 for c in "ab"])
funcs = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in funcs])
print({(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)}, sorted({a * b for a in range(4) for b in range(4)}))
print(list(zip(*[(i, i * i) for i in range(4)])), dict((k, k ** 2) for k in range(3)))
primes = [n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
grid = {(r, c): "#" if (r + c) % 3 == 0 else "." for r in range(3) for c in range(4)}
print("\n".join("".join(grid[r, c] for c in range(4)) for r in range(3)))
try:
    [x for x in range(3) if undefined_name]
except NameError as e:
    print("NameError", e)
print([x for x in range(5)][::-1], [*(x for x in "ab"), *"cd"], {**{k: 0 for k in "ab"}, "c": 1})
