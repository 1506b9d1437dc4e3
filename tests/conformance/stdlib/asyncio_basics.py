# Pins: asyncio with timers only: run, gather ordering, create_task, sleep ordering, wait_for timeout, TaskGroup errors, Queue producer/consumer, Event, Semaphore, cancellation. (The gather delays are 50 ms apart, so a loaded machine cannot reorder them.)
import asyncio
async def worker(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)
    return name.upper()
async def main():
    log = []
    results = await asyncio.gather(worker("slow", 0.15, log), worker("fast", 0.05, log), worker("mid", 0.1, log))
    print(results, log)
    t = asyncio.create_task(worker("task", 0, log))
    print(t.done(), await t, t.done(), t.result())
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.01)
    except TimeoutError as e:
        print("TimeoutError", type(e).__name__)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("ok", 0, log))
            async def bad():
                raise ValueError("in group")
            tg.create_task(bad())
    except* ValueError as eg:
        print("group:", [str(e) for e in eg.exceptions])
    q = asyncio.Queue()
    async def producer():
        for i in range(3):
            await q.put(i)
        await q.put(None)
    async def consumer():
        got = []
        while (item := await q.get()) is not None:
            got.append(item)
        return got
    _, got = await asyncio.gather(producer(), consumer())
    print("queue", got)
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "event seen"
    wt = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await wt)
    sem = asyncio.Semaphore(2)
    active = []
    peak = [0]
    async def limited(i):
        async with sem:
            active.append(i)
            peak[0] = max(peak[0], len(active))
            await asyncio.sleep(0.005)
            active.remove(i)
    await asyncio.gather(*(limited(i) for i in range(5)))
    print("peak", peak[0])
    long = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    long.cancel()
    try:
        await long
    except asyncio.CancelledError:
        print("cancelled", long.cancelled())
    r = await asyncio.gather(worker("x", 0, log), asyncio.sleep(0, "sleep-result"), return_exceptions=True)
    print(r)
    res = await asyncio.gather(asyncio.sleep(0), (lambda: (_ for _ in ()).throw(KeyError("k")))() if False else asyncio.sleep(0, 5))
    print(res)
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "future done")
    print(await fut)
    async def agen():
        for i in range(3):
            await asyncio.sleep(0)
            yield i
    print([x async for x in agen()])
    return "main result"
print(asyncio.run(main()))
async def raises():
    raise RuntimeError("from coroutine")
try:
    asyncio.run(raises())
except RuntimeError as e:
    print("RuntimeError:", e)
print(asyncio.iscoroutinefunction(main), asyncio.run(asyncio.sleep(0, "direct")))
