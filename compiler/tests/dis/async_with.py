async def locked(lock, conn):
    async with lock:
        pass
    async with lock as a, conn as c:
        return await c.read(a)
