# with statement: custom context managers, multiple items, suppression.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("x") as x, CM("y") as y:
    print("body", x, y)
with CM("s", suppress=True):
    raise ValueError("suppressed!")
print("after suppressed")
try:
    with CM("n"):
        raise KeyError("not suppressed")
except KeyError as e:
    print("caught", repr(e))
with CM("outer", True):
    with CM("inner"):
        1 / 0
    print("not reached")
print("after nested")
def func():
    with CM("ret"):
        return "returned"
print(func())
for i in range(3):
    with CM(str(i)):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
class Tracker:
    def __init__(self):
        self.log = []
    def __enter__(self):
        self.log.append("enter")
        return self
    def __exit__(self, *args):
        self.log.append("exit")
with Tracker() as t:
    t.log.append("inside")
print(t.log)
with CM("p") as (a):
    print(a)
