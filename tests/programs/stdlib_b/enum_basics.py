from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # alias of RED

    def describe(self):
        return f"{self.name} is {self.value}"

    @property
    def lower(self):
        return self.name.lower()


print(list(Color))
print(len(Color), Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value)
print(Color(1), Color["GREEN"], Color.CRIMSON is Color.RED, Color(1) is Color.RED)
print(Color.RED.describe(), Color.GREEN.lower)
print(Color.__members__)
print(list(Color.__members__))
print([m.name for m in reversed(Color)])
print(Color.RED in Color, Color.RED == Color.RED, Color.RED != Color.BLUE, Color.RED == 1)
print(isinstance(Color.RED, Color), type(Color.RED), Color)
print(f"{Color.RED}", "{:>12}|".format(Color.RED), str(Color.BLUE))
print(hash(Color.RED) == hash(Color.RED), {Color.RED: "r"}[Color.RED])
for bad in (4, "RED"):
    try:
        Color(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    Color["PURPLE"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    class More(Color):
        PINK = 9
except TypeError as e:
    print(type(e).__name__, e)


class Number(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3


print(Number.ONE + 1, Number.TWO * 2, Number.THREE > Number.ONE, Number.ONE == 1)
print(repr(Number.TWO), str(Number.TWO), f"{Number.THREE}", sorted([Number.THREE, Number.ONE]))
print(Number(2), [n for n in Number if n % 2], int(Number.THREE), Number.ONE < 2)


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


print(list(Auto), [a.value for a in Auto])


class Name(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)
    X = auto()
    Y = auto()


print(list(Name))


class Shade(StrEnum):
    DARK = auto()
    LIGHT = "light!"


print(list(Shade), Shade.DARK == "dark", str(Shade.LIGHT), Shade("dark"))


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3))
print(Planet((3.303e+23, 2.4397e6)))


class Missing(Enum):
    A = "a"
    B = "b"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls(value.lower())
        return None


print(Missing("A"), Missing("b"))
try:
    Missing(3)
except ValueError as e:
    print(type(e).__name__, e)

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 2
        C = 1
        D = 2
except ValueError as e:
    print(type(e).__name__, e)


@unique
class Fine(Enum):
    A = 1
    B = 2


print(Fine.B)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
Pets = Enum("Pets", [("DOG", "d"), ("FISH", "f")])
print(list(Pets), Pets("f"))
