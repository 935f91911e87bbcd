# A new function's __module__ is the globals' __name__ when it is made (genexprs,
# lambdas and closures made in a loop too), None when the name is missing.


def make():
    return (lambda: 1), (x for x in ()), [lambda: 2 for _ in range(1)][0]


def show(tag):
    f, g, h = make()
    print(tag, f.__module__, g.gi_code.co_name, h.__module__)


show("start")
saved = __name__
__name__ = "renamed"
show("renamed")
def late():
    pass
print(late.__module__)
del globals()["__name__"]
show("deleted")
def later():
    pass
print(later.__module__)
__name__ = 42
def other():
    pass
print(other.__module__)
__name__ = saved
print(any(x > 1 for x in (1, 2, 3)), all(x > 1 for x in (1, 2, 3)))
print(sum(x for x in range(5)), min(x for x in "cab"), tuple(x * 2 for x in (1, 2)))


class K:
    def m(self):
        return (lambda: 0).__module__


print(K().m(), K.m.__module__)
ns = {"__name__": "in_exec"}
exec("def f(): pass\nmod = f.__module__", ns)
print(ns["mod"])
ns = {}
exec("def f(): pass\nmod = f.__module__", ns)
print(ns["mod"])
