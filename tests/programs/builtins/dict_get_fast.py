# d.get(key[, default]) computed in place for int and exact str keys: defaults,
# dict subclasses (get ignores __missing__ and __getitem__), str subclass keys,
# keys with a Python __eq__ of equal hash, errors and the unbound form.


class Weird:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        print("Weird.__eq__ called")
        return other == "x" or other == 7


d = {"a": 1, 2: "two", "b": None}
for k in ["a", "b", "c", 2, 3, True, 2.0]:
    print(repr(k), d.get(k), d.get(k, "dflt"))


class Missing(dict):
    def __missing__(self, k):
        return "missing"

    def __getitem__(self, k):
        return "getitem"


m = Missing(a=1)
print(m.get("a"), m.get("zz"), m.get("zz", 0), m["zz"])


class MyStr(str):
    def __hash__(self):
        return hash("a")

    def __eq__(self, other):
        print("MyStr.__eq__")
        return str.__eq__(self, other)


print(d.get(MyStr("a")), d.get(MyStr("q"), "no"))
w = {Weird(hash("x")): "weird-x", Weird(7): "weird-7"}
print(w.get("x"), w.get(7), w.get("y", "none"))
try:
    d.get()
except TypeError as e:
    print("TypeError:", e)
try:
    d.get(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    d.get([1])
except TypeError as e:
    print("TypeError:", e)
try:
    dict.get(5, "a")
except TypeError as e:
    print("TypeError:", e)
print(dict.get(d, "a"), dict.get(m, "zz", "m"))
g = d.get
print(g("a"), g(2, 0))
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
big = {i: i * i for i in range(100)}
print(sum(big.get(i, -1) for i in range(-5, 105)))
