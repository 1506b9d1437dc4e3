compose = lambda *fs: (lambda x: __import__("functools").reduce(lambda a, f: f(a), fs, x))
inc = lambda x: x + 1; dbl = lambda x: x * 2
print(compose(inc, dbl, inc)(5), (lambda f: f(f, 10))(lambda s, n: 1 if n == 0 else n * s(s, n - 1)))
Y = lambda f: (lambda x: x(x))(lambda y: f(lambda *a: y(y)(*a)))
print(Y(lambda fib: lambda n: n if n < 2 else fib(n - 1) + fib(n - 2))(15))
print(sorted(range(10), key=lambda v: (v % 3, -v)), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
