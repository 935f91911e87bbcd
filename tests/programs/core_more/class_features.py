# Class features: alternate constructors, properties with inheritance,
# __init_subclass__ with keyword arguments, metaclass __call__, __getattr__ fallbacks,
# descriptors with __set_name__.
import sys


class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d

    @classmethod
    def from_string(cls, s):
        y, m, d = (int(p) for p in s.split("-"))
        return cls(y, m, d)

    @classmethod
    def epoch(cls):
        return cls(1970, 1, 1)

    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"


class BusinessDate(Date):
    def is_weekend(self):
        return False


print(Date.from_string("2024-02-29"), BusinessDate.from_string("1999-12-31"), BusinessDate.epoch())


class Shape:
    def __init__(self, w):
        self._w = w

    @property
    def width(self):
        return self._w

    @width.setter
    def width(self, v):
        if v < 0:
            raise ValueError("negative width")
        self._w = v

    @property
    def area(self):
        return self.width * self.width


class Scaled(Shape):
    @Shape.width.getter
    def width(self):
        return self._w * 2


class Frozen(Shape):
    @property
    def width(self):
        return super().width + 1


s = Scaled(3)
print(s.width, s.area)
s.width = 5
print(s.width, s.area)
f = Frozen(4)
print(f.width, f.area)
try:
    f.width = 10
except AttributeError as e:
    print("AttributeError:", e)
try:
    Shape(1).width = -1
except ValueError as e:
    print("ValueError:", e)


class Plugin:
    registry = {}

    def __init_subclass__(cls, /, kind=None, priority=0, **kw):
        super().__init_subclass__(**kw)
        if kind is not None:
            Plugin.registry[kind] = (cls.__name__, priority)
        cls.priority = priority


class Csv(Plugin, kind="csv", priority=2):
    pass


class Json(Plugin, kind="json"):
    pass


class Helper(Plugin):
    pass


print(sorted(Plugin.registry.items()), Helper.priority, Csv.priority)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Lazy:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        if name.startswith("computed_"):
            value = len(name)
            setattr(self, name, value)
            return value
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")


lz = Lazy()
print(lz.real, lz.computed_x, "computed_x" in vars(lz), getattr(lz, "missing", "default"))
try:
    lz.other
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(lz, "nope"), hasattr(lz, "computed_yy"))


class Field:
    def __set_name__(self, owner, name):
        self.name = name
        self.private = "_" + name
        owner.fields = getattr(owner, "fields", ()) + (name,)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, None)

    def __set__(self, obj, value):
        print(f"  set {type(obj).__name__}.{self.name} = {value!r}")
        setattr(obj, self.private, value)


class Record:
    title = Field()
    year = Field()

    def __init__(self, title, year):
        self.title = title
        self.year = year


r = Record("Dune", 1965)
print(r.title, r.year, Record.fields, type(Record.title).__name__, Record.title.name)
print(sorted(k for k in vars(r)))
print(sys.getrecursionlimit() > 0)
