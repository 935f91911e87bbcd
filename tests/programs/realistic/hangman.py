# Scripted hangman games with a guessing strategy based on letter frequencies of candidate words.
WORDS = ["python", "rust", "bytecode", "interpreter", "compiler", "generator", "closure", "iterator",
         "decorator", "exception", "module", "package", "lambda", "tuple", "string", "integer"]

class Hangman:
    def __init__(self, secret, lives=6):
        self.secret = secret
        self.lives = lives
        self.guessed = set()
        self.history = []

    @property
    def pattern(self):
        return "".join(c if c in self.guessed else "_" for c in self.secret)

    @property
    def won(self):
        return "_" not in self.pattern

    @property
    def lost(self):
        return self.lives <= 0

    def guess(self, letter):
        if letter in self.guessed:
            raise ValueError(f"already guessed {letter!r}")
        self.guessed.add(letter)
        hit = letter in self.secret
        if not hit:
            self.lives -= 1
        self.history.append((letter, hit, self.pattern, self.lives))
        return hit

def choose(pattern, guessed, wrong, words):
    candidates = [w for w in words if len(w) == len(pattern)
                  and all(p == "_" and c not in guessed or p == c for p, c in zip(pattern, w))
                  and not any(ch in w for ch in wrong)]
    counts = {}
    for w in candidates:
        for ch in set(w):
            if ch not in guessed:
                counts[ch] = counts.get(ch, 0) + 1
    if not counts:
        for ch in "etaoinshrdlcumwfgypbvkjxqz":
            if ch not in guessed:
                return ch, len(candidates)
    return max(sorted(counts), key=lambda c: counts[c]), len(candidates)

for secret in ["closure", "tuple", "interpreter", "rust", "zephyr"]:
    game = Hangman(secret)
    wrong = set()
    while not (game.won or game.lost):
        letter, n = choose(game.pattern, game.guessed, wrong, WORDS)
        if not game.guess(letter):
            wrong.add(letter)
    moves = " ".join(f"{l}{'+' if h else '-'}" for l, h, _, _ in game.history)
    print(f"{secret:12} {'WON ' if game.won else 'LOST'} lives={game.lives} {game.pattern:12} {moves}")
g = Hangman("abc")
g.guess("a")
try:
    g.guess("a")
except ValueError as e:
    print("ValueError:", e)
print(g.history)
