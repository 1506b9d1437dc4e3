# Pins: code.replace() and assignment to function.__code__ (with CPython's errors), and types.coroutine generators awaited and thrown into.
import types


def f():
    return "f"


def g():
    return "g"


def outer():
    x = 1

    def inner():
        return x

    return inner


f.__code__ = g.__code__
print(f(), f.__name__, f.__code__.co_name)
for bad in (1, None):
    try:
        f.__code__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del f.__code__
except TypeError as e:
    print("TypeError:", e)
try:
    f.__code__ = outer().__code__
except ValueError as e:
    print("ValueError:", e)
c = g.__code__
r = c.replace(co_name="renamed", co_qualname="Q.renamed")
print(r.co_name, r.co_qualname, c.co_name, r.co_flags == c.co_flags, r is not c)
print(c.replace().co_name, c.__replace__(co_firstlineno=99).co_firstlineno)
for kwargs in ({"co_bogus": 1}, {"co_name": 1}, {"co_flags": "x"}):
    try:
        c.replace(**kwargs)
    except TypeError as e:
        print("TypeError:", e)
try:
    c.replace(1)
except TypeError as e:
    print("TypeError:", e)


@types.coroutine
def legacy():
    try:
        v = yield "legacy"
    except KeyError:
        return "legacy caught"
    return v


async def uses():
    return await legacy()


print(bool(legacy.__code__.co_flags & 0x100))
co = uses()
print(co.send(None))
try:
    co.throw(KeyError)
except StopIteration as e:
    print("result:", e.value)
co = uses()
co.send(None)
try:
    co.send("sent")
except StopIteration as e:
    print("result:", e.value)
