# set/frozenset: operators, methods, comparisons (ints and strings; order fixed by PYTHONHASHSEED=0).
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference([1], [2]), a.symmetric_difference([1, 10]))
print(a <= a, a < a, {1, 2} < a, a > {1}, a >= {1, 2, 3, 4}, a.issubset(range(10)), a.issuperset([1, 2]))
print(a.isdisjoint(b), a.isdisjoint({9, 10}), a == {4, 3, 2, 1}, a != b, {1, 2} == frozenset([1, 2]))
s = set()
s.add(5)
s.add(5)
s.add(1)
s.update([2, 3], (9,))
print(s, len(s))
s.discard(100)
s.discard(9)
s.remove(1)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
p = s.pop()
print(p, s)
c = {10, 20, 30, 40}
c.intersection_update({20, 30, 50})
print(c)
c.difference_update({20})
print(c)
c.symmetric_difference_update({30, 60, 70})
print(c)
c |= {1}
c &= {1, 60, 99}
c -= {99}
c ^= {2}
print(c)
fs = frozenset([3, 1, 2])
print(fs, fs | {4}, type(fs | {4}).__name__, type({4} | fs).__name__, fs & {1, 9}, hash(fs) == hash(frozenset({1, 2, 3})))
try:
    fs.add(4)
except AttributeError as e:
    print("AttributeError:", e)
print({frozenset({1}): "ok"}[frozenset([1])], {fs, frozenset([1, 2, 3])})
words = {"apple", "banana", "cherry"}
print(sorted(words), "apple" in words, "grape" in words, len(words))
w2 = words | {"date"}
w2.discard("banana")
print(sorted(w2), sorted(words - w2), sorted(words ^ w2))
print(set("hello"), set([1, 1, 2, 2, 3]), set(range(5)), set({"k": 1}), set())
print(sorted({3, 1, 2}), min({5, 2, 8}), max({5, 2, 8}), sum({1, 2, 3}))
cp = a.copy()
cp.clear()
print(cp, a)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    a < [1]
except TypeError as e:
    print("TypeError:", e)
