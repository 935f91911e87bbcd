from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
d.rotate(1)
print("rotate 1:", d)
d.rotate(-2)
print("rotate -2:", d)
d.rotate(7)
print("rotate 7:", d)
d.rotate(-12)
print("rotate -12:", d)
d.rotate(0)
deque().rotate(3)
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d, d.count(7), d.index(7), 8 in d, 99 in d)
d.insert(2, 'x')
d.remove('x')
d.reverse()
print(d, list(reversed(d)))
d[0] = 'first'
del d[1]
print(d)

# bounded deques drop from the opposite end
b = deque(maxlen=3)
for i in range(6):
    b.append(i)
    print(b)
b.appendleft(-1)
print(b, b.maxlen)
b.extendleft([10, 11])
print(b)
print(deque('abc', 2), deque(maxlen=0), deque(range(3), maxlen=5))
last3 = deque(maxlen=3)
for line in "one two three four five".split():
    last3.append(line)
print(list(last3))

print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], deque([1]) < deque([1, 0]), deque([2]) > deque([1, 9]))
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, 2 * deque('ab'), bool(deque()), bool(deque([0])))
c = d.copy()
c.append('new')
print(d, c)
e = deque([1, 2, 3])
e += [4]
e *= 2
print(e)
e.clear()
print(e, len(e))

errors = [
    lambda: deque().pop(),
    lambda: deque().popleft(),
    lambda: deque([1])[5],
    lambda: deque([1]).remove(2),
    lambda: deque([1]).index(3),
    lambda: deque(maxlen=-1),
    lambda: deque([1], maxlen=1).insert(0, 2),
    lambda: deque([1]) + [2],
    lambda: deque([1])['a'],
]
for f in errors:
    try:
        f()
    except Exception as ex:
        print(type(ex).__name__, ex)

m = deque([1, 2, 3])
try:
    for x in m:
        m.append(x)
except RuntimeError as ex:
    print(type(ex).__name__, ex)


class History(deque):
    def last(self):
        return self[-1]


h = History([1, 2], maxlen=4)
h.append(3)
print(h, h.last(), isinstance(h, deque))

# breadth-first search with a deque
graph = {'a': ['b', 'c'], 'b': ['d'], 'c': ['d', 'e'], 'd': ['f'], 'e': ['f'], 'f': []}
seen, order, queue = {'a'}, [], deque(['a'])
while queue:
    node = queue.popleft()
    order.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            seen.add(nxt)
            queue.append(nxt)
print(order)
