# dict and set behaviours: order after deletion and reinsertion, views, set
# operations mixing set and frozenset, `in` on views, equality and copies.

d = {"a": 1, "b": 2, "c": 3, "d": 4}
del d["b"]
d["e"] = 5
d["b"] = 6
print(d, list(d), list(d.values()))
d["a"] = 100
print(list(d.items()))
d.pop("c")
d.setdefault("c", 7)
d.setdefault("a", -1)
print(d)
print(d.popitem(), d)

keys = d.keys()
values = d.values()
items = d.items()
d["z"] = 26
print(len(keys), "z" in keys, 26 in values, ("z", 26) in items, ("z", 0) in items, ["x"] in values)
print(keys & {"a", "z", "q"}, keys | {"new"}, keys - {"a"}, keys ^ {"a", "q"})
print(items & {("a", 100), ("b", 0)}, keys == {"a", "e", "b", "c", "z"}, keys <= {"a", "e", "b", "c", "z", "w"})
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items()))[0])
try:
    for k in d:
        d[k + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)

# dict equality ignores order; ordering is preserved by copy, dict(), comprehension
a = {1: "x", 2: "y"}
b = {2: "y", 1: "x"}
print(a == b, list(a) == list(b), list(dict(b)), list(b.copy()), {k: v for k, v in reversed(b.items())})
print(dict.fromkeys("hello"), dict.fromkeys(range(3), []), dict(zip("abc", range(3)), d=9))
merged = a | {3: "z", 1: "override"}
a |= {0: "zero"}
print(merged, a, {**b, **{1: "first"}})
# keys that compare equal collapse (1, 1.0, True)
print({1: "int", 1.0: "float", True: "bool"}, {0, 0.0, False, "0"}, len({(1, 2), (1.0, 2.0)}))

s = {3, 1, 2}
fs = frozenset([2, 3, 4])
print(s | fs, type(s | fs).__name__, type(fs | s).__name__, fs & s, type(fs & s).__name__)
print(s - fs, fs - s, s ^ fs, s <= fs, s < s | fs, fs >= {2}, s.isdisjoint({7, 8}), fs.issubset(range(10)))
print(s.union([9], (10,)), fs.intersection("ab", [2, 3]), s.difference({1}, {2}), s.symmetric_difference([1, 5]))
s2 = set(s)
s2 |= fs
s2 &= {1, 2, 3, 4, 5}
s2 -= {1}
s2 ^= {2, 9}
print(s2, s == {1, 2, 3}, frozenset(s) == s, {frozenset({1}): "fs key"}[frozenset([1])])
print(sorted({frozenset({1, 2}), frozenset({2, 1}), frozenset()}, key=len), hash(frozenset()) == hash(frozenset([])))
s3 = {10, 20}
s3.update([30], {40})
s3.discard(99)
s3.remove(10)
print(sorted(s3), s3.pop() in {20, 30, 40}, len(s3))
try:
    s3.remove(99)
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    {}[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
print({x % 5 for x in range(20)}, {c for c in "mississippi"} == set("misp"), set() == frozenset())
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])), max(counts, key=counts.get))
