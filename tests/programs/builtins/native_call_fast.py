# The CALL instructions' fast paths for natives (interp/call_native.rs,
# call_fast.rs, call.rs's builtin_ctor): next(), iter(), set.add/discard, str(),
# set(s), list(s), len() and append on list subclasses, each with the cases that
# must take the generic call (errors, overrides, shadowed names).
import builtins


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


# next(iter(x)) of sets, lists, tuples, ranges, dicts, strs.
s = {5, 3, 9, 1}
print(next(iter(s)), next(iter([7, 8])), next(iter((4,))), next(iter(range(3, 9, 2))))
print(next(iter({"a": 1})), next(iter("xyz")), next(iter(frozenset([2]))))
it = iter(s)
print([next(it) for _ in range(4)])
show(lambda: next(it))
print(next(it, "default"))
it = iter(range(10, 0, -3))
print(next(it), next(it), next(it), next(it), next(it, None))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
show(lambda: next(it))
# A list that grows after its iterator was exhausted stays exhausted.
lst = [1]
it = iter(lst)
next(it)
next(it, None)
lst.append(2)
print(next(it, "still exhausted"))
# A set changing size during iteration.
s2 = {1, 2, 3}
it = iter(s2)
next(it)
s2.add(4)
show(lambda: next(it))
show(lambda: next(it))
s2 = {1, 2, 3}
it = iter(s2)
next(it)
s2.discard(1)
s2.add(100)
print(next(it, "same size: goes on") is not None)
# next() of a non-iterator, of a generator, of a class with __next__.
show(lambda: next([1, 2]))
show(lambda: next(5))
show(lambda: next())
show(lambda: next(iter([]), 1, 2))


def gen():
    yield 1
    return "done"


g = gen()
print(next(g))
show(lambda: next(g))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


c = Countdown(2)
print(next(c), next(c), next(c, "stop"))
print(next(iter(Countdown(5))))

# iter() of subclasses that override __iter__, of non-iterables, two arguments.


class RevList(list):
    def __iter__(self):
        return iter(list(reversed(self)))


class SetSub(set):
    def __iter__(self):
        return iter(sorted(set.__iter__(self), reverse=True))


print(next(iter(RevList([1, 2, 3]))), next(iter(SetSub({1, 2, 3}))))
print(list(RevList([1, 2, 3])), list(SetSub({1, 2, 3})))
show(lambda: iter(5))
show(lambda: iter())
counter = iter([1, 2, 3, 4]).__next__
print(list(iter(counter, 3)))
print(type(iter([])).__name__, type(iter(set())).__name__, type(iter(range(2))).__name__)

# Shadowed and replaced builtins.


def use_shadow():
    next = lambda it, *d: "my next"
    iter = lambda x: "my iter"
    return next(iter([1]))


print(use_shadow())
real_next, real_iter = builtins.next, builtins.iter
builtins.next = lambda it, *d: "builtins.next replaced"
builtins.iter = lambda x: "builtins.iter replaced"
print(next(iter([1])))
builtins.next, builtins.iter = real_next, real_iter
print(next(iter([1])))

# set.add / set.discard: ints, strs, keys of equal hash, user __eq__.
s = set()
for k in [3, 1, 3, "a", "b", "a", 2, 1.0, True]:
    s.add(k)
print(sorted(s, key=repr), len(s))
s.discard(1)
s.discard("a")
s.discard("zz")
s.discard(99)
print(sorted(s, key=repr), len(s))
s = {1.0, 2}
s.add(1)
print(s, [type(x).__name__ for x in s])
s.discard(True)
print(s)


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        print("  __eq__ called")
        return other == self.v


s = {Key(5)}
s.add(5)
print(len(s))
s.discard(5)
print(len(s))


class StrSub(str):
    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        print("  StrSub.__eq__")
        return str.__eq__(self, other)


s = {StrSub("k")}
s.add("k")
print(len(s))
s.discard("k")
print(len(s))
s = {"k"}
s.add(StrSub("k"))
print(len(s))
# Growing a set past its table size, then discarding, keeps CPython's order.
s = set()
for i in range(40):
    s.add(i * 7 % 64)
for i in range(0, 40, 3):
    s.discard(i * 7 % 64)
print(list(s))
s.add(-1)
s.add(2**70)
s.discard(2**70)
print(list(s)[:5], len(s))
# Errors.
show(lambda: set().add([]))
show(lambda: set().discard([]))
show(lambda: set().add())
show(lambda: set().discard(1, 2))
show(lambda: set().add(k=1))
show(lambda: set.add(frozenset(), 1))
show(lambda: set.discard([], 1))
show(lambda: frozenset().add(1))
s = {frozenset([1])}
s.discard({1})
print(s)
s = {frozenset([1]), frozenset([2])}
s.remove({2})
print(s)
show(lambda: s.remove({2}))


class LoggingSet(set):
    def add(self, k):
        print("  LoggingSet.add", k)
        set.add(self, k)

    def discard(self, k):
        print("  LoggingSet.discard", k)


ls = LoggingSet()
ls.add(3)
ls.discard(3)
print(ls)
set.add(ls, 4)
set.discard(ls, 3)
print(sorted(ls))
add = s.add
add(7)
print(len(s))

# str() of ints, bools, floats, strs; subclasses and shadowing.
print(str(5), str(-12), str(2**65), str(True), str(1.5), str(-0.0), str(1e300), str(float("nan")))
x = "abc"
print(str(x) is x, str(), str(object="o"), str(b"b", "ascii"))
show(lambda: str(5, 6))
show(lambda: str(5, encoding="x"))


class MyStr(str):
    pass


class MyInt(int):
    def __str__(self):
        return "MyInt!"


print(type(str(MyStr("m"))).__name__, str(MyInt(4)), type(MyStr(5)).__name__, MyStr(5))


def str_shadow():
    str = lambda v: "shadowed"
    return str(5)


print(str_shadow())

# set(s), list(s) of sets: order, subclasses, frozensets, dicts.
s = set()
for i in [9, 1, 17, 33, 2, 8]:
    s.add(i)
s.discard(17)
print(list(set(s)), list(s), list(set(frozenset(s))))
print(type(set(frozenset([1]))).__name__, set(SetSub({3, 1, 2})), list(frozenset("ab")) == list(set("ab")))
big = set(range(100))
for i in range(0, 100, 2):
    big.discard(i)
print(list(set(big))[:10], len(set(big)))
print(set(), list(set()), set(set()), list(frozenset()))
show(lambda: set(5))
show(lambda: list(5))
show(lambda: set([1], [2]))
show(lambda: list(x=1))

# len() and append on list subclasses.


class Coll(list):
    pass


class LenColl(list):
    def __len__(self):
        return 99


class AppColl(list):
    def append(self, v):
        print("  AppColl.append", v)
        list.append(self, v * 10)


c = Coll()
for i in range(20):
    c.append(i)
print(len(c), c[-1], len(LenColl([1])), len(Coll("abc")))
a = AppColl()
a.append(1)
list.append(a, 2)
print(a, len(a))
show(lambda: len(5))
show(lambda: len())
show(lambda: c.append())
show(lambda: list.append(5, 1))


def len_shadow(x):
    len = lambda v: -1
    return len(x)


print(len_shadow([1, 2]))
real_len = builtins.len
builtins.len = lambda v: "builtins.len replaced"
print(len([1]))
builtins.len = real_len
print(len([1]))

# Bound native methods called later (not through LOAD_METHOD).
s = set()
add, disc, up, app = s.add, s.discard, "abc".upper, [].append
add(3)
add("x")
disc(3)
print(s, up(), app(1))
show(lambda: add())
show(lambda: add(1, 2))
show(lambda: up(1))
show(lambda: disc([]))
show(lambda: app(k=1))
import random

random.seed(3)
rnd = random.random
print(round(rnd(), 6), round(random.random(), 6))
show(lambda: rnd(1))
