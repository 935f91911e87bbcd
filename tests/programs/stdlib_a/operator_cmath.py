import operator as op
from operator import itemgetter, attrgetter, methodcaller
import cmath

print(op.add(2, 3), op.sub(2, 3), op.mul('ab', 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(5), op.pos(-5), op.abs(-3), op.not_(0), op.truth([]), op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.invert(5), op.inv(0), op.lshift(1, 4), op.rshift(256, 2), op.index(7))
print(op.contains([1, 2], 2), op.concat([1], [2]), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'), op.is_(None, None), op.is_not(1, None))
lst = [1, 2, 3]
op.setitem(lst, 0, 'x')
op.delitem(lst, 1)
print(lst, op.getitem(lst, -1), op.length_hint([1, 2]), op.length_hint(iter([]), 5), op.call(max, 3, 9))
x = [1]
print(op.iadd(x, [2]), x, op.imul(3, 4), op.isub(10, 1), op.ior({1}, {2}), op.__add__(1, 1), op.__not__(1))
rows = [('bob', 30, 'b'), ('ann', 25, 'a'), ('cid', 30, 'c')]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)), itemgetter(0)('xyz'), itemgetter(slice(1, None))('xyz'))
print(itemgetter(1), itemgetter(1, 'a'), attrgetter('real'), attrgetter('a.b', 'c'), methodcaller('split', ',', maxsplit=1))


class Node:
    def __init__(self, name, child=None):
        self.name, self.child = name, child


n = Node('top', Node('mid', Node('leaf')))
print(attrgetter('name')(n), attrgetter('child.child.name')(n), attrgetter('name', 'child.name')(n))
print(methodcaller('upper')('abc'), methodcaller('split', ',', maxsplit=1)('a,b,c'), list(map(methodcaller('strip'), [' a ', 'b '])))
for f in [lambda: op.index(1.5), lambda: op.concat(1, 2), lambda: op.indexOf([1], 5), lambda: attrgetter('nope')(n),
          lambda: itemgetter(5)([1]), lambda: attrgetter(1), lambda: methodcaller(5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

z = complex(3, 4)
print(cmath.sqrt(-1), cmath.sqrt(z), cmath.sqrt(2), cmath.exp(1j * cmath.pi), cmath.log(z), cmath.log(8, 2), cmath.log10(100))
print(cmath.phase(-1), cmath.phase(z), cmath.polar(z), cmath.rect(2, cmath.pi / 2), abs(z))
print(cmath.sin(z), cmath.cos(z), cmath.tan(1 + 1j), cmath.sinh(1j), cmath.cosh(1), cmath.tanh(0.5 - 0.5j))
print(cmath.isfinite(z), cmath.isinf(complex(cmath.inf, 0)), cmath.isnan(cmath.nanj), cmath.isclose(1 + 1j, 1 + 1.0000000001j))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nanj)
for f in [lambda: cmath.log(0), lambda: cmath.sqrt('x'), lambda: cmath.exp(1000)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
