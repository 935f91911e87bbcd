# Interval problems: merging, insertion, intersection, meeting rooms, free time.
def merge(intervals):
    out = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [tuple(i) for i in out]

def intersect(a, b):
    i = j = 0
    out = []
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo <= hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out

def rooms_needed(meetings):
    events = sorted([(s, 1) for s, _ in meetings] + [(e, -1) for _, e in meetings])
    cur = peak = 0
    for _, delta in events:
        cur += delta
        peak = max(peak, cur)
    return peak

def free_time(schedules, day=(9 * 60, 17 * 60)):
    busy = merge([iv for s in schedules for iv in s])
    free = []
    start = day[0]
    for s, e in busy:
        if s > start:
            free.append((start, min(s, day[1])))
        start = max(start, e)
    if start < day[1]:
        free.append((start, day[1]))
    return [(a, b) for a, b in free if a < b]

def hm(m):
    return f"{m // 60:02d}:{m % 60:02d}"

print(merge([(1, 3), (2, 6), (8, 10), (15, 18), (17, 20), (6, 7)]))
print(merge([]), merge([(5, 5)]), merge([(1, 4), (4, 5)]), merge([(1, 10), (2, 3), (4, 5)]))
print(intersect([(0, 2), (5, 10), (13, 23), (24, 25)], [(1, 5), (8, 12), (15, 24), (25, 26)]))
meetings = [(540, 600), (570, 630), (600, 660), (615, 700), (720, 780), (690, 750)]
print("rooms needed:", rooms_needed(meetings))
alice = [(540, 600), (780, 840)]
bob = [(570, 660), (900, 960)]
carol = [(720, 750)]
slots = free_time([alice, bob, carol])
print([f"{hm(a)}-{hm(b)}" for a, b in slots])
print("longest free:", max(slots, key=lambda s: s[1] - s[0]), "total free minutes:", sum(b - a for a, b in slots))
