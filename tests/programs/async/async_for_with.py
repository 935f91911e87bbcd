"""async for and async with over hand-written async iterators and context managers,
driven by a tiny scheduler (no asyncio)."""

log = []


class Tick:
    def __await__(self):
        yield 'tick'


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Tick()
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await Tick()
        log.append(f'enter {self.name}')
        return self.name.upper()

    async def __aexit__(self, typ, exc, tb):
        await Tick()
        log.append(f'exit {self.name} {typ.__name__ if typ else None}')
        return self.suppress


def run(coro):
    ticks = 0
    try:
        while True:
            assert coro.send(None) == 'tick'
            ticks += 1
    except StopIteration as e:
        return e.value, ticks


async def loops():
    out = []
    async for i in Countdown(3):
        out.append(i)
    else:
        out.append('else')
    async for i in Countdown(5):
        if i == 3:
            continue
        if i == 1:
            break
        out.append(i)
    else:
        out.append('not reached')
    return out


print(run(loops()))


async def early_return():
    async for i in Countdown(10):
        if i == 7:
            return 'returned at 7'


print(run(early_return()))


async def withs():
    async with Resource('a') as a, Resource('b') as b:
        log.append(f'body {a} {b}')
    async with Resource('quiet', suppress=True):
        raise ValueError('suppressed')
    try:
        async with Resource('loud'):
            raise KeyError('propagates')
    except KeyError as e:
        log.append(f'caught {e!r}')
    for x in range(3):
        async with Resource(f'loop{x}'):
            if x == 1:
                continue
            if x == 2:
                break
    async with Resource('ret') as r:
        return r


print(run(withs()))
print('\n'.join(log))


async def comprehensions():
    squares = [i * i async for i in Countdown(4)]
    evens = {i async for i in Countdown(6) if i % 2 == 0}
    pairs = {i: j async for i in Countdown(2) for j in 'ab'}
    nested = [[j async for j in Countdown(i)] for i in range(3)]
    awaited = [await Resource(str(i)).__aenter__() for i in range(2)]
    return squares, sorted(evens), pairs, nested, awaited


print(run(comprehensions()))
