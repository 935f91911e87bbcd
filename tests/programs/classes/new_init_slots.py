# __new__ and __init__, singletons, __slots__, immutable subclasses.
class Singleton:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            print("creating instance")
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, v):
        print("init with", v)
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("hello")
print(u, len(u), isinstance(u, str), type(u).__name__, u + "!")
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
    def __repr__(self):
        return f"Pos({int(self)})"
print(Pos(-5), Pos(-5) + 1, repr(Pos(-7)))
class NotInit:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(NotInit())
class Slotted:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
s = Slotted(1, 2)
s.x = 10
print(s.x, s.y, Slotted.__slots__)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError raised for slot")
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
p = Pair(3, 4)
print(p, p.first, len(p), p[1], type(p).__name__)
class MyList(list):
    def append(self, v):
        super().append(v * 10)
m = MyList([1])
m.append(2)
print(m, len(m), sum(m), isinstance(m, list))
class MyDict(dict):
    def __missing__(self, key):
        return f"<{key}>"
md = MyDict(a=1)
print(md["a"], md["zzz"], md)
