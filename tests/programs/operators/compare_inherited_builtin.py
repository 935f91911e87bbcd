# A subclass of a built-in type that defines some comparison methods keeps the
# built-in ones it does not define: `S() > S()` runs the inherited `str.__gt__`,
# it does not try the reflected user `__lt__` first.


class S(str):
    def __lt__(self, o):
        print("S.__lt__", self, o)
        return str.__lt__(self, o)


print(max([S("a"), S("c"), S("b")]))
print(min([S("a"), S("c"), S("b")]))
print(S("x") > S("y"), S("x") >= S("y"), S("x") <= S("y"))


class E(str):
    def __eq__(self, o):
        print("E.__eq__")
        return True

    __hash__ = str.__hash__


# __ne__ is str's: it compares the strings, it does not invert the user __eq__.
print(E("a") != E("b"), E("a") == E("b"))


class A(int):
    def __gt__(self, o):
        print("A.__gt__")
        return NotImplemented


class B(int):
    pass


# B's comparison is int's: A's reflected __gt__ is not consulted.
print(B(1) < A(2))
# A(2) is not a subclass of B: A's own __gt__ runs first, then int's reflected __lt__.
print(A(2) > B(1))


class C(A):
    pass


# Right operand's type is a subclass that inherits A.__gt__ (a user method): tried first.
print(A(1) < C(5))
print(S("a") < 5 if False else "skip")
try:
    print(S("a") > 5)
except TypeError as e:
    print("TypeError:", e)


class T(tuple):
    def __ge__(self, o):
        print("T.__ge__")
        return True


print(T((1, 2)) < T((1, 3)), T((1, 2)) >= T((9,)))
print(sorted([S("b"), S("a")]))
