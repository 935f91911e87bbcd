class Handler:
    async with lock:
        pass
