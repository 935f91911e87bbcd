async def gather(source, fetch):
    names = [x async for x in source if x]
    values = {k: await fetch(k) for k in names}
    pairs = [(a, b) async for a in source for b in names]
    stream = (await fetch(x) for x in names)
    return names, values, pairs, stream


def sync_builder(items, fetch):
    return (await fetch(x) for x in items)
