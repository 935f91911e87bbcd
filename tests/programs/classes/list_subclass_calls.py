# Calling a subclass of list with no arguments (a fast path that remembers the
# class), and the changes that must end it: __init__ / __new__ added to the class
# or a base later, a metaclass __call__, bases reassigned, __class__ reassigned.


class OC(list):
    pass


def make(cls, n):
    out = []
    for _ in range(n):
        out.append(cls())
    return out


r = make(OC, 3)
print([type(x).__name__ for x in r], r)
x = OC()
x.append(1)
print(x, len(x), isinstance(x, list))


# __init__ assigned to the class after calls were made.
def init(self):
    list.__init__(self)
    self.append("init")


OC.__init__ = init
print(make(OC, 2))
del OC.__init__
print(make(OC, 2))


# __new__ assigned later.
def new(cls):
    o = list.__new__(cls)
    o.tag = "new"
    return o


OC.__new__ = new
print([o.tag for o in make(OC, 2)])
del OC.__new__
print(make(OC, 2))


# Through a base that gains __init__.
class Base(list):
    pass


class Sub(Base):
    pass


print(make(Sub, 2))
Base.__init__ = lambda self: self.extend([1, 2])
print(make(Sub, 2))
del Base.__init__
print(make(Sub, 2))


# A metaclass with __call__, also added after the fact.
class Meta(type):
    pass


class M(list, metaclass=Meta):
    pass


print(make(M, 2))
Meta.__call__ = lambda cls: ["from Meta.__call__", cls.__name__]
print(make(M, 2))
del Meta.__call__
print(make(M, 2))


# Two list subclasses alternating (the remembered class changes).
class P(list):
    pass


class Q(list):
    def __init__(self):
        self.append("Q")


for _ in range(2):
    print(make(P, 1), make(Q, 1), make(OC, 1))

# Arguments still go the generic way.
print(OC([1, 2]), OC("ab"))
try:
    OC(1, 2)
except TypeError as e:
    print("TypeError:", e)
