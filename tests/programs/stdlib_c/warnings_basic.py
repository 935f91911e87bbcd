import warnings

def f():
    warnings.warn("deprecated thing", DeprecationWarning, stacklevel=2)

def g():
    warnings.warn("careful")

g()
g()
for i in range(3):
    warnings.warn("in loop")
f()
warnings.warn("runtime", RuntimeWarning)
warnings.warn(UserWarning("instance"))
class MyWarning(UserWarning):
    pass
warnings.warn("custom", MyWarning)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("a")
    warnings.warn("b", FutureWarning)
    g()
    g()
    print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w], [x.lineno for x in w])
    print(w[0].filename.rsplit("/", 1)[-1], str(w[0])[:40])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom")
    except UserWarning as e:
        print("caught", repr(e))
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="ign")
    warnings.warn("ignore me")
    warnings.warn("shown", stacklevel=1)
with warnings.catch_warnings():
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once msg")
    warnings.warn("once msg")
with warnings.catch_warnings():
    warnings.filterwarnings("error", category=RuntimeWarning)
    try:
        warnings.warn("rt", RuntimeWarning)
    except RuntimeWarning as e:
        print("rt caught", e)
    warnings.warn("user ok")
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "line of code"), end="")
warnings.warn("deprecated in main", DeprecationWarning)
def h():
    warnings.warn("deprecated too", DeprecationWarning, stacklevel=3)
h()
print("done")
