"""Tasks: create_task, names, done/result/exception, gather ordering, asyncio.run's
value, current_task, call_soon/call_later FIFO order, run_until_complete."""
import asyncio


async def worker(name, delay, log):
    log.append(f'{name} start')
    await asyncio.sleep(delay)
    log.append(f'{name} end')
    return name.upper()


async def main():
    log = []
    # gather returns results in argument order, whatever the completion order.
    # (Timers scheduled later with longer delays fire later: c, then b, then a.)
    c = asyncio.create_task(worker('c', 0, log))
    b = asyncio.create_task(worker('b', 0.01, log))
    a = asyncio.create_task(worker('a', 0.02, log))
    r = await asyncio.gather(a, b, c)
    print('gather:', r)
    print('log:', log)

    t = asyncio.create_task(worker('d', 0.01, log), name='dee')
    print(t.get_name(), t.done())
    t.set_name('renamed')
    print(await t, t.done(), t.result(), t.exception(), t.get_name())

    unnamed = asyncio.create_task(asyncio.sleep(0, 'x'))
    print(unnamed.get_name().startswith('Task-'), await unnamed)

    me = asyncio.current_task()
    print('current task is a Task:', isinstance(me, asyncio.Task))
    print('loop running:', asyncio.get_running_loop().is_running())

    # Tasks start in creation order, each runs until its first await.
    order = []

    async def step(i):
        order.append(('first', i))
        await asyncio.sleep(0)
        order.append(('second', i))

    tasks = [asyncio.create_task(step(i)) for i in range(3)]
    order.append('created')
    await asyncio.gather(*tasks)
    print(order)

    # Awaiting an already-done task gives its result again.
    print(await tasks[0], tasks[0].result())
    return 42


print('run returned', asyncio.run(main()))

# Callbacks: call_soon runs in FIFO order, call_later by deadline.
loop = asyncio.new_event_loop()
out = []
now = loop.time()
loop.call_at(now + 0.02, out.append, 'at +0.02')
loop.call_at(now + 0.01, out.append, 'at +0.01')
loop.call_soon(out.append, 'soon 1')
loop.call_soon(out.append, 'soon 2')
h = loop.call_soon(out.append, 'cancelled')
h.cancel()


def last():
    out.append('later, from a timer')
    loop.stop()


loop.call_at(now + 0.02, loop.call_later, 0.001, last)
loop.run_forever()
print(out)


async def compute(x):
    await asyncio.sleep(0.001)
    return x * 2


print(loop.run_until_complete(compute(21)))
fut = loop.create_future()
loop.call_soon(fut.set_result, 'from a callback')
print(loop.run_until_complete(fut))
print(loop.is_closed())
loop.close()
print(loop.is_closed())
pending = compute(1)
try:
    loop.run_until_complete(pending)
except RuntimeError as e:
    print('RuntimeError:', e)
pending.close()


try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeError:', e)

try:
    asyncio.run(42)
except ValueError as e:
    print('ValueError:', e)


async def nested():
    inner = compute(1)
    try:
        asyncio.run(inner)
    finally:
        inner.close()

try:
    asyncio.run(nested())
except RuntimeError as e:
    print('RuntimeError:', e)
