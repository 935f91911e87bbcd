# Instructions run by the arm of the instruction before them (the hints of
# vm/src/interp/quicken.rs): a LOAD_FAST, STORE_FAST or LOAD_CONST after a fast
# path, a BINARY_OP after LOAD_FAST / LOAD_CONST, a BINARY_SUBSCR after LOAD_FAST,
# a STORE_FAST after FOR_ITER. Every case the fast paths leave to the general
# instruction must behave as the separate instructions do.


def arith(a, b):
    c = a + b
    d = c * 3 - a
    e = a // b if b else 0
    return c, d, e, a % 7, a * a, 2 - a, 1.5 * a


print(arith(3, 4))
print(arith(2**62, 2**62))
print(arith(-5, 3))
print(arith(1.5, 2.5))
print(arith(True, 3))
print(arith(10**20, -7))
try:
    arith("x", "y")
except TypeError as e:
    print("TypeError:", e)


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))

    def __mul__(self, o):
        return Num(self.v * (o.v if isinstance(o, Num) else o))

    def __sub__(self, o):
        return Num(self.v - (o.v if isinstance(o, Num) else o))

    def __repr__(self):
        return f"Num({self.v})"


def small(a, b):
    return a + b, a * 3 - b


print(small(Num(2), Num(5)))
print(small(Num(2), 5))


def unbound_second(flag):
    if flag:
        y = 1
    x = 2
    return x + y


print(unbound_second(True))
try:
    unbound_second(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def unbound_after_global(flag):
    if flag:
        z = 3
    return len(z)


try:
    unbound_after_global(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def subs(seq, i):
    return seq[i]


for seq in ([1, 2, 3], (4, 5, 6), "abc", {0: "z", -1: "w"}, range(5), b"xyz"):
    for i in (0, -1, 2, 5, -4):
        try:
            print(repr(subs(seq, i)), end=" ")
        except (IndexError, KeyError) as e:
            print(type(e).__name__, e, end=" | ")
    print()


class L(list):
    def __getitem__(self, i):
        return ("L", i)


class T(tuple):
    pass


print(subs(L([1, 2]), 0), subs(T((7, 8)), -1), subs([5, 6], True), subs([5, 6], False))
try:
    subs([1], "a")
except TypeError as e:
    print("TypeError:", e)


def loops():
    t = 0
    for x in [1, 2, 3]:
        t += x
    for i in range(5):
        t = t * 2 + i
    for i in range(10, 0, -3):
        t -= i
    for p in (1.5, 2):
        t = t + p
    for ch in "ab":
        t = str(t) + ch
    n = 0
    for n in []:
        pass
    return t, n


print(loops())


def grows():
    # A list that grows while it is iterated: the iterator sees the new items.
    xs = [1]
    for x in xs:
        if x < 5:
            xs.append(x + 1)
    return xs


print(grows())


def chain(a, b, c):
    k = a[b] + c
    m = a[0] * a[1]
    return k, m


print(chain([3, 4], 1, 10), chain((1.5, 2.5), 0, 1))


def bad(a, i):
    j = i + 1
    return a[j]


bad([1, 2, 3], 5)
