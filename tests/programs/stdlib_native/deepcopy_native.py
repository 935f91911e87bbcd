# copy.deepcopy through the native recursion: sharing and cycles, tuples that copy
# to themselves, the memo (visible to __deepcopy__ and kept-alive list), subclasses,
# __reduce__/__setstate__, dataclasses, slots, errors.
import copy
from dataclasses import dataclass, field
from collections import OrderedDict, defaultdict, Counter, deque


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)


shared = [1, 2]
data = {"a": shared, "b": shared, "t": (shared, 3), "u": (1, "x", None, 2.5, 10**30), "s": {1, 2},
        "n": [[], {}, ()], "f": frozenset([1]), "by": b"x", "ba": bytearray(b"y"), "c": 1 + 2j,
        "r": range(3), "fn": len, "cls": int}
d2 = copy.deepcopy(data)
print(d2 == data, d2["a"] is d2["b"], d2["a"] is not shared, d2["t"][0] is d2["a"])
print("atomic tuple kept", d2["u"] is data["u"], d2["fn"] is len, d2["cls"] is int, d2["r"] is data["r"])
print("set copied", d2["s"] is not data["s"], d2["ba"] is not data["ba"], d2["f"] == data["f"])
cyc = [1]
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print("cycle", c2[1] is c2, c2 is not cyc)
cd = {"k": None}
cd["k"] = (cd, [cd])
cd2 = copy.deepcopy(cd)
print("dict cycle", cd2["k"][0] is cd2, cd2["k"][1][0] is cd2)
t_rec = ([],)
t_rec[0].append(t_rec)
t2 = copy.deepcopy(t_rec)
print("tuple cycle", t2[0][0] is t2, t2 is not t_rec)

memo = {}
x = [shared, shared]
y = copy.deepcopy(x, memo)
print("memo", len(memo), memo[id(x)] is y, memo[id(shared)] is y[0], [type(v).__name__ for v in memo[id(memo)]])
z = copy.deepcopy(shared, memo)
print("memo reused", z is y[0])


class WithCopier:
    def __init__(self, v):
        self.v = v

    def __deepcopy__(self, memo):
        print("  __deepcopy__ sees memo of", type(memo).__name__, id(self) in memo)
        return WithCopier(copy.deepcopy(self.v, memo))


w = [WithCopier([1]), WithCopier((2,))]
w2 = copy.deepcopy(w)
print("copier", w2[0].v, w2[1].v, w2[0] is not w[0])


class Reduced:
    def __init__(self, a):
        self.a = a

    def __reduce__(self):
        return (Reduced, (self.a,), {"extra": [1]})

    def __setstate__(self, state):
        self.state = state


r2 = copy.deepcopy([Reduced([5])])[0]
print("reduce", r2.a, r2.state)


@dataclass
class Point:
    x: int
    tags: list = field(default_factory=list)


p = Point(1, ["a"])
pp = copy.deepcopy({"p": p, "again": p})
print("dataclass", pp["p"], pp["p"] is pp["again"], pp["p"].tags is not p.tags)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]


s2 = copy.deepcopy(Slotted())
print("slots", s2.a, hasattr(s2, "b"))


class MyList(list):
    pass


class MyDict(dict):
    pass


ml = copy.deepcopy(MyList([[1], 2]))
md = copy.deepcopy(MyDict(a=[1]))
print("subclasses", type(ml).__name__, ml, type(md).__name__, md)
print("collections", copy.deepcopy(OrderedDict(a=[1])), copy.deepcopy(defaultdict(list, a=[2])),
      copy.deepcopy(Counter("aab")), copy.deepcopy(deque([[1]], maxlen=3)))


class NoCopy:
    def __reduce_ex__(self, proto):
        raise TypeError("cannot pickle 'NoCopy' object")


show("uncopyable", lambda: copy.deepcopy([1, NoCopy()]))
show("memo not dict", lambda: copy.deepcopy([1, [2]], memo=None))
deep = []
for _ in range(100000):
    deep = [deep]
try:
    copy.deepcopy(deep)
    print("deep copied")
except RecursionError:
    print("deep: RecursionError")
big = {"k%d" % i: [i, (i, str(i)), {"n": i}] for i in range(2000)}
b2 = copy.deepcopy(big)
print("big", b2 == big, b2["k5"][2] is not big["k5"][2], b2["k7"][1] is big["k7"][1])
