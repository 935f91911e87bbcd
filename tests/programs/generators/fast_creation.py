# Generators made by a call that binds its arguments simply (positional, defaults,
# cells, closures, bound methods, __iter__ for iter() and yield from), and the
# calls that take the general path (keywords, *args, wrong arity).


def with_defaults(a, b=10, c=20):
    yield a
    yield b
    yield c


print(list(with_defaults(1)), list(with_defaults(1, 2)), list(with_defaults(1, 2, 3)))


def captured(n, step=2):
    # `n` and `step` are parameters that live in cells (the inner function uses them).
    def bump():
        return n + step
    yield bump()
    n = 100
    yield bump()


print(list(captured(5)), list(captured(5, 7)))


def outer(k):
    def inner(xs):
        for x in xs:
            yield x * k
    return inner


print(list(outer(3)([1, 2, 3])))


class Box:
    def __init__(self, items):
        self.items = items

    def each(self, scale=1):
        for x in self.items:
            yield x * scale

    def __iter__(self):
        yield from self.items


b = Box([1, 2, 3])
print(list(b.each()), list(b.each(10)), list(Box.each(b, 2)))
m = b.each
print(list(m(5)))
print(list(iter(b)), [x for x in b], sum(b))


class Tree:
    def __init__(self, left, value, right):
        self.left, self.value, self.right = left, value, right

    def __iter__(self):
        if self.left:
            yield from self.left
        yield self.value
        if self.right:
            yield from self.right


t = Tree(Tree(None, 1, None), 2, Tree(Tree(None, 3, None), 4, None))
print(list(t))
g = iter(t)
print(type(g).__name__, g.__name__, g.__qualname__, next(g), next(g))


class WrongIter:
    def __iter__(self, extra):
        yield extra


try:
    iter(WrongIter())
except TypeError as e:
    print("TypeError:", e)


try:
    with_defaults()
except TypeError as e:
    print("TypeError:", e)

try:
    with_defaults(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)

print(list(with_defaults(1, c=5)), list(with_defaults(*[7, 8])))


def varargs(*xs):
    yield from xs


print(list(varargs(1, 2)))


def kwonly(a, *, b=2):
    yield a + b


print(list(kwonly(1)), list(kwonly(1, b=5)))

# A generator made directly is not started: its locals wait in the generator.
gen = with_defaults(4)
print(gen.gi_frame.f_locals if gen.gi_frame is not None else None, gen.gi_running)
print(next(gen), gen.gi_frame.f_lineno)
gen.close()
print(gen.gi_frame)

# Coroutines made by the same path.


async def coro(x, y=1):
    return x + y


c = coro(2)
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
