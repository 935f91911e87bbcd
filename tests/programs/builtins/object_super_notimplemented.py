# object(), NotImplemented, super() as a builtin, type() with one and three args, isinstance edge cases.
o = object()
print(type(o).__name__, isinstance(o, object), hasattr(o, "__dict__"), o.__eq__(o), o.__eq__(object()))
print(repr(NotImplemented), type(NotImplemented).__name__, bool(NotImplemented) if False else "skip")
print((1).__add__("x"), (1).__lt__(2.5), "a".__mul__(2), [1].__eq__((1,)), (2.0).__radd__(3))
class X:
    def __eq__(self, o):
        return NotImplemented
print(X() == X(), X() != X(), X() == 1)
Point = type("Point", (), {"__init__": lambda self, x, y: setattr(self, "xy", (x, y)),
                           "__repr__": lambda self: f"Point{self.xy}"})
print(Point(1, 2), type(Point).__name__, Point.__name__, Point.__bases__[0].__name__)
Child = type("Child", (Point,), {"kind": "child"})
c = Child(3, 4)
print(c, c.kind, isinstance(c, Point), type(c) is Child)
class Parent:
    def greet(self):
        return "parent"
class Kid(Parent):
    def greet(self):
        return "kid+" + super(Kid, self).greet()
print(Kid().greet(), super(Kid, Kid()).greet())
print(isinstance(True, (bool,)), isinstance(1, bool), isinstance(None, type(None)), isinstance(int, type), isinstance(type, type))
print(issubclass(bool, (str, int)), issubclass(Kid, object), issubclass(type, object), issubclass(object, type))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
print(id(o) == id(o), hash(o) == hash(o), o is not object())
print(type(1)(5), type("")(3.5), type([])("ab"), type(())([1]), type({})([(1, 2)]))
