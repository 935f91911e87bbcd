# The standard exception hierarchy: catching by base classes.
def raiser(kind):
    if kind == "key":
        {}["x"]
    elif kind == "index":
        [][1]
    elif kind == "zero":
        1 / 0
    elif kind == "overflow":
        2.0 ** 5000
    elif kind == "type":
        1 + None
    elif kind == "value":
        int("x")
    elif kind == "name":
        nope
    elif kind == "attr":
        None.x
    elif kind == "stop":
        next(iter(()))
    elif kind == "assert":
        assert False, "asserted"
    elif kind == "unbound":
        def h():
            v += 1
            v = 0
        h()
    elif kind == "notimpl":
        raise NotImplementedError("todo")
    elif kind == "recursion":
        def r():
            r()
        r()
    elif kind == "unicode":
        "é".encode("ascii")
for kind in ["key", "index", "zero", "overflow", "type", "value", "name", "attr", "stop",
             "assert", "unbound", "notimpl", "recursion", "unicode"]:
    caught = []
    for base in (LookupError, ArithmeticError, NameError, RuntimeError, ValueError, Exception, BaseException):
        try:
            raiser(kind)
        except base as e:
            caught.append(base.__name__)
        except BaseException:
            pass
    try:
        raiser(kind)
    except BaseException as e:
        name = type(e).__name__
    print(f"{name:20} caught by {caught}")
chain = lambda c: [k.__name__ for k in c.__mro__]
for exc in [KeyError, IndexError, ZeroDivisionError, OverflowError, UnboundLocalError, RecursionError,
            NotImplementedError, StopIteration, GeneratorExit, KeyboardInterrupt, SystemExit,
            UnicodeDecodeError, FileNotFoundError, ModuleNotFoundError, TypeError, AssertionError]:
    print(chain(exc))
print(issubclass(KeyError, LookupError), issubclass(StopIteration, Exception), issubclass(SystemExit, Exception))
try:
    raise SystemExit(5)
except SystemExit as e:
    print("SystemExit caught, code =", e.code)
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("KeyboardInterrupt caught via BaseException", repr(e))
