# Pins: async generators driven by hand: asend/athrow/aclose, StopAsyncIteration, finally on aclose, and async comprehension inside a coroutine.
class Pause:
    def __await__(self):
        v = yield "paused"
        return v
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
    except StopAsyncIteration:
        out.append("StopAsyncIteration")
    return out
async def ag():
    try:
        got = await Pause()
        print("ag got from await", got)
        x = yield 1
        print("ag got from asend", x)
        yield 2
    finally:
        print("ag finally")
g = ag()
print(drive(g.asend(None), ["awaited-value"]))
print(drive(g.asend("sent")))
print(drive(g.asend(None)))
print(drive(g.asend(None)))
g2 = ag()
print(drive(g2.asend(None), ["v"]))
print(drive(g2.aclose()))
g3 = ag()
print(drive(g3.asend(None), ["w"]))
try:
    drive(g3.athrow(ValueError("thrown in")))
except ValueError as e:
    print("propagated:", e)
async def catching():
    try:
        yield "first"
    except KeyError:
        yield "caught KeyError"
g4 = catching()
print(drive(g4.asend(None)))
print(drive(g4.athrow(KeyError)))
async def consumer():
    async def numbers():
        for i in range(3):
            await Pause()
            yield i
    return [x * 10 async for x in numbers() if x != 1]
print(drive(consumer()))
async def using_anext():
    async def one():
        yield "only"
    it = one()
    first = await anext(it)
    second = await anext(it, "default")
    return first, second
print(drive(using_anext()))
print(type(ag()).__name__, ag.__name__, ag().ag_running, ag().ag_code.co_name)
