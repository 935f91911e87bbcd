# min/max take one item at a time from their iterable (as CPython): the key
# function of an item runs before the next item is made, and the item tuples of
# `d.items()` are not all made first.
import gc


def gen(log):
    for i in [3, 1, 4, 1, 5, 9, 2, 6]:
        log.append(f"yield {i}")
        yield i


def key(log):
    def k(x):
        log.append(f"key {x}")
        return -x if x % 2 else x
    return k


log = []
print(max(gen(log), key=key(log)), log)
log = []
print(min(gen(log), key=key(log)), log)
log = []
print(max(gen(log)), len(log))


class Noisy:
    def __init__(self, v, log):
        self.v, self.log = v, log

    def __lt__(self, other):
        self.log.append(f"{self.v}<{other.v}")
        return self.v < other.v

    def __gt__(self, other):
        self.log.append(f"{self.v}>{other.v}")
        return self.v > other.v


log = []
items = [Noisy(v, log) for v in [2, 7, 1, 7, 0]]
print(max(items).v, min(iter(items)).v, log)
print(max(Noisy(1, log), Noisy(3, log), Noisy(3, log)).v)

# Many items from a dict's items view, with key functions that allocate (and
# let the collector run): the best item survives.
d = {f"w{i}": (i * 7919) % 10007 for i in range(30000)}
best = max(d.items(), key=lambda kv: (kv[1], kv[0]))
worst = min(d.items(), key=lambda kv: [kv[1], kv[0]])
print(best, worst)
gc.collect()
print(max(((k, v) for k, v in d.items() if v % 3 == 0), key=lambda kv: str(kv[1])))

# Empty iterables, defaults, errors in the middle.
print(max([], default="none"), min(iter(()), default=None), max((), key=len, default=0))
for bad in ([], iter([])):
    try:
        max(bad)
    except ValueError as e:
        print("ValueError:", e)


def boom():
    yield 1
    yield 2
    raise RuntimeError("from the generator")


try:
    min(boom(), key=lambda x: print("key", x) or x)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    max([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    max(1, 2, default=3)
except TypeError as e:
    print("TypeError:", e)
try:
    max(5)
except TypeError as e:
    print("TypeError:", e)

# A key function that grows the list: the list iterator sees the new items.
xs = [1, 2, 3]


def grow(x):
    if len(xs) < 6:
        xs.append(x * 10)
    return x


print(max(xs, key=grow), xs)
