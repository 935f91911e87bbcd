# __getattr__, __getattribute__, __setattr__, __delattr__.
class Dyn:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        print("__getattr__", name)
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"no attribute {name!r}")
d = Dyn()
print(d.real)
print(d.auto_thing)
print(getattr(d, "missing", "fallback"), hasattr(d, "auto_x"), hasattr(d, "nope"))
class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("getattribute", name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
l = Logged()
l.b = 5
print(l.a, l.b)
del l.a
print(hasattr(l, "a"))
class Record:
    def __init__(self, **fields):
        object.__setattr__(self, "_fields", dict(fields))
    def __getattr__(self, name):
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(name) from None
    def __setattr__(self, name, value):
        self._fields[name] = value
    def __delattr__(self, name):
        del self._fields[name]
    def __repr__(self):
        return "Record(" + ", ".join(f"{k}={v!r}" for k, v in self._fields.items()) + ")"
r = Record(x=1, y="two")
r.z = [3]
print(r, r.x, r.z)
del r.x
print(r)
try:
    r.x
except AttributeError as e:
    print("AttributeError:", e)
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if callable(attr):
            def wrapped(*a):
                print("calling", name, a)
                return attr(*a)
            return wrapped
        return attr
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.count(1))
