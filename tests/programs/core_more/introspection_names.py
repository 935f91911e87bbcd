# Names and introspection: __name__ / __qualname__ of nested functions, classes and
# lambdas, __module__, __doc__, __class__, __dict__ contents, callable(),
# isinstance with tuples, type() with three arguments.


def outer():
    def inner():
        """Inner doc."""
        return 1

    class Local:
        def method(self):
            pass

    return inner, Local, lambda: 0


inner, Local, lam = outer()
print(inner.__name__, inner.__qualname__, inner.__doc__, lam.__name__, lam.__qualname__)
print(Local.__name__, Local.__qualname__, Local.method.__qualname__, Local.__module__, inner.__module__)


class Outer:
    """Outer doc."""

    class Inner:
        pass

    def m(self):
        """m doc"""

    @staticmethod
    def s():
        pass

    @classmethod
    def c(cls):
        pass


print(Outer.Inner.__qualname__, Outer.m.__qualname__, Outer.s.__qualname__, Outer.c.__qualname__, Outer.__doc__, Outer.m.__doc__)
o = Outer()
print(type(o).__name__, o.__class__ is Outer, type(Outer).__name__, type(type).__name__, Outer.c.__self__ is Outer, o.m.__self__ is o)
print(o.m.__func__ is Outer.m, callable(o.m), callable(Outer), callable(o), callable(len), callable(3))
print(sorted(k for k in vars(Outer) if not k.startswith("__")), "m" in Outer.__dict__, "m" in o.__dict__)
print(isinstance(3, (str, (float, int))), isinstance(True, int), issubclass(bool, (int,)), isinstance(o, object), issubclass(Outer, Outer))
Dyn = type("Dyn", (Outer,), {"x": 5, "get": lambda self: self.x * 2})
print(Dyn.__name__, Dyn.__bases__[0].__name__, Dyn().get(), Dyn().m.__qualname__, isinstance(Dyn(), Outer))
print(len.__name__, print.__qualname__ if hasattr(print, "__qualname__") else "print", int.__name__, [].append.__name__, str.upper.__qualname__)
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__, type(lambda: 0).__name__, type(print).__name__)
print(type(outer).__name__, type(o.m).__name__, type(range(1)).__name__, type(iter([])).__name__, type(x for x in []).__name__)
print(__name__, outer.__code__.co_name if hasattr(outer, "__code__") else "outer", outer.__defaults__, (lambda a=1, *, b=2: 0).__kwdefaults__)


def annotated(a: int, b: "str" = "x") -> bool:
    return True


print(annotated.__annotations__, annotated.__defaults__, annotated.__name__)
print(int.__mro__, bool.__mro__ if False else bool.__bases__, object.__bases__, type.__mro__)
