# __call__, __hash__, __eq__ interplay with dicts/sets, __index__, __int__, __float__.
class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0
    def __call__(self, x, *, twice=False):
        self.calls += 1
        r = x * self.k
        return r * 2 if twice else r
m = Multiplier(3)
print(m(5), m(5, twice=True), m.calls, callable(m), list(map(m, [1, 2])))
class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, o):
        return isinstance(o, Key) and self.name.lower() == o.name.lower()
    def __hash__(self):
        return hash(self.name.lower())
    def __repr__(self):
        return f"Key({self.name})"
d = {Key("A"): 1}
d[Key("a")] = 2
print(d, len({Key("x"), Key("X"), Key("y")}))
class Unhashable:
    def __eq__(self, o):
        return True
try:
    {Unhashable()}
except TypeError as e:
    print("TypeError:", e)
print(Unhashable.__hash__)
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
lst = ["a", "b", "c", "d"]
print(lst[Idx(2)], lst[Idx(1):Idx(3)], bin(Idx(5)), hex(Idx(255)), range(Idx(3)))
print("ab" * Idx(2), [0] * Idx(3))
class Num:
    def __int__(self):
        return 42
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1j
    def __round__(self, n=None):
        return f"rounded {n}"
print(int(Num()), float(Num()), complex(Num()), round(Num()), round(Num(), 2))
class Strish:
    def __str__(self):
        return "str form"
    def __repr__(self):
        return "repr form"
    def __format__(self, spec):
        return f"format[{spec}]"
s = Strish()
print(s, str(s), repr(s), [s], f"{s}", f"{s:>10}", f"{s!r}", format(s, "x"))
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")
class Length:
    def __len__(self):
        return 7
print(len(Length()))
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
