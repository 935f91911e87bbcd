# Private name mangling: inside a class, `__x` becomes `_Class__x`.

__g = "module global __g"
_A__g = "module global _A__g"


class A:
    __count = 0          # class attribute, stored as _A__count
    __dunder__ = "kept"  # __x__ is not mangled
    __ = "two underscores"

    def __init__(self, x):
        self.__x = x
        self.y = 1
        A.__count += 1

    def __m(self):
        return "A.__m sees " + str(self.__x)

    def call_m(self):
        return self.__m()

    def get_global(self):
        return __g       # looks up _A__g

    def nested(self):
        def inner():
            return self.__x * 2
        lam = lambda: self.__x + 100
        comp = [self.__x + i for i in range(3)]
        gen = list(v for v in (self.__x,))
        dct = {__k: __k * 2 for __k in range(2)}
        return inner(), lam(), comp, gen, dct

    def locals_mangled(self):
        __local = 5
        return sorted(locals())

    def params(self, __p, *, __k=3):
        return __p + __k

    @classmethod
    def count(cls):
        return cls.__count

    def delete(self):
        del self.__x

    class __Inner:
        __v = "inner value"

        def get(self):
            return self.__v

    def make_inner(self):
        return self.__Inner()

    class Nested:
        def __init__(self):
            self.__n = "nested"  # innermost class wins: _Nested__n

    def annotated(self, __a: int) -> str:
        return ""

    __ann: int = 4


a = A(10)
print(vars(a))
print(a.call_m())
print(a.get_global())
print(a.nested())
print(a.locals_mangled())
print(a.params(1))
print(a.params(1, _A__k=10))
print(A.params.__code__.co_varnames)
print(A.params.__kwdefaults__)
print(A.annotated.__annotations__)
print(A.__annotations__)
print(A.count())
print(getattr(a, "_A__x"))
print(a._A__m())
print(A._A__count, A.__dunder__, A.__)
print(sorted(k for k in vars(A) if not k.startswith("__") or k == "__"))
print(A._A__Inner.__name__, A._A__Inner.__qualname__)
print(a.make_inner().get())
print(vars(A.Nested()))

try:
    a.__x
except AttributeError as e:
    print("AttributeError:", e)

a.delete()
try:
    a.call_m()
except AttributeError as e:
    print("AttributeError:", e)
try:
    a.delete()
except AttributeError as e:
    print("AttributeError:", e)

try:
    A(1).params(__p=1)
except TypeError as e:
    print("TypeError:", e)


def outside(obj):
    # Not in a class: nothing is mangled.
    return getattr(obj, "__x", "no __x")


print(outside(A(3)))


class _B:
    def __init__(self):
        self.__x = 1


class __C:
    def __init__(self):
        self.__x = 2


class ___:
    def __init__(self):
        self.__x = 3  # class named only with underscores: not mangled


print(vars(_B()), vars(__C()), vars(___()))


class D(A):
    def __init__(self):
        super().__init__(7)
        self.__x = "D's own"

    def peek(self):
        try:
            return self.__m()
        except AttributeError as e:
            return "AttributeError: " + str(e)


d = D()
print(sorted(vars(d).items()))
print(d.peek())
print(d.call_m())


class E:
    global __eg
    __eg = "global set from class E"

    def setg(self):
        global __h
        __h = "global _E__h"


E().setg()
print(_E__eg, _E__h)


class F:
    __slots__ = ("__s", "t", "__u__")

    def __init__(self):
        self.__s = 1
        self.t = 2
        self.__u__ = 3

    def show(self):
        return self.__s, self.t, self.__u__


f = F()
print(F.__slots__, f.show(), f._F__s)
print(hasattr(f, "__dict__"))
try:
    f.__s = 5  # outside the class: the slot is _F__s, so there is none named __s
except AttributeError as e:
    print("AttributeError:", e)
f._F__s = 6
print(f.show())


class G:
    def walrus(self):
        return [(__w := i) for i in range(2)], __w

    def imports(self):
        import os.path as __p
        from os import path as __q
        return __p is __q, sorted(k for k in locals())


print(G().walrus())
print(G().imports())
try:
    class H:
        import __nosuchmod
except ImportError as e:
    print("ImportError:", e)
