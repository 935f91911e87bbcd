# sum() over lists and tuples by index, int + float mixing, and round(x, n).

print(sum([1, 2, 3]), sum((1.5, 2.25)), sum([1, 2.5, 3]), sum([0.5, 1, 2]))
print(sum([], 7), sum((), 2.5), sum([1, 2], 10), sum([1.0], 0))
print(sum([2**62, 2**62, 2**62]), sum([-2**63, -1]), sum([2**70, 1.0]))
print(sum([True, True, 3]), sum([1, True, 0.5]), sum([0.1] * 10))
print(sum([1, 2**53 + 1, 0.0]), sum([0.0, 2**53 + 1]), sum([10**20, 0.5]))
print(sum([[1], [2]], []), sum([(1,), (2,)], ()))
print(sum(x * x for x in range(10)), sum(range(100)), sum({1: 0, 2: 0}))
print(repr(sum([-0.0, -0.0])), repr(sum([-0.0], -0.0)), repr(sum([], -0.0)))
print(sum([float("inf"), 1]), sum([float("nan"), 1]))


class Grows:
    """Adding it appends to the list being summed: the sum sees the new item."""

    def __init__(self, target, n):
        self.target, self.n = target, n

    def __radd__(self, other):
        if self.n:
            self.target.append(Grows(self.target, self.n - 1))
        return other + 100


items = [1]
items.append(Grows(items, 2))
print(sum(items), len(items))


class MyList(list):
    def __iter__(self):
        return iter([100, 200])


print(sum(MyList([1, 2, 3])))

for bad in (["a", "b"], [1, "x"], [1, None]):
    try:
        sum(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    sum(["a"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1e308, 10**400])
except OverflowError as e:
    print("OverflowError:", e)

vals = [0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.375, 2.675, 1.005, 0.045, 1.15, 2.345,
        9.995, 99.995, -9.995, 0.0, -0.0, 1e300, -1e-300, 5e-324, 123456.785,
        1.0000000000000002, 1e16, 1e22, 0.1 + 0.2]
for v in vals:
    print(v, [round(v, n) for n in (0, 1, 2, 3, 10, 17, 300, 400)])
x = 7
for i in range(200):
    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    v = x / 997 - 1000
    print(round(v, 2), round(v, 4), round(v / 1e6, 9), round(v, -2), end=" ")
print()
print(round(float("inf"), 2), round(float("nan"), 2), round(-float("inf"), 0))
print(round(2.5), round(3.5), round(-2.5), round(0.5, None), type(round(2.0, 0)))
