# for loops over list and tuple iterators: items, early exits, iterators used
# after the loop ended (they stay exhausted even if the list grows), and lists
# changed while iterated.
lst = [1, 2]
it = iter(lst)
for x in it:
    pass
lst.append(3)
print(next(it, "exhausted"), list(it))

t = (1, 2, 3)
it = iter(t)
for x in it:
    if x == 2:
        break
print(next(it, "exhausted"), next(it, "exhausted"))

total = 0
for a, b in ((1, 2), (3, 4)):
    for c in (a, b, a * b):
        total += c
print(total)

grow = [1]
seen = []
for x in grow:
    seen.append(x)
    if x < 5:
        grow.append(x + 1)
print(seen)

shrink = [1, 2, 3, 4, 5, 6]
out = []
for x in shrink:
    out.append(x)
    del shrink[0]
print(out, shrink)

nested = tuple(tuple(range(i)) for i in range(4))
print([sum(x for x in row) for row in nested], [len(row) for row in nested])
