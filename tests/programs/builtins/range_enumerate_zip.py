# range, enumerate, zip (including strict), reversed.
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 2)), list(range(-5, -1)), list(range(3, -3, -2)))
r = range(3, 30, 4)
print(r, len(r), r[0], r[-1], r[2:5], r[::-1], r[::2], 7 in r, 8 in r, r.index(11), r.count(11))
print(range(10)[-3:], range(0, 10, 3)[1:], len(range(0, -10, -1)), range(5) == range(0, 5, 1))
print(list(reversed(range(4))), list(range(10**20, 10**20 + 3)), range(1, 10, 2)[-2])
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r.index(12)
except ValueError as e:
    print("ValueError:", e)
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
print(list(enumerate("abc")), list(enumerate("abc", start=10)), list(enumerate([], 5)))
for i, (a, b) in enumerate(zip("xy", [1, 2]), 1):
    print(i, a, b)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [2], [3, 4], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip([1, 2], [3, 4], strict=True)))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1,))), "".join(reversed("stressed")))
d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
e = enumerate(["p", "q"])
print(next(e), next(e), next(e, "done"))
z = zip(range(3), range(3, 6))
print(next(z), list(z))
