# __init_subclass__, class decorators, class-level registries.
class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls)
        print("registered", cls.plugin_name)
class Alpha(Plugin, name="alpha-plugin"):
    pass
class Beta(Plugin):
    pass
class Gamma(Beta):
    pass
print([c.__name__ for c in Plugin.registry], Gamma.plugin_name, hasattr(Plugin, "plugin_name"))
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
def frozen(cls):
    def __setattr__(self, k, v):
        if getattr(self, "_frozen", False):
            raise AttributeError(f"{cls.__name__} is frozen")
        object.__setattr__(self, k, v)
    cls.__setattr__ = __setattr__
    orig_init = cls.__init__
    def __init__(self, *a, **kw):
        orig_init(self, *a, **kw)
        object.__setattr__(self, "_frozen", True)
    cls.__init__ = __init__
    return cls
@add_repr
@frozen
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, "two")
print(p)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
class Shape:
    sides = 0
    def __init_subclass__(cls, **kw):
        if cls.sides < 3:
            cls.valid = False
        else:
            cls.valid = True
class Tri(Shape):
    sides = 3
class Line(Shape):
    sides = 1
print(Tri.valid, Line.valid)
