# Tuples: packing, unpacking, methods, comparison, hashing, immutability.
t = 1, 2, 3
print(t, type(t).__name__, len(t), t[0], t[-1], t[1:], t[::-1])
single = (5,)
not_tuple = (5)
print(single, not_tuple, type(single).__name__, type(not_tuple).__name__, (), tuple())
print(t.count(2), (1, 1, 2, 1).count(1), t.index(3), ("a", "b", "a").index("a", 1))
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 100), (1, "a") == (1, "a"), () < (0,))
print(t + (4, 5), t * 2, 2 in t, tuple("abc"), tuple([1, [2]]), tuple(range(3)))
d = {(0, 0): "origin", (1, 2): "point"}
print(d[(1, 2)], d[0, 0], (1, 2) in d)
mutable_inside = ([1], 2)
mutable_inside[0].append(99)
print(mutable_inside)
try:
    mutable_inside[0] += [100]
except TypeError as e:
    print("TypeError:", e, mutable_inside)
a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
points = [(3, 1), (1, 2), (2, 0), (1, 1)]
print(sorted(points), min(points), max(points, key=lambda p: p[1]))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), len({(1, 2), (1, 2), (2, 1)}))
x, y = y, x = 1, 2
print(x, y)
def stats(v):
    return min(v), max(v), sum(v) / len(v)
lo, hi, avg = stats([4, 8, 6])
print(lo, hi, avg, stats([1]))
print(tuple(x * 2 for x in range(4)), (1, 2) + (3,), repr((1,)), repr(()), str((None, "s")))
