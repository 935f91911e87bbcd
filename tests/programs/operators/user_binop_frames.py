# Binary operators on instances of classes written in Python: the left method, a
# NotImplemented answer falling back to the reflected method or a TypeError, a
# subclass's reflected method first, in-place forms with and without __iadd__,
# methods with defaults, exceptions raised inside (with their tracebacks), deep
# recursion through an operator, and operators called while handling exceptions.
import traceback


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other, scale=1):
        if isinstance(other, V):
            return V(self.x + other.x * scale)
        if isinstance(other, int):
            return V(self.x + other)
        return NotImplemented

    def __radd__(self, other):
        return ("radd", other)

    def __mul__(self, k):
        return V(self.x * k)

    __rmul__ = __mul__

    def __sub__(self, other):
        raise ValueError("no subtraction for " + repr(self.x))

    def __truediv__(self, other):
        return NotImplemented

    def __repr__(self):
        return "V(%r)" % (self.x,)


class W(V):
    def __radd__(self, other):
        return ("W.radd", other.x)


class Other:
    def __radd__(self, other):
        return ("Other.radd", other.x)


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, v):
        self.items.append(v)
        return self

    def __add__(self, v):
        return "plain add"


a, b = V(1), V(2)
print(a + b, a + 5, 3 * a, a * 4, "x" + a)
print(a + W(10), W(10) + a, a + Other())
c = a
c += b
print(c, a, c is a)
acc = Acc()
acc2 = acc
acc += 1
acc += 2
print(acc.items, acc is acc2, Acc() + 1)
for bad in [lambda: a / b, lambda: a - b, lambda: a + "s", lambda: a / 2]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


def show_tb():
    try:
        a - b
    except ValueError as e:
        print([(f.name, f.lineno, f.line) for f in traceback.extract_tb(e.__traceback__)])


show_tb()


class Chain:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        if self.n == 0:
            return other
        return Chain(self.n - 1) + (other + 1)


print(Chain(300) + 0)


class Deep:
    def __add__(self, other):
        return self + other


try:
    Deep() + 1
except RecursionError as e:
    print("RecursionError", e)

try:
    raise KeyError("k")
except KeyError:
    print(a + b, (a + b).x)

total = V(0)
for i in range(5):
    total = total + V(i) + i
print(total)
