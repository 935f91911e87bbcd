# raise with instances, classes, from, bare re-raise.
def check(v):
    if v < 0:
        raise ValueError("negative: " + str(v))
    return v
try:
    check(-1)
except ValueError as e:
    print("caught", e, e.args)
try:
    raise KeyError
except KeyError as e:
    print("class raised", repr(e), e.args)
def reraiser():
    try:
        check(-5)
    except ValueError:
        print("logging and re-raising")
        raise
try:
    reraiser()
except ValueError as e:
    print("outer got", e)
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, "cause:", repr(e.__cause__), "context:", repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(e, "context:", repr(e.__context__), "cause:", e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no context") from None
except ValueError as e:
    print(e, e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise TypeError("a", 1, [2])
except TypeError as e:
    print(e.args, str(e), repr(e))
try:
    raise Exception()
except Exception as e:
    print(repr(str(e)), repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
def gen_err():
    e = ValueError("stored")
    return e
try:
    raise gen_err()
except ValueError as e:
    print("raised stored:", e)
try:
    try:
        raise ValueError("first")
    except ValueError as e:
        err = e
    raise err
except ValueError as e2:
    print("re-raised variable:", e2)
