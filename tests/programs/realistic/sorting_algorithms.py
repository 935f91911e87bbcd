# Classic sorting algorithms implemented by hand, checked against sorted(), with comparison counts.
class Counter:
    def __init__(self):
        self.n = 0

    def lt(self, a, b):
        self.n += 1
        return a < b

def bubble(xs, c):
    xs = xs[:]
    for i in range(len(xs)):
        swapped = False
        for j in range(len(xs) - 1 - i):
            if c.lt(xs[j + 1], xs[j]):
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
                swapped = True
        if not swapped:
            break
    return xs

def insertion(xs, c):
    xs = xs[:]
    for i in range(1, len(xs)):
        v = xs[i]
        j = i - 1
        while j >= 0 and c.lt(v, xs[j]):
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = v
    return xs

def merge_sort(xs, c):
    if len(xs) <= 1:
        return xs[:]
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid], c), merge_sort(xs[mid:], c)
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if c.lt(b[j], a[i]):
            out.append(b[j]); j += 1
        else:
            out.append(a[i]); i += 1
    return out + a[i:] + b[j:]

def quick(xs, c):
    if len(xs) <= 1:
        return xs[:]
    pivot = xs[len(xs) // 2]
    less = [x for x in xs if c.lt(x, pivot)]
    more = [x for x in xs if c.lt(pivot, x)]
    equal = [x for x in xs if x == pivot]
    return quick(less, c) + equal + quick(more, c)

def heap_sort(xs, c):
    xs = xs[:]
    n = len(xs)
    def sift(i, end):
        while 2 * i + 1 < end:
            ch = 2 * i + 1
            if ch + 1 < end and c.lt(xs[ch], xs[ch + 1]):
                ch += 1
            if c.lt(xs[i], xs[ch]):
                xs[i], xs[ch] = xs[ch], xs[i]
                i = ch
            else:
                return
    for i in range(n // 2 - 1, -1, -1):
        sift(i, n)
    for end in range(n - 1, 0, -1):
        xs[0], xs[end] = xs[end], xs[0]
        sift(0, end)
    return xs

def counting(xs, c):
    if not xs:
        return []
    lo, hi = min(xs), max(xs)
    counts = [0] * (hi - lo + 1)
    for x in xs:
        counts[x - lo] += 1
    return [i + lo for i, k in enumerate(counts) for _ in range(k)]

seed = 12345
def rand():
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed

datasets = {
    "random": [rand() % 1000 - 500 for _ in range(60)],
    "sorted": list(range(40)),
    "reversed": list(range(40, 0, -1)),
    "dups": [rand() % 5 for _ in range(40)],
    "empty": [],
    "single": [42],
}
for name, data in datasets.items():
    expected = sorted(data)
    row = []
    for algo in (bubble, insertion, merge_sort, quick, heap_sort, counting):
        c = Counter()
        result = algo(data, c)
        assert result == expected, (algo.__name__, name)
        row.append(f"{algo.__name__}={c.n}")
    print(f"{name:9} n={len(data):3}", " ".join(row))
print(datasets["random"][:10], sorted(datasets["random"])[:10])
words = ["pear", "Apple", "fig", "banana", "apple", "Fig"]
print(merge_sort(words, Counter()), sorted(words, key=str.casefold))
