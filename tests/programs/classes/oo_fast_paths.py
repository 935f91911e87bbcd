# The object-oriented fast paths (issue 12) and their invalidation: super(C, self)
# made directly and its LOAD_METHOD cache, object.__init__ through super, int() and
# float() of numbers, len/append/pop on list subclasses, and == / != of plain
# instances decided by identity.


class Base(object):
    def __init__(self, x):
        super(Base, self).__init__()
        self.x = x

    def m(self):
        return "Base.m"


class Mid(Base):
    def __init__(self, x):
        super(Mid, self).__init__(x)
        self.mid = True

    def m(self):
        return "Mid.m>" + super(Mid, self).m()


class Leaf(Mid):
    def m(self):
        return "Leaf.m>" + super(Leaf, self).m()


def calls(obj, n=3):
    return [obj.m() for _ in range(n)]


leaf = Leaf(1)
print(calls(leaf), leaf.x, leaf.mid)
print(calls(Mid(2)))
# A method added to a class between the site and the definition found so far.
Mid.m = lambda self: "new Mid.m>" + super(Mid, self).m()
print(calls(leaf))
Base.m = lambda self: "new Base.m"
print(calls(leaf))
del Mid.m
print(calls(leaf))


def base_m2(self):
    return "Base.m2"


class Other(Base):
    def m(self):
        return "Other.m>" + super(Other, self).m()


# The same super site seeing instances of different classes (a polymorphic site).
def via_super(obj, cls):
    return super(cls, obj).m()


for obj, cls in [(leaf, Leaf), (Other(0), Other), (leaf, Mid), (leaf, Leaf)]:
    print(type(obj).__name__, cls.__name__, via_super(obj, cls))

# __class__ assignment: the instance's class (and its MRO) changes.
obj = Leaf(5)
print([via_super(obj, Leaf) for _ in range(2)])
Mid.m = lambda self: "Mid again"
print([via_super(obj, Leaf) for _ in range(2)])
obj.__class__ = Other
print([via_super(obj, Other) for _ in range(2)])
try:
    via_super(obj, Mid)
except TypeError as e:
    print("TypeError", e)

# A super whose next class has no such method, and bad arguments.
try:
    super(Base, Base(1)).m()
except AttributeError as e:
    print("AttributeError", e)
for args in [(1, leaf), (Base, 1), (Other, leaf)]:
    try:
        super(*args)
    except TypeError as e:
        print("TypeError", e)


class WithInitArgs(object):
    def __init__(self):
        try:
            super(WithInitArgs, self).__init__(1)
        except TypeError as e:
            print("TypeError", e)


WithInitArgs()


# int() and float() of numbers.
for v in [0, 7, -7, True, False, 2.5, -2.5, 0.9999, -0.0, 1e18, -1e18, 9.3e18, -9.3e18, 1e300]:
    print(repr(v), int(v), float(v) if not isinstance(v, float) else float(v))
for v in [float("inf"), float("-inf"), float("nan")]:
    try:
        print(int(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(float(2**62 + 1), float(-(2**63)), int(2**63 - 1), float(True))
try:
    int(1, 2)
except TypeError as e:
    print("TypeError", e)
print(int("12"), float("1.5"), int(), float())


class MyInt(int):
    pass


print(type(int(MyInt(3))).__name__, int(MyInt(3)))


# Lists subclassed: len, append, pop, and overrides added later.
class OC(list):
    pass


oc = OC()
for i in range(40):
    oc.append(i)
print(len(oc), oc.pop(), oc.pop(0), oc.pop(-1), oc.pop(3), len(oc))
for bad in [100, -100]:
    try:
        oc.pop(bad)
    except IndexError as e:
        print("IndexError", e)
try:
    OC().pop()
except IndexError as e:
    print("IndexError", e)
try:
    oc.pop("x")
except TypeError as e:
    print("TypeError", e)
print(list.pop(oc), list.pop(oc, 0), len(oc))


def lens(x):
    return [len(x) for _ in range(2)]


print(lens(oc))
OC.__len__ = lambda self: 99
print(lens(oc))
OC.pop = lambda self, i=-1: "popped %s" % i
print(oc.pop(), oc.pop(0))
OC.append = lambda self, v: print("append", v)
oc.append(1)
del OC.__len__
print(lens(oc))
try:
    len(Base(1))
except TypeError as e:
    print("TypeError", e)


# == and != on plain instances and None, and __eq__ / __ne__ added later.
class P:
    pass


class Q(P):
    pass


a, b = P(), Q()


def cmps(x, y):
    return [x == y, x != y, y == x, y != x, x == x, x != x]


print(cmps(a, b), cmps(a, None), cmps(None, b))
Q.__eq__ = lambda self, other: "Q.eq"
print(cmps(a, b), cmps(b, None))
del Q.__eq__
P.__ne__ = lambda self, other: "P.ne"
print(cmps(a, b), cmps(b, None))
del P.__ne__
print(cmps(a, b))


# Calling instances: __call__ from the class (never the instance), added, replaced
# and deleted later, with defaults, a generator, and __class__ assignment.
class Spline:
    def __init__(self, k):
        self.k = k

    def __call__(self, u, scale=1):
        return self.k * u * scale


class Gen:
    def __call__(self, n):
        yield from range(n)


def call_all(fs, u):
    return [f(u) for f in fs]


sp = Spline(3)
print(call_all([sp, sp, Spline(2)], 5), sp(1, 10), sp(u=2))
sp.__call__ = lambda u: "instance attr"
print(call_all([sp], 2), list(Gen()(3)))
Spline.__call__ = lambda self, u: "replaced %s" % u
print(call_all([sp, Spline(1)], 4))
sp.__class__ = Gen
print(list(call_all([sp], 2)[0]))
del Spline.__call__
try:
    call_all([Spline(1)], 1)
except TypeError as e:
    print("TypeError", e)
try:
    call_all([Gen()], 1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    Gen()()
except TypeError as e:
    print("TypeError", e)


class Deep:
    def __call__(self, n):
        return n if n == 0 else self(n - 1)


try:
    Deep()(100000)
except RecursionError as e:
    print("RecursionError", e)
print(Deep()(50))

# Sets: list() and sorted() of them, and their truth.
s = {5, 3, 9, 1}
print(list(s) == [x for x in s], sorted(s), tuple(frozenset(s)) == tuple(x for x in frozenset(s)))
print([bool(x) for x in [set(), s, frozenset(), frozenset(s)]])


class RevSet(set):
    def __iter__(self):
        return iter(sorted(set.__iter__(self), reverse=True))


class NeverTrue(set):
    def __bool__(self):
        return False


print(list(RevSet(s)), sorted(RevSet(s)))
for x in [set(), s, NeverTrue(s), RevSet()]:
    if x:
        print("true", type(x).__name__)
    else:
        print("false", type(x).__name__)


class WithCell:
    def __init__(self):
        self.k = 2

    def __call__(self, u, v=1):
        return [u * k * self.k for k in range(3)] + [(lambda: u + v)()]


wc = WithCell()
print([wc(i) for i in range(3)], wc(1, 5))
try:
    wc()
except TypeError as e:
    print("TypeError", e)


# Instances of list subclasses made without arguments, and __init__ / __new__
# added later.
class Coll(list):
    pass


def make(cls):
    return [cls() for _ in range(2)]


cs = make(Coll)
print(cs, type(cs[0]).__name__, cs[0] is not cs[1], Coll([1, 2]))
Coll.__init__ = lambda self: self.append("init")
print(make(Coll))
Coll.__new__ = lambda cls: "new"
print(make(Coll))
del Coll.__new__
del Coll.__init__
print(make(Coll))


class Meta(type):
    def __call__(cls, *args):
        return "Meta.__call__"


class MetaColl(list, metaclass=Meta):
    pass


print(make(MetaColl))
