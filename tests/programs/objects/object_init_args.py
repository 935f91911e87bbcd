# object.__init__ with extra arguments: a TypeError when the class overrides __init__
# or does not override __new__ (CPython's object_init), silent when only __new__ takes
# them; obj.__class__ is not hidden by an instance-dict key.
class P:
    def __init__(self, x):
        super().__init__()
        self.x = x


class Bad:
    def __init__(self, x):
        super().__init__(x)


class OnlyNew:
    def __new__(cls, *args):
        return super().__new__(cls)


class Both(OnlyNew):
    def __init__(self, *args):
        super().__init__(*args)


for f in (
    lambda: object.__init__(P(1), 5),
    lambda: object().__init__(1),
    lambda: Bad(1),
    lambda: object.__init__(P(1), k=1),
    lambda: Both(1, 2),
):
    try:
        f()
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
o = OnlyNew(1, 2)
object.__init__(o, 1, 2)
print(type(o).__name__, P(3).x)


class Q:
    pass


try:
    Q(1)
except TypeError as e:
    print("TypeError:", e)

p = P(1)
p.__dict__["__class__"] = 5
print(p.__class__.__name__, p.__dict__["__class__"])
for _ in range(3):
    print(p.__class__ is P)
