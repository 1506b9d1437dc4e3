# Pins: functools.lru_cache's core as CPython's C one behaves: LRU eviction order, hits/misses with recursion, typed keys, maxsize=0 (no hashing, no caching), methods, cache_clear, pickling by name, and an unhashable argument raising hash()'s own "unhashable type" TypeError (the cache hashes the key before looking it up).
import functools
@functools.lru_cache(maxsize=2)
def f(x):
    print("call", x)
    return x * 2
for x in [1, 2, 1, 3, 2, 1, 1, 3]:
    f(x)
print(f.cache_info())
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info())
@functools.lru_cache(typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info())
f.cache_clear(); print(f.cache_info(), f.cache_parameters(), f.__wrapped__.__name__, f.__name__)
class C:
    @functools.lru_cache
    def m(self, y): return y + 1
print(C().m(1), C.m.cache_info().misses)
@functools.lru_cache(maxsize=0)
def z(x): return x
z([1]); print(z.cache_info())
@functools.lru_cache
def kw(a, b=2): return a + b
print(kw(1), kw(1, b=2), kw(a=1), kw(b=2, a=1), kw.cache_info())
try: kw({})
except TypeError as e: print(e)
import pickle; print(pickle.loads(pickle.dumps(kw)) is kw)
