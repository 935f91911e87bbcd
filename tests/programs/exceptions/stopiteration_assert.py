# StopIteration details, AssertionError, RecursionError, OverflowError.
it = iter([1])
next(it)
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value, e.args)
def g():
    yield 1
    return "done"
gen = g()
next(gen)
try:
    next(gen)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
try:
    assert 2 + 2 == 5, ("tuple", "message")
except AssertionError as e:
    print("AssertionError", e.args, str(e))
def deep(n):
    return deep(n + 1) + 1
try:
    deep(0)
except RecursionError as e:
    print("RecursionError", type(e).__mro__[1].__name__)
for expr in ["1e308 * 10", "2.0 ** 2000", "float(10 ** 400)", "int(float('inf'))", "int(float('nan'))"]:
    try:
        if expr == "1e308 * 10":
            print("no overflow for mul:", 1e308 * 10)
        elif expr == "2.0 ** 2000":
            2.0 ** 2000
        elif expr == "float(10 ** 400)":
            float(10 ** 400)
        elif expr == "int(float('inf'))":
            int(float("inf"))
        else:
            int(float("nan"))
    except (OverflowError, ValueError) as e:
        print(expr, "->", type(e).__name__, e if expr != "2.0 ** 2000" else "")
class Empty:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("custom")
print(list(Empty()), next(Empty(), "dflt"))
try:
    raise StopIteration
except Exception as e:
    print("StopIteration is an Exception:", type(e).__name__)
