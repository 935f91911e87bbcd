# Binary search variants: exact, lower/upper bound, rotated arrays, answer-space search (sqrt, shipping).
def lower_bound(xs, target):
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo

def upper_bound(xs, target):
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] <= target:
            lo = mid + 1
        else:
            hi = mid
    return lo

def find(xs, target):
    i = lower_bound(xs, target)
    return i if i < len(xs) and xs[i] == target else -1

def search_rotated(xs, target):
    lo, hi = 0, len(xs) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid, steps
        if xs[lo] <= xs[mid]:
            if xs[lo] <= target < xs[mid]:
                hi = mid - 1
            else:
                lo = mid + 1
        else:
            if xs[mid] < target <= xs[hi]:
                lo = mid + 1
            else:
                hi = mid - 1
    return -1, steps

def isqrt(n):
    lo, hi = 0, n + 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid
    return lo

def min_capacity(weights, days):
    def feasible(cap):
        need, load = 1, 0
        for w in weights:
            if load + w > cap:
                need += 1
                load = 0
            load += w
        return need <= days
    lo, hi = max(weights), sum(weights)
    while lo < hi:
        mid = (lo + hi) // 2
        if feasible(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo

xs = [1, 3, 3, 3, 5, 8, 13, 21, 21, 34]
for t in [0, 1, 3, 4, 21, 34, 35]:
    print(t, find(xs, t), lower_bound(xs, t), upper_bound(xs, t), upper_bound(xs, t) - lower_bound(xs, t))
rot = [15, 18, 22, 27, 31, 2, 5, 8, 11, 13]
print([search_rotated(rot, t) for t in (15, 2, 13, 31, 9)])
print([isqrt(n) for n in (0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 10**20, 2**127)])
print(isqrt(10**40 + 12345) == 10**20, isqrt(2**127) ** 2 <= 2**127 < (isqrt(2**127) + 1) ** 2)
print(min_capacity([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5), min_capacity([3, 2, 2, 4, 1, 4], 3), min_capacity([1, 2, 3, 1, 1], 4))
words = sorted("pear apple fig banana cherry date grape kiwi lemon mango".split())
print(words, [(w, find(words, w)) for w in ("fig", "zzz", "apple", "aardvark")])
