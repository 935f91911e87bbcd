# Packages, subpackages, relative imports and dotted imports.
import shapes
print(shapes.VERSION, shapes.Square(3).area(), shapes.Circle(1).describe())
from shapes.square import Square
from shapes import Circle
print(Square(4).describe(), Circle(2).area(), shapes.base.Shape.count)
import shapes.geometry.vectors as vec
print(vec.dot([1, 2, 3], [4, 5, 6]))
print(vec.info())
from shapes.geometry import vectors
print(vectors is vec, shapes.geometry.vectors is vec)
import toolkit.numbers
print(toolkit.numbers.describe(7), toolkit.text.whisper("QUIET"))
from toolkit import text as t
print(t.shout("hi"))
print(shapes.__name__, shapes.square.__name__, vec.__name__, vec.__package__)
print(sorted(k for k in vars(shapes) if not k.startswith("__")))
print(sorted(k for k in vars(toolkit) if not k.startswith("__")))
