# Single and multiple inheritance, C3 MRO and cooperative super().
class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
print([c.__name__ for c in D.__mro__])
print(D().who(), D().chain())
print([c.__name__ for c in B.__mro__], [k.__name__ for k in D.__bases__])
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class K1(Dd, F): pass
class K2(E, F): pass
class K3(Dd, E): pass
class Z(K1, K2, K3): pass
print([c.__name__ for c in Z.__mro__])
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    def __init__(self, name):
        self.name = name
        print("Base init", name)
class Mixin:
    def describe(self):
        return f"{type(self).__name__}({self.name})"
class Child(Mixin, Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
c = Child("kid", 42)
print(c.describe(), c.extra, isinstance(c, Base), isinstance(c, Mixin))
print(issubclass(Child, (int, Base)), issubclass(Child, Child), issubclass(bool, int))
print(isinstance(3, (str, int)), isinstance("x", (list, tuple)), issubclass(D, A))
class Root:
    def __init__(self, **kw):
        print("Root", kw)
class Left(Root):
    def __init__(self, left=None, **kw):
        print("Left", left)
        super().__init__(**kw)
class Right(Root):
    def __init__(self, right=None, **kw):
        print("Right", right)
        super().__init__(**kw)
class Bottom(Left, Right):
    def __init__(self, **kw):
        print("Bottom")
        super().__init__(**kw)
Bottom(left=1, right=2)
print([c.__name__ for c in Bottom.__mro__])
print(super(B, D()).who(), object.__name__, [c.__name__ for c in bool.__mro__])
