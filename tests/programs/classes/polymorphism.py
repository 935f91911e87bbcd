# Polymorphism with an abstract-style base class, method overriding, super calls and class-level counters.
class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
        type(self).instances = getattr(type(self), "instances", 0) + 1
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")
    def perimeter(self):
        raise NotImplementedError
    def describe(self):
        return f"{self.name}: area={self.area():.2f} perimeter={self.perimeter():.2f}"
    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"
class Rect(Shape):
    def __init__(self, w, h, name="rect"):
        super().__init__(name)
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)
class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side, name="square")
    def describe(self):
        return "[square] " + super().describe()
class Circle(Shape):
    PI = 3.141592653589793
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return self.PI * self.r ** 2
    def perimeter(self):
        return 2 * self.PI * self.r
class Blob(Shape):
    pass
shapes = [Rect(3, 4), Square(5), Circle(1), Rect(1, 10), Circle(2.5)]
for s in shapes:
    print(s.describe())
print(sorted(shapes, key=lambda s: s.area()))
print(max(shapes, key=lambda s: s.perimeter()), Shape.count, Rect.instances, Square.instances, Circle.instances)
print("instances" in Shape.__dict__, "instances" in Rect.__dict__, "instances" in Square.__dict__)
try:
    Blob("blob").describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(isinstance(shapes[1], Rect), type(shapes[1]) is Rect, Square.__mro__[1].__name__, Square.__base__.__name__)
print(Rect.area(shapes[1]), Shape.describe(shapes[0]), shapes[1].describe.__func__ is Square.describe)
print([type(s).__name__ for s in shapes if isinstance(s, Rect)], [s.name for s in shapes if not isinstance(s, Rect)])
print(Square.__qualname__, Square.describe.__qualname__, Square.__module__)
