# property (getter/setter/deleter), staticmethod, classmethod.
class Temperature:
    def __init__(self, celsius):
        self._c = celsius
    @property
    def celsius(self):
        print("get celsius")
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("set celsius", v)
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("delete celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
class Circle:
    pi = 3.14159
    def __init__(self, r):
        self.r = r
    @classmethod
    def unit(cls):
        return cls(1)
    @staticmethod
    def area_of(r):
        return Circle.pi * r * r
    def area(self):
        return self.area_of(self.r)
    def __repr__(self):
        return f"{type(self).__name__}({self.r})"
class BigCircle(Circle):
    pass
print(Circle.unit(), BigCircle.unit(), Circle.area_of(2), Circle(3).area())
print(BigCircle(1).unit(), Circle(2).area_of(1))
def get_x(self):
    return self._x
def set_x(self, v):
    self._x = v * 2
class Old:
    x = property(get_x, set_x, None, "x doc")
o = Old()
o.x = 21
print(o.x, Old.x.__doc__, type(Old.x).__name__)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
l = Lazy()
print(l.value, l.value, l.computed)
print(isinstance(Circle.__dict__["area_of"], staticmethod), isinstance(Circle.__dict__["unit"], classmethod))
