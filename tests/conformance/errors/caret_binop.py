# Pins: traceback carets for a failing binary operation inside a longer expression.
def compute(a, b, c):
    return a * 2 + b / c - 1

print(compute(1, 2, 4))
print(compute(1, 2, 0))
