# super() in various forms: explicit two-arg, in classmethods, in properties, and through diamonds.
class A:
    def hello(self):
        return ["A.hello"]
    @classmethod
    def create(cls):
        return f"A.create for {cls.__name__}"
    @property
    def name(self):
        return "A"
class B(A):
    def hello(self):
        return ["B.hello"] + super().hello()
    @classmethod
    def create(cls):
        return "B.create -> " + super().create()
    @property
    def name(self):
        return "B<" + super().name + ">"
class C(A):
    def hello(self):
        return ["C.hello"] + super(C, self).hello()
class D(B, C):
    def hello(self):
        return ["D.hello"] + super().hello()
    @property
    def name(self):
        return "D<" + super().name + ">"
d = D()
print(d.hello())
print(D.create(), B.create())
print(d.name, B().name)
print(super(B, d).hello())
print(super(D, d).name)
class Logger:
    def __init__(self):
        self.messages = []
    def log(self, m):
        self.messages.append(m)
class TimestampLogger(Logger):
    def __init__(self):
        super().__init__()
        self.t = 0
    def log(self, m):
        self.t += 1
        super().log(f"[{self.t}] {m}")
class UpperLogger(TimestampLogger):
    def log(self, m):
        super().log(m.upper())
u = UpperLogger()
for m in ["start", "work", "stop"]:
    u.log(m)
print(u.messages)
class Base:
    def __init__(self, *args, **kwargs):
        print("Base.__init__", args, kwargs)
class Kid(Base):
    def __init__(self, x, **kw):
        print("Kid.__init__", x)
        super().__init__(x * 2, **kw)
Kid(5, flag=True)
def outside_method(self):
    return "patched: " + ",".join(A.hello(self))
B.extra = outside_method
print(B().extra())
class Str(str):
    def upper(self):
        return "<" + super().upper() + ">"
print(Str("abc").upper(), Str("abc").lower())
