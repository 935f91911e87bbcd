# operator through the native _operator: functions, the three getter types (calls,
# reprs, reduce, errors), subclasses and user dunders.
import operator
from operator import itemgetter, attrgetter, methodcaller


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)


class V:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return V(self.v + (o.v if isinstance(o, V) else o))

    def __radd__(self, o):
        return V(o + self.v)

    def __iadd__(self, o):
        self.v += 100
        return self

    def __lt__(self, o):
        return self.v < o.v

    def __eq__(self, o):
        return isinstance(o, V) and self.v == o.v

    def __index__(self):
        return self.v

    def __neg__(self):
        return "neg"

    def __repr__(self):
        return "V(%r)" % self.v


pairs = [(7, 3), (7.5, 2), ("ab", "cd"), ([1], [2]), (True, False), (2**70, 3), (-7, 2)]
for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift",
             "and_", "or_", "xor", "lt", "le", "eq", "ne", "ge", "gt", "is_", "is_not",
             "concat", "contains"]:
    f = getattr(operator, name)
    print(name, [(lambda a, b: (lambda: f(a, b)))(a, b) for a, b in []] or "", end=" ")
    for a, b in pairs:
        try:
            print(repr(f(a, b)), end=" ")
        except Exception as e:
            print(type(e).__name__, end=" ")
    print()
for name in ["neg", "pos", "inv", "invert", "abs", "not_", "truth", "index"]:
    f = getattr(operator, name)
    print(name, end=" ")
    for a in [5, -2.5, True, 0, [], "x", 2**65, V(4)]:
        try:
            print(repr(f(a)), end=" ")
        except Exception as e:
            print(type(e).__name__, end=" ")
    print()
print("user add", operator.add(V(1), V(2)), operator.add(1, V(2)), operator.iadd(V(1), 5))
print("user lt", operator.lt(V(1), V(2)), operator.eq(V(1), V(1)))
l = [1, 2]
print("iadd list", operator.iadd(l, [3]), l, operator.iconcat(l, (4,)), l)
print("imul str", operator.imul("ab", 3), operator.ipow(2, 10), operator.ior({1}, {2}))
print("countOf", operator.countOf([1, 2, 1, 1.0, True], 1), operator.indexOf("abcb", "b"))
d = {}
operator.setitem(d, "k", 1)
print("setitem", d, operator.getitem(d, "k"), operator.delitem(d, "k"), d)
print("getitem slice", operator.getitem([1, 2, 3, 4], slice(1, 3)))
print("length_hint", operator.length_hint([1, 2]), operator.length_hint(iter(range(5))), operator.length_hint(5, 7))
print("call", operator.call(max, 1, 9, key=lambda v: -v))
print("dunders", operator.__add__ is operator.add, operator.__lt__(1, 2), operator.__getitem__("ab", 1))

show("concat int", lambda: operator.concat(1, 2))
show("concat dict", lambda: operator.concat({}, {}))
show("iconcat int", lambda: operator.iconcat(1, 2))
show("index float", lambda: operator.index(1.5))
show("countOf int", lambda: operator.countOf(1, 1))
show("indexOf missing", lambda: operator.indexOf([1], 2))
show("neg no args", lambda: operator.neg())
show("add one arg", lambda: operator.add(1))
show("truth kw", lambda: operator.truth(x=1))
show("lt mixed", lambda: operator.lt(1, "a"))
show("pow zero", lambda: operator.pow(0, -1))
show("getitem missing", lambda: operator.getitem({}, "x"))

# itemgetter / attrgetter / methodcaller
recs = [("b", 2, {"k": 1}), ("a", 3, {"k": 0}), ("c", 1, {"k": 2})]
print("itemgetter", sorted(recs, key=itemgetter(1)), list(map(itemgetter(0, 1), recs)))
print("itemgetter nested", itemgetter(2)(recs[0]), itemgetter("k")(recs[0][2]), itemgetter(slice(0, 2))("xyz"))
print("itemgetter repr", repr(itemgetter(1)), repr(itemgetter(1, "a", (2,))), itemgetter(1).__reduce__()[1])


class P:
    def __init__(self, x, child=None):
        self.x = x
        self.child = child

    def scaled(self, k, add=0):
        return self.x * k + add


ps = [P(3, P(30)), P(1, P(10)), P(2, P(20))]
print("attrgetter", [p.x for p in sorted(ps, key=attrgetter("x"))], attrgetter("x", "child.x")(ps[0]))
print("attrgetter dotted", attrgetter("child.x")(ps[1]), repr(attrgetter("child.x", "x")), attrgetter("a.b").__reduce__()[1])
print("methodcaller", methodcaller("scaled", 2)(ps[0]), methodcaller("scaled", 2, add=5)(ps[0]), methodcaller("upper")("abc"))
print("methodcaller repr", repr(methodcaller("scaled", 2, add=5)), repr(methodcaller("m")))
mr = methodcaller("scaled", 3).__reduce__()
print("methodcaller reduce", mr[0].__name__, mr[1])
mk = methodcaller("scaled", 2, add=1).__reduce__()
print("methodcaller reduce kw", type(mk[0]).__name__, mk[0].args, mk[0].keywords, mk[1], mk[0](*mk[1])(ps[0]))
print("types", type(itemgetter(1)).__name__, type(itemgetter(1)).__module__, isinstance(itemgetter(1), itemgetter))

show("itemgetter no args", lambda: itemgetter())
show("itemgetter kw", lambda: itemgetter(1, x=2))
show("itemgetter call none", lambda: itemgetter(1)())
show("itemgetter call two", lambda: itemgetter(1)(1, 2))
show("itemgetter call kw", lambda: itemgetter(1)(x=1))
show("itemgetter index error", lambda: itemgetter(5)([1]))
show("itemgetter unsubscriptable", lambda: itemgetter(1)(5))
show("attrgetter int", lambda: attrgetter(1))
show("attrgetter none", lambda: attrgetter())
show("attrgetter missing", lambda: attrgetter("child.y")(ps[0]))
show("attrgetter missing head", lambda: attrgetter("zz")(ps[0]))
show("methodcaller none", lambda: methodcaller())
show("methodcaller int", lambda: methodcaller(1))
show("methodcaller missing", lambda: methodcaller("nope")(ps[0]))
show("methodcaller args", lambda: methodcaller("scaled")(ps[0]))


show("subclass", lambda: type("MyGetter", (itemgetter,), {}))


def make_sub():
    class MyGetter(attrgetter):
        pass


show("subclass statement", make_sub)
