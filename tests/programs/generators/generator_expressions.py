# Generator expressions: laziness, early binding of the outermost iterable, nesting, and consumption.
log = []
def source(n):
    for i in range(n):
        log.append(f"produce {i}")
        yield i
gen = (x * 10 for x in source(3))
print(log)
print(next(gen), log)
print(list(gen), log)
data = [1, 2, 3]
g = (x for x in data)
data = [7, 8, 9]
print(list(g))
lst = [1, 2, 3]
g2 = (x * y for x in lst for y in lst if x != y)
lst.append(4)
print(list(g2))
print(sum(x for x in range(10) if x % 3 == 0), max((len(w), w) for w in "a bb ccc dd".split()))
nested = ((i, j) for i in range(3) for j in (k * i for k in range(2)))
print(list(nested))
it = (c.upper() for c in "hello")
print(next(it), next(it), "".join(it))
print(list(zip((i for i in range(5)), (c for c in "abc"))))
def firsts(n, g):
    return [v for _, v in zip(range(n), g)]
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(firsts(5, (n * n for n in naturals())), firsts(3, (n for n in naturals() if n % 7 == 3)))
print(any(x > 100 for x in naturals()), next(x for x in naturals() if x * x > 50))
print(sorted((x % 5 for x in range(12)), reverse=True), tuple(str(x) for x in (1, 2)), dict((k, k * 2) for k in "ab"))
g3 = (1 / x for x in [1, 0, 2])
try:
    print(list(g3))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(list(g3))
