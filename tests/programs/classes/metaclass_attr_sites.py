# Class attributes of classes with a metaclass other than `type` (an Enum's, an
# ABC's, a user's), read at the same sites again and again: the cached plan must
# follow what the metaclass says.
import abc
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2

    @classmethod
    def first(cls):
        return cls.RED


def red():
    return Color.RED, Color.first(), Color.RED is Color.first()


for _ in range(3):
    print(red())


class Base(abc.ABC):
    limit = 10

    @abc.abstractmethod
    def run(self):
        pass

    @staticmethod
    def helper():
        return "helper"


def base_attrs():
    return Base.limit, Base.helper()


print(base_attrs(), base_attrs())


class Meta(type):
    @property
    def x(cls):
        return "meta property x"

    y = "meta y"


class C(metaclass=Meta):
    x = "class x"
    y = "class y"
    z = "class z"


def read_c():
    return C.x, C.y, C.z


for _ in range(3):
    print(read_c())

# The metaclass changes after the sites were warm.
Meta.z = property(lambda cls: "meta property z")
print(read_c())
del Meta.z
print(read_c())


def meta_getattribute(cls, name):
    if name == "z":
        return "from __getattribute__"
    return type.__getattribute__(cls, name)


Meta.__getattribute__ = meta_getattribute
print(read_c())
del Meta.__getattribute__
print(read_c())


class Counted(type):
    def __getattr__(cls, name):
        return "missing " + name


class D(metaclass=Counted):
    here = "here"


def read_d():
    return D.here, D.absent


for _ in range(2):
    print(read_d())
