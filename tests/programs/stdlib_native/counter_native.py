# Counter's counting loop (the native _collections._count_elements): dict fast path,
# subclasses overriding get/__setitem__, non-int counts, errors part-way, generators.
from collections import Counter, OrderedDict
import _collections


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)


print(Counter("abracadabra").most_common())
print(Counter(w for w in "the cat and the hat and the bat".split()).most_common(2))
c = Counter(a=2, b=1)
c.update("aab")
c.update(["x", 1, 1.0, True, (1, 2), None])
print(c)
print(sorted(Counter([3, 1, 2, 3, 3, 1]).elements()), Counter("aab").total())
d = {"a": 1.5}
_collections._count_elements(d, "aa")
print("float counts", d)
d = {"a": "x"}
show("str count", lambda: _collections._count_elements(d, "a"))
print("after error", d)


class Loud(dict):
    def __setitem__(self, k, v):
        print("  set", k, v)
        dict.__setitem__(self, k, v)


ld = Loud()
_collections._count_elements(ld, "aba")
print("loud", ld)


class GetDefault(dict):
    def get(self, k, default=None):
        return dict.get(self, k, 10)


gd = GetDefault()
_collections._count_elements(gd, "aa")
print("get override", gd)


class Missing(Counter):
    def __missing__(self, k):
        print("  missing", k)
        return 100


m = Missing()
m.update("ab")
print("missing not used", m)


def gen():
    yield "a"
    yield "b"
    raise ValueError("stop here")


c2 = Counter()
show("generator raises", lambda: c2.update(gen()))
print("counted so far", c2)
show("unhashable", lambda: Counter([[1]]))
show("not iterable", lambda: Counter(5))
c3 = Counter()
show("unhashable part-way", lambda: c3.update(["a", ["b"], "c"]))
print("part-way", c3)
show("bad mapping", lambda: _collections._count_elements(5, "ab"))
show("args", lambda: _collections._count_elements({}))
od = OrderedDict()
_collections._count_elements(od, "zzyx")
print("ordered", od)
big = Counter(i % 1000 for i in range(200000))
print("big", len(big), big[7], big.most_common(3))
