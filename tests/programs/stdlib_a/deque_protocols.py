# collections.deque is a built-in type in one file (stdlib/src/deque.rs): its
# protocol table answers repr/len/truth/compare/iter/next/getitem/in/hash directly,
# while subclasses written in Python still override the dunders.
from collections import deque

d = deque([1, 2, 3], maxlen=5)
print(d, len(d), bool(d), bool(deque()), 2 in d, 7 in d, d[0], d[-1])
print(d == deque([1, 2, 3]), d < deque([1, 2, 4]), d >= deque([1]), d != [1, 2, 3], d == [1, 2, 3])
print(list(d), list(reversed(d)), sorted(deque([3, 1, 2])), max(d))
print(deque.__hash__)
try:
    {d: 1}
except TypeError as e:
    print("TypeError")


class D(deque):
    def __repr__(self):
        return "D!" + super().__repr__()

    def __len__(self):
        return 42

    def __eq__(self, other):
        return "eq called"

    def __contains__(self, x):
        return x == "magic"


x = D([1])
print(repr(x), len(x), deque.__len__(x), x == deque([1]), deque([1]) == x, [x])
print("magic" in x, 1 in x, bool(x))


class E(deque):
    pass


e = E([4, 5])
print(e, len(e), e[1], list(iter(e)), 5 in e, e == deque([4, 5]), e + deque([6]))
e.z = 3
print(e.z)
print(deque.__repr__(deque([9])), deque.__len__(deque([1, 1])), deque.__eq__(deque(), deque()))
print(deque.__eq__(deque(), 5), deque.__contains__(deque([3]), 3), deque.__getitem__(deque("ab"), 1))
it = iter(d)
print(next(it), type(it).__name__, it.__next__(), iter(it) is it, list(it))
d.append(d)
print(d)
try:
    d[10]
except IndexError as ex:
    print("IndexError", ex)
it = iter(d)
d.append(1)
try:
    next(it)
except RuntimeError as ex:
    print("RuntimeError", ex)
match deque([1, 2]):
    case [a, b]:
        print("seq", a, b)
q = deque([1])
q += [2]
q *= 2
print(q, 3 * deque("a"))
# deque() parses its arguments with a KwSpec, with CPython's messages.
for f in [lambda: deque(foo=1), lambda: deque([1], 2, 3), lambda: deque([1], maxlen=2, iterable=3),
          lambda: deque([1], 2, maxlen=3), lambda: deque(iterable=[1], maxlen=-1)]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(deque(maxlen=2, iterable="abc"))
