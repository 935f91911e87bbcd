# Card deck, deterministic shuffle with an LCG, and poker hand evaluation and ranking.
RANKS = "23456789TJQKA"
SUITS = "cdhs"
NAMES = ["high card", "pair", "two pair", "three of a kind", "straight", "flush", "full house",
         "four of a kind", "straight flush"]

class Card:
    __slots__ = ("rank", "suit")

    def __init__(self, text):
        self.rank = RANKS.index(text[0])
        self.suit = text[1]

    def __repr__(self):
        return RANKS[self.rank] + self.suit

    def __lt__(self, other):
        return (self.rank, self.suit) < (other.rank, other.suit)

def evaluate(cards):
    ranks = sorted((c.rank for c in cards), reverse=True)
    counts = {}
    for r in ranks:
        counts[r] = counts.get(r, 0) + 1
    groups = sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0]))
    shape = [n for _, n in groups]
    ordered = [r for r, _ in groups]
    flush = len({c.suit for c in cards}) == 1
    straight = len(counts) == 5 and ranks[0] - ranks[4] == 4
    if ranks == [12, 3, 2, 1, 0]:
        straight, ordered = True, [3, 2, 1, 0, -1]
    if straight and flush:
        cat = 8
    elif shape == [4, 1]:
        cat = 7
    elif shape == [3, 2]:
        cat = 6
    elif flush:
        cat = 5
    elif straight:
        cat = 4
    elif shape == [3, 1, 1]:
        cat = 3
    elif shape == [2, 2, 1]:
        cat = 2
    elif shape == [2, 1, 1, 1]:
        cat = 1
    else:
        cat = 0
    return (cat, ordered)

def hand(text):
    return [Card(t) for t in text.split()]

class LCG:
    def __init__(self, seed):
        self.s = seed
    def below(self, n):
        self.s = (self.s * 1103515245 + 12345) & 0x7FFFFFFF
        return self.s % n

def shuffled_deck(seed):
    deck = [Card(r + s) for s in SUITS for r in RANKS]
    rng = LCG(seed)
    for i in range(len(deck) - 1, 0, -1):
        j = rng.below(i + 1)
        deck[i], deck[j] = deck[j], deck[i]
    return deck

samples = ["Ah Kh Qh Jh Th", "9c 9d 9h 9s 2c", "3h 3d 3s Kc Kd", "2h 7h 9h Jh Ah", "5c 4d 3h 2s Ac",
           "Tc Jd Qh Ks Ad", "7c 7d 7h 2s 9c", "4c 4d Jh Js 9c", "Qc Qd 5h 3s 2c", "Kc 9d 7h 4s 2c"]
for s in samples:
    cat, ordered = evaluate(hand(s))
    print(f"{s:16} {NAMES[cat]:16} {[RANKS[r] if r >= 0 else 'A' for r in ordered]}")
ranked = sorted(samples, key=lambda s: evaluate(hand(s)), reverse=True)
print([s.split()[0] for s in ranked])
deck = shuffled_deck(2024)
print(deck[:13], len(set(map(repr, deck))))
players = ["ann", "bob", "cy", "dee"]
for rnd in range(3):
    deck = shuffled_deck(rnd)
    hands = {p: sorted(deck[i * 5:(i + 1) * 5]) for i, p in enumerate(players)}
    scores = {p: evaluate(h) for p, h in hands.items()}
    winner = max(players, key=lambda p: scores[p])
    for p in players:
        print(f"round {rnd} {p:4} {hands[p]} {NAMES[scores[p][0]]}")
    print(f"round {rnd} winner: {winner}")
tally = [0] * 9
for seed in range(300):
    d = shuffled_deck(seed)
    tally[evaluate(d[:5])[0]] += 1
print(dict(zip(NAMES, tally)))
