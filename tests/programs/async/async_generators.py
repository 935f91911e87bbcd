"""Async generators: __anext__/asend/athrow/aclose, StopAsyncIteration, awaits inside,
asynchronous generator expressions; driven without an event loop."""


class Tick:
    def __await__(self):
        yield 'tick'


def run(awaitable):
    """Drive an awaitable to completion; return (its result, how many ticks)."""
    coro = awaitable.__await__()
    ticks = 0
    try:
        while True:
            assert coro.send(None) == 'tick'
            ticks += 1
    except StopIteration as e:
        return e.value, ticks


async def numbers(n):
    for i in range(n):
        await Tick()
        received = yield i
        if received is not None:
            print('received', received)
    print('numbers done')


g = numbers(3)
print(type(g).__name__, g.__name__)
print(run(g.__anext__()))
print(run(g.asend('hello')))
print(run(g.__anext__()))
try:
    run(g.__anext__())
except StopAsyncIteration:
    print('StopAsyncIteration')
try:
    run(g.__anext__())
except StopAsyncIteration:
    print('StopAsyncIteration again')


async def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('caught', repr(e))
        yield 'after error'
    finally:
        print('cleanup')


g = guarded()
print(run(g.__anext__()))
print(run(g.athrow(ValueError('bad'))))
print(run(g.aclose()))
try:
    run(g.__anext__())
except StopAsyncIteration:
    print('closed generator is exhausted')

g = guarded()
print(run(g.__anext__()))
try:
    run(g.athrow(KeyError('unhandled')))
except KeyError as e:
    print('propagated', repr(e))


async def refuses_to_close():
    try:
        yield 1
    except GeneratorExit:
        yield 'no'


g = refuses_to_close()
run(g.__anext__())
try:
    run(g.aclose())
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    run(g.__anext__())
except StopAsyncIteration:
    print('finished after ignoring GeneratorExit')


async def consumer():
    out = [x async for x in numbers(4)]
    doubled = [y async for y in (x * 2 async for x in numbers(3))]
    total = 0
    async for x in numbers(2):
        total += x
    agen = (await tick_value(x) for x in range(3))
    values = [v async for v in agen]
    return out, doubled, total, values


async def tick_value(x):
    await Tick()
    return x + 100


print(run(consumer()))


async def returns_early():
    yield 1
    return


g = returns_early()
print(run(g.__anext__()))
try:
    run(g.__anext__())
except StopAsyncIteration:
    print('bare return ends it')


async def stop_iteration_inside():
    yield 1
    raise StopAsyncIteration


g = stop_iteration_inside()
run(g.__anext__())
try:
    run(g.__anext__())
except RuntimeError as e:
    print('RuntimeError:', e)
