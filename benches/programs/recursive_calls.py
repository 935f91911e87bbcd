# bench-group: pure
# Call-heavy recursion: fib, tak, ackermann, mutual recursion, and method
# recursion on a small tree.
# Stresses: Python function call/return overhead, argument passing, default
# and keyword arguments, small int arithmetic, comparisons.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def sum_to(n, acc=0):
    if n == 0:
        return acc
    return sum_to(n - 1, acc=acc + n)


class Node(object):
    def __init__(self, left, right, value):
        self.left = left
        self.right = right
        self.value = value

    def total(self):
        t = self.value
        if self.left is not None:
            t += self.left.total()
        if self.right is not None:
            t += self.right.total()
        return t

    def depth(self):
        l = self.left.depth() if self.left is not None else 0
        r = self.right.depth() if self.right is not None else 0
        return 1 + (l if l > r else r)


def make_tree(d, v):
    if d == 0:
        return None
    return Node(make_tree(d - 1, 2 * v), make_tree(d - 1, 2 * v + 1), v)


def main(fib_n, tak_args, ack_args, tree_depth):
    f = fib(fib_n)
    print(f"fib({fib_n}) = {f}")
    t = 0
    for k in range(3):
        t += tak(*tak_args)
    print(f"tak{tak_args} = {t // 3}")
    a = 0
    for k in range(4):
        a += ack(*ack_args)
    a += ack(3, 5)
    print(f"ack{ack_args} = {(a - ack(3, 5)) // 4}")
    ev = 0
    for i in range(300):
        if is_even(i + 400):
            ev += 1
    s = 0
    for i in range(200):
        s += sum_to(i + 300)
    print(f"even={ev} sums={s}")
    tree = make_tree(tree_depth, 1)
    tt = tree.total()
    td = tree.depth()
    print(f"tree total={tt} depth={td}")
    print(f"checksum: {(f + t * 1000 + a * 7 + ev + s + tt + td) % 1000000007}")


main(34, (24, 16, 8), (2, 400), 17)
