# Assigning a class's __name__ and __qualname__ changes its repr and its instances'.
class A:
    pass


A.__name__ = "B"
print(A.__name__, A.__qualname__, A)
A.__qualname__ = "Outer.B"
print(A.__name__, A.__qualname__, A, type(A()).__qualname__)
print("__name__" in A.__dict__, "__qualname__" in A.__dict__)
for bad in (5, None):
    try:
        A.__name__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    A.__qualname__ = 1.5
except TypeError as e:
    print("TypeError:", e)
try:
    int.__name__ = "x"
except TypeError as e:
    print("TypeError:", e)


def make(n):
    class C:
        pass

    C.__name__ = C.__qualname__ = n
    return C


print([make(n).__name__ for n in "xyz"], make("q"))
