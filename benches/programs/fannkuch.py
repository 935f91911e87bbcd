# bench-group: pure
# Fannkuch-redux, after the Computer Language Benchmarks Game.
# Stresses: list slicing, slice assignment, reversal, integer loops, swaps.


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if perm_count % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        perm_count += 1
        # next permutation
        while True:
            if r == n:
                return checksum, max_flips, perm_count
            perm0 = perm1[0]
            i = 0
            while i < r:
                j = i + 1
                perm1[i] = perm1[j]
                i = j
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main(n, reps):
    total = 0
    for _ in range(reps):
        checksum, max_flips, perms = fannkuch(n)
        total += checksum * 1000 + max_flips
    small = fannkuch(7)
    print(f"Pfannkuchen(7) = {small[1]} checksum {small[0]}")
    print(f"permutations: {perms}")
    print(f"{checksum}")
    print(f"Pfannkuchen({n}) = {max_flips}")
    print(f"checksum: {total}")


main(9, 3)
