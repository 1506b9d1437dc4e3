# Pins: basic functions: definition, positional and keyword arguments, defaults, return of multiple values, recursion, and functions as values.
def add(a, b):
    return a + b
def greet(name, greeting="Hello"):
    return greeting + ", " + name + "!"
def divmod2(a, b):
    return a // b, a % b
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
def apply(f, x):
    return f(x)
def no_return():
    pass
print(add(2, 3), add("a", "b"), add([1], [2]))
print(greet("Ann"), greet("Bob", greeting="Hi"), greet(greeting="Yo", name="Cy"))
q, r = divmod2(17, 5)
print(q, r, divmod2(9, 3))
print(fact(10), fact(25), [fib(i) for i in range(15)])
print(apply(fact, 5), apply(len, "four"), no_return())
square = lambda v: v * v
print(list(map(square, range(6))), sorted([3, 1, 2], key=lambda v: -v))
def outer(x):
    def inner(y):
        return x + y
    return inner
print(outer(10)(5))
