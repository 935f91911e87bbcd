# A metaclass's __call__ runs when its classes are called (also for classes whose
# __init__ is a plain Python function), and it can skip or replace __init__.


class Singleton(type):
    instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in Singleton.instances:
            print(f"  creating {cls.__name__}{args}")
            Singleton.instances[cls] = super().__call__(*args, **kwargs)
        return Singleton.instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, name):
        self.name = name


a = Config("first")
b = Config("second")
print(a is b, a.name, type(Config).__name__)



class Counted(type):
    calls = 0

    def __call__(cls, *args, **kwargs):
        Counted.calls += 1
        obj = super().__call__(*args, **kwargs)
        obj.serial = Counted.calls
        return obj


class Point(metaclass=Counted):
    def __init__(self, x, y=0):
        self.x, self.y = x, y


pts = [Point(i, y=i * i) for i in range(3)]
print([(p.x, p.y, p.serial) for p in pts], Counted.calls)


class NoInit(type):
    def __call__(cls, *args):
        obj = cls.__new__(cls)
        obj.args = args
        return obj


class Raw(metaclass=NoInit):
    def __init__(self, *args):
        raise RuntimeError("never called")


r = Raw(1, 2)
print(type(r).__name__, r.args)


class Sub(Point):
    pass


s = Sub(7)
print(s.x, s.y, s.serial, type(Sub).__name__)
