# Zero-argument and two-argument super() through the call fast path, and the
# cases it leaves to the generic path (errors, classes as the object).


class A:
    def __init__(self, v):
        self.v = v

    def m(self, x):
        return ("A.m", x, self.v)

    @classmethod
    def cm(cls, x):
        return ("A.cm", cls.__name__, x)

    @staticmethod
    def sm(x):
        return ("A.sm", x)


class B(A):
    def __init__(self, v):
        super().__init__(v * 10)

    def m(self, x):
        return ("B.m",) + super().m(x)

    @classmethod
    def cm(cls, x):
        return ("B.cm",) + super().cm(x)

    def sm_via_super(self, x):
        return super().sm(x)

    def explicit(self, x):
        return super(B, self).m(x)

    def explicit_class(self, x):
        return super(B, type(self)).cm(x)


class C(B):
    def m(self, x):
        return ("C.m",) + super().m(x)

    def skip(self, x):
        # Skips B in the MRO.
        return super(B, self).m(x)


for i in range(3):
    b = B(i)
    c = C(i)
    print(b.m(i), c.m(i), C.cm(i), b.cm(i), b.sm_via_super(i))
    print(b.explicit(i), c.explicit(i), c.skip(i), c.explicit_class(i))


# The first argument reassigned before super(): CPython uses the current value.
class D(A):
    def m(self, x):
        self = A.__new__(D)
        self.v = 9
        return super().m(x)


print(D(1).m(2))


# The first argument held in a cell (captured by an inner function).
class E(A):
    def m(self, x):
        def inner():
            return self.v
        return super().m(x) + (inner(),)


print(E(3).m(4))

# Errors: no arguments, wrong types, obj not an instance.


def nofirst():
    class F(A):
        def m():
            return super().m(1)
    try:
        F.m()
    except RuntimeError as e:
        print("RuntimeError:", e)


nofirst()

try:
    super(B, A(1)).m(1)
except TypeError as e:
    print("TypeError:", e)

try:
    super(1, A(1))
except TypeError as e:
    print("TypeError:", e)



def outside(x):
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)


outside(1)


# A class's own super object, and an unbound super with None.
print(type(super(B, B(1))).__name__)
print(super(B, C).m(C(1), 7))


# super() after the method's class is changed (methods added later).


class G(A):
    def m(self, x):
        return super().m(x)


g = G(1)
print(g.m(1))
A.m = lambda self, x: ("new A.m", x)
print(g.m(2))
del A.m
try:
    g.m(3)
except AttributeError as e:
    print("AttributeError:", e)

# super().__init__ chains to object.__init__.


class H:
    def __init__(self):
        super().__init__()
        self.ok = True


print(H().ok)
