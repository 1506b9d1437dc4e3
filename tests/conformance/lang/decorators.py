# Pins: decorators: order of application, arguments, class decorators, functools.wraps and arbitrary expressions.
import functools

log = []

def tag(name):
    def deco(fn):
        log.append(f"decorating {fn.__name__} with {name}")
        @functools.wraps(fn)
        def wrapper(*a, **k):
            log.append(f"{name} before")
            r = fn(*a, **k)
            log.append(f"{name} after")
            return r
        return wrapper
    return deco

@tag("outer")
@tag("inner")
def work(x):
    """Doc of work."""
    log.append(f"work {x}")
    return x * 2

print(work(21))
print("\n".join(log))
print(work.__name__, work.__doc__, work.__wrapped__.__name__)

def register(cls):
    cls.registered = True
    return cls

@register
class Thing:
    pass

print(Thing.registered)

decos = {"twice": lambda f: lambda x: f(f(x))}

@decos["twice"]
def plus3(x):
    return x + 3

print(plus3(0))

@(lambda f: f.__name__.upper())
def named():
    pass

print(named)

def count_calls(fn):
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)
    wrapper.calls = 0
    return wrapper

@count_calls
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(10), fib.calls)

class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]

@Memo
def slow_sq(n):
    print("computing", n)
    return n * n

print(slow_sq(4), slow_sq(4), type(slow_sq).__name__)

class K:
    @staticmethod
    @count_calls
    def s(x):
        return x
    @property
    def p(self):
        return "prop"

print(K.s(1), K().s(2), K.s.calls, K().p)
order = []
def d(n):
    order.append(("eval", n))
    def inner(f):
        order.append(("apply", n))
        return f
    return inner

@d(1)
@d(2)
@d(3)
def f():
    pass

print(order)
