# Unpacking into fast locals (UNPACK_SEQUENCE + STORE_FASTs run together on
# built-in lists and tuples), starred unpacking, and float powers: every case must
# behave as the general path.


def plain(t):
    a, b, c = t
    return a, b, c


def same_target(t):
    x, x, x = t
    return x


def mixed(t, obj, d):
    a, obj.attr, d["k"], b = t
    return a, obj.attr, d, b


def nested(t):
    a, (b, c), [d, (e, f)], g = t
    return a, b, c, d, e, f, g


def loop(pairs):
    out = []
    for (x, y), z in pairs:
        out.append(x * 100 + y * 10 + z)
    return out


def comprehension(pairs):
    return [a - b for a, b in pairs]


class Obj:
    pass


class L(list):
    def __iter__(self):
        print("L.__iter__")
        return iter([7, 8, 9])


class T(tuple):
    pass


print(plain((1, 2, 3)), plain([4, 5, 6]), plain("xyz"), plain(range(3)), plain({1: 0, 2: 0, 3: 0}))
print(plain(x for x in "abc"))
print(same_target((1, 2, 3)), same_target([4, 5, 6]))
print(mixed((1, 2, 3, 4), Obj(), {}))
print(nested((1, (2, 3), [4, (5, 6)], 7)))
print(loop([((1, 2), 3), [[4, 5], 6], ([7, 8], 9)]))
print(comprehension([(5, 1), [7, 2]]))
print(plain(L([1, 2, 3])), plain(T((1, 2, 3))))

for bad in [(1, 2), [1, 2, 3, 4], (), "ab", 5, None, iter([1])]:
    try:
        plain(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


def unbound_then_set():
    try:
        print(a)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    a, b = [1, 2]
    del a
    try:
        print(a)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    a, b = b, a if False else 3
    return a, b


print(unbound_then_set())


def starred(s):
    first, *mid, last = s
    return first, mid, last


def starred_front(s):
    *init, a, b = s
    return init, a, b


def starred_back(s):
    a, b, *rest = s
    return a, b, rest


for s in [(1, 2), [1, 2, 3], (1, 2, 3, 4, 5), "hello", range(4), T((9, 8, 7)), L([1, 2, 3])]:
    print(starred(s), starred_front(s), starred_back(s))
lst = [1, 2, 3]
f, *m, l = lst
m.append(99)
print(lst, m, type(m).__name__)
t = (1, 2, 3)
f, *m, l = t
print(m, type(m).__name__)
for bad in [(1,), [], "a", 3]:
    try:
        starred(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
    try:
        starred_back(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# Module-level unpacking (names, not fast locals).
g1, g2 = [10, 20]
g3, *g4 = (1, 2, 3)
print(g1, g2, g3, g4)

# Float powers.
nan = float("nan")
inf = float("inf")
cases = [(2.0, 0.5), (2, 0.5), (2.0, 3), (2.0, -1.5), (1e-300, 2.0), (2.0, -1074.0),
         (1.0, nan), (2.0, nan), (nan, 0.0), (inf, 2.0), (inf, -1.0), (2.0, inf),
         (0.5, inf), (2.0, -inf), (3, 2.0), (10.0, 308.0), (True, 0.5), (2.5, True),
         (-2.0, 2.0), (-2.0, 3), (-8.0, 1 / 3), (-0.0, 3.0), (0.0, 0.0), (0.0, 2.0)]
for x, y in cases:
    try:
        print(x, "**", y, "=", repr(x ** y))
    except (ZeroDivisionError, OverflowError) as e:
        print(x, "**", y, "->", type(e).__name__, e)
for x, y in [(0.0, -1.0), (0.0, -0.5), (-0.0, -2.0), (10.0, 400.0), (1.5, 10000), (-10.0, 401.0)]:
    try:
        print(x ** y)
    except (ZeroDivisionError, OverflowError) as e:
        print(x, "**", y, "->", type(e).__name__, e)
z = 3.0
z **= 2.0
z **= 0.5
print(z)


class F(float):
    def __pow__(self, o):
        return "F.__pow__"

    def __rpow__(self, o):
        return "F.__rpow__"


print(F(2.0) ** 2.0, 2.0 ** F(3.0))
