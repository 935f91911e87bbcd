# The attribute instructions' cached paths on plain instances (interp/inline.rs):
# every case where a site's hint or cached plan must not be trusted falls back.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def m(self):
        return "P.m"

    def total(self):
        return self.x + self.y


def read(o):
    return o.x, o.y


def call_m(o):
    return o.m()


def write(o, v):
    o.x = v
    return o.x


p = P(1, 2)
for _ in range(3):
    print(read(p), call_m(p), write(p, 5), p.total())

# An instance attribute shadows the method (set by a plain store, then by a
# non-interned name).
q = P(3, 4)
print(call_m(q))
q.m = lambda: "own m"
print(call_m(q))
r = P(5, 6)
setattr(r, "".join(["m"]), lambda: "own m, built name")
print(call_m(r))
print(call_m(p))

# Deleting an attribute moves the others: the hint no longer names them.
s = P(7, 8)
print(read(s))
del s.x
try:
    read(s)
except AttributeError as e:
    print("AttributeError:", e)
s.x = 9
print(read(s), write(s, 10), read(s))

# An instance dict made visible (`__dict__`), then the same sites.
t = P(11, 12)
d = t.__dict__
d["y"] = 13
print(read(t), write(t, 14), call_m(t), sorted(d.items()))
d["m"] = lambda: "from __dict__"
print(call_m(t))

# The class changes: a property now decides `x`, then a method is replaced.
u = P(15, 16)
print(read(u), call_m(u))
P.x = property(lambda self: "property x", lambda self, v: print("set via property", v))
print(read(u), write(u, 17))
del P.x
print(read(u))
P.m = lambda self: "new P.m"
print(call_m(u), call_m(p))


# Many attributes (the name filter may collide with the method's name).
class Many:
    def __init__(self):
        for i in range(30):
            setattr(self, "a%d" % i, i)
        self.input = "input attr"

    def execute(self):
        return "execute"

    def output(self):
        return "output"


mm = Many()
for _ in range(2):
    print(mm.execute(), mm.output(), mm.input, mm.a29)


# Polymorphic sites: different classes at the same instructions.
class Q:
    def __init__(self):
        self.y = "Q.y"
        self.x = "Q.x"

    def m(self):
        return "Q.m"


class R(P):
    def m(self):
        return "R.m"


for o in [P(1, 2), Q(), R(3, 4), Q(), P(5, 6)]:
    print(read(o), call_m(o), write(o, "w"))


# __slots__ instances and a class with __getattribute__.
class S:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = "S.x"
        self.y = "S.y"

    def m(self):
        return "S.m"


class G(P):
    def __getattribute__(self, name):
        if name == "x":
            return "G.x"
        return object.__getattribute__(self, name)


for o in [S(), G(1, 2), S(), G(3, 4)]:
    print(read(o), call_m(o))
