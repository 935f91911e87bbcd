import itertools as it
from itertools import *

print(list(islice(count(), 5)), list(islice(count(10, 2.5), 3)), count(3), count(1, 2), repeat('x', 2))
print(list(repeat(7, 3)), list(repeat(1, -2)), list(islice(cycle('ab'), 5)), list(cycle([])))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2], initial=100)), list(accumulate([])))
print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['xy', 'z'])), list(chain()))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('AB', [1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))

# groupby: consecutive runs, key function, and groups invalidated by advancing
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([(k, len(list(g))) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
groups = list(groupby('aabbc'))
print([(k, list(g)) for k, g in groups])
g = groupby('xxyy')
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g1), list(g2))
words = sorted(['apple', 'avocado', 'banana', 'blueberry', 'cherry'], key=lambda w: w[0])
for letter, grp in groupby(words, key=lambda w: w[0]):
    print(letter, ', '.join(grp))

print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice([], 3)))
src = iter(range(10))
print(list(islice(src, 3)), next(src))
for args in [(-1,), (1, -5), ('a',), (1, 2, 0), (-2, 5), (1, 'x', 1), (None, None, None)]:
    try:
        print(list(islice(range(5), *args)))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    islice([1])
except TypeError as e:
    print(type(e).__name__, e)

print(list(pairwise('ABCD')), list(pairwise('A')), list(starmap(pow, [(2, 5), (3, 2)])))
a, b = tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a))
print(len(tee('abc', 3)), [list(t) for t in tee('xy', 3)])
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest([1], [2, 3], [])))
print(list(product('ab', range(2))), list(product([1, 2], repeat=2)), list(product()))
print(list(product('ab', [])), len(list(product(range(3), repeat=3))))
print(list(permutations('ABC', 2)), list(permutations(range(3))), list(permutations('ab', 3)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('ab', 0)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement([], 2)))
for f in [lambda: permutations('abc', -1), lambda: combinations('abc', -2),
          lambda: product('a', repeat=-1), lambda: list(chain(1)), lambda: zip_longest(1),
          lambda: combinations_with_replacement('a', -1), lambda: tee([], -1)]:
    try:
        f()
        print("no error")
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# a realistic use: running totals and sliding windows over data
sales = [3, 8, 1, 9, 4, 7]
print(list(accumulate(sales)), [sum(w) for w in zip(sales, sales[1:], sales[2:])])
pairs = list(combinations(sorted(set('mississippi')), 2))
print(pairs, sum(1 for _ in permutations(range(5))))
print(dict(zip(count(1), 'abc')), list(map(lambda p: p[0] * p[1], product([1, 2], [10, 100]))))
