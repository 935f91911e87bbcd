# bench-group: pure
# String and dict workload: generate a deterministic text, count words,
# build strings, use str methods, update dicts, sort by value.
# Stresses: str methods (split, join, lower, upper, strip, replace, find,
# startswith, endswith, isdigit), f-strings, dict get/set/items, sorted with
# key functions, string concatenation, slicing.

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "va", "zen",
             "do", "qui", "ber", "an", "el", "or", "ith", "us", "ax", "ey"]


class Rng(object):
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state

    def below(self, n):
        return self.next() // 65536 % n


def make_word(rng):
    n = 1 + rng.below(3)
    parts = []
    for _ in range(n):
        parts.append(SYLLABLES[rng.below(len(SYLLABLES))])
    word = "".join(parts)
    r = rng.below(10)
    if r == 0:
        word = word.capitalize()
    elif r == 1:
        word = word.upper()
    return word


def make_text(rng, lines, words_per_line):
    out = []
    for i in range(lines):
        words = []
        for j in range(words_per_line):
            w = make_word(rng)
            k = rng.below(12)
            if k == 0:
                w = w + ","
            elif k == 1:
                w = w + "."
            elif k == 2:
                w = str(rng.below(1000))
            words.append(w)
        out.append("  " + " ".join(words) + " ")
    return "\n".join(out)


def count_words(text):
    counts = {}
    numbers = 0
    for line in text.split("\n"):
        for raw in line.strip().split(" "):
            if not raw:
                continue
            w = raw.strip(",.").lower()
            if w.isdigit():
                numbers += int(w)
                continue
            counts[w] = counts.get(w, 0) + 1
    return counts, numbers


def letter_stats(counts):
    letters = {}
    for word, c in counts.items():
        for ch in word:
            if ch in letters:
                letters[ch] += c
            else:
                letters[ch] = c
    return letters


def transform(text):
    t = text.replace("ka", "KA").replace("zen", "z-e-n")
    pos = 0
    hits = 0
    while True:
        pos = t.find("KA", pos)
        if pos < 0:
            break
        hits += 1
        pos += 2
    return t, hits


def string_hash(s):
    h = 5381
    for ch in s:
        h = (h * 33 + ord(ch)) % 4294967296
    return h


def build_report(counts, top):
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    lines = []
    for word, c in items[:top]:
        lines.append(f"{word:>12} {c:6d} {'*' * (c // 50)}")
    return "\n".join(lines), items


def bigrams(text):
    words = [w.strip(",.").lower() for w in text.split() if not w.isdigit()]
    pairs = {}
    for i in range(len(words) - 1):
        key = words[i] + "|" + words[i + 1]
        pairs[key] = pairs.get(key, 0) + 1
    best = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))
    return len(pairs), best


def main(rounds, lines, words_per_line):
    total = 0
    for r in range(rounds):
        rng = Rng(42 + r)
        text = make_text(rng, lines, words_per_line)
        counts, numbers = count_words(text)
        letters = letter_stats(counts)
        t, hits = transform(text)
        report, items = build_report(counts, 8)
        npairs, best = bigrams(text)
        starts = sum(1 for w in counts if w.startswith("ta"))
        ends = sum(1 for w in counts if w.endswith("us"))
        total = (total + string_hash(report) + numbers + hits + npairs + starts * 7 + ends * 13
                 + len(t) + letters.get("a", 0)) % 4294967296
        if r == 0:
            print(report)
            print(f"distinct={len(counts)} numbers={numbers} hits={hits} pairs={npairs} best={best}")
            print(f"letters: {''.join(sorted(letters))}")
    print(f"checksum: {total}")


main(22, 2000, 12)
