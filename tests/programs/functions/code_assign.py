# f.__code__ = other.__code__ changes what calling f runs (defaults stay f's).
def f(a, b=5):
    return a + b


def g(a, b=7):
    return a * b


print([f(i) for i in range(3)])
f.__code__ = g.__code__
print([f(i) for i in range(3)], f(2, b=3), f(2, 3))
print(f.__code__ is g.__code__, f.__name__, f.__code__.co_name)


def outer():
    x = 1

    def inner():
        return x

    return inner


h = outer()
try:
    f.__code__ = h.__code__
except ValueError as e:
    print("ValueError:", e)
try:
    f.__code__ = 3
except TypeError as e:
    print("TypeError:", e)


def gen():
    yield 1
    yield 2


def k():
    return 0


k.__code__ = gen.__code__
print(list(k()))
