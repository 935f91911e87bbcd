# Big dicts that get old, then keep getting new entries (fresh objects) while
# entries are deleted: the collector remembers such a dict for its new entries
# only, and deletions (which may later be compacted away by a growing insert, or
# drop the tail) must keep every new entry traced. Every value is read back.
import gc


def churn():
    # Garbage enough for several minor collections.
    return [[j] for j in range(30000)]


def check(name, d):
    total = 0
    for k, v in d.items():
        total += k + v[0] + len(v[1])
    print(name, len(d), total)


# A sieve: inserts of new lists, deletions of old entries, every step.
def sieve(n):
    composites = {}
    found = []
    q = 2
    while len(found) < n:
        if q not in composites:
            found.append(q)
            composites[q * q] = [q]
        else:
            for p in composites[q]:
                composites.setdefault(p + q, []).append(p)
            del composites[q]
        if q % 500 == 0:
            junk = churn()
        q += 1
    return found, composites


found, comp = sieve(3000)
print("sieve", len(found), sum(found), len(comp), sum(sum(v) for v in comp.values()))

big = {i: (i, "x" * (i % 5)) for i in range(20000)}
gc.collect()
check("start", big)

# Deletions at the head (compacted by a later growing insert), inserts of new
# tuples, minor collections in between.
for rnd in range(4):
    base = 20000 + rnd * 6000
    for i in range(rnd * 3000, rnd * 3000 + 3000):
        del big[i]
    for i in range(base, base + 6000):
        big[i] = (i, "n" + str(rnd))
        if i % 1500 == 0:
            junk = churn()
    junk = churn()
check("head-deletes", big)

# pop / popitem at the tail (the table's end comes down), then inserts again.
for rnd in range(3):
    for i in range(2000):
        big.popitem()
    junk = churn()
    for i in range(3000):
        k = 100000 + rnd * 10000 + i
        big[k] = (i, "p" * (rnd + 1))
        if i % 1000 == 0:
            junk = churn()
    for k in list(big)[-500:]:
        big.pop(k)
    for i in range(1000):
        k = 200000 + rnd * 10000 + i
        big[k] = (rnd, str(i))
    junk = churn()
check("tail-pops", big)

# Deleting and re-adding the same keys (each one moves to the end).
keys = list(big)[::7]
for k in keys:
    v = big.pop(k)
    big[k] = (v[0] + 1, v[1] + "r")
junk = churn()
check("readd", big)

# setdefault and update on the old dict, a clear, then it fills again.
for i in range(5000):
    big.setdefault(300000 + i, (i, "s"))
big.update({400000 + i: (i, "u") for i in range(3000)})
junk = churn()
check("setdefault+update", big)
big.clear()
for i in range(8000):
    big[i] = (i, "c")
    if i % 2000 == 0:
        junk = churn()
junk = churn()
check("clear+refill", big)

# Attribute dicts and module globals: del, then new attributes.
class Box:
    pass


box = Box()
for i in range(3000):
    setattr(box, "a" + str(i), [i])
gc.collect()
for i in range(0, 3000, 2):
    delattr(box, "a" + str(i))
for i in range(3000, 6000):
    setattr(box, "a" + str(i), [i])
    if i % 1000 == 0:
        junk = churn()
junk = churn()
print("box", len(vars(box)), sum(v[0] for v in vars(box).values()))

g = globals()
for i in range(2000):
    g["gv" + str(i)] = [i]
gc.collect()
for i in range(0, 2000, 3):
    del g["gv" + str(i)]
for i in range(2000, 4000):
    g["gv" + str(i)] = [i]
junk = churn()
print("globals", sum(v[0] for k, v in g.items() if k.startswith("gv")))
