# Sets growing and shrinking: resize behaviour must match CPython's table algorithm.
s = set()
snapshots = []
for i in range(0, 200, 7):
    s.add(i)
    if len(s) in (1, 5, 6, 9, 20, 29):
        snapshots.append(list(s))
for snap in snapshots:
    print(snap)
print(s)
for i in range(0, 200, 14):
    s.discard(i)
print(s)
s.update(range(1000, 1010))
print(s)
strs = set()
for i in range(30):
    strs.add(f"item{i}")
print(strs)
for i in range(0, 30, 3):
    strs.remove(f"item{i}")
print(strs)
strs |= {"new", "values", "here"}
print(strs)
p = set("abcdefgh")
popped = [p.pop() for _ in range(3)]
print(popped, p)
neg = {-1, -2, -3, -1000, 2**40, -2**40, 2**61 - 1, 2**61, 2**62}
print(neg)
floats = {0.5, 1.5, 2.25, -0.75, 1e10, 3.0, 1e-3}
print(floats)
c = {x % 13 for x in range(100, 0, -3)}
print(c)
d = {chr(65 + (i * 7) % 26) for i in range(26)}
print(d)
