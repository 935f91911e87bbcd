# The attribute instructions' hit paths (interp/instance_hit.rs): `o.x`,
# `o.x = v` and `o.m()` on the class a site cached; every other case falls back.
import gc


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def m(self):
        return "P.m"


def read(o):
    return o.x, o.y


def write(o, v):
    o.x = v


def call_m(o):
    return o.m()


# The same class, attributes in another order: the cached position misses.
a = P(1, 2)
b = P.__new__(P)
b.y = "b.y"
b.x = "b.x"
for o in [a, b, a, b]:
    write(o, o.x)
    print(read(o), call_m(o))

# A store into an old instance of a young object, then collections: the hit
# path keeps the write barrier.
old = P(0, 0)
gc.collect()
gc.collect()
for i in range(3):
    write(old, [i, "young"] * 2)
    junk = [P(j, [j]) for j in range(20000)]
    del junk
    print(read(old))
gc.collect()
print(read(old))

# The instance changes class: the cached class no longer matches.
class P2(P):
    def m(self):
        return "P2.m"


c = P(3, 4)
print(read(c), call_m(c))
c.__class__ = P2
print(read(c), call_m(c))
write(c, "after class change")
print(read(c))

# An attribute named like the method, stored after the site was warm, and
# names whose filter bits may collide with the method's.
d = P(5, 6)
for i in range(20):
    setattr(d, "n%d" % i, i)
print(call_m(d), d.n19)
d.m = lambda: "own m"
print(call_m(d))
del d.m
print(call_m(d))

# A dict made visible: loads and stores go through it.
e = P(7, 8)
ed = vars(e)
write(e, "through dict")
print(read(e), ed["x"])
ed["x"] = "set in dict"
print(read(e))

# Deleting the attribute at the cached position.
f = P(9, 10)
print(read(f))
del f.x
try:
    print(read(f))
except AttributeError as err:
    print("AttributeError:", err)
write(f, "back")
print(read(f))

# A data descriptor added to the class after the sites were warm.
g = P(11, 12)
print(read(g))
P.y = property(lambda self: "property y")
print(read(g))
try:
    P.y.__set__(g, 1)
except AttributeError as err:
    print("AttributeError:", err)
del P.y
print(read(g))

# Non-instances at the same sites.
class K:
    x = "K.x"
    y = "K.y"

    @staticmethod
    def m():
        return "K.m"


print(read(K), call_m(K))
try:
    read(42)
except AttributeError as err:
    print("AttributeError:", err)
try:
    write(None, 1)
except AttributeError as err:
    print("AttributeError:", err)
