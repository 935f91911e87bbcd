# Iteration protocols: iter(callable, sentinel), __getitem__-based iteration,
# __reversed__ vs __len__/__getitem__, iterators that are their own iterables,
# exhausted iterators, zip/map/enumerate laziness, and StopIteration handling.


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


c = Countdown(3)
print(list(c), list(c), iter(c) is c)


class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i


print(list(Squares()), 9 in Squares(), 10 in Squares(), list(reversed([1, 2])))


class Seq:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


class WithReversed(Seq):
    def __reversed__(self):
        print("  custom __reversed__")
        return iter(["r"] + self.items[::-1])


print(list(reversed(Seq([1, 2, 3]))), list(reversed(WithReversed([1, 2]))))
try:
    reversed(Countdown(2))
except TypeError as e:
    print("TypeError:", e)

values = iter([5, 4, 0, 3])
print(list(iter(lambda: next(values), 0)), list(values))
lines = ["a", "b", "", "c"]
pos = [0]


def read():
    pos[0] += 1
    return lines[pos[0] - 1]


print(list(iter(read, "")))

log = []


def noisy(x):
    log.append(x)
    return x * 10


m = map(noisy, [1, 2, 3])
print(log, next(m), log, list(m), log)
z = zip("abc", Countdown(5))
print(next(z), list(z))
e = enumerate("xyz", start=10)
print(next(e), list(e))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as err:
    print("ValueError:", err)
print(list(zip()), list(zip([1, 2, 3], "ab")), dict(zip("ab", [1, 2])))

it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as stop:
    print("StopIteration", stop.args)
try:
    next([1])
except TypeError as err:
    print("TypeError:", err)
try:
    iter(5)
except TypeError as err:
    print("TypeError:", err)


class BrokenIter:
    def __iter__(self):
        return 42


try:
    iter(BrokenIter())
except TypeError as err:
    print("TypeError:", err)

gen = (x * x for x in range(4))
print(sum(gen), sum(gen), list(filter(None, [0, 1, "", "a", None, []])), list(filter(lambda x: x % 2, range(6))))
first = [1, 2]
g2 = (x for x in first)
first.append(3)
print(list(g2))
nums = [1, 2, 3, 4]
for n in nums:
    if n == 2:
        nums.remove(n)
print(nums)
it = iter(range(10))
print([a + b for a, b in zip(it, it)])
print(any(x > 2 for x in Countdown(5)), all([]), any([]), all(x < 9 for x in Squares()))
