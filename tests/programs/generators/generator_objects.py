# Generators as iterators: iter(), reuse, and classes with generator __iter__.
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c), sum(c))
for a, b in zip(Countdown(3), Countdown(5)):
    print(a, b)
g = (i for i in range(3))
print(iter(g) is g, list(g), list(g))
def gen():
    yield 1
    yield 2
x = gen()
print(list(zip(x, x)))
def interleave(*its):
    its = [iter(i) for i in its]
    while its:
        for it in list(its):
            try:
                yield next(it)
            except StopIteration:
                its.remove(it)
print(list(interleave("abc", [1, 2], "XYZW")))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
p = primes()
print([next(p) for _ in range(20)])
def unique(it):
    seen = set()
    for v in it:
        if v not in seen:
            seen.add(v)
            yield v
print(list(unique([3, 1, 3, 2, 1, 5])))
print("".join(reversed(list(unique("hello world")))))
squares = (n * n for n in range(5))
print(4 in squares, list(squares))
print(dict(enumerate(x for x in "ab")), tuple(x for x in range(3)), set(x % 2 for x in range(5)))
