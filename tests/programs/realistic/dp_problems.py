# Dynamic programming: edit distance, LCS, knapsack, coin change, longest increasing subsequence.
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

def lcs(a, b):
    dp = [[""] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            if a[i] == b[j]:
                dp[i][j] = a[i] + dp[i + 1][j + 1]
            else:
                dp[i][j] = max(dp[i + 1][j], dp[i][j + 1], key=len)
    return dp[0][0]

def knapsack(items, cap):
    best = [(0, ())] * (cap + 1)
    for name, w, v in items:
        for c in range(cap, w - 1, -1):
            cand = best[c - w][0] + v
            if cand > best[c][0]:
                best[c] = (cand, best[c - w][1] + (name,))
    return best[cap]

def coin_change(coins, amount):
    ways = [1] + [0] * amount
    fewest = [0] + [None] * amount
    for c in coins:
        for a in range(c, amount + 1):
            ways[a] += ways[a - c]
    for a in range(1, amount + 1):
        options = [fewest[a - c] for c in coins if c <= a and fewest[a - c] is not None]
        fewest[a] = min(options) + 1 if options else None
    return ways[amount], fewest[amount]

def lis(seq):
    tails = []
    parent = {}
    idx_at = []
    for i, x in enumerate(seq):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(x)
            idx_at.append(i)
        else:
            tails[lo] = x
            idx_at[lo] = i
        parent[i] = idx_at[lo - 1] if lo else None
    out = []
    k = idx_at[-1] if idx_at else None
    while k is not None:
        out.append(seq[k])
        k = parent[k]
    return out[::-1]

for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("intention", "execution"), ("same", "same")]:
    print(f"edit({a!r}, {b!r}) = {edit_distance(a, b)}   lcs = {lcs(a, b)!r}")
items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
         ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40)]
print(knapsack(items, 200))
print(knapsack(items, 50), knapsack(items, 0))
for coins, amount in [([1, 2, 5], 11), ([2], 3), ([1, 5, 10, 25], 100), ([3, 7], 20)]:
    print(coins, amount, coin_change(coins, amount))
for s in [[10, 9, 2, 5, 3, 7, 101, 18], [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15], [], [5, 4, 3]]:
    print(s, "->", lis(s))
