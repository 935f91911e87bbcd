# Dict layout edge cases (issue 12: compact tables): index widths, presized
# literals and copies that grow, deletions and slot reuse, equal-hash keys whose
# __eq__ prints, raises or resizes the dict, mutation during iteration, json.
import copy
import json


class K:
    """A key whose hash is chosen and whose __eq__ reports itself."""

    def __init__(self, name, h, log=True):
        self.name = name
        self.h = h
        self.log = log

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        if self.log:
            print("  eq", self.name, getattr(other, "name", other))
        return isinstance(other, K) and self.name == other.name

    def __repr__(self):
        return "K(%s)" % self.name


# Growth through every index width, with deletions in between.
d = {}
for i in range(50000):
    d[i * 7] = i
print(len(d), d[7 * 49999], sum(d.values()) % 1000003)
for i in range(0, 50000, 2):
    del d[i * 7]
print(len(d), list(d)[:5], list(d)[-3:])
for i in range(0, 50000, 2):
    d[i * 7] = -i
print(len(d), list(d)[:3], list(d)[-3:], d.get(14), d.get(7))
while len(d) > 3:
    d.popitem()
print(d)

# Presized literal and copies that keep growing.
lit = {"a": 1, "b": 2, "c": 3}
for i in range(20):
    lit["x%d" % i] = i
print(list(lit)[:6], len(lit))
dc = copy.deepcopy({"p": [1], "q": {"r": 2}})
dc["s"] = 3
dc["q"]["t"] = 4
for i in range(10):
    dc[i] = i
print(dc)
js = json.loads('{"a": {"b": 1, "c": [1, 2]}, "d": {}}')
js["a"]["e"] = 5
js["d"]["f"] = 6
for i in range(8):
    js[str(i)] = i
print(js)

# Deleting and re-adding: order is insertion order, deleted slots are reused.
e = dict.fromkeys("abcdefgh")
for k in "aceg":
    del e[k]
e["a"] = 1
e["z"] = 2
print(list(e))
e.clear()
e["n"] = 0
print(e)

# Equal hashes: __eq__ runs in probe order; with a deleted slot in the chain.
print("equal hashes")
t = {}
ks = [K("a", 5), K("b", 5), K("c", 5)]
for k in ks:
    t[k] = k.name
print(t[ks[2]])
print(K("b", 5, False) in t)
del t[ks[0]]
t[K("d", 5, False)] = "d"
print(K("c", 5, False) in t)
print(list(t.values()))


# __eq__ raising.
class Boom(K):
    __hash__ = K.__hash__

    def __eq__(self, other):
        raise ValueError("no compare " + self.name)


b = {Boom("x", 9): 1}
try:
    b[Boom("y", 9)]
except ValueError as ex:
    print("raised", ex)
print(len(b))


# __eq__ that resizes the dict being searched.
class Grow(K):
    __hash__ = K.__hash__

    def __eq__(self, other):
        if self.log:
            self.log = False
            print("  resizing in eq", self.name)
            for i in range(100):
                target[i] = i
        return isinstance(other, K) and self.name == other.name


target = {}
target[Grow("g", 3)] = "g"
print(target.get(Grow("g", 3, False)), len(target))
print(Grow("h", 3) in target, len(target))

# Mutation during iteration.
m = {1: 1, 2: 2}
try:
    for k in m:
        m[k + 10] = 0
except RuntimeError as ex:
    print("RuntimeError", ex)
m = {1: 1, 2: 2, 3: 3}
try:
    for k in m:
        del m[3]
except RuntimeError as ex:
    print("RuntimeError", ex)
m = {1: 1, 2: 2}
for k in m:
    m[k] = k * 10
print(m)

# Same value, different types: int, float, bool and True hash alike.
n = {1: "int", 2.0: "float"}
n[True] = "bool"
n[2] = "two"
print(n, {0: 0, False: 1, 0.0: 2})
