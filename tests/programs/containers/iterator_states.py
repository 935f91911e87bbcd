# The built-in iterators keep their state inline in the iterator object, and
# GET_ITER makes the iterator of an exact list, tuple, range, dict or set directly:
# every kind of iterator state, their exhaustion, mutation during iteration,
# subclasses overriding __iter__, and iterators reused after exhaustion.

# list: growing while iterated is seen; exhausted stays exhausted
xs = [1, 2, 3]
out = []
for x in xs:
    out.append(x)
    if x < 3:
        xs.append(x + 10)
print(out)
it = iter([1, 2])
print(list(it), list(it))
ys = [1]
it = iter(ys)
print(next(it), next(it, "end"))
ys.append(2)
print(next(it, "still end"))
# shrinking during iteration
zs = [1, 2, 3, 4, 5]
seen = []
for z in zs:
    seen.append(z)
    if z == 2:
        del zs[0]
print(seen)
# an iterator reused by an inner loop
it = iter(range(10))
pairs = []
for a in it:
    for b in it:
        pairs.append((a, b))
        break
print(pairs)

# tuple, str, bytes, bytearray
print([c for c in (1, "a", None)], list("héllo"), list(b"ab"), list(bytearray(b"xy")))
ba = bytearray(b"ab")
out = []
for b in ba:
    out.append(b)
    if len(ba) < 4:
        ba.append(b + 1)
print(out)

# ranges: negative, empty, big steps (wider than 32 bits), near the int64 limits
print(list(range(5, -5, -3)), list(range(3, 3)), list(range(0)))
print(list(range(0, 10**12, 3 * 10**11)), list(range(10**12, 0, -4 * 10**11)))
print(list(range(2**62, 2**63 - 1, 2**61)))
print(list(range(-(2**63), -(2**63) + 10**10, 4 * 10**9)))
print(list(range(0, 2**40, 2**39)), list(range(5, 0, -(2**33))))
r = iter(range(0, 10**12, 3 * 10**11))
print(next(r), r.__length_hint__(), list(r), r.__length_hint__())
r = iter(range(10))
next(r)
print(r.__length_hint__(), type(r).__name__)
print(list(range(10**20, 10**20 + 3)), list(reversed(range(10**20, 10**20 + 3))))

# dict and set: changing size during iteration raises, and later next() ends
d = {"a": 1, "b": 2}
try:
    for k in d:
        d[k + "x"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: "a", 2: "b"}
it = iter(d)
next(it)
d[3] = "c"
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    next(it, "done")
except RuntimeError as e:
    print("again RuntimeError:", e)
del d[3]
try:
    next(it, "done")
except RuntimeError as e:
    print("sticky RuntimeError:", e)
s = {1, 2}
it = iter(s)
s.add(3)
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("set RuntimeError:", e)
    s.discard(3)
print(list(d.values()), list(d.items()), sorted({3, 1, 2}), list(frozenset([5])))

# enumerate, zip, map, filter, reversed, iter(callable, sentinel)
print(list(enumerate("ab", 2**70)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(*[[1, 2], [3, 4]])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str, range(3))))
m = map(5, [1])
try:
    next(m)
except TypeError as e:
    print("TypeError:", e)
print(list(filter(None, [0, 1, "", "x"])), list(filter(lambda v: v > 1, [1, 2, 3])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))))
n = [0]


def tick():
    n[0] += 1
    return n[0]


print(list(iter(tick, 4)))
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError:", e)


# old-style iteration through __getitem__
class Old:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i


print(list(Old()), [x for x in Old()])


# subclasses of built-in containers overriding __iter__ keep their method
class L(list):
    def __iter__(self):
        yield "overridden"


class T(tuple):
    def __iter__(self):
        return iter(["tuple override"])


class D(dict):
    def __iter__(self):
        return iter(["dict override"])


class S(set):
    pass


print([x for x in L([1, 2])], [x for x in T((1,))], [x for x in D(a=1)], [x for x in S([7])])
for x in L([1]):
    print("for over L:", x)


# a class whose __iter__ is added after a first loop, and __class__ changed
class Box:
    def __init__(self, items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i]


b = Box([1, 2])
print([x for x in b])
Box.__iter__ = lambda self: iter(["added"])
print([x for x in b])


class Other(list):
    def __iter__(self):
        return iter(["other"])


class Plain(list):
    pass


p = Plain([1, 2])
print([x for x in p])
p.__class__ = Other
print([x for x in p])

# iterator types and their self-iteration
for obj in ([], (), range(1), {}, set(), "", b"", {}.values(), {}.items()):
    it = iter(obj)
    print(type(it).__name__, iter(it) is it)
