# Generators resumed by `for` and `yield from` (run in the interpreter's own loop),
# mixed with next()/send()/throw()/close() from outside: values, return values
# through delegation chains, exceptions propagating out of deep chains, PEP 479, a
# generator that resumes itself, loops left early and resumed later, and frames seen
# from inside.
import sys


def leaf(n):
    for i in range(n):
        yield i
    return n * 10


def middle(n):
    r = yield from leaf(n)
    yield ("leaf returned", r)
    return r + 1


def top(n):
    r = yield from middle(n)
    yield ("middle returned", r)


print(list(top(3)))
for v in top(2):
    print(v)


def tree(depth):
    if depth == 0:
        yield "x"
        return 1
    a = yield from tree(depth - 1)
    b = yield from tree(depth - 1)
    return a + b


g = tree(5)
print(len(list(g)), sum(1 for _ in tree(4)))


def count():
    t = yield from tree(6)
    print("leaves", t)
    yield t


print(list(count()))


def boom(n):
    if n == 0:
        raise KeyError("deep")
    yield n
    yield from boom(n - 1)


try:
    for v in boom(5):
        print("got", v)
except KeyError as e:
    print("KeyError", e)


def stops():
    yield 1
    raise StopIteration("inner")


try:
    for v in stops():
        print("stops", v)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)


def averager():
    total, count, avg = 0.0, 0, None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count


def delegate():
    r = yield from averager()
    return r


d = delegate()
next(d)
print([d.send(v) for v in (10, 20, 30)])
try:
    d.throw(ValueError("thrown"))
except ValueError as e:
    print("ValueError", e)


def me():
    yield 1
    try:
        next(gen_self)
    except ValueError as e:
        yield ("ValueError", str(e))


gen_self = me()
print(list(gen_self))

# Leave a loop early, resume by next(), then by another loop.
g = top(4)
for v in g:
    if v == 1:
        break
print("after break", next(g), list(g))


def closing():
    try:
        yield from leaf(5)
    finally:
        print("closing finally")


c = closing()
for v in c:
    if v == 2:
        c.close()
print("closed", list(c))


def frames():
    yield sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name


def outer_frames():
    yield from frames()


def driver():
    return [f for f in outer_frames()]


print(driver())


def nested_loops():
    for a in leaf(3):
        for b in leaf(a):
            yield (a, b)


print(list(nested_loops()))


def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield "bottom"


print(list(deep(200)))
try:
    print(list(deep(5000)))
except RecursionError:
    print("RecursionError")


def catcher():
    try:
        yield "c1"
        yield "c2"
    except ValueError:
        return "caught"


def wrapper():
    r = yield from catcher()
    yield ("wrapper got", r)
    yield "w-last"


w = wrapper()
for v in w:
    print("loop", v)
    break
print(w.throw(ValueError("x")))
for v in w:
    print("loop again", v)
