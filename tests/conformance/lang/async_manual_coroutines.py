# Pins: coroutines driven without asyncio: await on custom awaitables (__await__ generators), send() values into awaits, coroutine return via StopIteration.value, a tiny round-robin scheduler, async generators stepped by hand with asend/athrow/aclose, never-awaited coroutine cleanup via close().
import types
class Sleep:
    def __init__(self, n): self.n = n
    def __await__(self):
        got = yield ("sleep", self.n)
        return f"woke after {self.n} with {got}"
async def worker(name, steps):
    out = []
    for i in range(steps):
        r = await Sleep(i)
        out.append(r)
    return f"{name} done: {out}"
c = worker("w", 2)
print(c.send(None))
print(c.send("A"))
try:
    c.send("B")
except StopIteration as e:
    print("returned:", e.value)
def run_all(coros):
    queue = [(name, co, None) for name, co in coros]
    results = {}
    while queue:
        name, co, val = queue.pop(0)
        try:
            req = co.send(val)
            print(f"  {name} yielded {req}")
            queue.append((name, co, f"tick-{name}"))
        except StopIteration as e:
            results[name] = e.value
    return results
print(run_all([("a", worker("a", 2)), ("b", worker("b", 1))]))
@types.coroutine
def raw_yield(v):
    x = yield v
    return x * 2
async def uses_raw():
    return await raw_yield(5) + 1
u = uses_raw()
print(u.send(None))
try:
    u.send(10)
except StopIteration as e:
    print("raw result", e.value)
async def agen():
    try:
        x = yield 1
        print("  agen got", x)
        yield x * 10
    except KeyError as e:
        print("  agen caught", e)
        yield "recovered"
    finally:
        print("  agen finally")
def step(aw, val=None):
    try:
        aw.send(val)
    except StopIteration as e:
        return e.value
    raise AssertionError("awaitable suspended unexpectedly")
g = agen()
print(step(g.__anext__()), step(g.asend(7)), step(g.athrow(KeyError("k"))))
try:
    step(g.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")
g2 = agen()
print(step(g2.__anext__()))
step(g2.aclose())
print("closed")
never = worker("never", 1)
never.close()
print(type(never).__name__, never.cr_frame is None)
class Awaitable:
    def __await__(self):
        return iter([])
async def await_iter():
    return await Awaitable()
try:
    await_iter().send(None)
except StopIteration as e:
    print("empty __await__ returns", e.value)
class NotAwaitable: pass
async def bad():
    await NotAwaitable()
try:
    bad().send(None)
except TypeError as e:
    print("TypeError", e)
co = worker("x", 0)
print(co.cr_running, co.cr_code.co_name, co.__name__, co.__qualname__)
try:
    co.send(None)
except StopIteration as e:
    print(e.value)
try:
    co.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
