# zip/map iterators, deque iteration, and native methods and getters of native
# objects at call sites that also see other objects.
from collections import deque

print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3], [4], [5])))
print(list(map(lambda *a: sum(a), [1, 2], [10, 20, 30], (100, 200))))
print(list(map(str, range(3))), list(map(pow, [2, 3], [3, 2, 1])))
for args in (([1, 2], [1]), ([1], [1, 2]), ([1, 2], [1, 2], [1]), ([1], [1], [1, 2])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
z = zip(iter([1, 2]), iter("xyz"))
print(next(z), next(z), next(z, "end"), next(z, "end"))

d = deque(range(5), maxlen=5)
print(sum(d), list(d), list(reversed(d)), max(d), d.maxlen)
d.append(5)
print(list(d), sum(x for x in d))
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print("RuntimeError:", e)
it = iter(d)
next(it)
d.clear()
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(iter(deque())))

# One call site, native methods of different receivers.
objs = [deque([1]), [1], deque([2, 3]), {1: 2}, deque()]
for o in objs:
    o.__len__()
    print(type(o).__name__, o.copy(), len(o))
w = deque(maxlen=3)
for o in [w, deque(), deque(maxlen=7)]:
    print(o.maxlen)


# Subclasses of a native class, without an instance dict: their own methods and
# __getattribute__ win over the native ones at the same call site.
class Loud(deque):
    __slots__ = ()

    def append(self, x):
        print("Loud.append", x)
        deque.append(self, x)


class Spy(deque):
    __slots__ = ()

    def __getattribute__(self, name):
        print("Spy sees", name)
        return deque.__getattribute__(self, name)


for o in [deque(), Loud(), Spy(), deque(maxlen=2)]:
    o.append(1)
    print(type(o).__name__, list(o), o.maxlen)
