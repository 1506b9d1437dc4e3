# Pins: aiter()/anext() builtins on async generators and custom async iterators (driven with a tiny manual event loop), anext default value, errors for non-async iterables, async comprehension and async for with else.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def agen(n):
    for i in range(n):
        yield i * 10
class Countdown:
    def __init__(self, n): self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
async def main():
    it = aiter(agen(3))
    out = [await anext(it), await anext(it), await anext(it)]
    out.append(await anext(it, "default"))
    try:
        await anext(it)
    except StopAsyncIteration:
        out.append("StopAsyncIteration")
    out.append([x async for x in Countdown(3)])
    out.append([x async for x in agen(5) if x % 20 == 0])
    out.append({x: x // 10 async for x in agen(3)})
    async for v in Countdown(2):
        out.append(f"loop {v}")
    else:
        out.append("async for else")
    c = Countdown(1)
    out.append(aiter(c) is c)
    out.append(await anext(Countdown(0), None))
    return out
for item in run(main()):
    print(item)
for bad in [lambda: aiter([1, 2]), lambda: anext(iter([1])), lambda: aiter(5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
class BadAiter:
    def __aiter__(self): return 5
try:
    aiter(BadAiter())
except TypeError as e:
    print("TypeError", e)
async def use_sync_iter_in_async_for():
    async for x in [1, 2]:
        pass
try:
    run(use_sync_iter_in_async_for())
except TypeError as e:
    print("TypeError", e)
awaitable = anext(agen(1))
print(type(awaitable).__name__ in ("async_generator_asend", "anext_awaitable", "coroutine"), run(awaitable))
print(run(anext(agen(0), "empty-default")))
