# Keyword calls of plain Python functions and bound methods (the CALL_KW fast path
# binds them in place): every binding case, and the errors left to the general path.


def f(a, b=2, c=3):
    return (a, b, c)


def g(a, b, /, c, d=4):
    return (a, b, c, d)


def sum_to(n, acc=0):
    if n == 0:
        return acc
    return sum_to(n - 1, acc=acc + n)


class C:
    def __init__(self, k):
        self.k = k

    def m(self, x, y=10, z=20):
        return (self.k, x, y, z)


print(f(1, c=5))
print(f(a=1))
print(f(1, b=7, c=8))
print(f(c=9, a=0))
print(f(1, 2, c=6))
print(g(1, 2, c=3))
print(g(1, 2, d=7, c=3))
print(sum_to(100))
print(sum_to(10, acc=5))
c = C(7)
print(c.m(1, z=3))
print(c.m(x=1, y=2))
print(C.m(c, 2, y=5))
bm = c.m
print(bm(y=0, x=4))

# A name equal to a parameter's but not the same object.
kw = {"".join(["c"]): 11}
print(f(1, **kw))

# Defaults replaced at run time.
f.__defaults__ = (20, 30)
print(f(1, c=4))
f.__defaults__ = (2, 3)


def check(thunk):
    try:
        print(thunk())
    except TypeError as e:
        print("TypeError:", e)


check(lambda: f(1, a=2))
check(lambda: f(b=2))
check(lambda: f(1, d=2))
check(lambda: g(1, b=2, c=3))
check(lambda: c.m(1, x=2))
check(lambda: c.m(y=2))
check(lambda: C.m(c, self=c, x=1))
check(lambda: f(1, 2, 3, c=4))


def deep(n):
    return deep(n=n + 1)


try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
