# pprint through the native _pprint.safe_repr: sorting of mixed keys, recursion,
# depth limits, subclasses with and without their own __repr__, readability flags,
# underscore_numbers, and a PrettyPrinter subclass overriding format().
import pprint
from collections import OrderedDict, defaultdict, Counter, deque


class R:
    def __repr__(self):
        return "R()"


class D(dict):
    pass


class DR(dict):
    def __repr__(self):
        return "DR!"


class L(list):
    pass


class T(tuple):
    pass


class I(int):
    pass


class IR(int):
    def __repr__(self):
        return "IR!"


data = {
    "b": [1, 2.5, -0.0, 3 + 4j, None, True, b"by", bytearray(b"ba"), "s'q\"", 10**30],
    "a": (1,),
    "c": {3: "x", 1: "y", 2: "z"},
    "d": {1.5: 1, -2.5: 2},
    "e": {"z": 1, 1: 2, None: 3, (1, 2): 4, 2.5: 5},
    "f": [D(k=1), DR(k=1), L([1]), T((2,)), I(5), IR(6), R(), object],
    "g": [OrderedDict(a=1), defaultdict(int, z=2), Counter("aab"), deque([1])],
    "h": set(), "i": frozenset([1]), "j": (), "k": [], "l": {},
}
for sd in (True, False):
    print(pprint.pformat(data, sort_dicts=sd))
    print(pprint.pformat(data, width=200, sort_dicts=sd))
print(pprint.saferepr(data))
print(pprint.isreadable(data), pprint.isreadable([1, (2, "x")]), pprint.isrecursive(data))
rec = [1, 2]
rec.append(rec)
rd = {"self": None}
rd["self"] = rd
print(pprint.saferepr(rec).replace(str(id(rec)), "ID"), pprint.isrecursive(rec), pprint.isreadable(rec))
print(pprint.saferepr(rd).replace(str(id(rd)), "ID"), pprint.isrecursive(rd))
print(pprint.pformat(rec, width=5).replace(str(id(rec)), "ID"))
nested = [1, [2, [3, [4, [5]]]], (6, (7,)), {"k": {"k2": {"k3": 1}}}]
for depth in (1, 2, 3):
    print(depth, pprint.pformat(nested, depth=depth), pprint.PrettyPrinter(depth=depth).isreadable(nested))
print(pprint.pformat([10**6, 123456789, -5000, I(7000)], underscore_numbers=True))
print(pprint.pformat({"x": 12345678}, underscore_numbers=True, width=5))
wide = {"key%d" % i: list(range(i)) for i in range(12)}
print(pprint.pformat(wide, width=40))
print(pprint.pformat(wide, width=40, compact=True))


class Upper(pprint.PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if isinstance(object, str):
            return repr(object.upper()), True, False
        return super().format(object, context, maxlevels, level)


print(Upper(width=30).pformat({"ab": ["cd", ("ef",)], "gh": 1}))


class Bad:
    def __lt__(self, other):
        raise TypeError("no")

    def __repr__(self):
        return "Bad"


print(pprint.pformat({Bad(): 1, Bad(): 2, 3: 4, "s": 5}).count("Bad"))


class Boom:
    def __repr__(self):
        raise ValueError("repr failed")


try:
    pprint.pformat([1, Boom()])
except ValueError as e:
    print("error", e)
deep = []
for _ in range(5000):
    deep = [deep]
try:
    pprint.saferepr(deep)
    print("deep ok")
except RecursionError as e:
    print("RecursionError")
