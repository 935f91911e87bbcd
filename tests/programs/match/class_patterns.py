# match: class patterns with positional (__match_args__) and keyword sub-patterns.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center = center
        self.radius = radius
class Other:
    def __init__(self):
        self.tag = "t"
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x=x, y=0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case Circle(Point(x=0, y=0), r):
            return f"circle at origin r={r}"
        case Circle(center=Point(x, y), radius=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(_, r):
            return f"circle r={r}"
        case Other(tag="t"):
            return "other with tag"
        case int(v) | float(v):
            return f"number {v}"
        case str(s):
            return f"string {s}"
        case list([a, b]):
            return f"list of two {a} {b}"
        case dict(d):
            return f"dict {d}"
        case _:
            return "unknown"
tests = [Point(0, 0), Point(0, 5), Point(3, 0), Point(4, 4), Point(1, 2),
         Circle(Point(0, 0), 3), Circle(Point(1, 1), 20), Circle(Point(1, 1), 2),
         Other(), 7, 2.5, "s", [1, 2], [1, 2, 3], {"a": 1}, None, True]
for t in tests:
    print(where(t))
try:
    match Other():
        case Other(1):
            pass
except TypeError as e:
    print("TypeError:", e)
