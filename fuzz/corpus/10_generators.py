def count(n):
    i = 0
    while i < n:
        got = yield i
        if got:
            i += got
        i += 1
    return "done"
g = count(10)
print(next(g), g.send(3), next(g), list(g))
def deleg():
    r = yield from count(3)
    yield r
print(list(deleg()))
gen = (x * x for x in range(10) if x % 2)
print(sum(gen), list(zip(range(3), (c for c in "abc"))))
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
c = closer(); next(c); c.close()
def thrower():
    try:
        yield 1
    except KeyError as e:
        yield "caught %r" % e
t = thrower(); next(t); print(t.throw(KeyError("k")))
