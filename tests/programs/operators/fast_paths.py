# The interpreter's shortcuts must behave as the general protocols: built-in
# constructors, native calls, dict subscripts, truth tests of instances, function
# names and comparisons followed by jumps.


def gen(n):
    for i in range(n):
        yield i * i


# list(x), tuple(x), set(x) of the built-in classes
print(list(), tuple(), set())
print(list(gen(4)), tuple(gen(4)), sorted(set(gen(4))))
t = (1, 2)
print(tuple(t) is t, list(t), tuple([3, 4]), set("aba") == {"a", "b"})
print(list({"x": 1, "y": 2}), tuple(range(3)), list("ab"))


class T(tuple):
    pass


tt = T((1, 2))
print(type(tuple(tt)).__name__, tuple(tt) is tt)
for bad in (lambda: list(5), lambda: tuple(None), lambda: set(1.5), lambda: list(1, 2),
            lambda: set(x=1), lambda: frozenset(x=1), lambda: tuple([], [])):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


def boom():
    yield 1
    raise ValueError("inside")


for ctor in (list, tuple, set):
    try:
        ctor(boom())
    except ValueError as e:
        print(ctor.__name__, "ValueError:", e)

# native functions and methods called positionally
lst = []
app = lst.append
app(1)
lst.append(2)
print(lst, len(lst), max(3, 9, 4), abs(-3), isinstance(lst, list))
try:
    len(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    lst.append()
except TypeError as e:
    print("TypeError:", e)
try:
    list.append(5, 1)
except TypeError as e:
    print("TypeError:", e)

# dict subscripts
d = {"a": 1, 2: "b", (1, 2): [3]}
print(d["a"], d[2], d[(1, 2)])
d["c"] = 3
d[2] = "B"
print(d)
for key in ("zz", [1]):
    try:
        d[key]
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)


class Missing(dict):
    def __missing__(self, key):
        return key * 2


print(Missing()["ab"])


class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        print("eq", self.k, other.k)
        return self.k == other.k


d2 = {Key(1): "one"}
print(d2[Key(1)])
d2[Key(1)] = "uno"
print(len(d2), list(d2.values()))


# truth of instances, also after the class changes
class Plain:
    pass


def truth(objs):
    out = []
    for o in objs:
        if o:
            out.append("T")
        else:
            out.append("F")
    return "".join(out)


p = Plain()
print(truth([p, p, None, 0, 1]))
Plain.__len__ = lambda self: 0
print(truth([p, p]))
del Plain.__len__
Plain.__bool__ = lambda self: False
print(truth([p]))
del Plain.__bool__
print(truth([p]))


class Sized:
    def __len__(self):
        return 3


print(truth([Sized(), Plain(), Sized()]))

# function names
def outer():
    def inner():
        pass
    return inner


f1, f2 = outer(), outer()
print(f1.__name__, f1.__qualname__, f1.__name__ == f2.__name__)
f1.__name__ = "renamed"
print(f1.__name__, f2.__name__, [x for x in (1,)].__class__.__name__)
print((lambda: 0).__qualname__, (x for x in ()).__qualname__)

# comparisons followed by jumps
n = 0
for i in range(10):
    if i < 5:
        n += 1
    if 2.5 >= i:
        n += 10
    while i > 7:
        i -= 1
        n += 100
print(n)

# comprehensions appending past their first allocation
print(len([i for i in range(1000) if i % 3]), [c for c in "abc"], {i: i for i in range(3)})
