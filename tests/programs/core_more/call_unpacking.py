# Unpacking in function calls: f(*a, **k) combinations, keyword-only and
# positional-only parameters, duplicate-argument errors, unpacking iterables.


def show(*args, **kwargs):
    return f"args={args} kwargs={dict(sorted(kwargs.items()))}"


def f(a, b=2, /, c=3, *rest, d, e=5, **extra):
    return (a, b, c, rest, d, e, extra)


a = [1, 2]
k = {"d": 4}
print(show(*a, **k))
print(show(0, *a, 3, *"xy", **k, z=26, **{"y": 25}))
print(show(*range(3), *(), **{}))
print(f(*a, **k))
print(f(1, d=0))
print(f(1, 2, 3, 4, 5, d=6, e=7, g=8))
print(f(*[1, 2, 3, 4], **{"d": "D", "extra": True}))
print(show(*{"k1": 1, "k2": 2}, **dict.fromkeys(["p", "q"], 0)))
print(show(*(i * i for i in range(4))))
print(show(**{"a": 1}, b=2), show(*[[]], **{"x": [1]}))

errors = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2, 3, d=1, c=9),
    lambda: f(a=1, d=2),
    lambda: show(**{"a": 1}, **{"a": 2}),
    lambda: show(**{1: 2}),
    lambda: show(**[1]),
    lambda: f(1, d=1, **{"e": 2, "d": 3}),
    lambda: (lambda x, *, y: 0)(1, 2),
    lambda: (lambda: 0)(1),
    lambda: (lambda x: 0)(y=1),
]
for t in errors:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)


class Mapping:
    def __init__(self, data):
        self.data = data

    def keys(self):
        return list(self.data)

    def __getitem__(self, key):
        return self.data[key] * 10


print(show(**Mapping({"m": 1, "n": 2})))
print(dict(**Mapping({"p": 3})), {**Mapping({"q": 4})})

# unpacking in assignments, loops, literals
first, *middle, last = "abcdef"
print(first, middle, last)
(x, y), [z, *w] = (1, 2), range(3, 7)
print(x, y, z, w)
for i, (ch, *more) in enumerate(["ab", "c", "def"]):
    print(i, ch, more)
print([*range(3), *"ab", *{7: 0}], (*[1], *[2]), {*"aab", *[1]} == {"a", "b", 1}, {**{"a": 1}, "b": 2})
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    p, *q, r = [1]
except ValueError as e:
    print("ValueError:", e)


def kwonly(*, key, default=None):
    return key, default


def posonly(x, y, /):
    return x - y


print(kwonly(key=1), kwonly(default=2, key=3), posonly(10, 3), posonly(*[5, 6]))
try:
    posonly(x=1, y=2)
except TypeError as e:
    print("TypeError:", e)


def decorator(fn):
    def wrapper(*args, **kwargs):
        print("  calling", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper


@decorator
def combine(a, b, *, sep="-"):
    return f"{a}{sep}{b}"


print(combine("x", "y"), combine(*"pq", **{"sep": "+"}))
