# Assigning C.__bases__: the MRO of C and of its subclasses changes, method lookups
# and isinstance follow (caches invalidated), and CPython's TypeErrors for bad values.


def names(cls):
    return [k.__name__ for k in cls.__mro__]


def t(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def setb(cls, v):
    cls.__bases__ = v
    return names(cls)


class A:
    def f(self):
        return "A.f"

    def __repr__(self):
        return "<A-based %s>" % type(self).__name__


class B:
    def f(self):
        return "B.f"

    def g(self):
        return "B.g"

    def __len__(self):
        return 7


class C(A):
    pass


class D(C):
    def h(self):
        return super().f()


d = D()


def call_f(o):
    return o.f()


for i in range(3):
    print("before", call_f(d), d.h(), repr(d), isinstance(d, A), isinstance(d, B))
print(names(C), names(D), C.__bases__, C.__base__)
C.__bases__ = (B,)
print("after", call_f(d), d.h(), d.g(), len(d), isinstance(d, A), isinstance(d, B))
print(names(C), names(D), C.__bases__, issubclass(D, B), issubclass(D, A))
t("repr now object's", lambda: repr(d).startswith("<__main__.D object"))
t("len of A-based", lambda: len(C()))
C.__bases__ = (A, B)
print("both", call_f(d), d.g(), names(D))
C.__bases__ = (B, A)
print("swapped", call_f(d), names(D))


class E:
    pass


class F(E):
    pass


# A subclass of D with its own bases: its MRO merges D's new one.
class G(D, E):
    pass


print(names(G))
C.__bases__ = (E, A)
print("G:", names(G))
C.__bases__ = (F, A)
print("subclass merges", names(C), names(G), C.__bases__)

print("--- errors")
t("del", lambda: delattr(C, "__bases__"))
t("builtin", lambda: setb(int, (object,)))
t("del builtin", lambda: delattr(int, "__bases__"))
t("list", lambda: setb(C, [B]))
t("empty", lambda: setb(C, ()))
t("nonclass", lambda: setb(C, (1,)))
t("cycle", lambda: setb(A, (D,)))
t("self", lambda: setb(A, (A,)))
t("int", lambda: setb(C, (int,)))
t("object", lambda: setb(C, (object,)))
t("dict", lambda: setb(C, (dict,)))
t("bool", lambda: setb(C, (bool,)))
t("two layouts", lambda: setb(C, (int, str)))


class L(list):
    pass


class L2(list):
    pass


class L3(L):
    pass


t("list subclass to A", lambda: setb(L, (A,)))
t("list subclass to list subclass", lambda: setb(L, (L2,)))
t("list subclass of subclass", lambda: setb(L3, (L2,)))


class X:
    pass


class Y:
    pass


class Z(X, Y):
    pass


t("duplicate", lambda: setb(Z, (X, Y, X)))
t("duplicate in class statement", lambda: type("W", (X, X), {}))


class P(X, Y):
    pass


class Q(Y, X):
    pass


class R(P):
    pass


t("inconsistent", lambda: setb(R, (P, Q)))


class S:
    __slots__ = ("a",)


class S2:
    __slots__ = ("a",)


class S3:
    __slots__ = ("b",)


class T(S):
    __slots__ = ()


t("slots vs dict", lambda: setb(C, (S,)))
t("same slots", lambda: setb(T, (S2,)))
t("other slots", lambda: setb(T, (S3,)))
print(names(C), names(L), names(R), names(T))

print("--- exceptions and caches")


class MyErr(Exception):
    pass


class Other(Exception):
    pass


class Sub(MyErr):
    pass


def catch(exc_type):
    try:
        raise Sub("x")
    except exc_type:
        return "caught"
    except Exception:
        return "not caught"


print(catch(MyErr), catch(Other))
Sub.__bases__ = (Other,)
print(catch(MyErr), catch(Other), names(Sub))
t("exception to plain class", lambda: setb(Sub, (A,)))


class Counter:
    n = 1


class Counter2:
    n = 2


class Uses(Counter):
    pass


u = Uses()


def get_n(o):
    return o.n


print([get_n(u) for _ in range(3)])
Uses.__bases__ = (Counter2,)
print([get_n(u) for _ in range(3)], Uses.n)


class Dels:
    def __del__(self):
        print("deleted")


class Base0:
    pass


class Plain(Base0):
    pass


Plain.__bases__ = (Dels,)
p = Plain()
del p
import gc

gc.collect()


class K1:
    pass


class K2(K1):
    pass


class K3(K1):
    pass


class K4(K3, K2):
    pass


# K4's MRO cannot be made once K2 derives from K3: nothing changes.
t("inconsistent for a subclass", lambda: setb(K2, (K3,)))
print(names(K2), names(K4), K2.__bases__)
print("end")
