# A super object's own attributes: __thisclass__, __self__, __self_class__.
class A:
    def m(self): return "A.m"
    @classmethod
    def c(cls): return "A.c " + cls.__name__
class B(A):
    def m(self):
        s = super()
        print(s.__thisclass__.__name__, type(s.__self__).__name__, s.__self_class__.__name__)
        print(s.__self__ is self, s.__class__.__name__)
        return s.m()
    @classmethod
    def c(cls):
        s = super()
        print(s.__thisclass__.__name__, s.__self__.__name__, s.__self_class__.__name__)
        return s.c()
class C(B):
    pass
print(B().m())
print(C().m())
print(C.c())
s = super(A, C())
print(s.__thisclass__.__name__, s.__self_class__.__name__)
try:
    s.nothing
except AttributeError as e:
    print("AttributeError:", e)
