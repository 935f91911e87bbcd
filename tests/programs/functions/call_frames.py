# The call/return fast paths (a frame pushed in place, the common return popping it
# in place, LOAD_GLOBAL's cache hit) and every case that must leave them: wrong
# argument counts and names, keywords, *args/**kwargs, defaults and functions
# replaced after calls were made, bound methods, __init__, generators, recursion limits.


def f(a, b, c=3):
    return (a, b, c)


def run(label, fn, *args, **kwargs):
    try:
        print(label, fn(*args, **kwargs))
    except TypeError as e:
        print(label, "TypeError:", e)


# Warm the call sites, then break them the same way.
for i in range(3):
    print(f(i, i + 1), f(i, i + 1, i + 2))
    print(f(i, b=i), f(a=i, b=2), f(i, 2, c=9))

run("missing", lambda: f(1))
run("missing2", lambda: f())
run("too many", lambda: f(1, 2, 3, 4))
run("unexpected kw", lambda: f(1, 2, d=4))
run("multiple values", lambda: f(1, 2, a=5))
run("kw missing", lambda: f(b=2))


def posonly(a, b=2, /, c=3):
    return (a, b, c)


print(posonly(1), posonly(1, 5), posonly(1, c=7))
run("posonly by kw", lambda: posonly(1, b=5))
run("posonly only kw", lambda: posonly(a=1))


def kwonly(a, *, k, m=10):
    return (a, k, m)


print(kwonly(1, k=2), kwonly(1, k=2, m=3))
run("kwonly missing", lambda: kwonly(1))
run("kwonly positional", lambda: kwonly(1, 2))


def star(a, *args, **kwargs):
    return (a, args, sorted(kwargs.items()))


print(star(1), star(1, 2, 3), star(1, x=2), star(a=1, z=3))
run("star multiple", lambda: star(1, a=2))

# Defaults replaced after the call sites ran.
for i in range(3):
    print(f(1, 2))
f.__defaults__ = (30,)
print(f(1, 2), f(1, b=2))
f.__defaults__ = (20, 30)
print(f(1), f(a=1))
f.__defaults__ = None
run("defaults gone", lambda: f(1, 2))
f.__defaults__ = (1, 2, 3, 4)
print(f(9), f(9, 8))
kwonly.__kwdefaults__ = {"m": 99, "k": 0}
print(kwonly(1), kwonly(1, m=2))
kwonly.__kwdefaults__ = None
run("kwdefaults gone", lambda: kwonly(1))


# The function behind a global name replaced after the call sites ran.
def g(x):
    return x + 1


def h(x, y=100):
    return x * y


for i in range(3):
    print(g(i))
g = h
print(g(2), g(x=3), g(2, y=3))
h.__defaults__ = (5,)
print(g(2), g(x=3))


# A global rebound between calls (LOAD_GLOBAL's cache).
def callee():
    return "first"


def caller():
    return callee()


print(caller(), caller())


def callee():
    return "second"


print(caller())
del callee
try:
    caller()
except NameError as e:
    print("NameError:", e)
import builtins

builtins.callee = lambda: "builtin"
print(caller())
callee = lambda: "global again"
print(caller())
del builtins.callee


# Bound methods, called through LOAD_METHOD and through a bound-method object.
class C:
    def __init__(self, v, w=0):
        self.v = v + w

    def m(self, d, e=1):
        return self.v + d + e

    def kw(self, d, *, e=2):
        return self.v * d * e


c = C(10)
bm = c.m
for i in range(3):
    print(c.m(i), bm(i), c.m(i, e=5), bm(d=i), c.kw(i, e=3))
run("method missing", lambda: c.m())
run("bound missing", lambda: bm())
run("method unexpected", lambda: c.m(1, q=2))
run("method multiple", lambda: bm(1, d=2))
run("self by kw", lambda: C.m(self=c, d=1))
print(C.m(c, 1), C.m(c, d=2))

# A method added later shadows nothing; an instance attribute shadows the method.
C.m2 = lambda self: "added"
print(c.m2())
c.m = lambda d: "instance attr"
print(c.m(1))
del c.m
print(c.m(1))


# __init__: counts, keywords, a non-None return, replaced after use.
print(C(1).v, C(1, 2).v, C(1, w=3).v, C(v=4).v)
run("init missing", lambda: C())
run("init unexpected", lambda: C(1, z=2))


def bad_init(self, v):
    self.v = v
    return 5


C.__init__ = bad_init
run("init returns", lambda: C(1))


def new_init(self, a, b):
    self.v = a - b


C.__init__ = new_init
print(C(5, 3).v)
run("new init missing", lambda: C(5))


# A generator function and a closure through the same call shapes.
def gen(n, step=1):
    for i in range(0, n, step):
        yield i


print(list(gen(5)), list(gen(5, 2)), list(gen(n=4, step=3)))


def outer(x):
    def inner(y, z=1):
        return x + y + z

    return inner


inc = outer(10)
print(inc(1), inc(1, 2), inc(y=1, z=5))


# Deep recursion through the fast path, then past the limit.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
try:
    depth(100000)
except RecursionError as e:
    print("RecursionError:", e)
print(depth(10))


# Returning from frames pushed by natives (key functions) and by the loop.
print(sorted([3, 1, 2], key=lambda v: -v), list(map(g, [1, 2])))


# Keyword calls: permuted, all defaulted, more keywords than the fast path binds,
# a parameter captured by a closure, a generator, a class with keywords.
def many(a, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10):
    return (a, b, c, d, e, f, g, h, i, j)


for n in range(2):
    print(many(n, j=1, b=n), many(a=n, c=0, b=1))
    print(many(j=0, i=1, h=2, g=3, f=4, e=5, d=6, c=7, b=8, a=9))
run("many unexpected", lambda: many(1, k=2))
run("many twice", lambda: many(1, 2, b=3))


def captured(x, y=1):
    return lambda: x + y


print(captured(1, y=5)(), captured(x=2)())
print(list(gen(step=2, n=5)))


class K:
    def __init__(self, a, b=0, *, c=1):
        self.t = (a, b, c)


print(K(1, b=2).t, K(a=1, c=3).t, K(b=1, a=2).t)
run("K unexpected", lambda: K(1, d=2))


# Functions with cells and free variables through the same paths: a parameter
# captured by an inner function or a comprehension, rebound with nonlocal, a
# closure called positionally and by keyword, an __init__ and a method whose
# comprehension captures self, recursion through a closure.
def cellparam(a, b=10):
    def get():
        return a + b

    a += 1
    return get()


def counter(start):
    n = start

    def step(k=1):
        nonlocal n
        n += k
        return n

    return step


def comp(xs, scale):
    return [x * scale for x in xs]


for i in range(3):
    print(cellparam(i), cellparam(i, 20), cellparam(b=1, a=i), comp([1, 2], i))
st = counter(5)
print(st(), st(2), st(k=3), st())
run("closure missing", lambda: cellparam())
run("closure unexpected", lambda: cellparam(1, c=2))
run("closure too many", lambda: st(1, 2))


class P:
    def __init__(self, xs, k=1):
        self.k = k
        self.ys = [x + self.k for x in xs]

    def scaled(self, m):
        return [y * m for y in self.ys if y > self.k]


for i in range(3):
    p = P([1, 2, 3], k=i)
    print(p.ys, p.scaled(2), P([i]).ys)
run("cell init missing", lambda: P())


def fact_maker():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)

    return fact


print(fact_maker()(10), fact_maker()(n=5))
cellparam.__defaults__ = (100,)
print(cellparam(1))
