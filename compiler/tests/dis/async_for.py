async def total(stream):
    n = 0
    async for x in stream:
        if x < 0:
            continue
        if x > 100:
            break
        n += x
    else:
        n = -n
    return n


async def first(stream):
    async for a, b in stream:
        return a
