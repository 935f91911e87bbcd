# Generator basics: yield, next, StopIteration, state across yields.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        print("yielding", i)
        yield i
        i += 1
    print("done")
g = count_up(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(g, "exhausted"))
print(list(count_up(2)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def with_return():
    yield 1
    yield 2
    return "the result"
g = with_return()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("returned:", e.value, e.args)
def empty():
    return
    yield
print(list(empty()))
def gen_in_loop():
    for x in "abc":
        for y in range(2):
            yield x * (y + 1)
print(list(gen_in_loop()))
def early_exit():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
eg = early_exit()
for v in eg:
    print("got", v)
    break
print("after break")
eg.close()
g = early_exit()
print(next(g))
g.close()
print("closed")
print(sum(x * x for x in range(10)), sorted(x % 4 for x in range(10)))
gens = [(i for i in range(n)) for n in range(4)]
print([list(g) for g in gens])
def take(it, n):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
print(list(take(fib(), 10)), list(take("xy", 5)))
