"""async for / async with / async generators / async comprehensions under asyncio."""
import asyncio


async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        await asyncio.sleep(0)
        self.log.append(f'open {self.name}')
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        self.log.append(f'close {self.name} {exc_type.__name__ if exc_type else None}')
        return False


class AsyncRange:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.i += 1
        return self.i - 1


async def merge(log):
    out = []

    async def collect(tag, n, delay):
        async for x in ticker(n, delay):
            out.append(f'{tag}{x}')

    await asyncio.gather(collect('a', 3, 0), collect('b', 2, 0))
    return out


async def main():
    log = []
    async with Resource('r1', log) as r:
        log.append(f'using {r.name}')
    try:
        async with Resource('r2', log):
            raise ValueError('inside')
    except ValueError:
        log.append('caught')
    print(log)

    print([x async for x in ticker(4, 0)])
    print({x: x * x async for x in AsyncRange(3)})
    print(sorted({x % 2 async for x in AsyncRange(5)}))
    squares = (x * x async for x in AsyncRange(4))
    print(type(squares).__name__, [y async for y in squares])
    print(await merge(log))

    # Breaking out of an async for over an async generator, then aclose().
    gen = ticker(10, 0)
    async for x in gen:
        if x == 2:
            break
    await gen.aclose()
    print('after aclose:', [x async for x in gen])

    # asend / athrow through the event loop.
    async def echo():
        received = None
        while True:
            try:
                received = yield received
            except KeyError:
                received = 'handled KeyError'
            await asyncio.sleep(0)

    e = echo()
    print(await e.asend(None), await e.asend('hi'), await e.athrow(KeyError()))
    await e.aclose()

    # The built-in anext() / aiter() are not in revpy: use __anext__.
    g = ticker(2, 0)
    print(await g.__anext__(), await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('StopAsyncIteration')


asyncio.run(main())
