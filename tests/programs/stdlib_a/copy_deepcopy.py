import copy
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple

nested = {'a': [1, 2, [3, 4]], 'b': (5, [6]), 'c': {7, 8}}
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested['a'][2].append('X')
nested['b'][1].append('Y')
print(shallow)
print(deep)
print(shallow['a'] is nested['a'], deep['a'] is nested['a'], deep['b'] is nested['b'])
t = (1, 2, (3, 'x'))
print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.copy([1, 2]) == [1, 2])
print(copy.copy(5), copy.deepcopy('s'), copy.deepcopy(None), copy.copy(len) is len)

# shared references and cycles are preserved by the memo
shared = [1]
pair = [shared, shared]
cp = copy.deepcopy(pair)
print(cp, cp[0] is cp[1], cp[0] is shared)
loop = [1]
loop.append(loop)
lc = copy.deepcopy(loop)
print(lc[1] is lc, lc is not loop, lc)
d = {}
d['self'] = d
dc = copy.deepcopy(d)
print(dc['self'] is dc)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.tags = []

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.tags})"


p = Point(1, 2)
p.tags.append('a')
q = copy.copy(p)
r = copy.deepcopy(p)
p.tags.append('b')
print(p, q, r, type(r).__name__, q.tags is p.tags, r.tags is p.tags)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("  __copy__ called")
        return Custom(self.v)

    def __deepcopy__(self, memo):
        print("  __deepcopy__ called, memo has", len(memo), "entries")
        return Custom(copy.deepcopy(self.v, memo))


c = Custom([1])
c2 = copy.copy(c)
c3 = copy.deepcopy(c)
print(c2.v is c.v, c3.v is c.v, c3.v)


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = [1]
        self.b = 'b'


s = copy.deepcopy(Slotted())
print(s.a, s.b)


class Reduced:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (Reduced, (self.n * 10,))


print(copy.copy(Reduced(2)).n, copy.deepcopy(Reduced(3)).n)


class MyList(list):
    pass


ml = MyList([1, [2]])
ml.extra = 'e'
mc = copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.extra, mc[1] is ml[1])

dq = deque([[1], 2], maxlen=5)
dqc = copy.deepcopy(dq)
print(dqc, dqc.maxlen, dqc[0] is dq[0], copy.copy(dq)[0] is dq[0])
dd = defaultdict(list, {'k': [1]})
ddc = copy.deepcopy(dd)
ddc['k'].append(2)
ddc['new']
print(dd, ddc)
od = copy.deepcopy(OrderedDict(b=[1], a=2))
print(od, copy.copy(Counter('aab')))
P = namedtuple('P', 'x y')
pp = P([1], 2)
pc = copy.deepcopy(pp)
print(pc, pc.x is pp.x, copy.copy(pp) == pp)
memo = {}
copy.deepcopy([1, [2]], memo)
print(len(memo) > 0)
print(copy.deepcopy({1, 2, 3}), copy.copy(frozenset([1])), copy.deepcopy(bytearray(b'ab')))
