# Attribute and call fast paths must behave as the generic lookups do: class
# attributes (plain values, functions, static and class methods, descriptors),
# sites that see several classes, class attributes rebound or deleted between
# uses, super() method calls, natives called with a subclass instance, __class__,
# and argument binding with defaults.


class Desc:
    def __get__(self, obj, cls):
        return ("desc", obj is None, cls.__name__)


class Plain:
    pass


class A:
    X = 1
    obj = Plain()
    d = Desc()

    def f(self):
        return "A.f"

    @staticmethod
    def s(x):
        return ("s", x)

    @classmethod
    def c(cls, x):
        return (cls.__name__, x)

    @property
    def p(self):
        return "prop"


class B(A):
    X = 2

    def f(self):
        return "B.f+" + super().f()


class C(B):
    def f(self):
        return "C.f+" + super(C, self).f()


def use(k):
    return (k.X, k.s(3), k.c(4), k.d, type(k.obj).__name__, k.f is A.f, k.s is k.s)


for k in [A, B, C, A, C]:
    print(use(k))

for _ in range(3):
    print(A.c(1), B.c(2), A.c, type(A.p).__name__)

# Rebinding and deleting class attributes between uses of the same site.
for i in range(4):
    if i == 1:
        A.X = 10
    if i == 2:
        B.X = "twenty"
    if i == 3:
        del B.X
    print(i, use(B)[0], use(A)[0])

# A plain class attribute that later becomes a descriptor (its class gains __get__).
for i in range(3):
    if i == 1:
        Plain.__get__ = lambda self, obj, cls: "now a descriptor"
    print(i, A.obj if i else type(A.obj).__name__)

# Classmethods replaced by plain functions, and static methods by class methods.
for i in range(3):
    if i == 1:
        A.c = lambda x: ("lambda", x)
    if i == 2:
        A.c = classmethod(lambda cls, x: ("cm", cls.__name__, x))
    print(i, A.c(5))

# super() method calls through several levels, and a polymorphic call site.
objs = [A(), B(), C()]
for _ in range(2):
    print([o.f() for o in objs])


# super().__init__() reaching object.__init__ and list.__init__ with a subclass self.
class L(list):
    def __init__(self, items):
        super().__init__(items)
        self.extra = len(items)


class P:
    def __init__(self, v):
        super(P, self).__init__()
        self.v = v


for n in range(3):
    l = L(range(n))
    print(l, l.extra, P(n).v, list.__len__(l), list.append(l, 9), l)

try:
    list.append(P(1), 5)
except TypeError as e:
    print("TypeError:", e)
try:
    list.append()
except TypeError as e:
    print("TypeError:", e)
try:
    dict.fromkeys(5)
except TypeError as e:
    print("TypeError:", e)
try:
    int.__new__(str)
except TypeError as e:
    print("TypeError:", e)


# __class__ on instances.
class Q:
    pass


q = Q()
for i in range(3):
    if i == 2:
        q.__class__ = P
    print(i, q.__class__.__name__)


# Argument binding with defaults, on plain calls, methods and class instantiation.
def g(a, b=2, c=3):
    return (a, b, c)


class R:
    def __init__(self, a, b=5):
        self.t = (a, b)

    def m(self, x, y=7):
        return (x, y)


for args in [(1,), (1, 9), (1, 9, 8)]:
    print(g(*args), g(*args[:1]))
print(R(1).t, R(1, 2).t, R(3).m(4), R(3).m(4, 5))
for bad in [lambda: g(), lambda: g(1, 2, 3, 4), lambda: R(), lambda: R(1, 2, 3), lambda: R(1).m()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
