import inspect
import functools
import sys


def plain(a, b=2, *args, c, d=4, **kw):
    """Plain function.

        Indented detail.
    """
    return a


def annotated(x: int, y: "str" = "s", /, z: list = None) -> bool:
    return True


def gen():
    yield 1


class Base:
    """Base doc."""

    def method(self, q):
        """Method doc."""
        return q

    @classmethod
    def cm(cls, r=1):
        return r

    @staticmethod
    def sm(s, t=0):
        return s

    @property
    def prop(self):
        return 1


class Child(Base):
    def method(self, q):
        return q * 2


def deco(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        return f(*a, **k)
    return wrapper


@deco
def wrapped(m, n=3):
    return m + n


print([inspect.isfunction(x) for x in (plain, len, Base.method, Base().method, Base)])
print([inspect.isclass(x) for x in (Base, Base(), int, plain)])
print([inspect.ismethod(x) for x in (Base().method, Base.method, Base.cm, Base.sm)])
print(inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(plain),
      inspect.isgenerator(gen()), inspect.isgenerator(plain))
print(inspect.iscoroutinefunction(plain), inspect.isbuiltin(len), inspect.isbuiltin(plain))
print(inspect.isroutine(plain), inspect.isroutine(len), inspect.isroutine(Base))
print(inspect.ismodule(inspect), inspect.ismodule(plain), inspect.iscode(plain.__code__))
print(inspect.isframe(sys._getframe()), inspect.isframe(plain))
try:
    1 / 0
except ZeroDivisionError as e:
    print(inspect.istraceback(e.__traceback__), inspect.istraceback(e))

print(inspect.signature(plain))
print(inspect.signature(annotated))
print(inspect.signature(Base().method), inspect.signature(Base.cm), inspect.signature(Base.sm))
print(inspect.signature(Child))
print(inspect.signature(wrapped), inspect.unwrap(wrapped) is not wrapped)
print(inspect.signature(functools.partial(plain, 1, c=3)))
sig = inspect.signature(plain)
for name, p in sig.parameters.items():
    print(" ", name, p.kind, p.default is inspect.Parameter.empty, str(p))
ba = sig.bind(1, 2, 3, c=5, e=6)
print(ba.arguments, ba.args, ba.kwargs)
ba.apply_defaults()
print(ba)
try:
    sig.bind()
except TypeError as e:
    print("TypeError:", e)
print(inspect.getfullargspec(plain))

print(repr(inspect.getdoc(plain)))
print(inspect.getdoc(Child.method), "|", inspect.getdoc(Child))
print(repr(inspect.cleandoc("  first\n    second\n      third\n\n")))

names = [n for n, v in inspect.getmembers(Base) if not n.startswith("__")]
print(names)
print([n for n, v in inspect.getmembers(Base(), inspect.ismethod)])

print(inspect.getsource(plain), end="")
lines, start = inspect.getsourcelines(Base.method)
print(start, len(lines), lines[0].strip())
print(inspect.getsource(Child), end="")
print(inspect.getsource(wrapped).splitlines()[0])
print(inspect.getfile(plain).rsplit("/", 1)[-1], inspect.getmodule(plain).__name__,
      inspect.getmodule(Base).__name__)
print(inspect.getsourcefile(inspect.getmodule(plain)).rsplit("/", 1)[-1])


def where():
    f = inspect.currentframe()
    info = inspect.getframeinfo(f)
    stack = inspect.stack()
    return (f.f_code.co_name, info.lineno, info.function, info.code_context[0].strip(),
            [s.function for s in stack], stack[1].code_context[0].strip())


print(where())
print(inspect.getcomments(where))  # no comment above


# A comment above.
def commented():
    pass


print(repr(inspect.getcomments(commented)))
print(inspect.getgeneratorstate(gen()))
g = gen()
next(g)
print(inspect.getgeneratorstate(g))
