# itertools through the native _itertools: every type's items, laziness (the order
# of calls into inner iterators and functions), reprs, errors, subclasses.
import itertools as it
from itertools import (accumulate, chain, combinations, combinations_with_replacement,
                       compress, count, cycle, dropwhile, filterfalse, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, zip_longest)
import operator


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)


def logged(items, name):
    for x in items:
        print("   ", name, "yields", x)
        yield x


print("count", list(islice(count(), 5)), list(islice(count(10, -3), 4)), list(islice(count(0.5, 0.25), 3)))
print("count repr", repr(count()), repr(count(5)), repr(count(1.5, 1)), repr(count(0, 1.0)), repr(count(3, 2)), repr(count(0, True)))
c = count(2**62)
for _ in range(3):
    next(c)
print("count overflow", next(c), next(c))
print("count complex", list(islice(count(1j, 1 + 1j), 3)))
from fractions import Fraction
print("count fraction", list(islice(count(Fraction(1, 3), Fraction(1, 2)), 3)))
show("count str", lambda: count("a"))
show("count kw", lambda: list(islice(count(step=5, start=1), 2)))
r = repeat("x", 3)
print("repeat", list(r), list(repeat(1, -5)), list(islice(repeat(None), 2)), repr(repeat("a")), repr(repeat([1], 2)))
print("repeat hint", operator.length_hint(repeat(1, 4)), repeat(1, 4).__length_hint__())
show("repeat hint infinite", lambda: repeat(1).__length_hint__())
show("repeat times str", lambda: repeat(1, "x"))
show("repeat no args", lambda: repeat())
print("cycle", list(islice(cycle("ab"), 5)), list(cycle([])))
cy = cycle(logged([1, 2], "c"))
print("cycle lazy", [next(cy) for _ in range(5)])
print("accumulate", list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)),
      list(accumulate([1, 2], initial=100)), list(accumulate([], initial=7)), list(accumulate("abc")))
show("accumulate types", lambda: list(accumulate([1, "a"])))
print("chain", list(chain("ab", [1], (), range(2))), list(chain.from_iterable(["xy", "z"])), list(chain()))
ch = chain(logged("ab", "first"), logged("c", "second"))
print("chain lazy", next(ch), list(ch))
show("chain not iterable", lambda: list(chain([1], 5, [2])))
ch2 = chain([1], 5, [2])
print("chain after error", next(ch2))
show("chain error", lambda: next(ch2))
print("chain exhausted", list(ch2))
show("chain kw", lambda: chain(x=1))
print("chain generic", chain[int])
print("compress", list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(10), cycle([0, 1]))))
print("dropwhile", list(dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
tw = takewhile(lambda x: x < 2, logged([0, 1, 2, 3], "t"))
print("takewhile lazy", list(tw), list(tw))
print("filterfalse", list(filterfalse(None, [0, 1, "", "a", [], [0]])), list(filterfalse(lambda x: x % 3, range(10))),
      list(filterfalse(bool, [0, 2])))
print("islice", list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)),
      list(islice("ABCDEFG", 0, None, 2)), list(islice(count(), 3, 20, 5)), list(islice([], 3)))
src = iter(range(10))
print("islice consumes", list(islice(src, 2, 4)), next(src))
il = islice(logged(range(6), "i"), 1, 5, 2)
print("islice lazy", list(il))
for args in [(None,), (-1,), (2, 1, 0), (1, -2), ("a",), (1, "b"), (0, 5, -1), (2**70,), (0, 2**70), (1, None, 2**70)]:
    show("islice%r" % (args,), lambda: list(islice(range(20), *args)))
show("islice args", lambda: islice([1]))
show("islice many", lambda: islice([1], 1, 2, 3, 4))
show("islice kw", lambda: islice([1], stop=2))
print("pairwise", list(pairwise("abcd")), list(pairwise("a")), list(pairwise([])))
print("starmap", list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(operator.add, ["ab", [1, 2]])))
show("starmap not iterable", lambda: list(starmap(pow, [5])))
print("zip_longest", list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest()), list(zip_longest([1], [])))
show("zip_longest kw", lambda: zip_longest([1], fill=2))
show("zip_longest not iterable", lambda: zip_longest([1], 2))
print("product", list(product("ab", range(2))), list(product()), list(product([1, 2], repeat=2)),
      list(product("ab", [], "c")), list(product([1], repeat=0)))
show("product repeat negative", lambda: product([1], repeat=-1))
show("product bad kw", lambda: product([1], times=2))
print("permutations", list(permutations("abc")), list(permutations(range(3), 2)), list(permutations([], 0)),
      list(permutations([1, 2], 3)), len(list(permutations(range(6)))))
print("combinations", list(combinations("abcd", 2)), list(combinations(range(3), 0)), list(combinations([1], 2)))
print("cwr", list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement([], 0)),
      list(combinations_with_replacement([], 1)), len(list(combinations_with_replacement(range(5), 3))))
show("combinations no r", lambda: combinations("ab"))
show("combinations r negative", lambda: combinations("ab", -1))
show("permutations r str", lambda: permutations("ab", "x"))
print("types", type(chain()).__name__, type(count()).__module__, isinstance(islice([], 1), islice), repr(type(product())))
print("iter is self", iter(c) is c, type(iter(permutations("a"))).__name__)


class Evens(count):
    def __init__(self, start=0, step=1):
        self.label = "evens"


e = Evens(0, 2)
print("subclass", list(islice(e, 3)), e.label, repr(e))


class MyChain(chain):
    pass


print("subclass chain", list(MyChain("ab", "c")), type(MyChain.from_iterable(["x"])).__name__)
print("groupby", [(k, list(g)) for k, g in it.groupby("aabbbc")])
a, b = it.tee([1, 2, 3])
print("tee", list(a), list(b))
print("big", sum(1 for _ in product(range(10), repeat=4)), sum(x for x, in combinations(range(100), 1)))
