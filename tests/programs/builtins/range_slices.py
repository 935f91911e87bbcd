# Slicing ranges: every combination of small bounds, steps and slice parts, and
# bounds near the machine-int limits (where the result is a big range).
ranges = [range(a, b, c) for a in (-7, 0, 3) for b in (-4, 0, 9, 20) for c in (-3, -1, 1, 2, 5)]
parts = [None, -25, -3, -1, 0, 1, 2, 6, 30]
steps = [None, -4, -1, 1, 2, 3]
lines = 0
acc = 0
for r in ranges:
    for i in parts:
        for j in parts:
            for k in steps:
                s = r[i:j:k]
                acc = (acc * 31 + hash((s.start, s.stop, s.step, len(s)))) % 1000000007
                assert list(s) == list(r)[i:j:k], (r, i, j, k)
                lines += 1
print(lines, acc)
print(range(-5, 100, 7)[2:9], range(-5, 100, 7)[::-1], range(10)[True:5], range(10)[:False])
big = 2**63
for r in (range(-big, big - 1), range(big - 10, -big, -3), range(0, big, big // 3), range(-big, big, 2**62)):
    print(r[1:], r[::-1], r[::2], r[-3:], r[1:-1:big], r[5:-5])
print(range(10**30, 10**30 + 50, 7)[2:-1], range(5)[1:3:10**40])
try:
    range(10)[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    range(10)[1.5:]
except TypeError as e:
    print("TypeError:", e)
# Machine-int ranges whose slices leave the machine-int range.
h = 2**62
for r in (range(-h, h, 3), range(h, -h, -5), range(0, 10, h), range(-3, h), range(h, h + 10)):
    print(r[::-1], r[::4], r[1::-h], r[-2::h], r[::h], r[h:], r[-h:-1:-1])
