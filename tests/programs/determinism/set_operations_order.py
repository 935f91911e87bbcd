# Results of set algebra and conversions printed in iteration order (fixed under PYTHONHASHSEED=0).
words1 = set("the cat sat on the mat with another cat".split())
words2 = set("a dog sat on the log near the cat".split())
print(words1)
print(words2)
print(words1 | words2)
print(words1 & words2)
print(words1 - words2, words2 - words1)
print(words1 ^ words2)
print(sorted(words1 ^ words2) == sorted((words1 - words2) | (words2 - words1)))
ints = {x * x % 97 for x in range(40)}
print(ints)
evens = {x for x in ints if x % 2 == 0}
print(evens, ints - evens)
u = set()
for chunk in ["alpha", "beta", "gamma"]:
    u |= set(chunk)
print(u)
u.intersection_update("aeiou")
print(u)
letters = set("abcdefghijklmnopqrstuvwxyz")
print(letters - set("the quick brown fox jumps over the lazy dog"))
print(letters - set("pack my box with five dozen liquor jugs"), set("hello") < letters)
mixed = {1, 2.5, "x", (1, 2), frozenset({3}), -4, 10**20}
print(mixed)
d = dict.fromkeys({"k1", "k2", "k3", "k4"}, 0)
print(d)
print(list({3: "c", 1: "a", 2: "b"}.keys() | {0}), list({"b", "a"} | {"c"}))
s = {10, 20, 30}
s.add(5)
s.discard(20)
s.add(20)
print(s, s.pop(), s)
