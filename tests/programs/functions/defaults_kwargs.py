# Default values, keyword arguments, *args, **kwargs, keyword-only, positional-only.
def f(a, b=2, *args, c, d=4, **kwargs):
    return f"a={a} b={b} args={args} c={c} d={d} kwargs={kwargs}"
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=0))
print(f(c=1, a=2))
print(f(*[1, 2, 3], **{"c": 4, "z": 5}))
def pos_only(a, b, /, c, *, d):
    return (a, b, c, d)
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
try:
    pos_only(1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)
try:
    pos_only(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
def kw(a, /, **kwargs):
    return a, kwargs
print(kw(1, a=2))
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(append_safe(1), append_safe(2))
print(append_to.__defaults__[0], f.__kwdefaults__)
def star_only(*, x=1, y):
    return x + y
print(star_only(y=10), star_only(x=5, y=5))
def many(*args, **kwargs):
    return len(args), sorted(kwargs.items())
print(many(), many(1, 2, x=3), many(*"abc", **dict(k=1, j=2)))
def combine(a, b, c):
    return a * 100 + b * 10 + c
print(combine(1, *[2, 3]), combine(*(1, 2), c=3), combine(**{"a": 1, "b": 2, "c": 3}))
print(combine(1, *(), *[2], *[3]), many(**{"a": 1}, **{"b": 2}))
errors = [
    lambda: combine(1, 2),
    lambda: combine(1, 2, 3, 4),
    lambda: combine(1, 2, 3, a=1),
    lambda: combine(1, 2, d=5, c=3),
    lambda: star_only(1),
    lambda: star_only(),
    lambda: combine(),
    lambda: f(1),
]
for e in errors:
    try:
        e()
    except TypeError as ex:
        print("TypeError:", ex)
