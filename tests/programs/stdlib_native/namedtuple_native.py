# namedtuple as CPython builds it (eval'd __new__, native _tuplegetter fields):
# construction errors, field descriptors (read-only, class access, doc), subclasses
# with an instance dict, defaults, and function __defaults__/__kwdefaults__ setters.
from collections import namedtuple
import copy


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)


P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p.y, p[0], P.x.__doc__, type(P.x).__name__, P.__new__.__doc__, P.__doc__)
print(P._make([3, 4]), p._replace(x=9), p._asdict(), P._fields, P._field_defaults, P.__match_args__)
show("set field", lambda: setattr(p, "x", 5))
show("del field", lambda: delattr(p, "x"))
show("new attr", lambda: setattr(p, "z", 5))
show("missing", lambda: P(1))
show("too many", lambda: P(1, 2, 3))
show("unexpected kw", lambda: P(1, 2, z=3))
show("duplicate", lambda: P(1, x=2))
show("make wrong", lambda: P._make([1]))
show("replace wrong", lambda: p._replace(z=1))
D = namedtuple("D", ["a", "b", "c"], defaults=[10, 20])
print(D(1), D(1, 2), D(1, c=3), D.__new__.__defaults__, D._field_defaults)
show("defaults missing", lambda: D())


class Q(P):
    def norm(self):
        return self.x * self.x + self.y * self.y


q = Q(3, 4)
q.__dict__["x"] = 100
print("subclass", q.norm(), q.x, q.__dict__, repr(q))
show("subclass set field", lambda: setattr(q, "y", 1))
q.extra = 1
print("subclass attr", q.extra)
g = P.x
print("getter", g.__get__(p), g.__get__(None, P) is g, g.__reduce__()[1])
show("getter on list", lambda: g.__get__([1, 2]))
show("getter out of range", lambda: namedtuple("One", "a").a.__get__(()))
print("copy", copy.copy(p), copy.deepcopy(Q(1, [2])))
print("module", P.__module__, P.__new__.__qualname__, P._make.__qualname__)
R = namedtuple("R", "a, b", rename=True, module="m")
print(R.__module__, namedtuple("S", ["ok", "def", "_x", "ok"], rename=True)._fields)


def f(a, b=1, *, c=2):
    return a, b, c


f.__defaults__ = (5,)
print("defaults", f(0), f.__defaults__)
f.__defaults__ = None
show("defaults none", lambda: f(0))
f.__kwdefaults__ = {"c": 7}
f.__defaults__ = (8,)
print("kwdefaults", f(0), f.__kwdefaults__)
show("defaults list", lambda: setattr(f, "__defaults__", [1]))
show("kwdefaults list", lambda: setattr(f, "__kwdefaults__", [1]))
f.__kwdefaults__ = None
show("kwdefaults none", lambda: f(0))
