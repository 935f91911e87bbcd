# functools through the native _functools: reduce, partial, cmp_to_key and the
# lru_cache wrapper (keys, eviction order, statistics, methods, errors).
import copy
import functools
from functools import reduce, partial, cmp_to_key, lru_cache, cache


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)


# ---- reduce
print("reduce", reduce(lambda a, b: a * b, range(1, 10)), reduce(lambda a, b: a + b, [], 7),
      reduce(lambda a, b: a + [b], "abc", []), reduce(max, (x * x % 17 for x in range(50))))
show("reduce empty", lambda: reduce(lambda a, b: a, []))
show("reduce not iterable", lambda: reduce(lambda a, b: a, 5))
show("reduce not callable", lambda: reduce(5, [1, 2]))
show("reduce one item not callable", lambda: reduce(5, [1]))
show("reduce args", lambda: reduce(max))
show("reduce kw", lambda: reduce(max, [1], initial=0))


def boom():
    yield 1
    yield 2
    raise KeyError("gen")


show("reduce generator raises", lambda: reduce(lambda a, b: a + b, boom()))


# ---- partial
def f(a, b, c=3, *rest, d=4, **kw):
    return (a, b, c, rest, d, sorted(kw.items()))


p = partial(f, 1, d=5)
print("partial", p(2), p(2, 3, 4, d=6, e=7), p.func is f, p.args, p.keywords)
p2 = partial(p, 9, x=1)
print("flattened", p2.func is f, p2.args, p2.keywords, p2())
p.keywords["d"] = 50
print("keywords mutated", p(0))
print("repr", repr(partial(max, 1, key=abs)).replace(repr(max), "<max>"))


class PS(partial):
    pass


ps = PS(min, 3)
print("subclass", ps(1, 5), type(ps).__name__, repr(ps).startswith("PS(<built-in function min>"))
pa = partial(f, 1)
pa.note = "hello"
p3 = partial(pa, 2)
print("attrs block flattening", p3.func is pa, p3(), pa.note, pa.__dict__)
r = partial(f, 1, 2, z=3).__reduce__()
print("reduce", r[0].__name__, r[1][0] is f, r[2][1:])
q = partial(max)
q.__setstate__((min, (1, 2), {"key": None}, None))
print("setstate", q(), q.args, q.keywords)
show("setstate bad", lambda: q.__setstate__((1, 2, 3, 4)))
show("setstate short", lambda: q.__setstate__((min, ())))
show("setstate not tuple", lambda: q.__setstate__([min, (), {}, None]))
cp = copy.copy(partial(f, [1], k=2))
dp = copy.deepcopy(partial(f, [1], k=2))
print("copies", cp(2), dp(3), type(dp).__name__)
show("partial no args", lambda: partial())
show("partial not callable", lambda: partial(5))
show("partial readonly", lambda: setattr(partial(f), "func", max))
rec = partial(f)
rec.__setstate__((f, (rec,), {}, None))
print("recursive repr", repr(rec).count("..."))


class C:
    meth = partial(f, "as attribute")


print("not a descriptor", C().meth(2)[:2])
print("class getitem", partial[int])

# ---- cmp_to_key
def by_len_then_rev(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)


words = "pear fig apple kiwi banana date".split()
print("cmp_to_key", sorted(words, key=cmp_to_key(by_len_then_rev)))
K = cmp_to_key(lambda a, b: a - b)
k1, k2 = K(1), K(2)
print("key ops", k1 < k2, k1 > k2, k1 == K(1), k1 <= k2, k1 >= k2, k1 != k2, k1.obj, type(K).__name__)
try:
    hash(k1)
except TypeError:
    print("key hash: TypeError")
show("key vs int", lambda: k1 < 5)
show("key call args", lambda: K())
print("key kw", K(obj=3).obj, max([K(3), K(9), K(4)]).obj)
show("cmp raises", lambda: sorted([1, 2], key=cmp_to_key(lambda a, b: 1 / 0)))
print("cmp returns float", sorted([3, 1, 2], key=cmp_to_key(lambda a, b: (a - b) * 0.5)))

# ---- lru_cache
calls = []


@lru_cache(maxsize=3)
def sq(x):
    calls.append(x)
    return x * x


for x in [1, 2, 3, 1, 4, 2, 5, 1, 3, 3]:
    sq(x)
print("lru", calls, sq.cache_info())
sq.cache_clear()
print("cleared", sq.cache_info(), sq(2), sq.cache_info())


@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print("fib", fib(90), fib.cache_info(), fib.__name__, fib.__wrapped__.__name__)


@lru_cache(maxsize=None, typed=True)
def typed(x, y=0):
    return (type(x).__name__, x, y)


typed(1), typed(1.0), typed(True), typed(1, y=2), typed(1, y=2), typed(x=1)
print("typed", typed.cache_info(), typed.cache_parameters())


@lru_cache(maxsize=2)
def kw(*args, **kwargs):
    calls.append((args, sorted(kwargs.items())))
    return len(calls)


calls.clear()
print("kwargs", kw(1, a=2), kw(1, a=2), kw(a=2, b=3), kw(b=3, a=2), kw(1), calls)


@lru_cache(0)
def nocache(x):
    return x


nocache(1), nocache(1)
print("maxsize 0", nocache.cache_info())


@lru_cache
def bare(x):
    return -x


print("bare decorator", bare(3), bare.cache_info(), bare.cache_parameters())


class Shape:
    def __init__(self, n):
        self.n = n

    @lru_cache(maxsize=8)
    def area(self, k):
        return self.n * k

    def __hash__(self):
        return self.n

    def __eq__(self, other):
        return isinstance(other, Shape) and self.n == other.n


s1, s2 = Shape(2), Shape(2)
print("method", s1.area(3), s2.area(3), Shape.area.cache_info(), Shape.area(s1, 3))


@lru_cache(maxsize=4)
def fails(x):
    raise ValueError(x)


show("exception", lambda: fails(1))
print("after exception", fails.cache_info())
show("unhashable", lambda: sq([1]))
show("maxsize type", lambda: lru_cache(maxsize="x"))
show("not callable", lambda: functools._lru_cache_wrapper(5, 1, False, functools._CacheInfo))
print("attributes", sq.__name__, sq.__qualname__, sq.__module__, sq.__doc__, sq.__wrapped__(5))
print("copy", copy.copy(sq) is sq, copy.deepcopy(sq) is sq)


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        print("  hash", self.v)
        return hash(self.v)

    def __eq__(self, other):
        return self.v == other.v


@lru_cache(maxsize=2)
def ident(k):
    return k.v


print("hash once", ident(Key(1)), ident(Key(1)), ident(Key(2)))


# A reentrant call that fills the same key while the function runs.
@lru_cache(maxsize=2)
def reent(n, depth=0):
    if depth == 0:
        reent(n, 1)
        reent(n + 100, 1)
        reent(n + 200, 1)
    return n * 10 + depth


print("reentrant", reent(1), reent.cache_info())
