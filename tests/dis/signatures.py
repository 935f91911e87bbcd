def f(a, b=1, /, c=2, *args, d, e=3, **kw):
    total = a + b + c + d + e
    return total, args, kw


def g(*, key):
    return key


def gen(n):
    while n > 0:
        yield n
        n -= 1


print(f(1, d=4), g(key=5), list(gen(3)))
