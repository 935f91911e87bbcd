# __class__, __name__, __qualname__, __doc__, __dict__, class-level methods, nested and local classes.
class Meta:
    """A documented class."""
    tag = "meta"
    def method(self):
        """method doc"""
        return self.__class__.__name__
    class Nested:
        """nested doc"""
        def inner(self):
            return type(self).__qualname__
def factory(n):
    class Local:
        size = n
        def get(self):
            return self.size
    return Local
m = Meta()
print(m.method(), m.__class__ is Meta, Meta.__doc__, Meta.method.__doc__, Meta.Nested.__doc__)
print(Meta.Nested().inner(), Meta.Nested.__qualname__, Meta.method.__qualname__)
L3, L5 = factory(3), factory(5)
print(L3().get(), L5().get(), L3 is L5, L3.__name__, L3.__qualname__)
print(sorted(k for k in Meta.__dict__ if not k.startswith("__")))
print(type(Meta.__dict__["method"]).__name__, type(m.method).__name__, m.method.__name__)
m.tag = "instance"
print(m.tag, Meta.tag, m.__dict__, vars(m) is m.__dict__)
del m.tag
print(m.tag)
class Base:
    def who(self):
        return "base " + self.__class__.__name__
class Derived(Base):
    pass
d = Derived()
print(d.who(), d.__class__.__bases__[0].__name__, Derived.__name__, issubclass(d.__class__, Base))
d.__class__ = Base
print(type(d).__name__, d.who())
class Counter:
    total = 0
    def __init__(self):
        self.__class__.total += 1
for _ in range(3):
    Counter()
print(Counter.total)
class WithClassAttrFn:
    helper = staticmethod(lambda x: x * 2)
    def use(self):
        return self.helper(21)
print(WithClassAttrFn().use(), WithClassAttrFn.helper(4))
print(object.__doc__ is not None, int.__name__, type(None).__name__, Meta.__module__)
