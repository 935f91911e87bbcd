# In-place operator fallbacks, reflected operators with subclasses, and operator dunders on mutables.
class Acc:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Acc({self.v})"
    def __add__(self, o):
        print("  __add__")
        return Acc(self.v + (o.v if isinstance(o, Acc) else o))
    def __isub__(self, o):
        print("  __isub__")
        self.v -= o
        return self
    def __imul__(self, o):
        print("  __imul__ returns NotImplemented")
        return NotImplemented
    def __mul__(self, o):
        print("  __mul__")
        return Acc(self.v * o)
    def __rmul__(self, o):
        print("  __rmul__")
        return Acc(o * self.v)
    def __ifloordiv__(self, o):
        print("  __ifloordiv__ returns a new type")
        return "replaced"
a = Acc(10)
ref = a
a += 5
print(a, ref, a is ref)
a = ref
a -= 3
print(a, ref, a is ref)
a *= 2
print(a, ref, a is ref)
b = Acc(1)
b //= 2
print(b)
print(3 * Acc(2))
class Meters:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return f"Meters.__radd__({o!r})"
    def __repr__(self):
        return f"Meters({self.v})"
class Feet(Meters):
    def __radd__(self, o):
        return f"Feet.__radd__({o!r})"
print(Meters(1) + Feet(2))
print(5 + Meters(1), "s" + Meters(2))
try:
    Meters(1) + Meters(2)
except TypeError as e:
    print("TypeError:", e)
lst = [1, 2]
alias = lst
lst += (3, 4)
print(lst, alias is lst)
t = (1, 2)
t_alias = t
t += (3,)
print(t, t_alias, t is t_alias)
s = {1, 2}
s_alias = s
s |= {3}
s -= {1}
s &= {2, 3, 4}
s ^= {9}
print(s, s is s_alias)
d = {"a": 1}
d_alias = d
d |= {"b": 2}
print(d, d is d_alias)
class Bits:
    def __init__(self, v):
        self.v = v
    def __and__(self, o): return Bits(self.v & o.v)
    def __or__(self, o): return Bits(self.v | o.v)
    def __xor__(self, o): return Bits(self.v ^ o.v)
    def __lshift__(self, n): return Bits(self.v << n)
    def __rshift__(self, n): return Bits(self.v >> n)
    def __rlshift__(self, n): return f"{n} << Bits"
    def __repr__(self): return f"Bits({self.v:#06b})"
x, y = Bits(0b1100), Bits(0b1010)
print(x & y, x | y, x ^ y, x << 2, x >> 2, 1 << x)
x <<= 1
print(x)
