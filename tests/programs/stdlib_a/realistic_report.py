"""A small sales report leaning on collections, itertools, functools, heapq and statistics."""
from collections import namedtuple, Counter, defaultdict, OrderedDict, deque
from itertools import groupby, accumulate, islice, chain
from functools import reduce, lru_cache, partial
from operator import attrgetter, itemgetter
import heapq
import statistics
import math
import textwrap

Sale = namedtuple('Sale', 'region product qty price')
raw = """north widget 3 2.50
south gadget 1 10.00
north gadget 2 10.00
east widget 10 2.25
south widget 4 2.50
east gizmo 1 99.99
north gizmo 2 95.00
south gadget 3 9.50
east widget 5 2.25
north widget 1 2.50"""

sales = [Sale(r, p, int(q), float(pr)) for r, p, q, pr in (line.split() for line in raw.splitlines())]
print(len(sales), sales[0], sales[-1]._asdict())

revenue = lambda s: s.qty * s.price
by_region = defaultdict(float)
for s in sales:
    by_region[s.region] += revenue(s)
for region, total in sorted(by_region.items(), key=itemgetter(1), reverse=True):
    print(f"{region:>6}: {total:8.2f}")

units = Counter()
for s in sales:
    units[s.product] += s.qty
print(units.most_common(), units.most_common(1)[0][0])

for product, group in groupby(sorted(sales, key=attrgetter('product')), key=attrgetter('product')):
    g = list(group)
    prices = [s.price for s in g]
    print(product, len(g), statistics.mean(prices), statistics.median(prices), round(statistics.pstdev(prices), 4))

top3 = heapq.nlargest(3, sales, key=revenue)
print([(s.region, s.product, revenue(s)) for s in top3])
print(list(accumulate(revenue(s) for s in sales)))
print(math.fsum(map(revenue, sales)), sum(map(revenue, sales)), reduce(lambda a, s: a + s.qty, sales, 0))

recent = deque(maxlen=3)
for s in sales:
    recent.append(s.product)
print(recent, list(islice(chain.from_iterable(s.product for s in sales), 8)))


@lru_cache(maxsize=None)
def price_tiers(n):
    return 1 if n <= 1 else price_tiers(n - 1) + price_tiers(n - 2)


print([price_tiers(i) for i in range(10)], price_tiers.cache_info())
fmt = partial('{:>8}|{:<8}'.format)
print(fmt('right', 'left'))
od = OrderedDict(sorted(units.items()))
od.move_to_end('widget', last=False)
print(od)
summary = ("Regions: " + ", ".join(f"{r} ({v:.2f})" for r, v in by_region.items()) +
           ". Best seller: " + units.most_common(1)[0][0] + ".")
print(textwrap.fill(summary, 40, subsequent_indent='  '))
