from abc import ABC, abstractmethod, ABCMeta
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    @property
    @abstractmethod
    def name(self): ...
    def describe(self): return f"{self.name} {self.area()}"
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
class Sq2(Sq):
    def perimeter(self): return 4 * self.s
    @property
    def name(self): return "sq"
for c in (Shape, Sq, Sq2):
    try:
        print(c(3).describe() if c is not Shape else c())
    except TypeError as e:
        print(type(e).__name__, e)
print(Shape.__abstractmethods__ == frozenset({'area','perimeter','name'}), sorted(Sq.__abstractmethods__), Sq2.__abstractmethods__)
class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if any("__len__" in B.__dict__ for B in C.__mro__): return True
        return NotImplemented
print(issubclass(list, Sized), isinstance(3, Sized), isinstance([], Sized))
class Reg(ABC): pass
Reg.register(tuple)
print(isinstance((1,), Reg), issubclass(tuple, Reg), isinstance([], Reg), issubclass(Sq2, Shape), isinstance(Sq2(1), Shape))
print(type(Shape) is ABCMeta, Shape.__mro__)


class Plugin(ABC):
    registry = []

    @classmethod
    @abstractmethod
    def create(cls): ...

    @staticmethod
    @abstractmethod
    def version(): ...

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append(cls.__name__)


class Good(Plugin):
    @classmethod
    def create(cls):
        return cls()

    @staticmethod
    def version():
        return 2


class Half(Plugin):
    @classmethod
    def create(cls):
        return cls()


print(Good.create().version(), Plugin.registry)
try:
    Half.create()
except TypeError as e:
    print(type(e).__name__, e)


class Base(metaclass=ABCMeta):
    @abstractmethod
    def run(self):
        return "base run"


class Impl(Base):
    def run(self):
        return "impl+" + super().run()


print(Impl().run(), isinstance(Impl(), Base), Base.__abstractmethods__, Impl.__abstractmethods__)
try:
    Reg.register(5)
except TypeError as e:
    print(type(e).__name__, e)
