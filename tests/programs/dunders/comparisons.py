# Rich comparison dunders and fallbacks; sorted with only __lt__.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
    def __lt__(self, o):
        print(f"  {self!r} < {o!r}")
        return self.parts < o.parts
    def __eq__(self, o):
        return self.parts == o.parts
vs = [Version("1.10"), Version("1.2"), Version("0.9.1")]
print(sorted(vs))
print(Version("2.0") > Version("1.0"))
print(Version("1.0") == Version("1.0"), Version("1.0") != Version("1.1"))
print(max(vs), min(vs))
try:
    Version("1.0") <= Version("2.0")
except TypeError as e:
    print("TypeError:", e)
class Full:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o): return self.v == o.v
    def __ne__(self, o): return "custom ne"
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __gt__(self, o): return self.v > o.v
    def __ge__(self, o): return self.v >= o.v
a, b = Full(1), Full(2)
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
class NoCmp:
    pass
n1 = NoCmp()
n2 = NoCmp()
print(n1 == n1, n1 == n2, n1 != n2, n1 is not n2)
try:
    n1 < n2
except TypeError as e:
    print("TypeError:", e)
class Reflect:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        print("Reflect.__gt__")
        return self.v > o
    def __eq__(self, o):
        print("Reflect.__eq__")
        return self.v == o
print(5 < Reflect(10))
print(5 == Reflect(5))
print(Reflect(1) in [0, 1])
class NotImpl:
    def __eq__(self, o):
        return NotImplemented
print(NotImpl() == NotImpl(), NotImpl() != 3)
print([1, Reflect(2)] == [1, 2])
print(sorted([Full(3), Full(1), Full(2)], reverse=True)[0].v)
