# match statements: class patterns (positional via __match_args__, keywords),
# guards, nested patterns, or-patterns with bindings, builtin class patterns.
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


@dataclass
class Circle:
    center: Point
    radius: float


@dataclass
class Rect:
    corner: Point
    w: float
    h: float


class Temp:
    __match_args__ = ("degrees", "unit")

    def __init__(self, degrees, unit="C"):
        self.degrees = degrees
        self.unit = unit


def describe(shape):
    match shape:
        case Point(0, 0):
            return "origin"
        case Point(x, 0) | Point(0, x):
            return f"on an axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=px, y=py):
            return f"point {px},{py}"
        case Circle(Point(x, y), r) if r <= 0:
            return "degenerate circle"
        case Circle(center=Point(x=0, y=0), radius=r):
            return f"centred circle r={r}"
        case Circle(c, r):
            return f"circle at {c} r={r}"
        case Rect(_, w, h) if w == h:
            return f"square {w}"
        case Rect(corner=Point() as p, w=w):
            return f"rect from {p.x},{p.y} width {w}"
        case _:
            return "unknown"


for s in [Point(0, 0), Point(3, 0), Point(0, -2), Point(4, 4), Point(1, 2), Circle(Point(1, 1), 0),
          Circle(Point(0, 0), 2.5), Circle(Point(1, 2), 3), Rect(Point(0, 0), 2, 2), Rect(Point(5, 6), 1, 3), "text"]:
    print(describe(s))


def temp(t):
    match t:
        case Temp(d, "F") if d > 90:
            return "hot (F)"
        case Temp(d, unit="C") if d > 30:
            return "hot (C)"
        case Temp(d):
            return f"fine {d}"


print(temp(Temp(100, "F")), temp(Temp(35)), temp(Temp(20, "K")))


def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(n) if n < 0:
            return "negative int"
        case int() | float() as num:
            return f"number {num}"
        case str() as s if not s:
            return "empty str"
        case str(s):
            return f"str {s!r}"
        case [int(a), int(b)]:
            return f"int pair {a + b}"
        case [str(), *rest]:
            return f"str-led list +{len(rest)}"
        case {"type": "user", "name": str(name), **others}:
            return f"user {name} {sorted(others)}"
        case {"type": t}:
            return f"typed {t}"
        case (1 | 2 | 3) as small:
            return f"small {small}"
        case None:
            return "none"
        case _:
            return f"other {type(v).__name__}"


for v in [True, -5, 7, 2.5, "", "hi", [1, 2], ["a", 1, 2], {"type": "user", "name": "ann", "age": 3, "x": 0},
          {"type": 9}, None, (1, "x"), {1, 2}]:
    print(kind(v))


class NoArgs:
    pass


try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)


def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"moving {direction}"
        case ["take", item, *_] if item != "nothing":
            return f"taking {item}"
        case ["drop", *items] if items:
            return f"dropping {', '.join(items)}"
        case [("quit" | "exit")]:
            return "bye"
        case []:
            return "silence"
        case [verb, *_]:
            return f"unknown verb {verb}"


for c in ["go north", "go up", "take lamp now", "take nothing", "drop a b", "drop", "exit", "", "dance"]:
    print(repr(c), "->", command(c))
