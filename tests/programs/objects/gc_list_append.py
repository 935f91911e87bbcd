# Long lists that keep growing while old (remembered for their new items only by
# the collector) and are then written anywhere: every item must survive.
import gc


def check(name, lst):
    total = 0
    for t in lst:
        total += t[0] + len(t[1])
    print(name, len(lst), total)


def grow(n):
    lst = []
    for i in range(n):
        lst.append((i, "x" * (i % 7)))
    return lst


big = grow(30000)
check("appended", big)

# Writes before the appended tail, with new objects, between collections.
for round in range(3):
    for i in range(0, 30000, 997):
        big[i] = (i + round, "y" * (round + 1))
    for i in range(2000):
        big.append((i, "z"))
    junk = [[j] for j in range(20000)]
check("set+append", big)

big.insert(5, (7, "inserted"))
for i in range(3000):
    big.append((i, "w" * 3))
big.sort(key=lambda t: t[0])
for i in range(3000):
    big.append((i, "v"))
junk = [str(j) for j in range(30000)]
check("insert+sort", big)

# pop, then append again (the tail shrinks below where appends started).
for i in range(5000):
    big.pop()
for i in range(5000):
    big.append((i, "after-pop"))
junk = [str(j) for j in range(30000)]
check("pop+append", big)

# extend, +=, comprehension appends, slice assignment at the head.
big.extend((i, "e") for i in range(4000))
big += [(i, "pe") for i in range(4000)]
big[0:3] = [(1, "s1"), (2, "s22"), (3, "s333")]
comp = [(i, str(i)) for i in range(40000)]
junk = [str(j) for j in range(30000)]
check("extend", big)
check("comprehension", comp)

# Many lists of lists, appended in turn.
table = [[] for _ in range(100)]
for i in range(60000):
    table[i % 100].append((i, "t" * (i % 3)))
gc.collect()
for i in range(20000):
    table[i % 100].append((i, "u"))
junk = [str(j) for j in range(30000)]
print("table", sum(len(r) for r in table), sum(t[0] + len(t[1]) for r in table for t in r))
