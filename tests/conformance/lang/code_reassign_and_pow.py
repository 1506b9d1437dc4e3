# __code__ reassignment takes effect on the next call; ** on ints and floats
# keeps CPython's results and errors on the fast paths.
def f(x): return x + 1
def g(x): return x * 10
print(f(1)); f.__code__ = g.__code__; print(f(2))
def outer():
    y = 5
    def h(): return y
    return h
h = outer(); print(h(), h.__closure__[0].cell_contents)
try:
    f.__code__ = h.__code__
except ValueError as e: print(e)
print(2 ** 10, 2 ** -1, 2.0 ** 0.5, (-8.0) ** (1/3), 10.0 ** 400 if False else 1)
try: 10.0 ** 400
except OverflowError as e: print(type(e).__name__)
try: 0.0 ** -1
except ZeroDivisionError as e: print(e)
print(3 ** 40, (-3) ** 3, 7 ** 0, 1.5 ** 2, 4 ** 0.5)
