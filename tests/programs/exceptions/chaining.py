# Exception chaining: __cause__, __context__, __suppress_context__, nested handlers.
def show(e):
    print(type(e).__name__, repr(str(e)), "cause=", repr(e.__cause__), "context=", repr(e.__context__), "suppress=", e.__suppress_context__)
try:
    try:
        raise ValueError("low level")
    except ValueError as low:
        raise RuntimeError("high level") from low
except RuntimeError as e:
    show(e)
    show(e.__cause__)
try:
    try:
        int("bad")
    except ValueError:
        {}["missing"]
except KeyError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("replaced") from None
except TypeError as e:
    show(e)
try:
    try:
        raise KeyError("a")
    except KeyError as first:
        try:
            raise IndexError("b")
        except IndexError:
            raise ValueError("c")
except ValueError as e:
    show(e)
    show(e.__context__)
    print(e.__context__.__context__ is not None, type(e.__context__.__context__).__name__)
try:
    raise ValueError("explicit") from TypeError("cause object")
except ValueError as e:
    show(e)
err = None
try:
    raise OSError("outer")
except OSError as e:
    err = e
print(type(err).__name__, err.args, err.__context__)
try:
    try:
        raise ValueError("x")
    finally:
        print("finally runs before the handler")
except ValueError as e:
    show(e)
try:
    try:
        raise ValueError("in try")
    finally:
        raise KeyError("in finally")
except KeyError as e:
    show(e)
e1 = ValueError("a", "b")
e1.custom = 5
print(e1.args, e1.custom, str(e1), repr(e1), str(ValueError()), str(KeyError("k")), str(KeyError("k", "j")))
print(repr(ZeroDivisionError("division by zero")), repr(StopIteration(3)), StopIteration(3).value, repr(SystemExit(2)), SystemExit(2).code)
e2 = Exception("base")
e3 = e2.with_traceback(None)
print(e2 is e3)
def handler_sees_current():
    try:
        raise ValueError("current")
    except ValueError:
        try:
            raise
        except ValueError as again:
            return "re-raised inside handler: " + str(again)
print(handler_sees_current())
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
