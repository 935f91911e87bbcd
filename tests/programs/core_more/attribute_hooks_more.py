# Attribute hooks: __getattribute__ overriding everything, __setattr__ routing through
# object.__setattr__, __delattr__, properties with deleters, __slots__ errors, and
# class attributes shadowed by instance attributes.


class Audited:
    def __init__(self):
        object.__setattr__(self, "log", [])
        self.x = 1

    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"access to {name} denied")
        value = object.__getattribute__(self, name)
        if name != "log":
            object.__getattribute__(self, "log").append(f"get {name}")
        return value

    def __getattr__(self, name):
        return f"<default {name}>"

    def __setattr__(self, name, value):
        self.log.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)

    def __delattr__(self, name):
        self.log.append(f"del {name}")
        object.__delattr__(self, name)


a = Audited()
a.y = 5
print(a.x, a.y, a.missing, a.secret_key)
del a.y
print(a.y)
try:
    del a.never_set
except AttributeError as e:
    print("AttributeError:", e)
print(a.log)


class Temperature:
    def __init__(self):
        self._c = 0.0

    @property
    def celsius(self):
        """Degrees Celsius."""
        return self._c

    @celsius.setter
    def celsius(self, v):
        self._c = float(v)

    @celsius.deleter
    def celsius(self):
        print("  resetting")
        self._c = 0.0

    fahrenheit = property(lambda self: self._c * 9 / 5 + 32, doc="Degrees Fahrenheit.")


t = Temperature()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temperature.celsius.__doc__, Temperature.fahrenheit.__doc__)
del t.celsius
print(t.celsius)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
print(isinstance(Temperature.celsius, property), Temperature.celsius.fget.__name__, Temperature.celsius.fset is not None)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s = Slotted()
print(s.a, hasattr(s, "b"), hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)
s.b = 2
del s.a
print(s.b, hasattr(s, "a"))


class Shadow:
    kind = "class-level"
    items = []

    def add(self, x):
        self.items.append(x)


p, q = Shadow(), Shadow()
p.add(1)
q.add(2)
p.kind = "instance-level"
print(p.kind, q.kind, Shadow.kind, p.items is q.items, Shadow.items)
del p.kind
print(p.kind)
try:
    del p.kind
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(p, "nope", None), setattr(p, "dyn", 3), p.dyn, vars(p), delattr(p, "dyn"), vars(p))
try:
    getattr(p, 5)
except TypeError as e:
    print("TypeError:", e)


class Meta(type):
    def __getattr__(cls, name):
        return f"{cls.__name__}.{name} via metaclass"


class WithMeta(metaclass=Meta):
    real = "real attribute"


print(WithMeta.real, WithMeta.virtual)
try:
    WithMeta().virtual
except AttributeError as e:
    print("AttributeError:", e)
