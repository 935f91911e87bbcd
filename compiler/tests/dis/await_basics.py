async def fetch(source, key):
    value = await source.get(key)
    return value * 2


async def chain(a, b):
    return await a + await b


def not_async():
    return 1
