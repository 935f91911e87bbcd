# `yield from` chains resumed by for loops, send(), throw() and close(), with
# delegates finished or running when the chain is resumed, and an exception
# raised at the bottom of a chain.


def leaf(n):
    got = []
    for i in range(n):
        x = yield i
        got.append(x)
    return got


def level(d, n):
    if d == 0:
        r = yield from leaf(n)
    else:
        r = yield from level(d - 1, n)
    return (d, r)


def top(d, n):
    r = yield from level(d, n)
    yield ("result", r)


print(list(top(4, 3)))

# send() travels down the chain to the leaf.
g = top(3, 4)
print(next(g))
for v in "abc":
    print(g.send(v))
print(next(g))

# A delegate advanced and finished behind the delegating generator's back.
def inner():
    yield 1
    yield 2
    yield 3


i = inner()


def outer():
    r = yield from i
    yield ("done", r)


o = outer()
print(next(o))
print(next(i))
i.close()
for x in o:
    print("after close", x)

# A delegate that is running when the chain is resumed.
def shared():
    yield "s1"
    try:
        for x in c:
            print("never", x)
    except ValueError as e:
        print("ValueError:", e)
    yield "s2"


s = shared()


def a_gen():
    yield from s


def c_gen():
    yield from s


a = a_gen()
c = c_gen()
print(next(a))
print(next(c))
print(next(a, "a ends"))

# throw() into the middle of a chain, caught at the leaf.
def catcher():
    while True:
        try:
            yield "ok"
        except KeyError as e:
            yield ("caught", e.args)


def mid():
    yield from catcher()


t = mid()
print(next(t))
print(t.throw(KeyError("k")))
print(next(t))
t.close()

# Chains over a non-generator delegate at the bottom.
def over_list(d):
    if d == 0:
        yield from [10, 20, 30]
    else:
        yield from over_list(d - 1)


print(sum(over_list(5)), list(over_list(2)))

# Nested generator expressions and generators feeding each other.
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


print(sum(evens(x * 3 for x in top(2, 10) if isinstance(x, int))))

# A chain of new (not started) generators resumed for the first time by a for loop.
total = 0
for k in range(20):
    for v in level(3, k % 4):
        total += v
print("total", total)


# An exception at the bottom of a chain: the traceback shows every level.
def boom(d):
    if d == 0:
        yield 1
        raise RuntimeError("bottom")
    yield from boom(d - 1)


for v in boom(3):
    print("boom", v)
