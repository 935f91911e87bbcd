"""CPython's TypeErrors for objects that do not follow the async protocols."""


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


def attempt(make):
    coro = make()
    try:
        run(coro)
    except TypeError as e:
        print('TypeError:', e)
    except AttributeError as e:
        print('AttributeError:', e)


class NoAwait:
    pass


class AwaitReturnsInt:
    def __await__(self):
        return 5


async def helper():
    return 1


PENDING = helper()


class AwaitReturnsCoroutine:
    def __await__(self):
        return PENDING


class NoAnext:
    def __aiter__(self):
        return self


class AnextNotAwaitable:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 1


class NoAexit:
    async def __aenter__(self):
        return self


class AenterNotAwaitable:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        return False


class AexitNotAwaitable:
    async def __aenter__(self):
        return self

    def __aexit__(self, *a):
        return 2


async def await_it(x):
    return await x


async def iterate(x):
    async for _ in x:
        pass


async def enter(x):
    async with x:
        pass


attempt(lambda: await_it(NoAwait()))
attempt(lambda: await_it(3))
attempt(lambda: await_it(AwaitReturnsInt()))
attempt(lambda: await_it(AwaitReturnsCoroutine()))
attempt(lambda: iterate([1, 2]))
attempt(lambda: iterate(NoAnext()))
attempt(lambda: iterate(AnextNotAwaitable()))
attempt(lambda: enter(NoAwait()))
attempt(lambda: enter(NoAexit()))
attempt(lambda: enter(AenterNotAwaitable()))
attempt(lambda: enter(AexitNotAwaitable()))


async def comp(x):
    return [i async for i in x]


attempt(lambda: comp((1, 2)))
PENDING.close()
