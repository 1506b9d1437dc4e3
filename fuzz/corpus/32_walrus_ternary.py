data = [3, 8, 1, 12, 5]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 6], y)
print("even" if n % 2 == 0 else "odd", (lambda: (z := 4) + z)(), 1 if 0 else 2 if [] else 3)
print(0 or "" or None or "last", 1 and 2 and 3, not 0, not [], None is None, 1 < 2 < 3 > 0 != 5)
