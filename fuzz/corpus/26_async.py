import asyncio
async def worker(n, out):
    await asyncio.sleep(0)
    out.append(n * n)
    return n
async def agen(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)
async def main():
    out = []
    rs = await asyncio.gather(*(worker(i, out) for i in range(5)))
    xs = [x async for x in agen(4)]
    async with asyncio.Lock():
        pass
    return rs, sorted(out), xs
print(asyncio.run(main()))
