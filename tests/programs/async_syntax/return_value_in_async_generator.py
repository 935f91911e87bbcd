async def stream():
    yield 1
    return "done"
