"""Cancellation, timeouts, shield, exceptions in tasks."""
import asyncio


async def sleeper(name, delay, log):
    try:
        await asyncio.sleep(delay)
        log.append(f'{name} finished')
        return name
    except asyncio.CancelledError:
        log.append(f'{name} cancelled')
        raise
    finally:
        log.append(f'{name} cleanup')


async def failing(msg):
    await asyncio.sleep(0.001)
    raise ValueError(msg)


async def main():
    log = []
    t = asyncio.create_task(sleeper('t1', 10, log))
    await asyncio.sleep(0)
    print('cancel ->', t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print('awaiting a cancelled task raises CancelledError')
    print(t.cancelled(), t.done(), log)
    print('cancel again ->', t.cancel())
    try:
        t.result()
    except asyncio.CancelledError:
        print('result() raises CancelledError')

    # cancel with a message
    t = asyncio.create_task(sleeper('t2', 10, log))
    await asyncio.sleep(0)
    t.cancel('stop now')
    try:
        await t
    except asyncio.CancelledError as e:
        print('message:', e.args)

    # Cancelled before it ever ran.
    t = asyncio.create_task(sleeper('t3', 1, log))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('t3 cancelled before start; log has t3:', any('t3' in x for x in log))

    # A task that swallows the cancellation completes normally.
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return 'refused'
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print('stubborn:', await t, t.cancelled())

    # wait_for: in time, and a timeout that cancels the inner task.
    print('wait_for:', await asyncio.wait_for(sleeper('w1', 0.001, log), timeout=1))
    try:
        await asyncio.wait_for(sleeper('w2', 10, log), timeout=0.01)
    except asyncio.TimeoutError as e:
        print('TimeoutError', type(e).__name__, asyncio.TimeoutError is TimeoutError)
    print([x for x in log if x.startswith('w')])

    # asyncio.timeout()
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        print('timeout expired:', cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.001)
    print('in time, expired:', cm.expired())
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0)
    print('no deadline:', cm.when())

    # Exceptions in tasks: kept until awaited; exception() returns them.
    t = asyncio.create_task(failing('boom'))
    await asyncio.wait([t])
    print(t.done(), repr(t.exception()))
    try:
        await t
    except ValueError as e:
        print('awaited:', e)

    # gather: the first exception propagates; return_exceptions collects them.
    try:
        await asyncio.gather(sleeper('g1', 0.001, log), failing('bad'))
    except ValueError as e:
        print('gather raised', e)
    res = await asyncio.gather(failing('x'), sleeper('g2', 0.001, log),
                               asyncio.sleep(0, 'z'), return_exceptions=True)
    print([repr(r) for r in res])

    # Cancelling a gather cancels its children.
    children_log = []
    g = asyncio.gather(sleeper('c1', 10, children_log), sleeper('c2', 10, children_log))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print('gather cancelled:', children_log)

    # shield: the outer await is cancelled, the inner task goes on.
    inner = asyncio.create_task(sleeper('inner', 0.02, log))

    async def waiter():
        return await asyncio.shield(inner)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.001)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print('waiter cancelled; inner done?', inner.done())
    print('inner result:', await inner)

    # Cancelling the task that awaits another cancels the other one too.
    inner_log = []
    child = asyncio.create_task(sleeper('child', 10, inner_log))

    async def parent():
        await child
    p = asyncio.create_task(parent())
    await asyncio.sleep(0)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        pass
    await asyncio.sleep(0)
    print('child cancelled with parent:', child.cancelled(), inner_log)


asyncio.run(main())


async def raises():
    await asyncio.sleep(0)
    raise KeyError('from main')

try:
    asyncio.run(raises())
except KeyError as e:
    print('asyncio.run propagated', repr(e))
