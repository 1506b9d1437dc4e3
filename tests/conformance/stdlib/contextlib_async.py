# Pins: async context managers: asynccontextmanager, AsyncExitStack (push_async_callback, enter_async_context), aclosing, async with ordering and exception propagation, driven by asyncio.run.
import asyncio, contextlib
log = []
@contextlib.asynccontextmanager
async def conn(name):
    log.append(f"open {name}")
    await asyncio.sleep(0)
    try:
        yield f"<{name}>"
    finally:
        log.append(f"close {name}")
async def agen():
    try:
        for i in range(10):
            yield i
    finally:
        log.append("agen finalized")
async def main():
    async with conn("db") as c:
        log.append(f"using {c}")
    async with contextlib.AsyncExitStack() as st:
        a = await st.enter_async_context(conn("a"))
        b = st.enter_context(contextlib.nullcontext("sync"))
        async def cb(x):
            log.append(f"async cb {x}")
        st.push_async_callback(cb, 1)
        st.callback(log.append, "sync cb")
        log.append(f"body {a} {b}")
    try:
        async with conn("err"):
            raise ValueError("boom")
    except ValueError as e:
        log.append(f"caught {e}")
    async with contextlib.aclosing(agen()) as g:
        async for v in g:
            if v == 2:
                break
    log.append("after aclosing")
    @contextlib.asynccontextmanager
    async def swallow():
        try:
            yield
        except KeyError:
            log.append("swallowed KeyError")
    async with swallow():
        raise KeyError("x")
    log.append("continued")
    class ACM:
        async def __aenter__(self):
            log.append("aenter"); return self
        async def __aexit__(self, et, ev, tb):
            log.append(f"aexit {et.__name__ if et else None}"); return True
    async with ACM():
        1 / 0
    async with contextlib.nullcontext(5) as n:
        log.append(f"async nullcontext {n}")
    try:
        async with contextlib.ExitStack():
            pass
    except TypeError as e:
        log.append(f"TypeError {e}")
    return "main done"
print(asyncio.run(main()))
for line in log:
    print(line)
