async def ticks(clock, n):
    for i in range(n):
        await clock.sleep(1)
        yield i
    yield


async def relay(source):
    async for item in source:
        received = yield item
        if received:
            return
