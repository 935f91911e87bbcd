# Comprehension results and containers whose order depends on set iteration.
words = "to be or not to be that is the question".split()
unique = {w for w in words}
print(unique)
lengths = {w: len(w) for w in unique}
print(lengths)
print({len(w) for w in words})
inv = {}
for w in unique:
    inv.setdefault(len(w), []).append(w)
print(inv)
print(sorted(unique), list(unique)[:3])
freq = {}
for ch in "abracadabra":
    freq[ch] = freq.get(ch, 0) + 1
print(freq, set(freq), {c for c, n in freq.items() if n > 1})
pairs = {(a, b) for a in range(3) for b in range(3) if a != b}
print(pairs)
fz = frozenset(words)
print(fz)
print({frozenset({1, 2}), frozenset({3}), frozenset()})
vowels = set("aeiou")
print([w for w in words if set(w) & vowels == {"o"}])
print(set(map(str.upper, ["x", "y", "x"])), set(filter(None, [0, 1, 2, "", "a"])))
nested = {k: {v for v in range(k)} for k in range(4)}
print(nested)
