# Argument binding details: defaults evaluated once, keyword order, **kwargs ordering, unpacking of iterators.
import sys
calls = []
def default_factory():
    calls.append("evaluated")
    return len(calls)
def f(x=default_factory()):
    return x
print(f(), f(), f(10), calls)
def order(**kw):
    return list(kw.items())
print(order(z=1, a=2, m=3), order(**{"b": 1}, a=2), order(**dict(zip("cba", range(3)))))
def g(a, b, *rest, key=None, **extra):
    return a, b, rest, key, extra
print(g(*range(5)))
print(g(*iter("xy"), *map(str.upper, "zw"), key="k", **{"other": True}))
print(g(1, b=2), g(b=1, a=2, key=3, q=4))
def varargs_only(*args):
    return args
print(varargs_only(), varargs_only(None), varargs_only(*[[]]), varargs_only(*"", *()))
def kwonly(*, a, b=2, **rest):
    return a, b, rest
print(kwonly(a=1), kwonly(b=3, a=1, c=5), kwonly(**{"a": 0, "zz": 9}))
def pos_kw(a, /, b, *, c):
    return (a, b, c)
print(pos_kw(1, 2, c=3), pos_kw(1, b=2, c=3))
try:
    pos_kw(a=1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
def modify(lst, d):
    lst.append(1)
    d["new"] = True
    lst = ["rebound"]
    d = {}
    return lst, d
L, D = [], {}
print(modify(L, D), L, D)
print(f.__defaults__, g.__kwdefaults__, kwonly.__kwdefaults__)
print(len(sys.argv))
