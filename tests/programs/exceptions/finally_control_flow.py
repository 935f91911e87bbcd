# break / continue / return leaving try, except, finally and with blocks, in loops,
# handlers and nested finally bodies: what runs, in which order, and what is returned.
import sys

log = []


def show(name, value):
    print(name, repr(value), log)
    log.clear()


# return in try, continue in finally: the return is abandoned each time round.
def return_continue():
    for i in range(3):
        try:
            log.append(i)
            return i
        finally:
            continue
    return "after loop"


show("return_continue", return_continue())


def return_break():
    for i in range(3):
        try:
            log.append(i)
            return i
        finally:
            break
    return "broke out"


show("return_break", return_break())


def return_continue_while():
    n = 0
    while n < 4:
        n += 1
        try:
            return n
        finally:
            log.append(n)
            if n < 3:
                continue
    return "unreachable"


show("return_continue_while", return_continue_while())


def finally_return_overrides():
    try:
        return "try"
    finally:
        return "finally"


show("finally_return_overrides", finally_return_overrides())


def break_in_try():
    for i in range(5):
        try:
            if i == 2:
                break
            log.append(i)
        finally:
            log.append("f%d" % i)
    return i


show("break_in_try", break_in_try())


def continue_nested_finally():
    for i in range(2):
        try:
            try:
                try:
                    continue
                finally:
                    log.append("inner%d" % i)
            finally:
                log.append("middle%d" % i)
        finally:
            log.append("outer%d" % i)
    return "done"


show("continue_nested_finally", continue_nested_finally())


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append("enter " + self.name)
        return self

    def __exit__(self, t, v, tb):
        log.append("exit %s %s" % (self.name, t.__name__ if t else None))
        return self.suppress


def return_through_with():
    for i in range(3):
        try:
            with CM("a"):
                with CM("b"):
                    return i * 10
        finally:
            log.append("finally")


show("return_through_with", return_through_with())


def break_through_with():
    for i in range(3):
        with CM("w%d" % i):
            if i == 1:
                break
            log.append("body%d" % i)
    else:
        log.append("else")
    return i


show("break_through_with", break_through_with())


def with_suppress_continue():
    out = []
    for i in range(3):
        with CM("s%d" % i, suppress=True):
            if i == 1:
                raise KeyError(i)
            out.append(i)
            continue
    return out


show("with_suppress_continue", with_suppress_continue())


def return_in_except():
    try:
        raise ValueError("v")
    except ValueError as e:
        log.append(str(e))
        return "from except"
    finally:
        log.append("finally, handled: %r" % (sys.exc_info()[1],))


show("return_in_except", return_in_except())


def except_name_cleared():
    for i in range(2):
        try:
            raise KeyError(i)
        except KeyError as err:
            if i == 0:
                continue
            break
    try:
        err
    except NameError as ne:
        log.append("NameError")
    return sys.exc_info()


show("except_name_cleared", except_name_cleared())


def break_in_except_in_loop():
    for i in range(3):
        try:
            1 / 0
        except ZeroDivisionError:
            try:
                break
            finally:
                log.append("inner finally %r" % (sys.exc_info()[0].__name__,))
    return sys.exc_info()


show("break_in_except_in_loop", break_in_except_in_loop())


def continue_swallows_exception():
    for i in range(3):
        try:
            raise RuntimeError(i)
        finally:
            log.append(i)
            continue
    return "swallowed"


show("continue_swallows_exception", continue_swallows_exception())


def break_swallows_exception():
    while True:
        try:
            raise RuntimeError("x")
        finally:
            break
    return sys.exc_info()


show("break_swallows_exception", break_swallows_exception())


def return_swallows_exception():
    try:
        raise RuntimeError("lost")
    finally:
        return "returned"


show("return_swallows_exception", return_swallows_exception())


def nested_finally_returns():
    try:
        try:
            try:
                return 1
            finally:
                log.append("a")
                return 2
        finally:
            log.append("b")
    finally:
        log.append("c")


show("nested_finally_returns", nested_finally_returns())


def finally_raises_during_return():
    try:
        return "never"
    finally:
        raise ValueError("from finally")


try:
    finally_raises_during_return()
except ValueError as e:
    show("finally_raises_during_return", (str(e), e.__context__))


def finally_raises_during_exception():
    try:
        raise KeyError("first")
    finally:
        raise ValueError("second")


try:
    finally_raises_during_exception()
except ValueError as e:
    show("finally_raises_during_exception", (str(e), repr(e.__context__)))


def try_else_finally():
    for i in range(3):
        try:
            log.append("try%d" % i)
        except Exception:
            log.append("never")
        else:
            if i == 1:
                return "else returns %d" % i
            continue
        finally:
            log.append("finally%d" % i)


show("try_else_finally", try_else_finally())


def loop_in_finally_keeps_return_value():
    try:
        return "kept"
    finally:
        for j in range(5):
            if j == 1:
                continue
            if j == 3:
                break
            log.append(j)
        while True:
            break


show("loop_in_finally_keeps_return_value", loop_in_finally_keeps_return_value())


def return_continue_in_nested_loop():
    out = []
    for i in range(3):
        for j in range(3):
            try:
                return (i, j)
            finally:
                out.append((i, j))
                if j < 2:
                    continue
                break
    return out


show("return_continue_in_nested_loop", return_continue_in_nested_loop())


def deep_finally(depth):
    def build(n):
        try:
            if n == 0:
                return "bottom"
            return build(n - 1)
        finally:
            log.append(n)
    return build(depth)


show("deep_finally", deep_finally(4))


def static_deep():
    for a in range(2):
        try:
            for b in range(2):
                try:
                    for c in range(2):
                        try:
                            if c == 1:
                                return (a, b, c)
                            if b == 0:
                                continue
                            break
                        finally:
                            log.append("c%d%d%d" % (a, b, c))
                finally:
                    log.append("b%d%d" % (a, b))
        finally:
            log.append("a%d" % a)


show("static_deep", static_deep())


def gen_finally():
    for i in range(4):
        try:
            yield i
            if i == 1:
                return
        finally:
            log.append("gen finally %d" % i)
            if i == 0:
                continue


show("gen_finally", list(gen_finally()))


def return_in_handler_of_finally():
    for i in range(2):
        try:
            raise OSError(i)
        finally:
            try:
                raise KeyError(i)
            except KeyError:
                if i == 0:
                    continue
                return "handler in finally %d, handling %r" % (i, sys.exc_info()[0].__name__)


show("return_in_handler_of_finally", return_in_handler_of_finally())


def exc_info_restored():
    try:
        raise TypeError("outer")
    except TypeError:
        for i in range(2):
            try:
                raise ValueError(i)
            except ValueError:
                if i == 0:
                    continue
                break
        log.append(repr(sys.exc_info()[1]))
    return sys.exc_info()


show("exc_info_restored", exc_info_restored())


def with_in_except_return():
    try:
        raise LookupError("l")
    except LookupError:
        with CM("in except"):
            return "with in except"


show("with_in_except_return", with_in_except_return())


def with_exit_raises_on_return():
    class Bad(CM):
        def __exit__(self, *a):
            log.append("bad exit")
            raise ArithmeticError("exit failed")
    try:
        with Bad("bad"):
            return "lost"
    except ArithmeticError as e:
        return "caught " + str(e)


show("with_exit_raises_on_return", with_exit_raises_on_return())


def for_else_break_in_finally():
    for i in range(3):
        try:
            pass
        finally:
            if i == 1:
                break
    else:
        return "else"
    return "broke at %d" % i


show("for_else_break_in_finally", for_else_break_in_finally())


def nested_pop_value():
    # A return inlines the outer finally, whose own try/finally returns and breaks.
    for i in range(2):
        try:
            return "outer"
        finally:
            try:
                return "inner %d" % i
            finally:
                log.append("inner finally %d" % i)
                if i == 0:
                    break
    return "after loop"


show("nested_pop_value", nested_pop_value())


def break_in_finally_in_except():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError as e:
            try:
                raise ValueError(i)
            finally:
                log.append(repr(sys.exc_info()[1]))
                break
    return sys.exc_info()


show("break_in_finally_in_except", break_in_finally_in_except())


def continue_in_except_in_finally():
    for i in range(2):
        try:
            raise OSError("o%d" % i)
        finally:
            try:
                raise KeyError(i)
            except KeyError:
                log.append(repr(sys.exc_info()[1]))
                continue
    return sys.exc_info()


show("continue_in_except_in_finally", continue_in_except_in_finally())


def gen_yield_in_finally_on_return():
    try:
        return
    finally:
        yield "from finally"
        log.append("after yield")


show("gen_yield_in_finally_on_return", list(gen_yield_in_finally_on_return()))


def with_return_continue():
    for i in range(3):
        with CM("r%d" % i):
            try:
                return i
            finally:
                if i < 2:
                    continue
    return "no"


show("with_return_continue", with_return_continue())
print(sys.exc_info())
