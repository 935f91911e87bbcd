# Closures created in loops: late binding, default-argument capture, cells shared
# between closures, nonlocal counters, closures over comprehension variables.

late = [lambda: i for i in range(4)]
print([f() for f in late])
early = [lambda i=i: i for i in range(4)]
print([f() for f in early])

funcs = []
for name in ["a", "b", "c"]:
    def greet(prefix="hi"):
        return f"{prefix} {name}"
    funcs.append(greet)
print([f() for f in funcs])
name = "changed"
print([f("yo") for f in funcs])


def make_counter():
    count = 0

    def inc(by=1):
        nonlocal count
        count += by
        return count

    def get():
        return count

    def reset():
        nonlocal count
        old, count = count, 0
        return old

    return inc, get, reset


inc, get, reset = make_counter()
inc()
inc(5)
print(get(), reset(), get())
inc2, get2, _ = make_counter()
inc2(100)
print(get(), get2())


def adders():
    result = []
    for k in range(3):
        def add(x, k=k):
            return x + k
        result.append(add)
    return result

print([a(10) for a in adders()])


def cell_shared():
    fs = []
    x = 0
    for _ in range(3):
        x += 1
        fs.append(lambda: x)
    return fs

print([f() for f in cell_shared()])

# closures capturing a loop variable that is later deleted / rebound
def rebinding():
    v = "first"
    f = lambda: v
    v = "second"
    r1 = f()
    del v
    try:
        f()
    except NameError as e:
        return r1, str(e)

print(rebinding())

# nested comprehension scopes and closures
matrix = [[(lambda r=r, c=c: r * 10 + c)() for c in range(3)] for r in range(2)]
print(matrix)
gens = [(x for _ in range(2)) for x in "ab"]
print([list(g) for g in gens])


def memo(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    wrapper.cache = cache
    return wrapper


@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(60), len(fib.cache))
print(fib.__closure__ is not None, [type(c.cell_contents).__name__ for c in fib.__closure__])

# a closure in a class body sees module globals, not class attributes
y = "global y"

class C:
    y = "class y"
    f = staticmethod(lambda: y)
    g = [y for _ in range(1)]

print(C.f(), C.g)
