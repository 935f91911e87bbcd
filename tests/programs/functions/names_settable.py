# A function's __name__ and __qualname__ are settable (strings only), and the
# argument errors and tracebacks use the new names (as dataclasses relies on).
def f(a):
    pass


f.__qualname__ = "X.f"
print(f.__name__, f.__qualname__, repr(f).split(" at ")[0])
try:
    f()
except TypeError as e:
    print(e)
f.__name__ = "g"
print(f.__name__, f.__qualname__)
for attr, value in [("__name__", 3), ("__qualname__", None)]:
    try:
        setattr(f, attr, value)
    except TypeError as e:
        print(type(e).__name__, e)
print(f.__name__, f.__qualname__)
