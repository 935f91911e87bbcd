"""Without `from __future__ import annotations`: annotations of functions, classes and
modules are evaluated when the definition runs (left to right, after the target is
assigned); annotations of local variables are never evaluated."""

order = []


def note(name):
    order.append(name)
    return name


def f(a: note('a'), b: note('b') = note('default'), *c: note('c'), d: note('d'),
      **e: note('e')) -> note('return'):
    local: note('never') = 1
    other: undefined_name
    return local


print(order)
print(f.__annotations__)
print(f(1, d=2), order)

order.clear()
x: note('x') = note('x value')
print(order, __annotations__)


class C:
    order.clear()
    attr: note('attr') = note('attr value')
    print(order)


print(C.__annotations__)

try:
    missing: undefined_in_module = 1
except NameError as e:
    print('NameError:', e)
print('missing' in globals(), missing)


class Obj:
    pass


o = Obj()


def target(obj):
    order.append('target')
    return obj


order.clear()
target(o).attr: note('ann') = note('value')
print(order, o.attr)

order.clear()
try:
    undefined_target.attr: int
except NameError as e:
    print('NameError:', e, order)

order.clear()
d = {}
d[note('key')]: note('subscript ann')
print(order, d)

order.clear()
(paren): note('paren ann') = 5
print(order, 'paren' in __annotations__, paren)


def local_targets():
    order.clear()
    o.x: note('local ann') = 1
    d[note('local key')]: note('local ann 2')
    return order


print(local_targets())
print(sorted(__annotations__))
