# Pins: generator edge cases: laziness, finally on exhaustion/close/GC, return inside try/finally, gi_yieldfrom, send into yield-from chains, generator as coroutine pipeline.
def lazy():
    print("started")
    yield 1
    print("resumed")
    yield 2
g = lazy()
print("created")
print(next(g))
print(next(g))
print(next(g, "done"))
def with_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup ran")
for v in with_finally():
    print(v)
g = with_finally()
next(g)
del g
print("after del")
def ret_in_finally():
    try:
        yield 1
        return "from try"
    finally:
        print("finally before return value")
g = ret_in_finally()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value)
def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    return x + y
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "outer-end"
o = outer()
print(next(o), o.gi_yieldfrom.__name__ if o.gi_yieldfrom else None)
print(o.send(10))
print(o.send(5))
print(o.gi_yieldfrom)
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        if v is None:
            return (count, avg)
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
print([a.send(v) for v in (10, 20, 30)])
try:
    a.send(None)
except StopIteration as e:
    print(e.value)
def pipeline():
    def numbers():
        for i in range(10):
            yield i
    def evens(src):
        for n in src:
            if n % 2 == 0:
                yield n
    def squares(src):
        for n in src:
            yield n * n
    return list(squares(evens(numbers())))
print(pipeline())
def gen_exc():
    try:
        yield 1
    except ValueError:
        print("handled inside")
        yield "recovered"
    yield "end"
g = gen_exc()
next(g)
print(g.throw(ValueError), next(g))
def close_returns():
    try:
        yield
    except GeneratorExit:
        return "closing value"
g = close_returns()
next(g)
print(g.close())
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        else:
            n += 1
c = counter()
print(next(c), next(c), next(c), c.send("reset"), next(c))
squares = (x * x for x in range(3))
print(next(squares), list(squares), next(squares, "exhausted"))
gen = (i for i in range(3))
print(gen.gi_frame.f_lineno > 0, gen.__name__, gen.__qualname__)
