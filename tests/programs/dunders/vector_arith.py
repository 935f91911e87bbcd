# Arithmetic dunders, reflected and in-place forms, NotImplemented fallbacks.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd called with", o)
        return self + o
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return Vec(+self.x, +self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return Vec(self.y, self.x)
    def __matmul__(self, o):
        return self.x * o.y - self.y * o.x
    def __iadd__(self, o):
        print("iadd in place")
        self.x += o.x
        self.y += o.y
        return self
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, a * b, a / 2, b // 2, b % 3, a ** 2)
print(-a, +a, abs(b), ~a, a @ b)
print(a + 1, 1 + a)
print(sum([a, b, Vec(10, 10)], Vec(0, 0)))
print(sum([a, b]))
c = a
c += b
print(c, a, c is a)
print(a == Vec(4, 6), a != Vec(4, 6), a == 5, {a: "x"}[Vec(4, 6)])
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" + a
except TypeError as e:
    print("TypeError:", e)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + (o.v if isinstance(o, OnlyAdd) else o))
    def __repr__(self):
        return f"OnlyAdd({self.v})"
x = OnlyAdd(1)
x += 5
print(x)
try:
    x -= 1
except TypeError as e:
    print("TypeError:", e)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __radd__(self, other):
        return Money(self.cents + other)
    def __rsub__(self, other):
        return Money(other - self.cents)
    def __rtruediv__(self, other):
        return other / self.cents
    def __repr__(self):
        return f"Money({self.cents})"
print(5 + Money(10), 100 - Money(1), 50 / Money(4), 1.5 + Money(2))
class Sub(Vec):
    def __radd__(self, o):
        return "Sub.__radd__ wins"
print(Vec(0, 0) + Sub(1, 1))
