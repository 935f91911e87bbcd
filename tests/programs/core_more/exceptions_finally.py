# Exceptions: finally overriding return, nested handlers, args and repr,
# raise ... from None, __context__ / __cause__, re-raise, exception in finally.


def finally_wins():
    try:
        return "try"
    finally:
        return "finally"


def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def break_in_finally():
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
        finally:
            if i == 1:
                break
    return i


def continue_in_finally():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise RuntimeError
            out.append(i)
        finally:
            continue
    return out


print(finally_wins(), finally_swallows(), break_in_finally(), continue_in_finally())


def order():
    log = []
    try:
        try:
            log.append("inner try")
            1 / 0
        except ZeroDivisionError:
            log.append("inner except")
            raise TypeError("converted")
        else:
            log.append("inner else")
        finally:
            log.append("inner finally")
    except TypeError as e:
        log.append(f"outer except {e}")
        log.append(f"context={type(e.__context__).__name__}")
    else:
        log.append("outer else")
    finally:
        log.append("outer finally")
    return log


print(order())

for args in [(), ("one",), ("a", 2), (None,), ([1, 2], {"k": 3})]:
    e = Exception(*args)
    print(repr(e), "|", str(e), "|", e.args)
print(repr(KeyError("key")), str(KeyError("key")), str(KeyError()), str(KeyError(1, 2)))
print(repr(ValueError("it's")), repr(OSError(2, "No such file")), str(OSError(2, "No such file")))


class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {self.args[1]}"


try:
    raise AppError(404, "not found")
except AppError as e:
    print(e, repr(e), e.args, e.code)


def convert():
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("no key") from None


try:
    convert()
except ValueError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

try:
    try:
        raise OSError("disk")
    except OSError as exc:
        raise RuntimeError("wrapped") from exc
except RuntimeError as e:
    print(e, "<-", repr(e.__cause__), e.__suppress_context__)


def reraise():
    try:
        raise IndexError("original")
    except IndexError:
        try:
            raise
        finally:
            print("  finally during re-raise")


try:
    reraise()
except IndexError as e:
    print("re-raised:", e)

# the exception variable is deleted after the handler
try:
    raise ValueError("temp")
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print("NameError:", e)

# exception raised inside finally replaces the original, with context
try:
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")
except TypeError as e:
    print(e, "context:", repr(e.__context__))

# except with a tuple, and an exception matching a base class
for exc in [KeyError("k"), IndexError(1), ZeroDivisionError(), ArithmeticError("a")]:
    try:
        raise exc
    except (KeyError, IndexError) as e:
        print("lookup:", type(e).__name__, isinstance(e, LookupError))
    except ArithmeticError as e:
        print("arith:", type(e).__name__)

# with_traceback returns the exception; args can be reassigned
e = ValueError("x")
print(e.with_traceback(None) is e)
e.args = ("new", "args")
print(e, repr(e))
# nested functions unwinding through several frames with finally
trail = []


def level(n):
    try:
        if n == 0:
            raise LookupError("bottom")
        level(n - 1)
    finally:
        trail.append(n)


try:
    level(3)
except LookupError as e:
    print(e, trail)
