import functools
from functools import lru_cache, cache, partial, reduce, wraps, total_ordering, cmp_to_key
from functools import cached_property, singledispatch


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), fib.cache_info())
fib(30)
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib.__name__, fib.__wrapped__.__name__)


@lru_cache(maxsize=3)
def square(x):
    print("  computing", x)
    return x * x


for v in [1, 2, 3, 1, 4, 2, 1, 5, 3]:
    square(v)
print(square.cache_info(), square.cache_parameters())
info = square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info._fields, type(info).__name__)


@lru_cache
def add(a, b=0):
    return a + b


print(add(1, 2), add(1, b=2), add(1, 2), add.cache_info())


@lru_cache(maxsize=10, typed=True)
def kind(x):
    return type(x).__name__


print(kind(1), kind(1.0), kind(True), kind.cache_info())


@cache
def count_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return count_paths(r - 1, c) + count_paths(r, c - 1)


print(count_paths(10, 10), count_paths.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x


nocache(1)
nocache(1)
print(nocache.cache_info())
try:
    lru_cache("big")
except TypeError as e:
    print(type(e).__name__, e)

# reduce
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10), reduce(max, [3, 9, 2]))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(type(e).__name__, e)

# partial
base2 = partial(int, base=2)
print(base2('1010'), base2.func is int, base2.args, base2.keywords)
p1 = partial(pow, 2)
p2 = partial(p1, 10)
print(p2(), p2.args, p2.func is pow)


def greet(greeting, name, punct='!'):
    return f"{greeting}, {name}{punct}"


hello = partial(greet, 'Hello', punct='.')
print(hello('Ann'), hello('Bob', punct='?'), repr(partial(max, 1, key=abs)).startswith('functools.partial(<built-in function max>, 1, key='))
try:
    partial(5)
except TypeError as e:
    print(type(e).__name__, e)


# wraps
def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return func(*args, **kwargs)
    return wrapper


@logged
def compute(x):
    """Compute things."""
    return x + 1


print(compute(1), compute.__name__, compute.__doc__, compute.__wrapped__(5), compute.__qualname__)


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


a, b = Version(1, 2), Version(1, 10)
print(a < b, a > b, a <= b, a >= b, a == Version(1, 2), sorted([b, a, Version(0, 9)]), max(a, b))
try:
    total_ordering(type('Bare', (), {}))
except ValueError as e:
    print(type(e).__name__, e)


def by_length_then_alpha(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return (x > y) - (x < y)


print(sorted(['ccc', 'a', 'bb', 'aa', 'b'], key=cmp_to_key(by_length_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda x, y: y - x)))


class Circle:
    def __init__(self, r):
        self.r = r
        self.calls = 0

    @cached_property
    def area(self):
        self.calls += 1
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, c.calls, 'area' in c.__dict__)
del c.area
print(c.area, c.calls, type(Circle.area).__name__)


@singledispatch
def describe(obj):
    return f"object {obj!r}"


@describe.register
def _(obj: int):
    return f"int {obj}"


@describe.register(list)
def _(obj):
    return f"list of {len(obj)}"


@describe.register(float)
@describe.register(complex)
def _(obj):
    return f"number {obj}"


class MyList(list):
    pass


print(describe(1), describe(True), describe([1, 2]), describe(MyList([1])), describe(2.5), describe(1j), describe('s'))
print(describe.dispatch(bool).__name__ if hasattr(describe.dispatch(bool), '__name__') else None, describe.dispatch(str) is describe.registry[object])
try:
    describe()
except TypeError as e:
    print(type(e).__name__, e)
try:
    describe.register(5)
except TypeError as e:
    print(type(e).__name__, str(e)[:40])
