from contextlib import contextmanager, suppress, ExitStack, nullcontext, closing

log = []


@contextmanager
def tag(name):
    log.append(f"<{name}>")
    try:
        yield name.upper()
    except KeyError as e:
        log.append(f"handled {e!r} in {name}")
    finally:
        log.append(f"</{name}>")


with tag("a") as t:
    log.append(t)
with tag("b"):
    raise KeyError("k")
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    log.append(f"outer caught {e}")
print(log)


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


for cm in (no_yield, two_yields):
    try:
        with cm():
            pass
    except RuntimeError as e:
        print(type(e).__name__, e)


@contextmanager
def transform():
    try:
        yield
    except ZeroDivisionError as e:
        raise ValueError("converted") from e


try:
    with transform():
        1 / 0
except ValueError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


@tag("deco")
def decorated(x):
    log.append(f"body {x}")
    return x * 2


log.clear()
print(decorated(21), log)

with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print(type(e).__name__, e)

with nullcontext(42) as v:
    print("null", v)


class Res:
    def __init__(self, name, fail=False):
        self.name, self.fail = name, fail

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        if self.fail:
            raise RuntimeError(f"exit failed in {self.name}")
        return False

    def close(self):
        print("close", self.name)


with closing(Res("c")) as r:
    print("using", r.name)

with ExitStack() as stack:
    rs = [stack.enter_context(Res(n)) for n in "xyz"]
    stack.callback(print, "callback", 1, sep="-")
    print("inside", [r.name for r in rs])

try:
    with ExitStack() as stack:
        stack.enter_context(Res("p"))
        stack.enter_context(Res("q", fail=True))
        raise KeyError("body")
except RuntimeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))


def swallow(et, ev, tb):
    print("swallow", et.__name__ if et else None)
    return True


with ExitStack() as stack:
    stack.push(swallow)
    stack.enter_context(Res("inner"))
    raise IndexError("gone")
print("after swallow")

stack = ExitStack()
stack.callback(lambda: print("closed manually"))
moved = stack.pop_all()
stack.close()
print("nothing yet")
moved.close()

try:
    with ExitStack() as s:
        s.enter_context(42)
except TypeError as e:
    print(type(e).__name__, e)
