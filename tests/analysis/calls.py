# Recursion, generators (yield and yield from), a native calling Python (sorted's
# key), an exception unwinding two frames, a method, a class body.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


def chained(n):
    yield from evens(n)
    yield -1


def fail(depth):
    if depth == 0:
        raise ValueError("deep")
    return fail(depth - 1)


class Box:
    def __init__(self, v):
        self.v = v

    def key(self):
        return -self.v


def main():
    total = fib(6)
    total += sum(chained(7))
    boxes = sorted([Box(i) for i in range(4)], key=Box.key)
    try:
        fail(2)
    except ValueError as e:
        total += len(str(e))
    print(total, [b.v for b in boxes])


main()
