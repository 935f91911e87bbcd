# Word frequency analysis with dicts and sorting.
TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair, we had everything before us,
we had nothing before us, we were all going direct to Heaven, we were all going
direct the other way.
"""
STOP = {"the", "of", "it", "was", "we", "to", "us", "all"}

def words(text):
    cleaned = "".join(ch.lower() if ch.isalpha() else " " for ch in text)
    return cleaned.split()

ws = words(TEXT)
print(len(ws), "words,", len(set(ws)), "distinct")
freq = {}
for w in ws:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
print("top 10:", top[:10])
content = {w: n for w, n in freq.items() if w not in STOP}
print("top content:", sorted(content.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
by_len = {}
for w in sorted(set(ws)):
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print(n, by_len[n])
bigrams = {}
for a, b in zip(ws, ws[1:]):
    bigrams[(a, b)] = bigrams.get((a, b), 0) + 1
print([f"{a} {b}:{n}" for (a, b), n in sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5]])
first_seen = {}
for i, w in enumerate(ws):
    first_seen.setdefault(w, i)
print(list(first_seen)[:12])
letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
total = sum(letters.values())
for ch, n in sorted(letters.items(), key=lambda kv: -kv[1])[:5]:
    print(f"{ch}: {n:3d} {n / total:6.2%} {'*' * (n // 5)}")
longest = max(ws, key=len)
print("longest:", longest, len(longest), "| shortest:", min(ws, key=len))
print("vowel-initial:", sorted({w for w in ws if w[0] in "aeiou"}))
