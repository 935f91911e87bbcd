"""Queues (producer/consumer, join/task_done), Event, Lock, Semaphore, wait,
as_completed."""
import asyncio


async def producer(q, n, tag):
    for i in range(n):
        await q.put(f'{tag}{i}')
        await asyncio.sleep(0)


async def consumer(q, name, out):
    while True:
        item = await q.get()
        out.append((name, item))
        await asyncio.sleep(0)
        q.task_done()


async def queues():
    q = asyncio.Queue(maxsize=2)
    out = []
    consumers = [asyncio.create_task(consumer(q, f'c{i}', out)) for i in range(2)]
    await asyncio.gather(producer(q, 3, 'a'), producer(q, 3, 'b'))
    await q.join()
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(out)
    print(q.qsize(), q.empty(), q.full(), q.maxsize)

    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')
    q2 = asyncio.Queue(1)
    q2.put_nowait(1)
    try:
        q2.put_nowait(2)
    except asyncio.QueueFull:
        print('QueueFull')
    try:
        q.task_done()
    except ValueError as e:
        print('ValueError:', e)

    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2]:
        pq.put_nowait(x)
    lq = asyncio.LifoQueue()
    for x in 'abc':
        lq.put_nowait(x)
    print([pq.get_nowait() for _ in range(4)], [lq.get_nowait() for _ in range(3)])


async def events():
    ev = asyncio.Event()
    log = []

    async def waiter(i):
        log.append(f'wait {i}')
        await ev.wait()
        log.append(f'woke {i}')

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print('is_set', ev.is_set())
    ev.set()
    await asyncio.gather(*ws)
    print(log)
    ev.clear()
    print('after clear', ev.is_set())


async def locks():
    lock = asyncio.Lock()
    log = []

    async def critical(i):
        async with lock:
            log.append(f'enter {i}')
            await asyncio.sleep(0.001)
            log.append(f'leave {i}')

    await asyncio.gather(*(critical(i) for i in range(3)))
    print(log)
    print('locked after', lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError:', e)

    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0

    async def limited(i):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.001)
            active -= 1
        return i

    print(await asyncio.gather(*(limited(i) for i in range(5))), 'peak', peak)
    bs = asyncio.BoundedSemaphore(1)
    try:
        bs.release()
    except ValueError as e:
        print('ValueError:', e)

    cond = asyncio.Condition()
    items = []

    async def take():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop(0)

    t = asyncio.create_task(take())
    await asyncio.sleep(0)
    async with cond:
        items.append('item')
        cond.notify()
    print('condition:', await t)


async def waits():
    async def job(x, d):
        await asyncio.sleep(d)
        return x

    quick = asyncio.create_task(job('quick', 0.001))
    never = asyncio.create_task(job('never', 60))
    done, pending = await asyncio.wait([quick, never], return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], pending == {never})
    done, pending = await asyncio.wait([quick, never], timeout=0.01)
    print(len(done), len(pending))
    never.cancel()
    done, pending = await asyncio.wait([quick, never])
    print(len(done), len(pending), never.cancelled())

    async def yields(x, n):
        # Finishes after n turns of the event loop: an order no clock changes.
        for _ in range(n):
            await asyncio.sleep(0)
        return x

    results = []
    for fut in asyncio.as_completed([yields('slow', 5), yields('fast', 1), yields('mid', 3)]):
        results.append(await fut)
    print('as_completed:', results)
    try:
        for fut in asyncio.as_completed([job('never', 10)], timeout=0.01):
            await fut
    except asyncio.TimeoutError:
        print('as_completed timed out')
    try:
        await asyncio.wait([])
    except ValueError as e:
        print('ValueError:', e)


async def main():
    await queues()
    await events()
    await locks()
    await waits()


asyncio.run(main())
