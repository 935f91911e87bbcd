print("initialising package shapes")
from .square import Square
from .circle import Circle
VERSION = "1.0"
__all__ = ["Square", "Circle"]
