# Pins: async def coroutines driven by hand with send(): await, __await__, async with, async for, async generators, coroutine states.
import types

class Suspend:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield self.v
        return f"resumed with {got}"

async def child(x):
    r = await Suspend(x)
    return r.upper()

async def parent():
    a = await child("one")
    b = await child("two")
    return [a, b]

def run(coro, sends):
    out = []
    try:
        v = coro.send(None)
        while True:
            out.append(v)
            v = coro.send(sends.pop(0))
    except StopIteration as e:
        out.append(("result", e.value))
    return out

print(run(parent(), ["x", "y"]))
c = parent()
print(type(c).__name__, c.__name__, c.cr_code.co_name, c.cr_running)
c.close()

class ACM:
    async def __aenter__(self):
        print("aenter")
        await Suspend("in aenter")
        return "resource"
    async def __aexit__(self, *exc):
        print("aexit", exc[0])
        return False

async def use_acm():
    async with ACM() as r:
        print("using", r)
    return "done"

print(run(use_acm(), ["s1"]))

class ARange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def use_aiter():
    total = []
    async for v in ARange(3):
        total.append(v)
    return total

print(run(use_aiter(), []))

async def agen():
    for i in range(3):
        yield i * 10
        await Suspend(f"agen {i}")

async def consume():
    out = [v async for v in agen()]
    return out

print(run(consume(), [1, 2, 3]))
ag = agen()
an = ag.__anext__()
print(type(ag).__name__, type(an).__name__)
an.close()

@types.coroutine
def legacy():
    v = yield "legacy yield"
    return v

async def uses_legacy():
    return await legacy()

print(run(uses_legacy(), ["back"]))

async def raises():
    await Suspend(0)
    raise ValueError("inside coroutine")

r = raises()
r.send(None)
try:
    r.send(None)
except ValueError as e:
    print("ValueError:", e)

c = child("z")
c.send(None)
try:
    c.throw(KeyError("thrown"))
except KeyError as e:
    print("KeyError:", e)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def simple():
    return 1
s = simple()
try:
    s.send(None)
except StopIteration as e:
    print("StopIteration value", e.value)
try:
    s.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
import inspect
print(inspect.iscoroutinefunction(simple), inspect.isasyncgenfunction(agen), inspect.isawaitable(Suspend(1)))
try:
    async def bad():
        await 5
    bad().send(None)
except TypeError as e:
    print("TypeError:", e)
