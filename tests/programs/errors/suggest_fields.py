try:
    undefined_thing
except NameError as e:
    print(repr(e.name))
try:
    (1).real2
except AttributeError as e:
    print(e.name, e.obj)
e = AttributeError("m", name="n", obj=3)
print(e.name, e.obj, e.args, NameError("q", name="z").name, AttributeError().obj)
try:
    NameError(obj=1)
except TypeError as e:
    print(e)
import traceback
try:
    [].apend(1)
except AttributeError:
    print(traceback.format_exc().splitlines()[-1])

def f():
    total = 0
    def g():
        return totl
    return g()

f()
