# Sorting: stability with keys, reverse keeping stability, only __lt__ defined,
# errors from comparisons, min/max with key and default, and the order in which
# CPython's timsort calls __lt__ (printed).


records = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 2), ("eve", 1), ("fay", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (-r[1], r[0])))
by_len = sorted(["ccc", "a", "bb", "dd", "e", "fff"], key=len, reverse=True)
print(by_len)


class Version:
    calls = []

    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
        self.s = s

    def __lt__(self, other):
        Version.calls.append((self.s, other.s))
        return self.parts < other.parts

    def __repr__(self):
        return self.s


vs = [Version(s) for s in ["1.10", "1.2", "0.9", "1.2.1", "2.0", "1.2", "0.10"]]
print(sorted(vs))
print(Version.calls)
Version.calls.clear()
print(max(vs), min(vs), Version.calls[:4])
print(sorted(vs, reverse=True))

try:
    sorted([3, "a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([(1, None), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2].sort(key=lambda x: 1 / (x - 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

data = [5, 3, 8, 1]
print(max(data, key=lambda x: -x), min(data, key=lambda x: -x), max([], default="empty"), min((), key=len, default=None))
print(max(3, 7, 5), min("b", "a", "c"), max("apple", "fig", "kiwi", key=len), min([[2], [1, 5], [1]]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print("TypeError:", e)

nums = [3, 1, 2]
nums.sort(reverse=True)
print(nums, sorted("hello"), sorted({"b": 1, "a": 2}), sorted({3, 1, 2}), sorted(range(5), key=lambda x: x % 2))
words = "The quick Brown fox Jumps over the Lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (len(w), w.lower())))


class Evil:
    def __init__(self, v, lst):
        self.v, self.lst = v, lst

    def __lt__(self, other):
        self.lst.append("x")
        return self.v < other.v


victim = []
victim.extend(Evil(i, victim) for i in (3, 1, 2))
try:
    victim.sort()
except ValueError as e:
    print("ValueError:", e, len(victim), [e.v for e in victim])
big = [(i * 7919) % 1000 for i in range(500)]
s = sorted(big)
print(s[:5], s[-5:], s == sorted(big, key=lambda x: x), sorted(big, reverse=True)[:3])
