# Class vs instance attributes, shadowing, mutation through the class.
class Counter:
    count = 0
    shared = []
    def __init__(self, name):
        self.name = name
        Counter.count += 1
        self.id = Counter.count
    def add(self, v):
        self.shared.append(v)
a = Counter("a")
b = Counter("b")
print(Counter.count, a.count, b.id)
a.count = 100
print(a.count, b.count, Counter.count)
del a.count
print(a.count)
a.add(1)
b.add(2)
print(Counter.shared, a.shared is b.shared)
print(sorted(vars(a).items()), "name" in a.__dict__, "count" in Counter.__dict__)
Counter.new_attr = "added later"
print(a.new_attr, getattr(b, "new_attr"))
a.__dict__["direct"] = 5
print(a.direct)
class Empty:
    pass
e = Empty()
setattr(e, "x", 1)
print(e.x, hasattr(e, "y"), getattr(e, "y", "default"))
try:
    e.y
except AttributeError as err:
    print("AttributeError:", err)
try:
    Empty.y
except AttributeError as err:
    print("AttributeError:", err)
class WithDoc:
    """Docstring of WithDoc."""
    def method(self):
        """Method doc."""
class Outer:
    class Inner:
        def m(self):
            pass
print(WithDoc.__doc__, WithDoc.method.__doc__, Empty.__doc__)
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__, Outer.Inner.__name__, Outer.__module__)
print(type(a).__name__, a.__class__.__name__, type(a) is Counter, type(Counter).__name__)
print(Counter.__name__, Counter.add.__name__, Counter.__bases__[0].__name__)
def fn(self):
    return "fn on " + self.name
Counter.fn = fn
print(a.fn())
class Point:
    x = 0
    y = 0
p = Point()
p.x = 5
print(p.x, p.y, Point.x)
