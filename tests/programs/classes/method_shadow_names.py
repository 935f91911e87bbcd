# LOAD_METHOD's check that an instance attribute does not shadow the method: a
# name never stored as an instance attribute skips the scan of the instance's
# attributes; these cases store it later (or through other paths) and must see it.


class C:
    def __init__(self):
        self.strength = 1
        self.v1 = 2
        self.v2 = 3
        self.direction = 4

    def execute(self):
        return "method execute"

    def input(self):
        return "method input"


def run(objs):
    out = []
    for o in objs:
        out.append(o.execute())
        out.append(o.input())
    return out


a, b = C(), C()
print(run([a, b]))
# An instance attribute of the method's name, added later: it shadows the method.
b.execute = lambda: "instance execute"
print(run([a, b]))
# Through setattr with a name built at run time (not interned).
name = "".join(["in", "put"])
setattr(a, name, lambda: "runtime-named input")
print(run([a, b]))
del a.input
print(run([a, b]))


# Another class's attribute of that name does not shadow anything here.
class D:
    def __init__(self):
        self.execute_count = 0
        self.go = "attr go"

    def run(self):
        return "D.run"

    def go(self):
        return "method go"


d = D()
print(d.run(), d.go)
for _ in range(3):
    print(d.run())
d.run = lambda: "shadowed run"
for _ in range(2):
    print(d.run())


# __class__ assignment: the instance keeps its attributes.
class E:
    def run(self):
        return "E.run"


class F:
    def run(self):
        return "F.run"


e = E()
e.run = lambda: "e's own run"
f = F()
for o in [f, f, e]:
    print(o.run())
f.__class__ = E
e.__class__ = F
for o in [f, e]:
    print(o.run())


# Many attributes (past the inline limit, a dict) and the method name among them.
class G:
    def m(self):
        return "G.m"


g = G()
for i in range(20):
    setattr(g, "a%d" % i, i)
print(g.m())
g.m = lambda: "g's m"
print(g.m())


# A name made by vars() / __dict__ writes.
class H:
    def m(self):
        return "H.m"


h = H()
h.x = 1
print(h.m())
vars(h)["m"] = lambda: "from vars"
print(h.m())


# __slots__ with the method name is an error; a slot named like another method.
class S:
    __slots__ = ("x", "y")

    def m(self):
        return "S.m"


s = S()
s.x = 1
print(s.m())
s.y = 2
print(s.m(), s.x, s.y)
