# Natives consuming generators (list, tuple, set, sorted, sum, any, all) see the
# same values in the same order, with Python code interleaved as CPython runs it.


def count(n):
    for i in range(n):
        yield i


print(list(count(5)), tuple(count(3)), sorted(set(count(4))), sorted(count(6), reverse=True))
print(sum(count(10)), sum(count(10), 0.5), sum(x * 0.5 for x in range(5)))
print(sum(count(3), 10**30), sum(x for x in [2**62, 2**62, 1]), sum([], 7))
print(sum(x if x % 2 else float(x) for x in range(7)), sum((-1) ** i * 1e300 for i in range(4)))
print(any(x > 3 for x in range(10)), any(x > 30 for x in range(10)))
print(all(x < 30 for x in range(10)), all(x < 3 for x in range(10)))
print(any(v for v in [0, 0.0, None, False, "", ()]), all(v for v in [1, 2.5, True, "a", (1,)]))
print(any(v for v in [0, "", "x"]), all(v for v in [1, -0.0, 2]))

# any() leaves the generator suspended after the first true value.
it = (x for x in range(10))
print(any(x == 3 for x in it), list(it))
it = (x for x in range(10))
print(all(x < 4 for x in it), next(it))


def chain():
    yield from count(3)
    yield from [7, 8]
    x = yield 9
    print("sent", x)
    return 5


print(list(chain()), sum(chain()))


def failing():
    yield 1
    yield 2
    raise ValueError("boom")


for consumer in (list, tuple, set, sorted, sum, any, all):
    try:
        consumer(failing())
    except ValueError as e:
        tb = e.__traceback__
        lines = []
        while tb is not None:
            lines.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print(consumer.__name__, "caught", e, lines)
print(any(failing()), all(x < 2 for x in failing()) if False else "skipped")


class Loud:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("bool", self.v)
        return self.v > 1

    def __radd__(self, other):
        print("radd", other)
        return other + 100

    def __hash__(self):
        print("hash", self.v)
        return self.v

    def __eq__(self, other):
        return isinstance(other, Loud) and other.v == self.v

    def __lt__(self, other):
        return self.v < other.v


def noisy(n):
    for i in range(n):
        print("yield", i)
        yield Loud(i) if i % 2 else i


print(any(noisy(5)))
print(all(noisy(3)))
print(sum(noisy(4)))
print(len(set(noisy(4))))


# The generator's state while a native drains it.
def introspect():
    g = me[0]
    yield g.gi_running
    yield g.gi_frame.f_lineno
    yield g.gi_frame is not None


me = [None]
me[0] = introspect()
print(list(me[0]), me[0].gi_frame, me[0].gi_running)


def reenter():
    yield next(self_gen)


self_gen = reenter()
try:
    list(self_gen)
except ValueError as e:
    print("ValueError", e)

# Nested drains, and a drained generator driving other generators.
print(sorted(sum(count(i)) for i in range(6)))
print(list(any(x > i for x in count(4)) for i in range(6)))
print(set(tuple(count(i)) for i in range(4)) == {(), (0,), (0, 1), (0, 1, 2)})
print(len(list(x for x in range(100000))), sum(x for x in range(100000)))
print(len(list(str(x) * 3 for x in range(20000))), sum(len(str(x)) for x in range(20000)))

# Finished and closed generators.
g = count(3)
print(list(g), list(g), sum(g), any(g), all(g))
g = count(3)
next(g)
g.close()
print(list(g))


def with_return():
    yield 1
    return "done"


g = with_return()
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)


# A generator with a finally clause, abandoned by any().
def guarded():
    try:
        yield 0
        yield 1
        yield 2
    finally:
        print("finally")


g = guarded()
print(any(g))
g.close()
