# __defaults__ set after the def: the defaults belong to the last parameters,
# counted from the end (a tuple longer than the parameters gives its last ones).
def f(a, b=2, c=3):
    return (a, b, c)


f.__defaults__ = (1, 2, 3, 4)
print(f.__defaults__)
print(f(), f(9), f(9, 8), f(c=4), f(b=0), f(a=5, c=6))
f.__defaults__ = (7,)
print(f(1, 2))
for call in (lambda: f(), lambda: f(b=1)):
    try:
        call()
    except TypeError as e:
        print(e)
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print(e)


class C:
    def m(self, x=1, y=2):
        return (x, y)


C.m.__defaults__ = (10, 20, 30)
print(C().m(), C().m(5), C().m(y=0))


def g(*, k=1):
    return k


g.__kwdefaults__ = {"k": 42}
print(g())
