# yield from: delegating send, throw and close to sub-generators; return values.


def inner(name):
    received = []
    try:
        while True:
            try:
                x = yield f"{name} ready"
            except KeyError as e:
                print(f"  {name} handled KeyError {e}")
                continue
            if x == "stop":
                return received
            received.append(x)
    finally:
        print(f"  {name} finally")


def outer():
    r1 = yield from inner("first")
    print("  first returned", r1)
    r2 = yield from inner("second")
    print("  second returned", r2)
    return r1 + r2


g = outer()
print(next(g))
print(g.send(1))
print(g.send(2))
print(g.throw(KeyError("k1")))
print(g.send("stop"))
print(g.send(3))
try:
    g.send("stop")
except StopIteration as e:
    print("outer returned", e.value)

# close() is delegated to the inner generator
g = outer()
next(g)
g.send("x")
g.close()
print("closed")

# an exception not handled inside propagates out through the outer generator
def wrapper():
    try:
        yield from inner("w")
    except ZeroDivisionError as e:
        print("  wrapper caught", e)
        yield "recovered"

w = wrapper()
next(w)
print(w.throw(ZeroDivisionError("boom")))

# yield from over plain iterables and a generator expression
def flatten(items):
    for it in items:
        if isinstance(it, (list, tuple)):
            yield from flatten(it)
        else:
            yield it

print(list(flatten([1, [2, (3, [4, 5])], 6, [[7]]])))

def chain(*its):
    for it in its:
        n = yield from it
    return n

print(list(chain("ab", range(3), (x * x for x in range(3)))))

# the value of yield from an iterator that is not a generator is None
def from_list():
    v = yield from [1, 2]
    yield ("value", v)

print(list(from_list()))

# send passes through to an inner generator; non-None send into a list iterator fails
def relay():
    yield from [10, 20]

r = relay()
print(next(r))
try:
    r.send(5)
except AttributeError as e:
    print("AttributeError:", e)

# StopIteration value of a delegated generator
def counter(n):
    for i in range(n):
        yield i
    return f"counted {n}"

def collect():
    results = []
    for n in (2, 3):
        msg = yield from counter(n)
        results.append(msg)
    return results

c = collect()
out = []
try:
    while True:
        out.append(next(c))
except StopIteration as e:
    print(out, e.value)
