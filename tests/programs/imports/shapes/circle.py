from . import base
from .base import Shape

class Circle(base.Shape):
    def __init__(self, r):
        Shape.__init__(self, "circle")
        self.r = r

    def area(self):
        return round(3.14159 * self.r * self.r, 3)
