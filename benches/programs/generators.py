# bench-group: pure
"""Generators as in pyperformance's generators benchmark: an in-order walk of a
balanced binary tree where every node's __iter__ is a generator using `yield from`
(so each value passes up through ~17 suspended generators), plus generator
expressions and send(). Prints sums and a checksum."""


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left:
            yield from self.left
        yield self.value
        if self.right:
            yield from self.right


def tree(input):
    n = len(input)
    if n == 0:
        return None
    i = n // 2
    return Tree(tree(input[:i]), input[i], tree(input[i + 1:]))


def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count


def main(loops):
    assert list(tree(range(10))) == list(range(10))
    iterable = tree(range(100000))
    checksum = 0
    for _ in range(loops):
        s = 0
        for v in iterable:
            s += v
        checksum = (checksum * 31 + s) % 1000000007
    print("tree sum", s)
    evens = sum(x for x in iterable if x % 2 == 0)
    print("evens", evens)
    avg = averager()
    next(avg)
    last = None
    for v in range(200000):
        last = avg.send(v)
    print("average", last)
    print("checksum:", (checksum + evens) % 1000000007)


main(18)
