# Deep recursion raising RecursionError (caught, and the program carries on),
# mutual recursion, recursion through __repr__ of self-referencing containers,
# and deep but legal recursion.
import sys


def depth(n):
    return depth(n + 1)


try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print(ackermann(2, 3), ackermann(3, 3))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(300), is_odd(301))

lst = [1, 2]
lst.append(lst)
d = {"self": None}
d["self"] = d
print(lst, d, repr([lst, lst]))


class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt

    def __repr__(self):
        return f"Node({self.v}, {self.nxt!r})"


chain = None
for i in range(50):
    chain = Node(i, chain)
print(repr(chain)[:60])


class Loop:
    def __repr__(self):
        return repr(self)


try:
    repr(Loop())
except RecursionError:
    print("RecursionError in __repr__")


def count_down(n):
    if n == 0:
        return "bottom"
    return count_down(n - 1)


print(count_down(500), sys.getrecursionlimit() >= 1000)


def flatten(x):
    return [y for item in x for y in flatten(item)] if isinstance(x, list) else [x]


nested = [1]
for _ in range(100):
    nested = [nested, 2]
print(len(flatten(nested)), flatten([[1, [2, [3]]], 4]))


def after_recursion_error():
    try:
        depth(0)
    except RecursionError:
        pass
    return "still works", count_down(100)


print(after_recursion_error())
