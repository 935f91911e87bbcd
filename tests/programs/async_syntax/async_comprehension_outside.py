async def fine():
    return 1


def collect(source):
    return [item async for item in source]
