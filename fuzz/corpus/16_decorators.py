import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        r = fn(*args, **kwargs)
        print(f"{fn.__name__}{args} -> {r}")
        return r
    return wrapper
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@trace
def add(a, b=2):
    return a + b
@repeat(3)
def hi(x):
    return "hi " + x
add(1); add(1, b=5); print(hi("there"), add.__name__)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits > 0)
