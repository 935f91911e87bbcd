# with statements: suppression by __exit__'s return value, nested managers,
# exceptions in __enter__, exception details passed to __exit__, and a generator-based
# manager written by hand.


class Tracer:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress

    def __enter__(self):
        print(f"  enter {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        info = "none" if exc_type is None else f"{exc_type.__name__}({exc})"
        print(f"  exit {self.name}: {info}")
        return self.suppress


with Tracer("a") as t:
    print("body sees", t.name)

with Tracer("outer", suppress=True), Tracer("inner"):
    raise KeyError("swallowed by outer")
print("after suppressed")

try:
    with Tracer("x"), Tracer("y", suppress=True), Tracer("z"):
        raise ValueError("handled by y")
    print("continues after y suppressed")
except ValueError:
    print("never")


class FailEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *a):
        print("  exit must not run")


try:
    with Tracer("before"), FailEnter():
        print("never")
except RuntimeError as e:
    print("RuntimeError:", e)


class ExitRaises:
    def __enter__(self):
        return None

    def __exit__(self, et, ev, tb):
        raise TypeError(f"exit replaced {et.__name__ if et else None}")


try:
    with ExitRaises():
        1 / 0
except TypeError as e:
    print("TypeError:", e, "| context:", type(e.__context__).__name__)


def control_flow():
    out = []
    for i in range(4):
        with Tracer(f"loop{i}"):
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
    with Tracer("ret"):
        return out


print(control_flow())


class Managed:
    """A hand-written equivalent of a @contextmanager generator."""

    def __init__(self, gen):
        self.gen = gen

    def __enter__(self):
        return next(self.gen)

    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


def opened(name):
    print(f"  open {name}")
    try:
        yield name.upper()
    except ZeroDivisionError:
        print(f"  {name}: handled division error")
    finally:
        print(f"  close {name}")


with Managed(opened("file1")) as h:
    print("using", h)
with Managed(opened("file2")) as h:
    1 / 0
print("division error was handled")
try:
    with Managed(opened("file3")):
        raise LookupError("propagates")
except LookupError as e:
    print("LookupError:", e)


class Resource:
    count = 0

    def __enter__(self):
        Resource.count += 1
        return Resource.count

    def __exit__(self, *exc):
        Resource.count -= 1


with Resource() as r1:
    with Resource() as r2:
        print("depth", r1, r2, Resource.count)
print("depth after", Resource.count)
