"""Coroutines driven by hand: send, throw, close, custom awaitables, return values."""


class Suspend:
    """An awaitable that suspends once, handing `value` to whoever drives the coroutine."""

    def __init__(self, value):
        self.value = value

    def __await__(self):
        received = yield self.value
        return f'resumed with {received!r}'


async def leaf(x):
    r = await Suspend(('leaf', x))
    return x * 10, r


async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]


def run(coro, replies):
    """Drive `coro`, answering each suspension with the next reply."""
    replies = iter(replies)
    value = None
    try:
        while True:
            yielded = coro.send(value)
            print('suspended:', yielded)
            value = next(replies)
    except StopIteration as e:
        print('returned:', e.value)


run(middle(), ['first', 'second'])

c = leaf(3)
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.send(None))
try:
    c.send('x')
except StopIteration as e:
    print('done', e.value)
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)


async def catcher():
    try:
        await Suspend('waiting')
    except KeyError as e:
        print('caught inside:', repr(e))
        return 'recovered'
    finally:
        print('finally runs')


c = catcher()
print(c.send(None))
try:
    c.throw(KeyError('k'))
except StopIteration as e:
    print('after throw:', e.value)

c = catcher()
c.send(None)
c.close()
print('closed')


async def no_await():
    return 42


c = no_await()
try:
    c.send(None)
except StopIteration as e:
    print('immediate:', e.value)

c = no_await()
try:
    c.send(1)
except TypeError as e:
    print('TypeError:', e)
c.close()


async def awaits_twice(coro):
    return await coro


inner = leaf(5)
outer1 = awaits_twice(inner)
print(outer1.send(None))
outer2 = awaits_twice(inner)
try:
    outer2.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
outer1.close()
outer2.close()


class Counter:
    """__await__ may be any iterator: a generator here, returning a value."""

    def __await__(self):
        for i in range(3):
            yield i
        return 'counted'


async def use_counter():
    return await Counter()


run(use_counter(), [None, None, None])
