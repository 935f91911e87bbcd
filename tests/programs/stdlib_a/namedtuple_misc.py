from collections import namedtuple, defaultdict, OrderedDict, ChainMap
import collections.abc as cabc

Point = namedtuple('Point', ['x', 'y'])
p = Point(3, y=4)
print(p, repr(p), str(p), p.x + p.y, p[0], p[-1], len(p), tuple(p), list(p))
print(Point, Point.__name__, Point._fields, Point._field_defaults, Point.__doc__)
print(p._asdict(), p._replace(y=10), Point._make([5, 6]), p == (3, 4), p == Point(3, 4), hash(p) == hash((3, 4)))
x, y = p
print(x, y, isinstance(p, tuple), p.index(4), p.count(3), p + (5,), p * 2, sorted([Point(2, 1), Point(1, 2)]))
match p:
    case Point(x=3, y=yy):
        print("matched y =", yy)

Emp = namedtuple('Emp', 'name dept salary', defaults=[0])
e = Emp('ann', 'dev')
print(e, Emp('bob', 'ops', 10), Emp._field_defaults, Emp.__new__.__defaults__)
Tri = namedtuple('Tri', 'a, b, c', defaults=(1, 2, 3))
print(Tri(), Tri(9), Tri(c=0))
R = namedtuple('R', ['ok', 'def', 'ok', '_hidden', '2bad'], rename=True)
print(R._fields, R(1, 2, 3, 4, 5))
One = namedtuple('One', 'v')
print(One(1), One.__doc__)

for f in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(), lambda: Point(1, x=2),
          lambda: Point(1, z=2), lambda: Point._make([1]), lambda: p._replace(z=1),
          lambda: namedtuple('P', 'x def'), lambda: namedtuple('P', 'x _y'),
          lambda: namedtuple('P', 'x x'), lambda: namedtuple('1P', 'x'),
          lambda: namedtuple('P', 'a b', defaults=[1, 2, 3]), lambda: Emp(),
          lambda: Emp(1, 2, 3, 4), lambda: setattr(p, 'x', 5)]:
    try:
        print(f())
    except (TypeError, ValueError, AttributeError) as ex:
        print(type(ex).__name__, ex)


class Vec(namedtuple('Vec', 'x y')):
    __slots__ = ()

    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)


v = Vec(1, 2) + Vec(3, 4)
print(v, v.norm2, type(v).__name__)

# defaultdict
dd = defaultdict(list)
for word in "apple bat apricot banana cherry".split():
    dd[word[0]].append(word)
print(dd, dd['z'], 'z' in dd, len(dd))
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(counts, dict(counts), counts.default_factory)
nd = defaultdict(lambda: 'n/a', a=1)
print(nd['a'], nd['b'], sorted(nd.items()))
plain = defaultdict()
try:
    plain['k']
except KeyError as ex:
    print(type(ex).__name__, ex)
try:
    defaultdict(5)
except TypeError as ex:
    print(type(ex).__name__, ex)
cp = counts.copy()
cp['new'] += 1
print(type(cp).__name__, cp, isinstance(cp, dict))
tree = lambda: defaultdict(tree)
t = tree()
t['a']['b']['c'] = 1
print(t['a']['b']['c'], dict(t['a']['b']))

# OrderedDict
od = OrderedDict()
od['x'] = 1
od['y'] = 2
od['z'] = 3
od.move_to_end('x')
print(od, list(od))
od.move_to_end('z', last=False)
print(od, od.popitem(), od.popitem(last=False), od)
a = OrderedDict([('a', 1), ('b', 2)])
b = OrderedDict([('b', 2), ('a', 1)])
print(a == b, dict(a) == dict(b), a == {'b': 2, 'a': 1}, OrderedDict(), OrderedDict.fromkeys('ab'))
try:
    OrderedDict().popitem()
except KeyError as ex:
    print(type(ex).__name__, ex)
try:
    a.move_to_end('q')
except KeyError as ex:
    print(type(ex).__name__, ex)

# ChainMap
defaults = {'color': 'red', 'user': 'guest'}
env = {'user': 'admin'}
cm = ChainMap(env, defaults)
print(cm['user'], cm['color'], len(cm), sorted(cm), cm.get('nope', 0), 'color' in cm)
cm['color'] = 'blue'
print(env, defaults, cm.maps)
child = cm.new_child()
child['user'] = 'root'
print(child['user'], cm['user'], child.parents, dict(child))
try:
    del cm['nope']
except KeyError as ex:
    print(type(ex).__name__, ex)

# collections.abc
checks = [([], cabc.Iterable), (5, cabc.Iterable), ({}, cabc.Mapping), ({}, cabc.MutableMapping),
          ((), cabc.Sequence), ([], cabc.MutableSequence), ((), cabc.MutableSequence),
          ('s', cabc.Sequence), (set(), cabc.Set), (frozenset(), cabc.MutableSet),
          (iter([]), cabc.Iterator), ((x for x in []), cabc.Generator), (len, cabc.Callable),
          ([], cabc.Hashable), (1, cabc.Hashable), ([], cabc.Sized), ({}.keys(), cabc.Set),
          (range(3), cabc.Sequence), (b'', cabc.ByteString), ({1}, cabc.Container)]
print([isinstance(o, c) for o, c in checks])
print(issubclass(list, cabc.Sequence), issubclass(dict, cabc.Sequence), issubclass(str, cabc.Collection))


class Bag(cabc.Mapping):
    def __init__(self, **kw):
        self._d = kw

    def __getitem__(self, k):
        return self._d[k]

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)


class Counter2:
    def __iter__(self):
        return iter([1])

    def __len__(self):
        return 1


bag = Bag(a=1, b=2)
print(isinstance(bag, cabc.Mapping), bag.get('a'), bag.get('z', 9), 'b' in bag, list(bag.items()), bag == {'a': 1, 'b': 2})
print(isinstance(Counter2(), cabc.Iterable), isinstance(Counter2(), cabc.Sized), isinstance(Counter2(), cabc.Collection))
try:
    cabc.Mapping()
except TypeError as ex:
    print(type(ex).__name__, ex)
