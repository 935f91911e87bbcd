import math

class Circle:
    def __init__(self, radius):
        self.radius = radius


c = Circle(2)
print(math.sqrt(c.radius))
print(c.raduis)
