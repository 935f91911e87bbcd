# getattr/setattr/hasattr/delattr, callable, vars, dir, globals, locals, type, isinstance.
class Config:
    level = 1
    def __init__(self):
        self.name = "cfg"
        self.debug = False
    def method(self):
        return "m"
c = Config()
print(getattr(c, "name"), getattr(c, "level"), getattr(c, "nope", None), getattr(Config, "level"))
setattr(c, "extra", [1, 2])
print(c.extra, hasattr(c, "extra"), hasattr(c, "method"), hasattr(Config, "name"))
delattr(c, "extra")
print(hasattr(c, "extra"))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
print(vars(c), sorted(k for k in vars(Config) if not k.startswith("__")))
print([n for n in dir(c) if not n.startswith("__")])
print(callable(c), callable(c.method), callable(Config), callable(print), callable("x"), callable(None))
g = globals()
print("Config" in g, g["__name__"], type(g).__name__)
module_var = 99
print(globals()["module_var"])
def f(a, b=2):
    x = a + b
    return sorted(locals().items())
print(f(1))
print(type(1).__name__, type("").__name__, type([]).__name__, type({}).__name__, type(()).__name__,
      type(set()).__name__, type(None).__name__, type(f).__name__, type(c.method).__name__,
      type(Config).__name__, type(type).__name__, type(range(1)).__name__, type(print).__name__,
      type(1.5).__name__, type(1j).__name__, type(b"").__name__, type(bytearray()).__name__,
      type(frozenset()).__name__, type(slice(1)).__name__, type(object()).__name__)
print(isinstance(c, Config), isinstance(c, object), isinstance(Config, type), isinstance(type, object))
print(isinstance(1, (str, float)), isinstance(True, int), isinstance([], (list, tuple)), issubclass(int, object))
o = object()
print(type(o).__name__, o == o, o != object(), str(type(o)))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
T = type("Dynamic", (Config,), {"level": 5, "hello": lambda self: "hi"})
d = T()
print(T.__name__, d.level, d.hello(), d.name, [k.__name__ for k in T.__mro__])
print(type(3) is int, type(True) is bool, type(True) is int)
print(sorted(vars(T).keys() - {"__module__", "__doc__"}))
