"""Instance attributes: set, replaced, deleted and re-added (dict order), many of
them, names built at run time, __dict__ taken before and after, vars/dir, copies,
methods shadowed by instance attributes, __slots__ and __class__ changes."""
import copy


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y


def show(o):
    print(sorted(vars(o).items()), list(vars(o)))


p = P(1, 2)
print(p.x, p.y, p.total())
p.x = 10
print(p.total())
p.z = 3
show(p)
del p.x
show(p)
p.x = 4
show(p)
try:
    del p.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "z"), hasattr(p, "w"), getattr(p, "w", "default"))

# Names made at run time are the same attributes as literal ones.
q = P(5, 6)
name = "".join(["t", "o", "t", "a", "l"])
setattr(q, "x" + "", 50)
setattr(q, name, lambda: "shadowed")
print(q.x, q.total(), getattr(q, "tot" + "al")())
delattr(q, name)
print(q.total())

# Many attributes: order is kept.
m = P(0, 0)
for i in range(40):
    setattr(m, "a%d" % i, i * i)
print(len(vars(m)), list(vars(m))[:5], list(vars(m))[-3:], m.a39)
for i in range(0, 40, 2):
    delattr(m, "a%d" % i)
print(len(vars(m)), list(vars(m))[:5], sum(getattr(m, "a%d" % i) for i in range(1, 40, 2)))

# The dict is live: changes through it and through attributes are the same.
d = P(7, 8)
dd = d.__dict__
dd["w"] = 9
d.v = 1
print(d.w, dd["v"], dd is d.__dict__, sorted(dd))
del dd["x"]
print(hasattr(d, "x"), d.__dict__)

# Fresh instances: an empty dict, then attributes.
e = P.__new__(P)
print(vars(e))
e.k = 1
print(vars(e), [n for n in dir(e) if not n.startswith("_")])

# Copies keep attributes and their order.
c = copy.copy(p)
c2 = copy.deepcopy(m)
print(list(vars(c)), list(vars(c2))[:3], c2.a1, c is not p)

# Method calls through a loop (the cached paths), shadowing in between.
class Acc:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k
        return self.n


accs = [Acc() for _ in range(3)]
for step in range(5):
    for a in accs:
        a.add(step)
    if step == 2:
        accs[1].add = lambda k: -1
print([a.n for a in accs], accs[1].add(3))


class Other:
    def total(self):
        return "other"


p.__class__ = Other
print(p.total(), sorted(vars(p)))


class S:
    __slots__ = ("a", "b")


s = S()
s.a = 1
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
print(s.a, hasattr(s, "b"), hasattr(s, "__dict__"))
print(repr(P(1, 2).__dict__), P(3, 4) == P(3, 4))
