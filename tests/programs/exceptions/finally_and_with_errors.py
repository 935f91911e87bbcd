# Exceptions interacting with finally, with-blocks, loops and generators; exception state after handlers.
def risky(n):
    try:
        if n == 0:
            raise ValueError("zero")
        return 10 // n
    finally:
        print(f"  risky({n}) finally")
for n in (2, 0):
    try:
        print("result", risky(n))
    except ValueError as e:
        print("caught", e)
class Guard:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"  enter {self.name}")
        return self
    def __exit__(self, et, ev, tb):
        print(f"  exit {self.name}: {et.__name__ if et else None}")
        if et is KeyError:
            return True
        if et is ValueError:
            raise RuntimeError(f"converted in {self.name}") from ev
        return None
for exc in (None, KeyError("k"), ValueError("v"), TypeError("t")):
    try:
        with Guard("outer"), Guard("inner"):
            if exc:
                raise exc
            print("  body ok")
        print("after with")
    except Exception as e:
        print("escaped:", type(e).__name__, e, "| cause:", repr(e.__cause__))
def exit_raises():
    class Bad:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            raise IndexError("from __exit__")
    try:
        with Bad():
            raise KeyError("original")
    except IndexError as e:
        return f"{type(e).__name__}: {e}; context={e.__context__!r}"
print(exit_raises())
def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("  generator closing")
        raise
    finally:
        print("  generator finally")
g = gen()
print(next(g))
g.close()
try:
    raise ValueError("outer")
except ValueError:
    try:
        raise KeyError("inner")
    except KeyError as inner:
        print("inner context:", repr(inner.__context__))
    print("back in outer handler")
def nested_finally():
    out = []
    try:
        try:
            out.append("try")
            return out
        finally:
            out.append("inner finally")
    finally:
        out.append("outer finally")
print(nested_finally())
def count_errors(items):
    errors = {}
    for it in items:
        try:
            {"a": 1}[it] if isinstance(it, str) else [0][it]
        except LookupError as e:
            errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1
        except TypeError:
            errors["TypeError"] = errors.get("TypeError", 0) + 1
    return errors
print(count_errors(["a", "b", 0, 5, 1.5, "c", -3, None]))
