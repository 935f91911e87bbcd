# Generators resumed in the loop's own frame stack: the POP_TOP after a `yield`
# statement, the `yield from` chain descent, drains of generators whose `yield` is an
# expression, and the states seen from inside and outside while they run.
import sys


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1


def echo():
    got = []
    while True:
        v = yield len(got)
        got.append(v)
        if v == "stop":
            return got


def receiver():
    # `yield` as an expression: a drain or a for loop sends None.
    seen = []
    for i in range(4):
        x = yield i
        seen.append(x)
    yield tuple(seen)


def stmt_then_line():
    yield 1
    yield 2; yield 3
    (
        yield
    )
    yield 4


def chain(d, n):
    if d == 0:
        for i in range(n):
            v = yield i
            if v is not None:
                yield ("got", v)
    else:
        r = yield from chain(d - 1, n)
        yield ("ret", d, r)


def chain_to_list(d):
    if d == 0:
        yield from [10, 20, 30]
    else:
        yield from chain_to_list(d - 1)


def finisher():
    inner = counter(2)
    yield from inner
    # The inner generator is finished: yielding from it again runs nothing.
    yield from inner
    yield "after"


def reenter():
    yield next(me)


def states():
    yield (g.gi_running, g.gi_frame is not None, g.gi_suspended)


print(list(counter(5)), sum(counter(10)), set(counter(4)))
print(any(x > 3 for x in counter(5)), all(x < 3 for x in counter(5)))
e = echo()
print(next(e), e.send("a"), e.send(None), e.send(2))
try:
    e.send("stop")
except StopIteration as ex:
    print("stop", ex.value)
print(list(receiver()), sorted(receiver(), key=str))
r = receiver()
print(next(r), r.send("x"), r.send("y"), next(r), r.send("z"))
print(list(stmt_then_line()), sum(x or 0 for x in stmt_then_line()))
print(list(chain(5, 3)))
c = chain(4, 3)
print(next(c), c.send("hello"), next(c), next(c), next(c), list(c))
print(list(chain_to_list(6)), set(chain_to_list(3)))
print(list(finisher()))
for x in finisher():
    print("f", x)
me = reenter()
try:
    next(me)
except ValueError as ex:
    print("ValueError", ex)
g = states()
print(next(g), (g.gi_running, g.gi_frame is not None, g.gi_suspended))
print(list(g), g.gi_frame)

# Throws into a chain suspended in a for loop.
c = chain(3, 5)
for x in c:
    if x == 2:
        try:
            c.throw(KeyError("k"))
        except KeyError as ex:
            print("thrown", repr(ex))
print(list(c))


# Deep chains: RecursionError from the descent, then the chain still works.
def deep(d):
    if d == 0:
        yield "bottom"
    else:
        yield from deep(d - 1)


sys.setrecursionlimit(200)
try:
    print(list(deep(500)))
except RecursionError as ex:
    print("RecursionError", ex)
sys.setrecursionlimit(1000)
print(list(deep(50)))


# Exceptions raised right after a resumption keep their line.
def raiser():
    yield 1
    raise ValueError("after resume")


try:
    for x in raiser():
        pass
except ValueError as ex:
    tb = ex.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("line", tb.tb_lineno, ex)
