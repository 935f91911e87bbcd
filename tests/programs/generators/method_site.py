# LOAD_METHOD caches a generator's native methods per call site: a site that sees
# generators and other objects with methods of the same names, bound methods kept
# and called later, and the methods of a finished or closed generator.


def echo():
    got = None
    while True:
        got = yield got


class FakeGen:
    def send(self, v):
        return ("fake", v)

    def close(self):
        return "fake closed"


class GenLike(FakeGen):
    def __getattribute__(self, name):
        if name == "send":
            return lambda v: ("intercepted", v)
        return object.__getattribute__(self, name)


g = echo()
next(g)
objs = [g, FakeGen(), g, GenLike(), g]
for i, o in enumerate(objs):
    print(o.send(i))
sends = [o.send for o in objs]
print([s(10) for s in sends])
print(g.send.__name__, type(g.send).__name__, g.send.__self__ is g)
print(g.close(), objs[1].close())
try:
    g.send(1)
except StopIteration as e:
    print("StopIteration", e.value)
h = echo()
try:
    h.send(5)
except TypeError as e:
    print("TypeError:", e)
print(h.send(None), h.send(7), h.throw is not None)
try:
    h.throw(ValueError("x"))
except ValueError as e:
    print("ValueError:", e)
try:
    echo.send
except AttributeError as e:
    print("AttributeError:", e)
