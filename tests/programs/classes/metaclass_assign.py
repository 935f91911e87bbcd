# Assigning a class's __class__ changes its metaclass (type(C), whose __call__ runs,
# what subclasses inherit), with CPython's errors for the layouts it refuses.
class M1(type): pass
class M2(type):
    def __call__(cls, *a):
        print("M2 call", cls.__name__)
        return super().__call__(*a)
class C(metaclass=M1): pass
C.__class__ = M2
print(type(C).__name__, C.__class__.__name__, '__class__' in C.__dict__)
C()
class B(C): pass
print(type(B).__name__)
class D: pass
for target, new in ((D, M2), (C, int), (C, 5), (int, M2)):
    try:
        target.__class__ = new
        print("ok", type(target).__name__)
    except TypeError as e:
        print("TypeError:", e)
class S(metaclass=M1):
    __slots__ = ()
S.__class__ = M2
print(type(S).__name__)
