# Iteration order of sets (deterministic under PYTHONHASHSEED=0).
print({5, 3, 1, 8, 13, 21, 2, 34})
print({100, 7, 64, 1000, 33, -1, -100})
print(set(range(20, 0, -1)))
print({"apple", "banana", "cherry", "date", "elderberry", "fig", "grape"})
print(set("mississippi"), set("hello world"))
print({"x", "y", "z", "a", "b", "c"})
s = set()
for w in "the quick brown fox jumps over the lazy dog".split():
    s.add(w)
print(s, len(s))
s.discard("the")
s.discard("fox")
print(s)
s.add("fox")
s.add("the")
print(s)
print(list({1, 2, 3} | {"a", "b"}))
a = set(range(0, 30, 3))
b = set(range(0, 30, 5))
print(a | b, a & b, a - b, a ^ b)
big = {i * 37 % 101 for i in range(50)}
print(big)
words = ["alpha", "beta", "gamma", "delta", "alpha", "beta", "epsilon", "zeta", "eta", "theta"]
print(set(words), frozenset(words))
print({w[0] for w in words}, {len(w) for w in words})
t = {(1, 2), (3, 4), (0, 0), (2, 1)}
print(t)
removed = set(range(40))
for i in range(0, 40, 2):
    removed.remove(i)
print(removed)
for i in range(0, 10):
    removed.add(i * 4)
print(removed)
mixed = {1.5, 2, "two", (3,), True, -7, "", 0.0}
print(mixed)
print(list(set([3, 3, 1, 1, 2, 2, 100, 50, 50])))
print([x for x in {"b": 1, "a": 2}.keys() | {"c"}])
print(sorted(a) == sorted(list(a)), min(a), max(a))
