import atexit
import weakref


class Conn:
    def __init__(self, name):
        self.name = name


def closed(name):
    print("finalize at exit:", name)


def goodbye(who, punct="!"):
    print("goodbye", who + punct)


def never():
    print("unregistered: not called")


c = Conn("db")
f = weakref.finalize(c, closed, "db")
atexit.register(goodbye, "world")
atexit.register(goodbye, "again", punct="?")
atexit.register(never)
atexit.unregister(never)
print(atexit._ncallbacks() >= 2, f.alive)
try:
    atexit.register(3)
except TypeError as e:
    print("TypeError:", e)


@atexit.register
def decorated():
    print("decorated runs first (registered last)")


print("main done")
