# Word puzzles: anagram groups, palindromes, word ladders (BFS), and scrabble scoring.
WORDS = """listen silent enlist inlets google banana stone tones notes onset seton
cat act tac dog god odd level radar rotor refer stats cold cord card ward warm word worm
wore core care dare date gate game came come cone bone""".split()

groups = {}
for w in WORDS:
    groups.setdefault("".join(sorted(w)), []).append(w)
anagram_sets = sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g))
print(anagram_sets)
print([w for w in WORDS if w == w[::-1]])

def neighbours(word, vocab):
    for i in range(len(word)):
        for c in "abcdefghijklmnopqrstuvwxyz":
            if c != word[i]:
                cand = word[:i] + c + word[i + 1:]
                if cand in vocab:
                    yield cand

def ladder(start, goal, vocab):
    vocab = set(vocab)
    prev = {start: None}
    frontier = [start]
    while frontier:
        nxt = []
        for w in frontier:
            if w == goal:
                path = []
                while w:
                    path.append(w)
                    w = prev[w]
                return path[::-1]
            for n in sorted(neighbours(w, vocab)):
                if n not in prev:
                    prev[n] = w
                    nxt.append(n)
        frontier = nxt
    return None

print(ladder("cold", "warm", WORDS))
print(ladder("came", "bone", WORDS))
print(ladder("cat", "dog", WORDS))
SCORES = {}
for letters, pts in [("aeilnorstu", 1), ("dg", 2), ("bcmp", 3), ("fhvwy", 4), ("k", 5), ("jx", 8), ("qz", 10)]:
    for ch in letters:
        SCORES[ch] = pts
def score(w):
    return sum(SCORES[c] for c in w)
ranked = sorted(set(WORDS), key=lambda w: (-score(w), w))
print([(w, score(w)) for w in ranked[:8]])
letters = "aetnslo"
def can_make(word, rack):
    rack = list(rack)
    for c in word:
        if c in rack:
            rack.remove(c)
        else:
            return False
    return True
print(sorted(w for w in set(WORDS) if can_make(w, letters)))
