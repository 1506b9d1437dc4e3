# Pins: async generator protocol details: asend/athrow/aclose awaitables' states and RuntimeErrors, ag_running/ag_await, firstiter/finalizer hooks, anext() with default, async comprehensions, throw delegation through yield from/await.
import sys


def drive(aw, sends=()):
    sends = list(sends)
    out = []
    try:
        v = aw.send(None)
        while True:
            out.append(v)
            v = aw.send(sends.pop(0) if sends else None)
    except StopIteration as e:
        out.append(("return", e.value))
    except BaseException as e:
        out.append((type(e).__name__, str(e)))
    return out


class Pause:
    def __await__(self):
        v = yield "paused"
        return v


async def one():
    yield 1


g = one()
print(drive(g.asend(None)))
print(drive(g.asend(None)))
print(drive(g.athrow(ValueError)))
print(drive(g.aclose()))
g = one()
print(drive(g.aclose()), drive(g.asend(None)), drive(g.athrow(KeyError)))
g = one()
a = g.asend(None)
print(drive(a), drive(a))
try:
    a.throw(ValueError)
except RuntimeError as e:
    print("RuntimeError:", e)


async def paused():
    got = await Pause()
    yield got


g = paused()
a = g.__anext__()
print(a.send(None), g.ag_running, type(g.ag_await).__name__)
for make in (g.__anext__, lambda: g.athrow(ValueError), g.aclose):
    print(drive(make()))
try:
    a.send("resumed")
except StopIteration as e:
    print("StopIteration", e.value, g.ag_running, g.ag_await)
print(drive(g.__anext__()))
print(drive(g.__anext__()))

g = paused()
a = g.__anext__()
a.send(None)
print(a.close(), g.ag_running)
print(drive(g.__anext__()))
g = paused()
a = g.__anext__()
print(a.close(), drive(g.__anext__()))


async def ignores():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = ignores()
drive(g.__anext__())
print(drive(g.aclose()))
g = ignores()
drive(g.__anext__())
try:
    g.asend(None).throw(GeneratorExit)
except StopIteration as e:
    print("StopIteration", e.value)


async def cleanup():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup awaits:", await Pause())


g = cleanup()
print(drive(g.__anext__()))
print(drive(g.aclose(), ["from loop"]))


async def catches():
    try:
        await Pause()
    except KeyError as e:
        yield f"caught {e!r} in await"
    yield "end"


g = catches()
a = g.__anext__()
a.send(None)
try:
    a.throw(KeyError("k"))
except StopIteration as e:
    print("athrow through await:", e.value)
print(drive(g.athrow(TypeError("boom"))))
print(drive(g.__anext__()))

try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print(e)
try:
    sys.set_asyncgen_hooks(finalizer=1)
except TypeError as e:
    print(e)
h = sys.get_asyncgen_hooks()
print(h.firstiter, h.finalizer, tuple(h))


def firstiter(gen):
    print("firstiter", gen.__name__)


def finalizer(gen):
    print("finalizer", gen.__name__, gen.ag_running)
    print(drive(gen.aclose()))


sys.set_asyncgen_hooks(firstiter, finalizer)
print(sys.get_asyncgen_hooks() == (firstiter, finalizer))
g = cleanup()
print(drive(g.__anext__()))
print(drive(g.__anext__()))
del g
print("after del of suspended")
g = one()
del g
print("after del of unstarted")
g = one()
print(drive(g.aclose()))
del g
print("after del of closed")
sys.set_asyncgen_hooks(finalizer=None)
print(sys.get_asyncgen_hooks()[0] is firstiter, sys.get_asyncgen_hooks()[1])
sys.set_asyncgen_hooks(None)
print(sys.get_asyncgen_hooks() == (None, None))


async def counter(n):
    for i in range(n):
        await Pause()
        yield i


async def comprehensions():
    lst = [x async for x in counter(3)]
    st = {x % 2 async for x in counter(4)}
    dct = {x: x * x async for x in counter(3) if x}
    gen = (x * 2 async for x in counter(3))
    agen_type = type(gen).__name__
    from_gen = [y async for y in gen]
    nested = [[y async for y in counter(x)] for x in range(3)]
    return lst, sorted(st), dct, agen_type, from_gen, nested


print(drive(comprehensions())[-1])


async def loops():
    out = []
    it = counter(5)
    async for x in it:
        if x == 2:
            break
        out.append(x)
    out.append(await anext(it))
    out.append(await anext(it, "dflt"))
    await it.aclose()
    out.append(await anext(it, "after close"))
    try:
        await anext(it)
    except StopAsyncIteration:
        out.append("StopAsyncIteration")
    async for x in counter(2):
        out.append(x)
    else:
        out.append("else")
    return out


print(drive(loops())[-1])
awaitables = [anext(counter(1), None), one().__anext__(), one().aclose()]
print([type(a).__name__ for a in awaitables], [a.close() for a in awaitables])
try:
    anext(1)
except TypeError as e:
    print(e)
try:
    aiter(1)
except TypeError as e:
    print(e)
print(aiter(g := one()) is g, g.__aiter__() is g)
print(one.__name__, one().ag_code.co_name, type(one().ag_frame).__name__, one().ag_await)


def sub():
    try:
        yield 1
    except KeyError:
        yield "sub caught"
    return "sub done"


def outer():
    r = yield from sub()
    yield r


g = outer()
next(g)
print(g.throw(KeyError), g.gi_yieldfrom is not None)
print(next(g), g.gi_yieldfrom)


def closer():
    try:
        yield 1
    finally:
        print("sub closed")


def outer2():
    yield from closer()


g = outer2()
next(g)
g.close()


class Throwless:
    def __iter__(self):
        return self

    def __next__(self):
        return "tick"


def outer3():
    try:
        yield from Throwless()
    except ValueError as e:
        yield f"outer3 caught {e}"


g = outer3()
next(g)
print(g.throw(ValueError("x")))
