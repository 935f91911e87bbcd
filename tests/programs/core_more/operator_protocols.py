# Operator protocols: reflected operands, NotImplemented fallbacks, in-place operators
# falling back to binary ones, truthiness via __bool__/__len__, __eq__ with __hash__,
# comparison reflection, and the evaluation order of chained comparisons.


class Money:
    def __init__(self, cents, cur="EUR"):
        self.cents, self.cur = cents, cur

    def __repr__(self):
        return f"Money({self.cents}, {self.cur!r})"

    def __add__(self, other):
        if isinstance(other, Money):
            if other.cur != self.cur:
                return NotImplemented
            return Money(self.cents + other.cents, self.cur)
        if isinstance(other, int):
            return Money(self.cents + other, self.cur)
        return NotImplemented

    def __radd__(self, other):
        print("  radd with", other)
        if other == 0:
            return self
        return self.__add__(other)

    def __mul__(self, k):
        if isinstance(k, int):
            return Money(self.cents * k, self.cur)
        return NotImplemented

    __rmul__ = __mul__

    def __neg__(self):
        return Money(-self.cents, self.cur)

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return (self.cents, self.cur) == (other.cents, other.cur)

    def __lt__(self, other):
        if not isinstance(other, Money) or other.cur != self.cur:
            return NotImplemented
        return self.cents < other.cents

    __hash__ = None


a, b = Money(150), Money(275)
print(a + b, a + 5, 5 + a, 3 * a, a * 2, -a)
print(sum([a, b, Money(1)]), sum([a], Money(0)))
for expr in [lambda: a + Money(1, "USD"), lambda: a + "x", lambda: a * 1.5, lambda: "x" + a, lambda: a < Money(1, "USD")]:
    try:
        print(expr())
    except TypeError as e:
        print("TypeError:", e)
print(a == Money(150), a != Money(150), a == 150, a != "x", b > a, a <= b if hasattr(Money, "__le__") and False else "no-le")
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
try:
    print(a <= b)
except TypeError as e:
    print("TypeError:", e)

acc = a
acc += b
print(acc, a, acc is a)


class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __iadd__(self, other):
        self.xs += other.xs
        return self

    def __add__(self, other):
        return Vec(*(self.xs + other.xs))

    def __repr__(self):
        return f"Vec{tuple(self.xs)}"


v = Vec(1)
alias = v
v += Vec(2)
print(v, alias, v is alias)
w = v + Vec(3)
print(w, w is v)


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Flag:
    def __init__(self, b):
        self.b = b

    def __bool__(self):
        print("  bool called")
        return self.b

    def __len__(self):
        raise AssertionError("len must not be used when __bool__ exists")


print(bool(Sized(0)), bool(Sized(3)), not Sized(0), [x.n for x in (Sized(0), Sized(2)) if x])
print(Flag(True) and "yes", Flag(False) or "fallback")
try:
    bool(Sized(-1))
except ValueError as e:
    print("ValueError:", e)


class BadBool:
    def __bool__(self):
        return 1


try:
    if BadBool():
        pass
except TypeError as e:
    print("TypeError:", e)

log = []


def val(x):
    log.append(x)
    return x


print(val(1) < val(2) < val(3), log)
log.clear()
print(val(3) < val(2) < val(1), log)
log.clear()
print(val(1) == val(1) != val(2) > val(0), log)
log.clear()
print(val(0) or val("") or val("last"), val(1) and val([]) and val("never"), log)


class Rev:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        print(f"  Rev.__gt__({self.v}, {getattr(other, 'v', other)})")
        return self.v > getattr(other, "v", other)


class Plain:
    def __init__(self, v):
        self.v = v


print(Plain(1) < Rev(5), 3 < Rev(2))


class SubRev(Rev):
    def __lt__(self, other):
        print("  SubRev.__lt__ tried first")
        return NotImplemented


print(Rev(1) > SubRev(0))
print(divmod(7, 2), pow(2, 10), abs(-a.cents), round(Money(1).cents / 3, 2))


class Num:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


items = list(range(10))
print(items[Num(3)], items[Num(1):Num(4)], hex(Num(255)), bin(Num(5)), [0] * Num(3), range(Num(4))[-1])
